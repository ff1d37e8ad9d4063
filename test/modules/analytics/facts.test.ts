import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { impactFacts, loanFacts } from '../../../src/modules/analytics/facts.service.js';
import type { FactRow } from '../../../src/modules/analytics/factQuery.js';
import { createTestDatabase, testBackends } from '../../support/database.js';
import { insertBiScenario } from './biScenario.js';
import { fetchRawLoans } from './bruteForce.js';
import { unrestrictedScope } from '../../../src/modules/auth/accessScope.js';

describe('loanFacts and impactFacts page through flat rows by id', async () => {
  for (const backend of await testBackends()) {
    test(backend, async (t) => {
      const { db, dispose } = await createTestDatabase(backend);
      try {
        await insertBiScenario(db, 60);
        const loans = await fetchRawLoans(db);

        await t.test(
          'paging with first and after visits every loan once, in id order, with its denormalised fields',
          async () => {
            const rows: FactRow[] = [];
            let after: string | null = null;
            let pages = 0;
            for (;;) {
              const page = await loanFacts(db, { first: 7, after }, unrestrictedScope);
              rows.push(...page.nodes);
              pages += 1;
              assert.equal(page.pageInfo.hasPreviousPage, after !== null);
              if (!page.pageInfo.hasNextPage) break;
              after = page.pageInfo.endCursor;
            }
            assert.equal(pages, Math.ceil(loans.length / 7));
            assert.deepEqual(
              rows.map((r) => r.loanId),
              loans.map((l) => l.id),
            );
            for (const [i, loan] of loans.entries()) {
              const row = rows[i]!;
              assert.equal(row.contractNo, loan.contractNo);
              assert.equal(row.outstandingBalance, loan.outstandingBalance?.toFixed(2) ?? null);
              assert.equal(row.effectiveRate, loan.effectiveRate?.toFixed(6) ?? null);
              assert.equal(row.contractDate, loan.contractDate?.toISOString().slice(0, 10) ?? null);
              assert.equal(row.regionCode, loan.region?.code ?? null);
              assert.equal(
                row.countyCode,
                loan.region && loan.region.code.length >= 6 ? loan.region.code.slice(0, 6) : null,
              );
              assert.equal(row.provinceCode, loan.region?.code.slice(0, 2) ?? null);
              assert.equal(row.enterpriseSize, loan.enterprise.size);
              assert.equal(row.orgUnitCode, loan.orgUnit.code);
              assert.equal(row.nonPerforming, ['SUBSTANDARD', 'DOUBTFUL', 'LOSS'].includes(loan.riskClass ?? ''));
              const codes = loan.campaigns.map((c) => c.campaign.code).sort();
              assert.equal(row.campaignCodes, codes.length ? codes.join(';') : null);
              assert.equal(row.updatedAt, loan.updatedAt.toISOString());
            }
          },
        );

        await t.test('updatedSince returns only rows changed at or after the instant', async () => {
          const touched = loans.filter((_, i) => i % 9 === 0).map((l) => l.id);
          await new Promise((resolve) => setTimeout(resolve, 20));
          const since = new Date();
          await db.prisma.enterpriseLoan.updateMany({ where: { id: { in: touched } }, data: { note: 'refreshed' } });
          const page = await loanFacts(db, { updatedSince: since, first: 5_000 }, unrestrictedScope);
          assert.deepEqual(
            page.nodes.map((r) => r.loanId),
            touched,
          );
        });

        await t.test('impact facts carry the loan or initiative and the region of each record', async () => {
          const records = await db.prisma.impactRecord.findMany({
            include: { region: true, initiative: true, loan: true },
            orderBy: { id: 'asc' },
          });
          const page = await impactFacts(
            db,
            { first: 5_000, where: { verifiedBy: { eq: 'BANK' } } },
            unrestrictedScope,
          );
          const bank = records.filter((r) => r.verifiedBy === 'BANK');
          assert.ok(bank.length > 0);
          assert.deepEqual(
            page.nodes.map((r) => [r.impactId, r.loanContractNo, r.initiativeCode, r.regionCode, r.incomeIncrease]),
            bank.map((r) => [
              r.id,
              r.loan?.contractNo ?? null,
              r.initiative?.code ?? null,
              r.region.code,
              r.incomeIncrease?.toFixed(2) ?? null,
            ]),
          );
        });

        await t.test('first over 5,000, a foreign cursor and a bad updatedSince are BAD_USER_INPUT', async () => {
          await assert.rejects(loanFacts(db, { first: 5_001 }, unrestrictedScope), {
            extensions: { code: 'BAD_USER_INPUT', argument: 'first' },
          });
          const impactCursor = (await impactFacts(db, { first: 1 }, unrestrictedScope)).pageInfo.endCursor;
          await assert.rejects(loanFacts(db, { after: impactCursor }, unrestrictedScope), {
            extensions: { code: 'BAD_USER_INPUT', argument: 'after' },
          });
          await assert.rejects(loanFacts(db, { after: 'garbage' }, unrestrictedScope), {
            extensions: { code: 'BAD_USER_INPUT', argument: 'after' },
          });
          await assert.rejects(loanFacts(db, { updatedSince: 'soon' }, unrestrictedScope), {
            extensions: { code: 'BAD_USER_INPUT', argument: 'updatedSince' },
          });
        });
      } finally {
        await dispose();
      }
    });
  }
});
