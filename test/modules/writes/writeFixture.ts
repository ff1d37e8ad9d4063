import type { Database } from '../../../src/db/client.js';
import type { Actor } from '../../../src/modules/writes/actor.js';
import { fixtureIds, insertInvariantFixture, insertRow } from '../../support/invariantFixture.js';

/** The loan officer every write test acts as. */
export const officer: Actor = Object.freeze({ id: 'staff-0042', role: 'LOAN_OFFICER', orgUnitId: fixtureIds.branch });

/** Ids of the write fixture's rows: the invariant fixture's plus a site of the enterprise. */
export const writeIds = Object.freeze({ ...fixtureIds, site: 9451, otherEnterprise: 9402, campaign: 9601 });

/**
 * Writes the rows write tests refer to: a piece of the Henan region tree, a branch, an
 * initiative, a village, two enterprises (one with a farm in 叶县), a campaign and a loan.
 */
export async function insertWriteFixture(db: Database): Promise<void> {
  await insertInvariantFixture(db.sql);
  await insertRow(db.sql, 'Enterprise', { id: writeIds.otherEnterprise, name: 'A bio company', anonymised: true });
  await insertRow(db.sql, 'EnterpriseSite', {
    id: writeIds.site,
    enterpriseId: writeIds.enterprise,
    regionId: writeIds.yeCounty,
    kind: 'FARM',
  });
  await insertRow(db.sql, 'Campaign', { id: writeIds.campaign, code: 'FIX-PUHUI', name: '工银普惠行' });
}

const watchedTables = [
  'Village',
  'Initiative',
  'InitiativeVillage',
  'CadreAssignment',
  'InitiativeMetric',
  'Campaign',
  'InitiativeCampaign',
  'LoanCampaign',
  'Enterprise',
  'EnterpriseSite',
  'EnterpriseLoan',
  'RepaymentScheduleItem',
  'Repayment',
  'LoanClassificationSnapshot',
  'ImpactRecord',
  'AuditEvent',
  'IdempotencyRecord',
];

/**
 * A digest of every row of every table a mutation can write: two equal fingerprints mean
 * nothing was written in between.
 */
export async function fingerprint(db: Database): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const table of watchedTables) {
    const [row] = await db.sql.query<{ digest: string }>(
      `SELECT count(*) || ':' || md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM "${table}" t`,
    );
    result[table] = row!.digest;
  }
  return result;
}

/** {@link insertWriteFixture} as a {@link forEachBackend} fixture: the rows, and nothing to close. */
export async function writeFixtureRows({ db }: { db: Database }): Promise<Record<string, never>> {
  await insertWriteFixture(db);
  return {};
}
