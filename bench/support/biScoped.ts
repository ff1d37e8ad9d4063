// Scoped BI callers beside a DBA's hand-written query (issue 14, "Scoped callers are slow"): a
// branch analyst's portfolioSeries and loanStatistics (raw paths: scoped callers never read the
// rollups) and, on the same data in the same run, the query a DBA writes for the same figures,
// scoping by OrgUnit.path and, for inRegion, joining the loan's stored region. Rounds interleave
// the two (the order alternating), so load from other work on the machine hits both alike; each
// line prints both medians and their ratio (target ≤ 1.5). Called from bench/bi.ts, or alone:
//
//   node --import tsx bench/support/biScoped.ts --url postgresql://… [--runs 7]
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openDatabase, type Database } from '../../src/db/client.js';
import { loanStatistics } from '../../src/modules/analytics/loanStatistics.service.js';
import { portfolioSeries } from '../../src/modules/analytics/portfolioSeries.service.js';
import type { AccessScope } from '../../src/modules/auth/accessScope.js';

const load = () =>
  os
    .loadavg()
    .map((v) => v.toFixed(2))
    .join(' ');
const median = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
const npl = `s."riskClass" IN ('SUBSTANDARD', 'DOUBTFUL', 'LOSS')`;
const measures = ['loanCount', 'contractAmount', 'outstandingBalance', 'nonPerformingBalance'];
const dbaMeasures = `count(*)::int AS "loanCount", sum(l."contractAmount") AS "contractAmount",
  sum(l."outstandingBalance") AS "outstandingBalance",
  sum(l."outstandingBalance") FILTER (WHERE l."riskClass" IN ('SUBSTANDARD', 'DOUBTFUL', 'LOSS')) AS "nonPerformingBalance"`;

/** One comparison: the gateway's call and the DBA's statement, each returning its loan count. */
interface Pair {
  label: string;
  service: () => Promise<number>;
  dba: () => Promise<number>;
}

async function timeOnce(work: () => Promise<number>): Promise<{ ms: number; loans: number }> {
  const start = performance.now();
  const loans = await work();
  return { ms: performance.now() - start, loans };
}

async function compare(pair: Pair, runs: number): Promise<void> {
  const warm = [await timeOnce(pair.service), await timeOnce(pair.dba)];
  const service: number[] = [];
  const dba: number[] = [];
  for (let round = 0; round < runs; round++) {
    const first = round % 2 === 0;
    if (first) service.push((await timeOnce(pair.service)).ms);
    dba.push((await timeOnce(pair.dba)).ms);
    if (!first) service.push((await timeOnce(pair.service)).ms);
  }
  const [gateway, hand] = [median(service), median(dba)];
  // Both must count the same loans, or the comparison is between different questions.
  const same = warm[0]!.loans === warm[1]!.loans ? '' : `   COUNTS DIFFER: ${warm[0]!.loans} vs ${warm[1]!.loans}`;
  console.log(
    `${pair.label.padEnd(50)} gateway ${gateway.toFixed(0).padStart(5)} ms   DBA ${hand.toFixed(0).padStart(5)} ms   ratio ${(gateway / hand).toFixed(2)}${same}`,
  );
}

/**
 * Prints, for an ANALYST bound to the tier-1 branch booking the most loans, the median of `runs`
 * interleaved rounds of each scoped call and of the DBA's equivalent query, their ratio and the
 * load average before and after. Reads only; throws the driver's error if a statement fails.
 */
