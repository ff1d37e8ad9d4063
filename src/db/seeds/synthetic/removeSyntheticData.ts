import type { Database, SqlConnection } from '../../client.js';
import { scratchSchema } from './syntheticRun.js';

/** Tables holding synthetic rows, children before parents, so each delete leaves no orphan. */
const loanTables = [
  'LoanCampaign',
  'ImpactRecord',
  'LoanClassificationSnapshot',
  'Repayment',
  'RepaymentScheduleItem',
  'EnterpriseLoan',
];
const otherTables = [
  'EnterpriseSite',
  'Enterprise',
  'CadreAssignment',
  'InitiativeCampaign',
  'InitiativeMetric',
  'InitiativeVillage',
  'Initiative',
  'Campaign',
  'Village',
  'OrgUnit',
];

/**
 * Deletes every row whose dataSource is SYNTHETIC, and the synthetic townships, and drops the
 * seeder's scratch schema: what a failed seeding leaves behind, or a finished one before seeding
 * again. Henan's province, prefecture and county rows and the LPR history stay (their codes,
 * names and rates are real, and other data may point at them). Two transactions with a VACUUM
 * of the loan table between them: deleting a site checks that no loan refers to it, and with no
 * index on `EnterpriseLoan.siteId` each check reads the whole table, dead rows included. The loan
 * rollups are rebuilt from what remains (`dishui_refresh_loan_rollups`), so they are right even
 * after a run that was killed between its chunks and its final rollup rebuild. Safe to run again
 * after a failure. Returns the rows deleted per table.
 * @throws the database's foreign-key error when a row that is not synthetic refers to a
 *   synthetic one (e.g. a loan booked through the API at a synthetic outlet); that transaction
 *   deletes nothing.
 */
export async function removeSyntheticData(db: Database): Promise<Record<string, number>> {
  return db.sql.withConnection(async (connection) => {
    const deleted: Record<string, number> = {};
    await inTransaction(connection, async () => {
      // The rollups are rebuilt below instead: a run that was stopped part-way committed chunks
      // whose loans it had not added to them yet.
      await connection.exec(`SET LOCAL dishui.defer_rollups = 'on'`);
      for (const table of loanTables) deleted[table] = await deleteSynthetic(connection, table);
      await connection.query('SELECT "dishui_refresh_loan_rollups"()');
    });
    await connection.exec('VACUUM "EnterpriseLoan"');
    await inTransaction(connection, async () => {
      for (const table of otherTables) deleted[table] = await deleteSynthetic(connection, table);
      const [regions] = await connection.query<{ n: number }>(
        `WITH gone AS (DELETE FROM "Region" r WHERE r."dataSource" = 'SYNTHETIC' AND r.level = 'TOWNSHIP'
                         AND NOT EXISTS (SELECT 1 FROM "Village" v WHERE v."townshipId" = r.id) RETURNING 1)
         SELECT count(*)::int AS n FROM gone`,
      );
      deleted.Region = Number(regions?.n ?? 0);
      await connection.exec(`DROP SCHEMA IF EXISTS ${scratchSchema} CASCADE`);
    });
    return deleted;
  });
}

async function deleteSynthetic(connection: SqlConnection, table: string): Promise<number> {
  const [row] = await connection.query<{ n: number }>(
    `WITH gone AS (DELETE FROM "${table}" WHERE "dataSource" = 'SYNTHETIC' RETURNING 1) SELECT count(*)::int AS n FROM gone`,
  );
  return Number(row?.n ?? 0);
}

async function inTransaction(connection: SqlConnection, work: () => Promise<void>): Promise<void> {
  await connection.exec('BEGIN');
  try {
    await work();
    await connection.exec('COMMIT');
  } catch (error) {
    await connection.exec('ROLLBACK').catch(() => {});
    throw error;
  }
}
