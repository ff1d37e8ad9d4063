import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type FieldDefinitionNode, Kind, type ObjectTypeDefinitionNode, parse, type TypeNode } from 'graphql';
import { reportingViews } from '../../../src/modules/reporting/index.js';
import { typeDefs } from '../../../src/schema/typeDefs.js';
import { createTestDatabase, type TestDatabase, testBackends } from '../../support/database.js';

interface Column {
  view: string;
  name: string;
  type: string;
  comment: string | null;
}

// The API contract's object types and their fields, by name.
const document = parse(typeDefs);
const objectTypes = new Map(
  document.definitions
    .filter((node): node is ObjectTypeDefinitionNode => node.kind === Kind.OBJECT_TYPE_DEFINITION)
    .map((node) => [node.name.value, node]),
);
const enums = new Set(
  document.definitions.filter((node) => node.kind === Kind.ENUM_TYPE_DEFINITION).map((node) => node.name.value),
);
const namedType = (type: TypeNode): string => (type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type));
const fieldsOf = (typeName: string): readonly FieldDefinitionNode[] => {
  const type = objectTypes.get(typeName);
  if (!type) throw new Error(`schema.graphql has no type ${typeName}`);
  return type.fields ?? [];
};
/** Money is a Decimal whose description says CNY. */
const isMoney = (field: FieldDefinitionNode) =>
  namedType(field.type) === 'Decimal' && /CNY/.test(field.description?.value ?? '');

/** Whether a view column of PostgreSQL type `sqlType` carries GraphQL field `field` faithfully. */
function agrees(field: FieldDefinitionNode, sqlType: string): boolean {
  const graphqlType = namedType(field.type);
  if (isMoney(field)) return sqlType === 'numeric(18,2)';
  if (enums.has(graphqlType)) return sqlType === 'text';
  switch (graphqlType) {
    case 'Int':
      return sqlType === 'integer';
    case 'String':
      return sqlType === 'text';
    case 'Boolean':
      return sqlType === 'boolean';
    case 'Decimal':
      return /^numeric\(\d+,\d+\)$/.test(sqlType);
    case 'Date':
      return sqlType === 'date';
    case 'DateTime':
      return /^timestamp(\(\d\))? with time zone$/.test(sqlType);
    default:
      return false;
  }
}

// The flat facts mirror their GraphQL type column for column, in order; the other views share the
// fields they name with the type whose rows they hold (their ids are row ids, the API's are global).
const exact: Record<string, string> = { loan_facts: 'LoanFact', impact_facts: 'ImpactFact' };
const partial: Record<string, string[]> = {
  loan_months: ['LoanGroup', 'LoanFact'],
  snapshot_months: ['PortfolioPoint', 'LoanFact'],
  initiatives: ['Initiative'],
  org_units: ['OrgUnit'],
  enterprises: ['Enterprise'],
  regions: ['Region'],
  villages: ['Village'],
  lpr_rates: ['LprRate'],
};

describe('the reporting views match the GraphQL fields they mirror, and every view and column is described', async () => {
  for (const backend of await testBackends()) {
    describe(backend, () => {
      let database: TestDatabase;
      let columns: Column[];
      let views: { name: string; comment: string | null }[];
      before(async () => {
        database = await createTestDatabase(backend);
        views = await database.db.sql.query(
          `SELECT c.relname AS name, obj_description(c.oid, 'pg_class') AS comment
           FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = 'reporting' ORDER BY c.relname`,
        );
        columns = await database.db.sql.query(
          `SELECT c.relname AS view, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
                  col_description(c.oid, a.attnum) AS comment
           FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
           WHERE n.nspname = 'reporting' ORDER BY c.relname, a.attnum`,
        );
      });
      after(() => database?.dispose());

      const columnsOf = (view: string) => columns.filter((column) => column.view === view);

      test('the schema holds exactly the views reportingViews lists, and nothing else', () => {
        assert.deepEqual(
          views.map((view) => view.name),
          reportingViews.map((view) => view.name).sort(),
        );
      });

      test('every view and every column has a COMMENT (BI tools show it as the description)', () => {
        assert.deepEqual(
          views.filter((view) => !view.comment?.trim()).map((view) => view.name),
          [],
        );
        assert.deepEqual(
          columns.filter((column) => !column.comment?.trim()).map((column) => `${column.view}.${column.name}`),
          [],
        );
      });

      for (const [view, typeName] of Object.entries(exact)) {
        test(`${view} has ${typeName}'s fields as columns, in order, with their types`, () => {
          const fields = fieldsOf(typeName);
          assert.deepEqual(
            columnsOf(view).map((column) => column.name),
            fields.map((field) => field.name.value),
          );
          const disagreeing = fields
            .map((field, n) => ({ field, column: columnsOf(view)[n]! }))
            .filter(({ field, column }) => !agrees(field, column.type))
            .map(({ field, column }) => `${column.name}: ${column.type} for ${namedType(field.type)}`);
          assert.deepEqual(disagreeing, []);
        });
      }

      for (const [view, typeNames] of Object.entries(partial)) {
        test(`${view}: every column named as a field of ${typeNames.join(' or ')} has that field's type`, () => {
          const shared = columnsOf(view).flatMap((column) => {
            const field = typeNames
              .flatMap((typeName) => fieldsOf(typeName))
              .find((candidate) => candidate.name.value === column.name && column.name !== 'id');
            return field ? [{ field, column }] : [];
          });
          assert.ok(shared.length >= 3, `${view} shares fields with the API: ${shared.length}`);
          assert.deepEqual(
            shared
              .filter(({ field, column }) => !agrees(field, column.type))
              .map(({ field, column }) => `${column.name}: ${column.type} for ${namedType(field.type)}`),
            [],
          );
        });
      }

      test('money is numeric(18,2) and dates are date in every view', () => {
        const money = /(Amount|Balance|Principal|Interest|budget|incomeIncrease)$/i;
        const wrongMoney = columns.filter((column) => money.test(column.name) && column.type !== 'numeric(18,2)');
        assert.deepEqual(
          wrongMoney.map((column) => `${column.view}.${column.name}: ${column.type}`),
          [],
        );
        const dateLike = /(Date|Month|monthEnd|periodStart|periodEnd|Until|On)$/;
        assert.deepEqual(
          columns
            .filter((column) => dateLike.test(column.name) && column.type !== 'date')
            .map((column) => `${column.view}.${column.name}: ${column.type}`),
          [],
        );
      });

      test('the check notices drift: a column renamed or retyped in a view (in a transaction rolled back)', async () => {
        const drifted = await database.db.sql.withConnection(async (sql) => {
          await sql.exec('BEGIN');
          try {
            await sql.exec(`ALTER VIEW reporting.loan_facts RENAME COLUMN "countyName" TO "county_name"`);
            return sql.query<Column>(
              `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type
               FROM pg_attribute a WHERE a.attrelid = 'reporting.loan_facts'::regclass AND a.attnum > 0 ORDER BY a.attnum`,
            );
          } finally {
            await sql.exec('ROLLBACK');
          }
        });
        const names = fieldsOf('LoanFact').map((field) => field.name.value);
        assert.notDeepEqual(
          drifted.map((column) => column.name),
          names,
        );
        const moneyField = fieldsOf('LoanFact').find((field) => field.name.value === 'contractAmount')!;
        assert.equal(agrees(moneyField, 'numeric(18,4)'), false, 'a money column of another scale disagrees');
        assert.equal(agrees(moneyField, 'numeric(18,2)'), true);
      });
    });
  }
});
