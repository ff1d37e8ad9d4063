import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { toGlobalId } from '../../../src/engine/globalId.js';
import type { GraphQLResponse } from '../support/graphqlClient.js';
import { createTestDatabase, testBackends, type TestDatabase } from '../../support/database.js';
import { callerClient, type CallerClient } from './callerClient.js';
import { peopleDriven as people, scopeIds, type CallerName } from './scopeFixture.js';
import { insertScopeFixture } from './scopeFixture.js';

type Data = Record<string, any>;
/** What a caller sees through one door: identifiers and counts, sorted, or the refusal's code. */
type Seen = unknown[] | 'FORBIDDEN';

/** One door of the API: a query, how to read what it showed, and what each caller must see. */
interface Door {
  door: string;
  query: string;
  seen: (data: Data) => unknown[];
  expect: Partial<Record<CallerName, Seen>>;
}

const id = (type: string, row: number) => toGlobalId(type, row);
const codes = (connection: { totalCount?: number; nodes: Record<string, unknown>[] }, field: string) => [
  ...connection.nodes.map((node) => node[field]),
  ...(connection.totalCount === undefined ? [] : [`total:${connection.totalCount}`]),
];
const sum = (...values: number[]) => String(values.reduce((a, b) => a + b, 0));
const allPeople = sum(...Object.values(people));
const peopleA = sum(people.loanA, people.initiativeA);

