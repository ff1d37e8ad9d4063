import { fixtureIds as id } from './invariantFixture.js';

/** A rule that an UPDATE can break: `broken` is refused naming `constraint`, `valid` is accepted. */
export interface InvariantUpdateCase {
  constraint: string;
  /** The table whose rule it is. */
  table: string;
  rule: string;
  /** Statements run first (inside the same rolled-back transaction). */
  setup?: string;
  broken: string;
  valid: string;
}

/** Rules the triggers also hold when existing rows change. */
export const invariantUpdateCases: readonly InvariantUpdateCase[] = [
  {
    constraint: 'Region_parent_one_level_up_check',
    table: 'Region',
    rule: 'moving a township under a prefecture is refused',
    broken: `UPDATE "Region" SET "parentId" = ${id.zhengzhou} WHERE "id" = ${id.daye}`,
    valid: `UPDATE "Region" SET "parentId" = ${id.dengfeng}, "name" = '大冶镇' WHERE "id" = ${id.daye}`,
  },
  {
    constraint: 'Region_parent_one_level_up_check',
    table: 'Region',
    rule: 'a region cannot be its own parent',
    broken: `UPDATE "Region" SET "parentId" = "id" WHERE "id" = ${id.dengfeng}`,
    valid: `UPDATE "Region" SET "parentId" = ${id.zhengzhou} WHERE "id" = ${id.dengfeng}`,
  },
  {
    constraint: 'Region_code_extends_parent_check',
    table: 'Region',
    rule: 'renumbering a prefecture is refused while its counties carry the old code',
    setup: `INSERT INTO "Region" ("code", "name", "level", "parentId") VALUES ('4105', '安阳市', 'PREFECTURE', ${id.henan})`,
    broken: `UPDATE "Region" SET "code" = '4109' WHERE "id" = ${id.zhengzhou}`,
    valid: `UPDATE "Region" SET "code" = '4109' WHERE "code" = '4105'`,
  },
  {
    constraint: 'Village_township_in_county_check',
    table: 'Village',
    rule: 'moving a village to another county without its township is refused',
    broken: `UPDATE "Village" SET "countyId" = ${id.yeCounty} WHERE "id" = ${id.village}`,
    valid: `UPDATE "Village" SET "countyId" = ${id.yeCounty}, "townshipId" = NULL WHERE "id" = ${id.village}`,
  },
  {
    constraint: 'Village_code_extends_region_check',
    table: 'Village',
    rule: "a village's new code must still start with its township's code",
    broken: `UPDATE "Village" SET "code" = '410185106201' WHERE "id" = ${id.village}`,
    valid: `UPDATE "Village" SET "code" = '410185105201' WHERE "id" = ${id.village}`,
  },
];
