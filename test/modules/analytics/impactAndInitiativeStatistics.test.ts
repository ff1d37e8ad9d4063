import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { impactDimensions, impactStatistics } from '../../../src/modules/analytics/impactStatistics.service.js';
import { initiativeStatistics } from '../../../src/modules/analytics/initiativeStatistics.service.js';
import { createTestDatabase, testBackends } from '../../support/database.js';
import { insertBiScenario } from './biScenario.js';
import { canonicalKey, fromUnits, regionsByCode } from './bruteForce.js';
import { unrestrictedScope } from '../../../src/modules/auth/accessScope.js';

const cents = (v: { toFixed(n: number): string } | null) => (v === null ? 0n : BigInt(v.toFixed(2).replace('.', '')));

describe('impact and initiative statistics match sums computed in TypeScript', async () => {
  for (const backend of await testBackends()) {
    test(backend, async (t) => {
      const { db, dispose } = await createTestDatabase(backend);
      try {
        await insertBiScenario(db, 90);
        const regions = await regionsByCode(db);
        const records = await db.prisma.impactRecord.findMany({
          include: { region: true, loan: true, initiative: true },
        });
        const keyOf = (r: (typeof records)[number], dimension: string): Record<string, string | null> => {
          const code = r.region.code;
          const part = (n: number) => (code.length >= n ? code.slice(0, n) : null);
          const year = r.periodStart ? `${r.periodStart.getUTCFullYear()}` : null;
          return {
            PROVINCE: { provinceCode: part(2), provinceName: regions.get(part(2)!)?.name ?? null },
            COUNTY: { countyCode: part(6), countyName: part(6) ? (regions.get(part(6)!)?.name ?? null) : null },
            MECHANISM: { mechanism: r.mechanism },
            VERIFIED_BY: { verifiedBy: r.verifiedBy },
            SUBJECT: { subject: r.loanId !== null ? 'LOAN' : 'INITIATIVE' },
            LOAN_PRODUCT: { loanProduct: r.loan?.product ?? null },
            INITIATIVE_CATEGORY: { initiativeCategory: r.initiative?.category ?? null },
            PERIOD_YEAR: {
              periodPeriod: year && `${year}-01-01`,
              periodPeriodLabel: year,
              // The deprecated names' replacements carry the same values.
              period: year && `${year}-01-01`,
              periodLabel: year,
            },
          }[dimension]!;
        };
        for (const groupBy of [
          [],
          ['PROVINCE'],
          ['COUNTY', 'MECHANISM'],
          ['SUBJECT', 'VERIFIED_BY'],
          ['LOAN_PRODUCT', 'INITIATIVE_CATEGORY', 'PERIOD_YEAR'],
        ]) {
          await t.test(`impactStatistics by ${groupBy.join(' × ') || '(total)'}`, async () => {
            const expected = new Map<string, Record<string, unknown>>();
            for (const r of records) {
              const key = Object.assign({}, ...groupBy.map((d) => keyOf(r, d))) as Record<string, string | null>;
              const id = canonicalKey(key);
              const g = (expected.get(id) ?? {
                key,
                recordCount: 0,
                approximateCount: 0,
                reportedCount: 0,
                peopleDriven: 0,
                registeredPoorPeople: 0,
                registeredPoorHouseholds: 0,
                employeesTotal: 0,
                income: 0n,
              }) as Record<string, any>;
              g.recordCount += 1;
              g.approximateCount += r.approximate ? 1 : 0;
              g.reportedCount += r.peopleDriven === null ? 0 : 1;
              for (const f of ['peopleDriven', 'registeredPoorPeople', 'registeredPoorHouseholds', 'employeesTotal'])
                g[f] += (r as any)[f] ?? 0;
              g.income += cents(r.incomeIncrease);
              expected.set(id, g);
            }
            for (const g of expected.values()) {
              g.incomeIncrease = fromUnits(g.income as bigint, 2);
              delete g.income;
            }
            const result = await impactStatistics(db, { groupBy, first: 10_000 }, unrestrictedScope);
            assert.deepEqual(new Map(result.groups.map((g) => [canonicalKey(g.key), g])), expected);
          });
        }

        await t.test('every impact dimension runs', async () => {
          for (const dimension of Object.keys(impactDimensions)) {
            const result = await impactStatistics(db, { groupBy: [dimension] }, unrestrictedScope);
            assert.equal(
              result.groups.reduce((n, g) => n + (g.recordCount as number), 0),
              records.length,
              dimension,
            );
          }
        });

        await t.test(
          'initiativeStatistics by category and by province of the owner unit, with metric sums',
          async () => {
            const initiatives = await db.prisma.initiative.findMany({
              include: { metrics: true, ownerOrgUnit: { include: { region: true } } },
            });
            const byCategory = await initiativeStatistics(db, { groupBy: ['CATEGORY'] }, unrestrictedScope);
            assert.equal(byCategory.groups.length, new Set(initiatives.map((i) => i.category)).size);
            for (const group of byCategory.groups) {
              const members = initiatives.filter((i) => i.category === group.key.category);
              assert.equal(group.initiativeCount, members.length);
              assert.equal(
                group.budget,
                fromUnits(
                  members.reduce((s, i) => s + cents(i.budget), 0n),
                  2,
                ),
              );
              assert.equal(group.budgetedCount, members.filter((i) => i.budget !== null).length);
              const metrics = members.flatMap((i) => i.metrics);
              const kinds = [...new Set(metrics.map((m) => `${m.metric}/${m.unit}`))].sort();
              assert.deepEqual(
                group.metrics.map((m) => `${m.metric}/${m.unit}`),
                kinds,
              );
              for (const m of group.metrics) {
                const same = metrics.filter((x) => x.metric === m.metric && x.unit === m.unit);
                assert.equal(
                  m.value,
                  fromUnits(
                    same.reduce((s, x) => s + cents(x.value), 0n),
                    2,
                  ),
                );
                assert.equal(m.recordCount, same.filter((x) => x.value !== null).length);
              }
            }
            const byProvince = await initiativeStatistics(
              db,
              { groupBy: ['PROVINCE', 'STATUS'], where: { status: { eq: 'ACTIVE' } } },
              unrestrictedScope,
            );
            const active = initiatives.filter((i) => i.status === 'ACTIVE');
            assert.deepEqual(
              byProvince.groups.map((g) => [g.key.provinceCode, g.key.status, g.initiativeCount]),
              [['41', 'ACTIVE', active.filter((i) => i.ownerOrgUnit.region?.code.startsWith('41')).length]],
            );
          },
        );
      } finally {
        await dispose();
      }
    });
  }
});