// Every entity type × every door (list, node, natural key, nested, aggregate, facts), with the
// rows each caller must see and nothing else: A's callers see A and its outlet A1, never B or the
// parent P; P's analyst sees all three; a VIEWER is refused loans outright.
const doors: Door[] = [
  {
    door: 'list + totalCount: loans',
    query: '{ enterpriseLoans(orderBy: [{ field: CONTRACT_NO }]) { totalCount nodes { contractNo } } }',
    seen: (d) => codes(d.enterpriseLoans, 'contractNo'),
    expect: {
      admin: ['FIX-LOAN', 'SC-LOAN-A', 'SC-LOAN-B', 'total:3'],
      analystA: ['SC-LOAN-A', 'total:1'],
      officerA: ['SC-LOAN-A', 'total:1'],
      adminA: ['SC-LOAN-A', 'total:1'],
      analystB: ['SC-LOAN-B', 'total:1'],
      analystP: ['FIX-LOAN', 'SC-LOAN-A', 'SC-LOAN-B', 'total:3'],
      viewerA: 'FORBIDDEN',
      managerA: 'FORBIDDEN',
    },
  },
  {
    door: 'list + totalCount: enterprises (a borrower is in scope through its loans; one with none is everyone’s)',
    query: '{ enterprises(orderBy: [{ field: NAME }]) { totalCount nodes { name } } }',
    seen: (d) => codes(d.enterprises, 'name'),
    expect: {
      admin: ['A dairy company', 'Borrower A', 'Borrower B', 'Prospect', 'total:4'],
      analystA: ['Borrower A', 'Prospect', 'total:2'],
      viewerA: ['Borrower A', 'Prospect', 'total:2'],
      analystB: ['Borrower B', 'Prospect', 'total:2'],
    },
  },
  {
    door: 'list + totalCount: initiatives, org units, impact records',
    query: `{ initiatives(orderBy: [{ field: CODE }]) { totalCount nodes { code } }
              orgUnits(orderBy: [{ field: CODE }]) { totalCount nodes { code } }
              impactRecords(orderBy: [{ field: PEOPLE_DRIVEN }]) { totalCount nodes { peopleDriven } } }`,
    seen: (d) => [
      ...codes(d.initiatives, 'code'),
      ...codes(d.orgUnits, 'code'),
      ...codes(d.impactRecords, 'peopleDriven'),
    ],
    expect: {
      admin: [
        'FIX-PAIRED',
        'SC-INI-A',
        'SC-INI-B',
        'total:3',
        'FIX-ZZ',
        'SC-A',
        'SC-A1',
        'SC-B',
        'total:4',
        10,
        200,
        3000,
        40000,
        'total:4',
      ],
      viewerA: ['SC-INI-A', 'total:1', 'SC-A', 'SC-A1', 'total:2', 10, 3000, 'total:2'],
      managerA: ['SC-INI-A', 'total:1', 'SC-A', 'SC-A1', 'total:2', 10, 3000, 'total:2'],
      analystB: ['SC-INI-B', 'total:1', 'SC-B', 'total:1', 200, 40000, 'total:2'],
    },
  },
  {
    door: 'node and nodes: another branch’s IDs are a plain null, like missing ones',
    query: `{ node(id: "${id('EnterpriseLoan', scopeIds.loanB)}") { id }
              nodes(ids: ["${id('EnterpriseLoan', scopeIds.loanA)}", "${id('Initiative', scopeIds.initiativeB)}", "${id('Enterprise', scopeIds.enterpriseB)}", "${id('OrgUnit', scopeIds.parent)}"]) { id } }`,
    seen: (d) => [d.node ? 'loanB' : null, ...d.nodes.map((n: unknown) => (n ? 'row' : null))],
    expect: {
      admin: ['loanB', 'row', 'row', 'row', 'row'],
      analystA: [null, 'row', null, null, null],
      analystB: ['loanB', null, 'row', 'row', null],
      analystP: ['loanB', 'row', 'row', 'row', 'row'],
    },
  },
  {
    door: 'natural keys',
    query:
      '{ a: enterpriseLoan(contractNo: "SC-LOAN-A") { contractNo } b: enterpriseLoan(contractNo: "SC-LOAN-B") { contractNo } i: initiative(code: "SC-INI-B") { code } o: orgUnit(code: "SC-B") { code } }',
    seen: (d) => [d.a?.contractNo ?? null, d.b?.contractNo ?? null, d.i?.code ?? null, d.o?.code ?? null],
    expect: {
      admin: ['SC-LOAN-A', 'SC-LOAN-B', 'SC-INI-B', 'SC-B'],
      analystA: ['SC-LOAN-A', null, null, null],
      officerA: ['SC-LOAN-A', null, null, null],
    },
  },
  {
    door: 'nested connections and to-one relations through shared reference data',
    query: `{ campaign(code: "SC-CAMP") {
                loans { totalCount nodes { contractNo scheduleItems { totalCount } repayments { totalCount } classificationHistory { totalCount } } }
                initiatives { totalCount nodes { code metrics { totalCount } cadreAssignments { totalCount } } } } }`,
    seen: (d) => [
      ...codes(d.campaign.loans, 'contractNo'),
      ...d.campaign.loans.nodes.map(
        (l: Data) => `${l.scheduleItems.totalCount}/${l.repayments.totalCount}/${l.classificationHistory.totalCount}`,
      ),
      ...codes(d.campaign.initiatives, 'code'),
      ...d.campaign.initiatives.nodes.map((i: Data) => `${i.metrics.totalCount}/${i.cadreAssignments.totalCount}`),
    ],
    expect: {
      admin: ['SC-LOAN-A', 'SC-LOAN-B', 'total:2', '1/1/1', '1/1/1', 'SC-INI-A', 'SC-INI-B', 'total:2', '1/1', '1/1'],
      analystA: ['SC-LOAN-A', 'total:1', '1/1/1', 'SC-INI-A', 'total:1', '1/1'],
      analystB: ['SC-LOAN-B', 'total:1', '1/1/1', 'SC-INI-B', 'total:1', '1/1'],
    },
  },
  {
    door: 'to-one relations: the impact record of a hidden loan shows no loan',
    query:
      '{ impactRecords(orderBy: [{ field: PEOPLE_DRIVEN }]) { nodes { peopleDriven loan { contractNo } initiative { code } } } }',
    seen: (d) =>
      d.impactRecords.nodes.map((r: Data) => `${r.peopleDriven}:${r.loan?.contractNo ?? r.initiative?.code ?? '-'}`),
    expect: {
      admin: ['10:SC-LOAN-A', '200:SC-LOAN-B', '3000:SC-INI-A', '40000:SC-INI-B'],
      analystA: ['10:SC-LOAN-A', '3000:SC-INI-A'],
      // A VIEWER sees the record (a public impact figure) but not the loan behind it.
      viewerA: ['10:-', '3000:SC-INI-A'],
    },
  },
  {
    door: 'relation filters look only at rows in scope',
    query:
      '{ enterprises(where: { loans: { some: { orgUnit: { code: { eq: "SC-B" } } } } }) { totalCount } initiatives(where: { campaigns: { some: { code: { eq: "SC-CAMP" } } } }) { totalCount } }',
    seen: (d) => [d.enterprises.totalCount, d.initiatives.totalCount],
    expect: { admin: [1, 2], analystA: [0, 1] },
  },
  {
    door: 'aggregates: loanStatistics, portfolioSeries',
    query: `{ loanStatistics { groupCount groups { loanCount contractAmount } }
              portfolioSeries(from: "2020-06-01", to: "2020-06-30") { series { points { loanCount outstandingBalance } } } }`,
    seen: (d) => [
      ...d.loanStatistics.groups.map((g: Data) => `${g.loanCount}:${g.contractAmount}`),
      ...d.portfolioSeries.series.flatMap((s: Data) =>
        s.points.map((p: Data) => `${p.loanCount}:${p.outstandingBalance}`),
      ),
    ],
    expect: {
      admin: ['3:3000000.00', '2:3000000.00'],
      analystA: ['1:1000000.00', '1:1000000.00'],
      officerA: ['1:1000000.00', '1:1000000.00'],
      viewerA: 'FORBIDDEN',
    },
  },
  {
    door: 'aggregates: impactStatistics, initiativeStatistics (public, scoped)',
    query:
      '{ impactStatistics { groups { recordCount peopleDriven } } initiativeStatistics { groups { initiativeCount metrics { value } } } }',
    seen: (d) => [
      ...d.impactStatistics.groups.map((g: Data) => `${g.recordCount}:${g.peopleDriven}`),
      ...d.initiativeStatistics.groups.map(
        (g: Data) => `${g.initiativeCount}:${g.metrics.map((m: Data) => m.value).join(',')}`,
      ),
    ],
    expect: {
      admin: [`4:${allPeople}`, `3:${sum(people.initiativeA, people.initiativeB)}.00`],
      viewerA: [`2:${peopleA}`, `1:${people.initiativeA}.00`],
      analystB: [`2:${sum(people.loanB, people.initiativeB)}`, `1:${people.initiativeB}.00`],
    },
  },
  {
    door: 'facts',
    query: '{ loanFacts { nodes { contractNo } } impactFacts { nodes { peopleDriven } } }',
    seen: (d) => [
      ...d.loanFacts.nodes.map((n: Data) => n.contractNo),
      ...d.impactFacts.nodes.map((n: Data) => n.peopleDriven).sort((a: number, b: number) => a - b),
    ],
    expect: {
      admin: ['FIX-LOAN', 'SC-LOAN-A', 'SC-LOAN-B', 10, 200, 3000, 40000],
      analystA: ['SC-LOAN-A', 10, 3000],
      officerA: 'FORBIDDEN',
      viewerA: 'FORBIDDEN',
    },
  },
];

function seenBy(door: Door, body: GraphQLResponse): Seen {
  if (body.errors?.some((error) => error.extensions?.code === 'FORBIDDEN')) return 'FORBIDDEN';
  // A hidden row is reported like a missing one: a plain null, no error.
  assert.deepEqual(body.errors ?? [], [], JSON.stringify(body.errors));
  return door.seen(body.data!);
}

describe('scope and roles: no row or count of another branch leaks through any door', async () => {
  for (const backend of await testBackends()) {
    describe(backend, () => {
      let database: TestDatabase;
      let client: CallerClient;
      before(async () => {
        database = await createTestDatabase(backend);
        await insertScopeFixture(database.db);
        client = await callerClient(database.db);
      });
      after(async () => {
        await client?.app.close();
        await database?.dispose();
      });

      for (const door of doors) {
        test(door.door, async () => {
          for (const [caller, expected] of Object.entries(door.expect) as [CallerName, Seen][]) {
            const { body } = await client.request(caller, door.query);
            assert.deepEqual(seenBy(door, body), expected, `${caller} through "${door.door}"`);
          }
        });
      }
    });
  }
});