export async function measureScopedCallers(db: Database, runs: number): Promise<void> {
  const [branch] = await db.sql.query<{ id: number; code: string; path: string; units: number; loans: number }>(
    `SELECT b."id", b."code", b."path",
       (SELECT count(*)::int FROM "OrgUnit" u WHERE starts_with(u."path", b."path")) AS "units",
       (SELECT count(*)::int FROM "EnterpriseLoan" l JOIN "OrgUnit" u ON u."id" = l."orgUnitId" WHERE starts_with(u."path", b."path")) AS "loans"
     FROM "OrgUnit" b JOIN "OrgUnit" root ON root."id" = b."parentId" AND root."parentId" IS NULL
     WHERE b."kind" = 'TIER1_BRANCH' ORDER BY "loans" DESC, b."id" LIMIT 1`,
  );
  if (!branch) {
    console.log('scoped callers: no tier-1 branch below a root unit; skipped');
    return;
  }
  const [facts] = await db.sql.query<{
    prefecture: string | null;
    county: string | null;
    last: string | null;
    unregioned: number;
  }>(
    `SELECT (SELECT left(r."code", 4) FROM "EnterpriseLoan" l JOIN "OrgUnit" u ON u."id" = l."orgUnitId" JOIN "Region" r ON r."id" = l."regionId"
              WHERE starts_with(u."path", $1) GROUP BY 1 ORDER BY count(*) DESC LIMIT 1) AS "prefecture",
            (SELECT left(r."code", 6) FROM "EnterpriseLoan" l JOIN "OrgUnit" u ON u."id" = l."orgUnitId" JOIN "Region" r ON r."id" = l."regionId"
              WHERE starts_with(u."path", $1) AND length(r."code") >= 6 GROUP BY 1 ORDER BY count(*) DESC LIMIT 1) AS "county",
            (SELECT to_char(max("monthEnd"), 'YYYY-MM-DD') FROM "LoanClassificationSnapshot") AS "last",
            (SELECT count(*)::int FROM "EnterpriseLoan" WHERE "regionId" IS NULL) AS "unregioned"`,
    [branch.path],
  );
  const scope: AccessScope = { roles: ['ANALYST'], orgUnitId: branch.id };
  const prefecture = facts?.prefecture ?? '41';
  const county = facts?.county ?? prefecture;
  const last = new Date(`${facts?.last ?? '2025-12-31'}T00:00:00Z`);
  const from = new Date(Date.UTC(last.getUTCFullYear(), last.getUTCMonth() - 23, 1));
  const [fromDay, lastDay] = [from.toISOString().slice(0, 10), last.toISOString().slice(0, 10)];
  console.log(
    `\nscoped callers: ANALYST of ${branch.code} (${branch.units} units, ${branch.loans.toLocaleString('en')} loans), inRegion ${prefecture} and ${county}; ${runs} interleaved rounds; load ${load()}`,
  );
  if (facts?.unregioned)
    console.log(`  (${facts.unregioned} loans have no stored region: the DBA's inRegion misses them)`);
  const scoped = `JOIN "OrgUnit" o ON o."id" = l."orgUnitId" AND o."path" LIKE '${branch.path}%'`;
  const inRegion = (code: string) => `JOIN "Region" g ON g."id" = l."regionId" AND g."code" LIKE '${code}%'`;
  const loansOf = (rows: Array<{ loanCount: unknown }>) => rows.reduce((n, row) => n + Number(row.loanCount), 0);
  const seriesLoans = (series: Array<{ points: Array<{ loanCount: number }> }>) =>
    series.reduce((n, s) => n + s.points.reduce((m, p) => m + p.loanCount, 0), 0);
  const dbaSeries = (join: string, key: string, keyJoin: string) => async () =>
    loansOf(
      await db.sql.query<{ loanCount: number }>(
        `SELECT ${key} AS "key", to_char(s."monthEnd", 'YYYY-MM') AS "month", count(*)::int AS "loanCount",
           sum(s."outstandingBalance") AS "outstandingBalance", sum(s."outstandingBalance") FILTER (WHERE ${npl}) AS "nonPerformingBalance"
         FROM "LoanClassificationSnapshot" s JOIN "EnterpriseLoan" l ON l."id" = s."loanId" ${scoped} ${join} ${keyJoin}
         WHERE s."monthEnd" BETWEEN '${fromDay}' AND '${lastDay}' GROUP BY 1, 2 ORDER BY 1, 2`,
      ),
    );
  const dbaStatistics = (join: string, key: string, keyJoin: string) => async () =>
    loansOf(
      await db.sql.query<{ loanCount: number }>(
        `SELECT ${key} AS "key", ${dbaMeasures} FROM "EnterpriseLoan" l ${scoped} ${join} ${keyJoin} GROUP BY 1 ORDER BY 1`,
      ),
    );
  const prefectureJoin = `LEFT JOIN "Region" r ON r."id" = l."regionId" LEFT JOIN "Region" rf ON rf."code" = left(r."code", 4)`;
  // Loan statistics by product of one region's subtree, beside the DBA's.
  const byProductIn = (code: string, label: string): Pair => ({
    label,
    service: async () =>
      loansOf(
        (await loanStatistics(db, { groupBy: ['PRODUCT'], measures, first: 10_000, where: { inRegion: code } }, scope))
          .groups as never,
      ),
    dba: dbaStatistics(inRegion(code), 'l."product"', ''),
  });
  const pairs: Pair[] = [
    {
      label: 'portfolioSeries 24 months by PREFECTURE',
      service: async () =>
        seriesLoans(
          (await portfolioSeries(db, { groupBy: ['PREFECTURE'], from, to: last, first: 1_000 }, scope)).series,
        ),
      dba: dbaSeries('', 'rf."code"', prefectureJoin),
    },
    {
      label: `  same by PRODUCT, inRegion ${prefecture}`,
      service: async () =>
        seriesLoans(
          (
            await portfolioSeries(
              db,
              { groupBy: ['PRODUCT'], where: { inRegion: prefecture }, from, to: last, first: 1_000 },
              scope,
            )
          ).series,
        ),
      dba: dbaSeries(inRegion(prefecture), 'l."product"', ''),
    },
    {
      label: 'loanStatistics by PREFECTURE',
      service: async () =>
        loansOf(
          (await loanStatistics(db, { groupBy: ['PREFECTURE'], measures, first: 10_000 }, scope)).groups as never,
        ),
      dba: dbaStatistics('', 'rf."code"', prefectureJoin),
    },
    {
      label: 'loanStatistics by PRODUCT',
      service: async () =>
        loansOf((await loanStatistics(db, { groupBy: ['PRODUCT'], measures, first: 10_000 }, scope)).groups as never),
      dba: dbaStatistics('', 'l."product"', ''),
    },
    byProductIn(prefecture, `  same, inRegion ${prefecture}`),
    byProductIn(county, `  same, inRegion ${county} (a county)`),
  ];
  for (const pair of pairs) await compare(pair, runs);
  console.log(`scoped callers done; load ${load()}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { url: { type: 'string' }, runs: { type: 'string', default: '7' } } });
  if (!values.url)
    throw new Error('usage: node --import tsx bench/support/biScoped.ts --url postgresql://… [--runs 7]');
  const db = await openDatabase({
    DATABASE_URL: values.url,
    DISHUI_DATA_DIR: 'memory://',
    DATABASE_POOL_MAX: 4,
    DATABASE_POOL_IDLE_MS: 10_000,
    DATABASE_CONNECT_TIMEOUT_MS: 5_000,
  });
  try {
    await measureScopedCallers(db, Number(values.runs));
  } finally {
    await db.close();
  }
}
