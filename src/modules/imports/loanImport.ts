import type { SqlConnection } from '../../db/client.js';
import { Prisma } from '../../generated/prisma/client.js';
import type { AccessScope } from '../auth/index.js';
import { scopeCondition } from '../../engine/scopeCondition.js';
import { entitySpec } from '../entities.js';
import {
  LoanProduct,
  LoanStatus,
  PolicyRegime,
  RegulatoryClass,
  RepaymentMethod,
  RiskClass,
} from '../../generated/prisma/enums.js';
import { validateLoanTerms } from '../loans/index.js';
import { Checks, readMoney } from '../writes/index.js';
import type { ImportKind } from './importTypes.js';
import { enumCell, problemsOf } from './importCells.js';

interface LoanLookups {
  enterpriseByCreditCode: Map<string, number>;
  enterpriseIds: Set<number>;
  orgUnitByCode: Map<string, number>;
  regionByCode: Map<string, { id: number; level: string }>;
}

/**
 * Loan rows: the terms of applyForLoan (same rules, loans.validation.ts) with the borrower by
 * `enterpriseCreditCode` or `enterpriseId`, the booking unit by `orgUnitCode`, the county by
 * `regionCode`, and optionally the state of a loan already on the books (`status`,
 * `disbursedAmount`, `outstandingBalance`, `riskClass`), held to balance ≤ disbursed ≤ contract
 * and REPAID only at a zero balance.
 */
