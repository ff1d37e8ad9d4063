import type { Database } from '../../../src/db/client.js';

/** A loan with everything the brute-force grouping reads, from Prisma. */
export type RawLoan = Awaited<ReturnType<typeof fetchRawLoans>>[number];

/** Every loan with its region, org unit, enterprise and campaigns, read with Prisma. */
export async function fetchRawLoans(db: Database) {
  return db.prisma.enterpriseLoan.findMany({
    include: { region: true, orgUnit: true, enterprise: true, campaigns: { include: { campaign: true } } },
    orderBy: { id: 'asc' },
  });
}

/** Region rows by NBS code. */
export async function regionsByCode(db: Database): Promise<Map<string, { name: string; povertyTier: string | null }>> {
  const regions = await db.prisma.region.findMany();
  return new Map(regions.map((r) => [r.code, { name: r.name, povertyTier: r.povertyTier }]));
}

type Key = Record<string, string | null>;
const iso = (d: Date) => d.toISOString().slice(0, 10);
const pad = (n: number) => String(n).padStart(2, '0');

/** ISO week-numbering year and week of a UTC date. */
function isoWeek(d: Date): { monday: Date; label: string } {
  const dow = (d.getUTCDay() + 6) % 7;
  const monday = new Date(d.getTime() - dow * 86_400_000);
  const thursday = new Date(monday.getTime() + 3 * 86_400_000);
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.floor((thursday.getTime() - yearStart) / (7 * 86_400_000)) + 1;
  return { monday, label: `${thursday.getUTCFullYear()}-W${pad(week)}` };
}

function bucket(prefix: string, unit: string, d: Date | null): Key {
  if (!d) return { [`${prefix}Period`]: null, [`${prefix}PeriodLabel`]: null };
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const [start, label] =
    unit === 'YEAR'
      ? [`${y}-01-01`, `${y}`]
      : unit === 'QUARTER'
        ? [`${y}-${pad(Math.floor(m / 3) * 3 + 1)}-01`, `${y}-Q${Math.floor(m / 3) + 1}`]
        : unit === 'MONTH'
          ? [`${y}-${pad(m + 1)}-01`, `${y}-${pad(m + 1)}`]
          : [iso(isoWeek(d).monday), isoWeek(d).label];
  return { [`${prefix}Period`]: start, [`${prefix}PeriodLabel`]: label };
}

/**
 * The keys of one loan under one dimension, computed in TypeScript independently of the SQL:
 * one key, or one per campaign (a loan under no campaign gets a null campaign).
 */
export function keysOfLoan(
  loan: RawLoan,
  dimension: string,
  regions: Map<string, { name: string; povertyTier: string | null }>,
): Key[] {
  const code = loan.region?.code ?? null;
  const part = (n: number) => (code !== null && code.length >= n ? code.slice(0, n) : null);
  const nameOf = (c: string | null) => (c === null ? null : (regions.get(c)?.name ?? null));
  const time = /^(CONTRACT|DISBURSEMENT)_(YEAR|QUARTER|MONTH|WEEK)$/.exec(dimension);
  if (time) {
    const date = time[1] === 'CONTRACT' ? loan.contractDate : loan.firstDisbursementDate;
    return [bucket(time[1] === 'CONTRACT' ? 'contract' : 'disbursement', time[2]!, date)];
  }
  switch (dimension) {
    case 'PROVINCE':
      return [{ provinceCode: part(2), provinceName: nameOf(part(2)) }];
    case 'PREFECTURE':
      return [{ prefectureCode: part(4), prefectureName: nameOf(part(4)) }];
    case 'COUNTY':
      return [{ countyCode: part(6), countyName: nameOf(part(6)) }];
    case 'COUNTY_POVERTY_TIER':
      return [{ countyPovertyTier: part(6) === null ? null : (regions.get(part(6)!)?.povertyTier ?? null) }];
    case 'ORG_UNIT':
      return [{ orgUnitCode: loan.orgUnit.code, orgUnitName: loan.orgUnit.name, orgUnitNameZh: loan.orgUnit.nameZh }];
    case 'ENTERPRISE_SIZE':
      return [{ enterpriseSize: loan.enterprise.size }];
    case 'LEADING_ENTERPRISE_LEVEL':
      return [{ leadingEnterpriseLevel: loan.enterprise.leadingEnterpriseLevel }];
    case 'INDUSTRY_SECTION':
      return [{ industrySection: loan.enterprise.industrySection }];
    case 'CAMPAIGN':
      return loan.campaigns.length === 0
        ? [{ campaignCode: null, campaignName: null }]
        : loan.campaigns.map((c) => ({ campaignCode: c.campaign.code, campaignName: c.campaign.name }));
    default: {
      const field = dimension.toLowerCase().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
      return [{ [field]: (loan as unknown as Record<string, string | null>)[field] ?? null }];
    }
  }
}

