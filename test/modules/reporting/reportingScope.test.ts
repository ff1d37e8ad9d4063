import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { roles, type Role } from '../../../src/modules/auth/viewer.js';
import { reportingViews } from '../../../src/modules/reporting/index.js';
import { buildServer } from '../../../src/server/buildServer.js';
import { bearerHeaders, testServerConfig } from '../../support/auth.js';
import { createTestDatabase, type TestDatabase, testBackends } from '../../support/database.js';
import { insertScopeFixture } from '../auth/scopeFixture.js';
import { connectAs, dropLogins, makeLogin } from './reportingClient.js';

type Row = Record<string, unknown>;
/** One reporting view beside the GraphQL door a caller reads the same rows through. */
interface Pair {
  view: string;
  sql: string;
  query: string;
  rows: (data: Record<string, any>) => Row[];
}

const sorted = (rows: Row[]) => rows.map((row) => JSON.stringify(row)).sort();
const nodes = (field: string) => (data: Record<string, any>) => data[field].nodes as Row[];

// Each view's identifying and masked columns, against the same columns of the GraphQL door.
const pairs: Pair[] = [
  {
    view: 'loan_facts',
    sql: `SELECT "loanId", "contractNo", "effectiveRate"::text, "spreadBps", "lprAtPricing"::text, "outstandingBalance"::text,
                 "contractDate", "enterpriseCreditCode", "orgUnitCode", "campaignCodes", "countyName" FROM reporting.loan_facts`,
    query: `{ loanFacts(first: 5000) { nodes { loanId contractNo effectiveRate spreadBps lprAtPricing outstandingBalance
              contractDate enterpriseCreditCode orgUnitCode campaignCodes countyName } } }`,
    rows: nodes('loanFacts'),
  },
  {
    view: 'impact_facts',
    sql: `SELECT "impactId", "loanContractNo", "initiativeCode", "orgUnitCode", "peopleDriven", "regionCode" FROM reporting.impact_facts`,
    query:
      '{ impactFacts(first: 5000) { nodes { impactId loanContractNo initiativeCode orgUnitCode peopleDriven regionCode } } }',
    rows: nodes('impactFacts'),
  },
  {
    view: 'initiatives',
    sql: 'SELECT "code", "budget"::text FROM reporting.initiatives',
    query: '{ initiatives(first: 500) { nodes { code budget } } }',
    rows: nodes('initiatives'),
  },
  {
    view: 'org_units',
    sql: 'SELECT "code", "path" FROM reporting.org_units',
    query: '{ orgUnits(first: 500) { nodes { code path } } }',
    rows: nodes('orgUnits'),
  },
  {
    view: 'enterprises',
    sql: 'SELECT "name", "creditCode" FROM reporting.enterprises',
    query: '{ enterprises(first: 500) { nodes { name creditCode } } }',
    rows: nodes('enterprises'),
  },
  {
    view: 'regions',
    sql: 'SELECT "code", "name", "level" FROM reporting.regions',
    query: '{ regions(first: 500) { nodes { code name level } } }',
    rows: nodes('regions'),
  },
  {
    view: 'villages',
    sql: 'SELECT "code", "name" FROM reporting.villages',
    query: '{ villages(first: 500) { nodes { code name } } }',
    rows: nodes('villages'),
  },
  {
    view: 'lpr_rates',
    sql: 'SELECT "effectiveDate", "tenor", "rate"::text FROM reporting.lpr_rates',
    query: '{ lprRates(first: 500) { nodes { effectiveDate tenor rate } } }',
    rows: nodes('lprRates'),
  },
  {
    // The monthly rollup summed over every cell equals loanStatistics' one total.
    view: 'loan_months',
    sql: `SELECT sum("loanCount")::int AS "loanCount", sum("contractAmount")::text AS "contractAmount",
                 sum("outstandingBalance")::text AS "outstandingBalance", sum("nonPerformingBalance")::text AS "nonPerformingBalance"
          FROM reporting.loan_months HAVING count(*) > 0`,
    query: '{ loanStatistics { groups { loanCount contractAmount outstandingBalance nonPerformingBalance } } }',
    rows: (data) => data.loanStatistics.groups.filter((g: Row) => (g.loanCount as number) > 0),
  },
  {
    view: 'snapshot_months',
    sql: `SELECT "monthEnd", sum("loanCount")::int AS "loanCount", sum("outstandingBalance")::text AS "outstandingBalance"
          FROM reporting.snapshot_months WHERE "monthEnd" BETWEEN '2020-01-01' AND '2020-12-31' GROUP BY "monthEnd"`,
    query: `{ portfolioSeries(from: "2020-01-01", to: "2020-12-31") { series { points { monthEnd loanCount outstandingBalance } } } }`,
    rows: (data) =>
      data.portfolioSeries.series.flatMap((s: any) => s.points).filter((p: Row) => (p.loanCount as number) > 0),
  },
];