export const loanImport: ImportKind<LoanLookups> = {
  kind: 'loans',
  table: 'EnterpriseLoan',
  required: [
    'contractNo',
    'orgUnitCode',
    'product',
    'regulatoryClass',
    'policyRegime',
    'repaymentMethod',
    'effectiveRate',
    'contractAmount',
    'contractDate',
    'termMonths',
  ],
  optional: [
    'enterpriseCreditCode',
    'enterpriseId',
    'regionCode',
    'maturityDate',
    'status',
    'disbursedAmount',
    'outstandingBalance',
    'riskClass',
  ],
  columns: [
    { name: 'contractNo', type: 'text' },
    { name: 'enterpriseId', type: 'integer' },
    { name: 'orgUnitId', type: 'integer' },
    { name: 'regionId', type: 'integer' },
    { name: 'product', type: '"LoanProduct"' },
    { name: 'regulatoryClass', type: '"RegulatoryClass"' },
    { name: 'policyRegime', type: '"PolicyRegime"' },
    { name: 'repaymentMethod', type: '"RepaymentMethod"' },
    { name: 'effectiveRate', type: 'numeric' },
    { name: 'contractAmount', type: 'numeric' },
    { name: 'disbursedAmount', type: 'numeric' },
    { name: 'outstandingBalance', type: 'numeric' },
    { name: 'contractDate', type: 'date' },
    { name: 'maturityDate', type: 'date' },
    { name: 'termMonths', type: 'integer' },
    { name: 'status', type: '"LoanStatus"' },
    { name: 'riskClass', type: '"RiskClass"' },
  ],
  async lookups(sql, rows, scope) {
    const creditCodes = distinct(rows.map((row) => row.enterpriseCreditCode ?? ''));
    const ids = distinct(rows.map((row) => row.enterpriseId ?? ''))
      .filter((id) => /^\d{1,9}$/.test(id))
      .map(Number);
    const [byCode, byId, units, regions] = [
      await scoped<{ id: number; creditCode: string }>(
        sql,
        scope,
        'Enterprise',
        Prisma.sql`"t1"."creditCode" = ANY(CAST(${creditCodes} AS text[]))`,
      ),
      await scoped<{ id: number }>(sql, scope, 'Enterprise', Prisma.sql`"t1"."id" = ANY(CAST(${ids} AS int[]))`),
      await scoped<{ id: number; code: string }>(
        sql,
        scope,
        'OrgUnit',
        Prisma.sql`"t1"."code" = ANY(CAST(${distinct(rows.map((row) => row.orgUnitCode ?? ''))} AS text[]))`,
      ),
      await sql.query<{ id: number; code: string; level: string }>(
        'SELECT "id", "code", "level" FROM "Region" WHERE "code" = ANY($1::text[])',
        [distinct(rows.map((row) => row.regionCode ?? ''))],
      ),
    ];
    return {
      enterpriseByCreditCode: new Map(byCode.map((row) => [row.creditCode, row.id])),
      enterpriseIds: new Set(byId.map((row) => row.id)),
      orgUnitByCode: new Map(units.map((row) => [row.code, row.id])),
      regionByCode: new Map(regions.map((row) => [row.code, { id: row.id, level: row.level }])),
    };
  },
  toValues(cells, lookups) {
    const checks = new Checks();
    const product = enumCell(checks, cells, 'product', LoanProduct);
    const regulatoryClass = enumCell(checks, cells, 'regulatoryClass', RegulatoryClass);
    const policyRegime = enumCell(checks, cells, 'policyRegime', PolicyRegime);
    const repaymentMethod = enumCell(checks, cells, 'repaymentMethod', RepaymentMethod);
    const status = cells.status ? enumCell(checks, cells, 'status', LoanStatus) : 'APPLIED';
    const riskClass = cells.riskClass ? enumCell(checks, cells, 'riskClass', RiskClass) : null;
    const termMonths = /^\d{1,4}$/.test(cells.termMonths ?? '') ? Number(cells.termMonths) : NaN;
    const terms = validateLoanTerms(checks, {
      contractNo: cells.contractNo ?? '',
      product: product as LoanProduct,
      regulatoryClass: regulatoryClass as RegulatoryClass,
      policyRegime: policyRegime as PolicyRegime,
      repaymentMethod: repaymentMethod as RepaymentMethod,
      effectiveRate: cells.effectiveRate || (undefined as never),
      contractAmount: cells.contractAmount || (undefined as never),
      contractDate: cells.contractDate || (undefined as never),
      maturityDate: cells.maturityDate || null,
      termMonths,
    });
    let enterpriseId: number | undefined;
    if (cells.enterpriseCreditCode) {
      enterpriseId = lookups.enterpriseByCreditCode.get(cells.enterpriseCreditCode);
      checks.require(
        enterpriseId !== undefined,
        ['enterpriseCreditCode'],
        'NOT_FOUND',
        `No enterprise has credit code ${cells.enterpriseCreditCode}.`,
      );
    } else if (cells.enterpriseId) {
      enterpriseId = lookups.enterpriseIds.has(Number(cells.enterpriseId)) ? Number(cells.enterpriseId) : undefined;
      checks.require(
        enterpriseId !== undefined,
        ['enterpriseId'],
        'NOT_FOUND',
        `No enterprise has id ${cells.enterpriseId}.`,
      );
    } else
      checks.require(
        false,
        ['enterpriseCreditCode'],
        'REQUIRED',
        'Give the borrower by enterpriseCreditCode or enterpriseId.',
      );
    const orgUnitId = lookups.orgUnitByCode.get(cells.orgUnitCode ?? '');
    checks.require(
      orgUnitId !== undefined,
      ['orgUnitCode'],
      'NOT_FOUND',
      `No bank unit has code ${cells.orgUnitCode}.`,
    );
    const region = cells.regionCode ? lookups.regionByCode.get(cells.regionCode) : undefined;
    if (
      cells.regionCode &&
      checks.require(region !== undefined, ['regionCode'], 'NOT_FOUND', `No region has code ${cells.regionCode}.`)
    ) {
      checks.require(
        region!.level === 'COUNTY',
        ['regionCode'],
        'REGION_LEVEL_MISMATCH',
        `A loan's region is a county; ${cells.regionCode} is a ${region!.level}.`,
      );
    }
    const disbursed = readMoney(checks, cells.disbursedAmount || null, ['disbursedAmount']);
    const balance = readMoney(checks, cells.outstandingBalance || null, ['outstandingBalance']);
    if (disbursed && terms)
      checks.require(
        disbursed.lessThanOrEqualTo(terms.contractAmount),
        ['disbursedAmount'],
        'AMOUNT_EXCEEDS_CONTRACT',
        `Disbursed ${disbursed.toFixed(2)} exceeds the contract amount ${terms.contractAmount.toFixed(2)}.`,
      );
    if (balance)
      checks.require(
        balance.lessThanOrEqualTo(disbursed ?? 0),
        ['outstandingBalance'],
        'BALANCE_EXCEEDS_DISBURSED',
        `The balance ${balance.toFixed(2)} exceeds the disbursed amount ${disbursed ? disbursed.toFixed(2) : '0.00'}.`,
      );
    if (status === 'REPAID')
      checks.require(
        balance?.isZero() === true,
        ['status'],
        'INVALID_TRANSITION',
        'A REPAID loan has a zero outstanding balance.',
      );
    if (!checks.clean() || !terms) return { problems: problemsOf(checks) };
    return {
      problems: [],
      values: [
        terms.contractNo,
        String(enterpriseId),
        String(orgUnitId),
        region ? String(region.id) : null,
        product as string,
        regulatoryClass as string,
        policyRegime as string,
        repaymentMethod as string,
        terms.effectiveRate.toFixed(),
        terms.contractAmount.toFixed(2),
        (disbursed ?? 0).toFixed(2),
        (balance ?? 0).toFixed(2),
        terms.contractDate.toISOString().slice(0, 10),
        terms.maturityDate.toISOString().slice(0, 10),
        String(terms.termMonths),
        status as string,
        riskClass ?? null,
      ],
    };
  },
  uniqueKey: {
    column: 'contractNo',
    async existing(sql: SqlConnection, keys: string[]) {
      const rows = await sql.query<{ contractNo: string }>(
        'SELECT "contractNo" FROM "EnterpriseLoan" WHERE "contractNo" = ANY($1::text[])',
        [keys],
      );
      return new Set(rows.map((row) => row.contractNo));
    },
  },
};

function distinct(values: string[]): string[] {
  return [...new Set(values.filter(Boolean))];
}

// The borrowers and booking units the caller may see (the read API's rule, scopeCondition.ts).
function scoped<Row>(
  sql: SqlConnection,
  scope: AccessScope,
  typeName: 'Enterprise' | 'OrgUnit',
  match: Prisma.Sql,
): Promise<Row[]> {
  const spec = entitySpec(typeName);
  const query = Prisma.sql`SELECT "t1".* FROM ${Prisma.raw(`"${spec.table}" "t1"`)} WHERE ${match} AND ${scopeCondition(spec, 't1', scope)}`;
  return sql.query<Row>(query.text, query.values);
}