/** Every combination of a loan's keys over `dimensions`, merged into one key object each. */
export function combinedKeys(
  loan: RawLoan,
  dimensions: string[],
  regions: Map<string, { name: string; povertyTier: string | null }>,
): Key[] {
  let result: Key[] = [{}];
  for (const d of dimensions) result = result.flatMap((k) => keysOfLoan(loan, d, regions).map((x) => ({ ...k, ...x })));
  return result;
}

const units = (value: { toFixed(n: number): string } | null, scale: number): bigint | null =>
  value === null ? null : BigInt(value.toFixed(scale).replace('.', ''));
/** A scaled integer printed with `scale` decimals, as PostgreSQL prints numeric. */
export const fromUnits = (v: bigint, scale: number): string => {
  const negative = v < 0n;
  const s = (negative ? -v : v).toString().padStart(scale + 1, '0');
  return `${negative ? '-' : ''}${s.slice(0, s.length - scale)}.${s.slice(s.length - scale)}`;
};
/** num / den rounded half away from zero (PostgreSQL's numeric rounding), both non-negative. */
export const roundDiv = (num: bigint, den: bigint): bigint => (num * 2n + den) / (den * 2n);

/** The measures of a group of loans, computed with exact integer arithmetic. */
export function loanMeasuresOf(loans: RawLoan[]): Record<string, unknown> {
  const sum = (f: (l: RawLoan) => bigint | null) => loans.reduce((acc, l) => acc + (f(l) ?? 0n), 0n);
  const rates = loans.map((l) => units(l.effectiveRate, 6)).filter((r): r is bigint => r !== null);
  const npl = (l: RawLoan) => ['SUBSTANDARD', 'DOUBTFUL', 'LOSS'].includes(l.riskClass ?? '');
  const balance = sum((l) => units(l.outstandingBalance, 2));
  const nplBalance = sum((l) => (npl(l) ? units(l.outstandingBalance, 2) : null));
  const weighted = loans.filter((l) => l.effectiveRate !== null && l.outstandingBalance !== null);
  const weightNum = weighted.reduce((acc, l) => acc + units(l.effectiveRate, 6)! * units(l.outstandingBalance, 2)!, 0n);
  const weightDen = weighted.reduce((acc, l) => acc + units(l.outstandingBalance, 2)!, 0n);
  return {
    loanCount: loans.length,
    borrowerCount: new Set(loans.map((l) => l.enterpriseId)).size,
    contractAmount: fromUnits(
      sum((l) => units(l.contractAmount, 2)),
      2,
    ),
    disbursedAmount: fromUnits(
      sum((l) => units(l.disbursedAmount, 2)),
      2,
    ),
    outstandingBalance: fromUnits(balance, 2),
    overduePrincipal: fromUnits(
      sum((l) => units(l.overduePrincipal, 2)),
      2,
    ),
    averageRate: rates.length
      ? fromUnits(roundDiv(rates.reduce((a, b) => a + b, 0n) * 100n, BigInt(rates.length)), 8)
      : null,
    minRate: rates.length
      ? fromUnits(
          // biome-ignore lint/complexity/useMathMinMax: the rates are bigints, which Math.min refuses.
          rates.reduce((a, b) => (b < a ? b : a)),
          6,
        )
      : null,
    maxRate: rates.length
      ? fromUnits(
          // biome-ignore lint/complexity/useMathMinMax: the rates are bigints, which Math.max refuses.
          rates.reduce((a, b) => (b > a ? b : a)),
          6,
        )
      : null,
    weightedAverageRate: weightDen > 0n ? fromUnits(roundDiv(weightNum * 100n, weightDen), 8) : null,
    nonPerformingBalance: fromUnits(nplBalance, 2),
    nplRatio: balance > 0n ? fromUnits(roundDiv(nplBalance * 100_000_000n, balance), 8) : null,
  };
}

/** Brute-force groups: key JSON to the loans' measures, the key object under `key`. */
export function bruteForceGroups(
  loans: RawLoan[],
  dimensions: string[],
  regions: Map<string, { name: string; povertyTier: string | null }>,
): Map<string, Record<string, unknown>> {
  const groups = new Map<string, { key: Key; loans: RawLoan[] }>();
  for (const loan of loans) {
    for (const key of combinedKeys(loan, dimensions, regions)) {
      const id = canonicalKey(key);
      const group = groups.get(id) ?? { key, loans: [] };
      group.loans.push(loan);
      groups.set(id, group);
    }
  }
  return new Map([...groups].map(([id, g]) => [id, { key: g.key, ...loanMeasuresOf(g.loans) }]));
}

/** A group key as JSON with sorted fields, so keys compare regardless of field order. */
export function canonicalKey(key: Record<string, unknown>): string {
  return JSON.stringify(
    Object.keys(key)
      .sort()
      .map((k) => [k, key[k]]),
  );
}
