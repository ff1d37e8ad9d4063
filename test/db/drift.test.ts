import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { reportingViews } from '../../src/modules/reporting/index.js';
import { createTestDatabase, testBackends, type TestDatabase } from '../support/database.js';
import { readDatabaseShape } from '../support/databaseShape.js';
import { getDatamodel } from '../support/prismaSchema.js';
import { expectedShape } from '../support/schemaShape.js';
import { shapeDifferences } from '../support/shapeDifferences.js';

// The schema as Prisma itself parses it (its schema wasm), not as a regex would read it.
const datamodel = getDatamodel();
const expected = expectedShape(datamodel);

describe('the migrated database matches prisma/schema.prisma', async () => {
  for (const backend of await testBackends()) {
    describe(backend, () => {
      let database: TestDatabase;
      let differences: string[];
      before(async () => {
        database = await createTestDatabase(backend);
        differences = shapeDifferences(expected, await readDatabaseShape(database.db.sql));
      });
      after(() => database?.dispose());

      test('every enum exists with the schema values in the schema order, and no other enum', () => {
        assert.deepEqual(
          differences.filter((line) => line.startsWith('enum ')),
          [],
        );
      });

      test('every model has a table and there is no table the schema lacks, except the migration history', () => {
        const tableLevel = /^table [^:]+: (missing from the database|in the database but not in the schema)$/;
        assert.deepEqual(
          differences.filter((line) => tableLevel.test(line)),
          [],
        );
      });

      test('the comparison notices drift of every kind it checks (made in a transaction that is rolled back)', async () => {
        // DDL is transactional in PostgreSQL, so the drift exists only inside this transaction.
        const drifted = await database.db.sql.withConnection(async (sql) => {
          await sql.exec('BEGIN');
          try {
            // The reporting views depend on the columns whose types change here.
            await sql.exec(`
              DROP SCHEMA "reporting" CASCADE;
              ALTER TABLE "EnterpriseLoan" DROP COLUMN "note";
              ALTER TABLE "Region" ALTER COLUMN "aliases" SET DEFAULT ARRAY['x']::TEXT[];
              ALTER TABLE "OrgUnit" ALTER COLUMN "countyLevel" DROP DEFAULT;
              ALTER TABLE "LprRate" ALTER COLUMN "id" DROP DEFAULT;
              ALTER TABLE "Campaign" ALTER COLUMN "createdAt" DROP DEFAULT;
              ALTER TABLE "Village" ALTER COLUMN "name" DROP NOT NULL;
              ALTER TABLE "Enterprise" ALTER COLUMN "industryCode" TYPE VARCHAR(6);
              ALTER TABLE "Initiative" ALTER COLUMN "budget" TYPE DECIMAL(18,4);
              DROP INDEX "Village_name_idx";
              ALTER TABLE "Repayment" DROP CONSTRAINT "Repayment_scheduleItemId_fkey";
              ALTER TABLE "Repayment" ADD CONSTRAINT "Repayment_scheduleItemId_fkey" FOREIGN KEY ("scheduleItemId")
                REFERENCES "RepaymentScheduleItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;
              ALTER TYPE "Verifier" ADD VALUE 'AUDITOR';
              ALTER TABLE "LprRate" ADD COLUMN "source" TEXT;
              CREATE TABLE "Stray" ("id" INTEGER PRIMARY KEY);
            `);
            return shapeDifferences(expected, await readDatabaseShape(sql));
          } finally {
            await sql.exec('ROLLBACK');
          }
        });
        const action = (onDelete: string) =>
          `{"columns":["scheduleItemId"],"referencedTable":"RepaymentScheduleItem","referencedColumns":["id"],"onDelete":"${onDelete}","onUpdate":"Cascade"}`;
        assert.deepEqual(drifted, [
          'enum Verifier: values: schema ["POVERTY_OFFICE","REVITALIZATION_BUREAU","BANK","SELF_REPORTED"], ' +
            'database ["POVERTY_OFFICE","REVITALIZATION_BUREAU","BANK","SELF_REPORTED","AUDITOR"]',
          'table Campaign: column createdAt: default: schema "now()", database null',
          'table Enterprise: column industryCode: type: schema "character varying(5)", database "character varying(6)"',
          'table EnterpriseLoan: column note: missing from the database',
          'table Initiative: column budget: type: schema "numeric(18,2)", database "numeric(18,4)"',
          'table LprRate: column id: default: schema "autoincrement()", database null',
          'table LprRate: column source: in the database but not in the schema',
          'table OrgUnit: column countyLevel: default: schema "literal:false", database null',
          'table Region: column aliases: default: schema "literal:{}", database "literal:{x}"',
          `table Repayment: foreign key Repayment_scheduleItemId_fkey: schema ${action('SetNull')}, database ${action('Cascade')}`,
          'table Village: column name: nullable: schema false, database true',
          'table Village: index Village_name_idx: missing from the database',
          'table Stray: in the database but not in the schema',
        ]);
        assert.deepEqual(shapeDifferences(expected, await readDatabaseShape(database.db.sql)), [], 'rolled back');
      });

      test('the SQL door’s schemas hold exactly its views (columns: test/modules/reporting/reportingDrift.test.ts)', async () => {
        const relations = await database.db.sql.query<{ relation: string }>(
          `SELECT n.nspname || '.' || c.relname || ':' || c.relkind::text AS relation
           FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname IN ('reporting', 'reporting_private') ORDER BY 1`,
        );
        assert.deepEqual(
          relations.map((row) => row.relation),
          [
            ...reportingViews.map((view) => `reporting.${view.name}:v`).sort(),
            'reporting_private.caller:v',
            'reporting_private.callerUnits:v',
          ],
        );
      });

      for (const model of datamodel.models) {
        const table = model.dbName ?? model.name;
        test(`${table}: columns (type, nullability, default), primary key, indexes and foreign keys match the model`, () => {
          assert.deepEqual(
            differences.filter((line) => line.startsWith(`table ${table}: `)),
            [],
          );
        });
      }
    });
  }
});
