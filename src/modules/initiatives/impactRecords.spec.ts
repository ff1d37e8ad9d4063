import { Prisma } from '../../generated/prisma/client.js';
import type { EntitySpec } from '../../engine/entitySpec.js';
import { col, common, en, of } from '../../engine/specHelpers.js';
import { initiativeInUnits, loanInUnits } from '../auth/index.js';

/** Impact records of loans and initiatives (帶貧成效). */
export const impactRecordSpecs: Record<string, EntitySpec> = {
  ImpactRecord: {
    typeName: 'ImpactRecord',
    table: 'ImpactRecord',
    fields: {
      ...common(),
      periodStart: of('date', 'periodStart', 'Start of the period.'),
      periodEnd: of('date', 'periodEnd', 'End of the period.'),
      mechanism: en('ImpactMechanism', 'mechanism', 'How poor people are driven (帶貧機制).'),
      peopleDriven: of('int', 'peopleDriven', 'People driven (帶動).'),
      registeredPoorPeople: of('int', 'registeredPoorPeople', 'Registered poor people reached.'),
      registeredPoorHouseholds: of('int', 'registeredPoorHouseholds', 'Registered poor households reached.'),
      employeesTotal: of('int', 'employeesTotal', 'Employees in total.'),
      poorEmployeeShare: of('decimal', 'poorEmployeeShare', 'Share of poor employees, 0–1.'),
      incomeIncrease: of('decimal', 'incomeIncrease', 'Income increase, CNY.'),
      approximate: of('boolean', 'approximate', 'Whether approximate.'),
      verifiedBy: en('Verifier', 'verifiedBy', 'Who verified it.'),
    },
    relations: {
      loan: { cardinality: 'one', target: 'EnterpriseLoan', column: 'loanId', description: 'The loan.' },
      initiative: { cardinality: 'one', target: 'Initiative', column: 'initiativeId', description: 'The initiative.' },
      region: { cardinality: 'one', target: 'Region', column: 'regionId', description: 'The region.' },
    },
    regionId: (alias) => col(alias, 'regionId'),
    // A record counts for the branch of its loan or of its initiative.
    inScope: (alias, units) =>
      Prisma.sql`(${loanInUnits(col(alias, 'loanId'), units)} OR ${initiativeInUnits(col(alias, 'initiativeId'), units)})`,
  },
};
