// Times `dishui import loans` of 100,000 rows on PostgreSQL (a throwaway database on the test
// server, DISHUI_TEST_POSTGRES_URL or postgres@127.0.0.1) and prints rows per second.
// Usage: node --import tsx bench/import.ts [rows]
import { importFile, importKinds } from '../src/modules/imports/index.js';
import { createTestDatabase } from '../test/support/database.js';
import { insertWriteFixture, officer } from '../test/modules/writes/writeFixture.js';
import { unrestrictedScope } from '../src/modules/auth/accessScope.js';

const rows = Number(process.argv[2] ?? 100_000);
const header =
  'contractNo,enterpriseId,orgUnitCode,regionCode,product,regulatoryClass,policyRegime,repaymentMethod,effectiveRate,contractAmount,contractDate,termMonths,status,disbursedAmount,outstandingBalance';
const methods = ['EQUAL_INSTALMENT', 'EQUAL_PRINCIPAL', 'INTEREST_ONLY_BULLET', 'BULLET'];
const lines = [header];
for (let i = 0; i < rows; i += 1) {
  const amount = 100_000 + (i % 97) * 10_000;
  const day = String(1 + (i % 28)).padStart(2, '0');
  lines.push(
    `BENCH-${String(i).padStart(7, '0')},9401,FIX-ZZ,410422,WORKING_CAPITAL,INDUSTRY,TARGETED_2016_2020,${methods[i % 4]},0.0435,${amount}.00,2020-03-${day},${12 + (i % 4) * 12},DISBURSED,${amount}.00,${amount / 2}.00`,
  );
}
const text = lines.join('\n');

const database = await createTestDatabase('postgres');
try {
  await insertWriteFixture(database.db);
  // The fixture's rows have fixed ids near 10,000; start the loan ids above them.
  await database.db.sql.query(`SELECT setval(pg_get_serial_sequence('"EnterpriseLoan"', 'id'), 100000)`);
  const started = process.hrtime.bigint();
  const report = await importFile(database.db, officer, unrestrictedScope, importKinds.loans, text);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (report.problems.length > 0)
    throw new Error(`unexpected problems: ${JSON.stringify(report.problems.slice(0, 3))}`);
  console.log(
    `import loans: ${report.rowsWritten} rows in ${seconds.toFixed(2)} s (${Math.round(report.rowsWritten / seconds)} rows/s, ${(text.length / 1e6).toFixed(1)} MB CSV) on PostgreSQL`,
  );
} finally {
  await database.dispose();
}