// Every API role at each of two sibling branches, and the two whole-bank-or-parent callers.
const callers: { role: Role; unit: string | null }[] = [
  ...roles.flatMap((role) => [
    { role, unit: 'SC-A' },
    { role, unit: 'SC-B' },
  ]),
  { role: 'ADMIN', unit: null },
  { role: 'ANALYST', unit: 'FIX-ZZ' },
];

describe('every reporting view shows each login exactly what the same caller reads through GraphQL', async () => {
  if (!(await testBackends()).includes('postgres')) {
    test('skipped: the SQL door needs PostgreSQL', { skip: true }, () => {});
    return;
  }
  let database: TestDatabase;
  let app: FastifyInstance;
  const clients = new Map<string, pg.Client>();
  before(async () => {
    database = await createTestDatabase('postgres');
    await insertScopeFixture(database.db);
    app = await buildServer({ config: testServerConfig, db: database.db });
    for (const caller of callers) {
      const { login } = await makeLogin(database.db, caller.role, caller.unit);
      clients.set(`${caller.role}@${caller.unit ?? 'bank'}`, await connectAs(database.url!, login));
    }
  });
  after(async () => {
    for (const client of clients.values()) await client.end();
    await app?.close();
    if (database) await dropLogins(database.db);
    await database?.dispose();
  });

  test('the pairs cover every reporting view', () => {
    assert.deepEqual(pairs.map((p) => p.view).sort(), reportingViews.map((v) => v.name).sort());
  });

  for (const caller of callers) {
    const name = `${caller.role}@${caller.unit ?? 'bank'}`;
    test(name, async () => {
      const headers = await bearerHeaders({
        roles: [caller.role],
        sub: name,
        ...(caller.unit ? { orgUnit: caller.unit } : {}),
      });
      for (const pair of pairs) {
        const response = await app.inject({ method: 'POST', url: '/graphql', headers, payload: { query: pair.query } });
        const body = response.json() as {
          data?: Record<string, any> | null;
          errors?: { extensions?: { code?: string }; path?: string[] }[];
        };
        const refused = body.errors?.some((e) => e.extensions?.code === 'FORBIDDEN' && e.path?.length === 1);
        const expected = refused || !body.data ? [] : pair.rows(body.data);
        if (!refused) assert.ok(body.data, `${pair.view}: ${JSON.stringify(body.errors)}`);
        const { rows } = await clients.get(name)!.query(pair.sql);
        assert.deepEqual(sorted(rows), sorted(expected), `${name}: ${pair.view}`);
      }
    });
  }

  test('the matrix is not vacuous: A sees its loan and not B’s, and a VIEWER sees credit codes masked', async () => {
    const a = await clients.get('ANALYST@SC-A')!.query('SELECT "contractNo" FROM reporting.loan_facts');
    assert.deepEqual(a.rows, [{ contractNo: 'SC-LOAN-A' }]);
    const viewer = await clients
      .get('VIEWER@SC-A')!
      .query('SELECT "name", "creditCode" FROM reporting.enterprises ORDER BY 1');
    assert.deepEqual(viewer.rows, [
      { name: 'Borrower A', creditCode: null },
      { name: 'Prospect', creditCode: null },
    ]);
    const manager = await clients
      .get('PROGRAMME_MANAGER@SC-A')!
      .query('SELECT "creditCode" FROM reporting.enterprises WHERE "name" = \'Borrower A\'');
    assert.deepEqual(manager.rows, [{ creditCode: '91350100M000100Y43' }]);
    const officer = await clients
      .get('LOAN_OFFICER@SC-B')!
      .query('SELECT count(*)::int AS n FROM reporting.loan_facts');
    assert.deepEqual(officer.rows, [{ n: 0 }], 'facts are an analyst’s, as loanFacts');
    const months = await clients
      .get('LOAN_OFFICER@SC-B')!
      .query('SELECT sum("loanCount")::int AS n FROM reporting.loan_months');
    assert.deepEqual(months.rows, [{ n: 1 }], 'rollups are loanStatistics’, which officers read');
  });
});
