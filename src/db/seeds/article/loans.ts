import type { LoanProduct } from '../../../generated/prisma/client.js';
import { siteKey } from './enterpriseSites.js';
import { branchCode } from './orgUnits.js';
import { idOf, type IdsByKey, type SeedContext } from './seedContext.js';
import { syncRow } from './syncRow.js';

/** One of the article's three enterprise loans. */
export interface ArticleLoan {
  /** A labelled placeholder: the article gives no contract numbers. */
  contractNo: string;
  enterpriseKey: 'A' | 'B' | 'C';
  product: LoanProduct;
  /** `siteKey` of the site the loan is booked against, or null when the article leaves it open. */
  siteKey: string | null;
  /** County where the money is used, or null when the article does not say which. */
  regionCode: string | null;
  note: string;
}

// Everything the article leaves out, said once for all three loans.
const common =
  'The article gives no contract number (this one is a placeholder), no amount, rate, guarantee or date: ' +
  'they are null, nothing is made up (illustrative false). It says the loan was granted (发放/投放), hence ' +
  'DISBURSED; its risk class is not known. An industry poverty-alleviation loan (产业精准扶贫贷款) of the ' +
  '2016–2020 targeted regime. Financing model null: the article names the models bank + leading ' +
  "enterprise + enterprise/farmer and bank + government + enterprise/farmer for the branch's lending to " +
  'small and micro enterprises and farmers, but does not say which, if any, this loan used. No campaign ' +
  'is tied to it in the article.';

/** Loans A, B and C of facts.md. */
export const articleLoans: readonly ArticleLoan[] = [
  {
    contractNo: 'ARTICLE-LOAN-A',
    enterpriseKey: 'A',
    product: 'WORKING_CAPITAL',
    siteKey: siteKey('A', '652824', 'PLANT'),
    regionCode: '652824',
    note:
      'Working-capital loan (流动资金贷款) to the health-food company to build a plant in Xinjiang ' +
      '(产业援疆). The article names 若羌, 阿克苏 and 哈密 but not where the plant was built: 若羌县 is chosen ' +
      "as the loan's county (the first place named) and is an assumption. " +
      common,
  },
  {
    contractNo: 'ARTICLE-LOAN-B',
    enterpriseKey: 'B',
    product: 'WORKING_CAPITAL',
    siteKey: null,
    regionCode: null,
    note:
      "Working-capital loan (流动资金贷款) for the dairy company's farms in six Henan poor counties " +
      '(新蔡, 鲁山, 平舆, 睢县, 扶沟, 叶县). The article does not say which farm or county the money went to, ' +
      'so site and region are null. ' +
      common,
  },
  {
    contractNo: 'ARTICLE-LOAN-C',
    enterpriseKey: 'C',
    product: 'PROJECT',
    siteKey: siteKey('C', '410422', 'PROJECT'),
    regionCode: '410422',
    note:
      'Loan (贷款) for pig farming and other poverty-alleviation projects (生猪养殖等扶贫项目) in 叶县. The ' +
      'article does not name the product; PROJECT is our reading of "a loan for projects". ' +
      common,
  },
];

/**
 * Creates or updates the three loans, found again by contract number, all booked at the branch.
 * Returns loan ids by enterprise key (A, B, C); rethrows database errors.
 */
export async function seedLoans(
  { tx, tally }: SeedContext,
  ids: { regions: IdsByKey; orgUnits: IdsByKey; enterprises: IdsByKey; sites: IdsByKey },
): Promise<IdsByKey> {
  const loanIds = new Map<string, number>();
  for (const loan of articleLoans) {
    const data = {
      contractNo: loan.contractNo,
      enterpriseId: idOf(ids.enterprises, loan.enterpriseKey),
      orgUnitId: idOf(ids.orgUnits, branchCode),
      siteId: loan.siteKey === null ? null : idOf(ids.sites, loan.siteKey),
      regionId: loan.regionCode === null ? null : idOf(ids.regions, loan.regionCode),
      product: loan.product,
      regulatoryClass: 'INDUSTRY' as const,
      policyRegime: 'TARGETED_2016_2020' as const,
      financingModel: null,
      guarantee: null,
      rateType: null,
      lprTenor: null,
      lprAtPricing: null,
      spreadBps: null,
      effectiveRate: null,
      interestSubsidyRate: null,
      repaymentMethod: null,
      contractAmount: null,
      disbursedAmount: null,
      outstandingBalance: null,
      overduePrincipal: null,
      overdueInterest: null,
      daysPastDue: null,
      contractDate: null,
      firstDisbursementDate: null,
      maturityDate: null,
      termMonths: null,
      deferredUntil: null,
      status: 'DISBURSED' as const,
      riskClass: null,
      supportSector: null,
      illustrative: false,
      note: loan.note,
      dataSource: 'ARTICLE' as const,
    };
    const { row, outcome } = await syncRow(
      await tx.enterpriseLoan.findUnique({ where: { contractNo: loan.contractNo } }),
      data,
      {
        create: (values) => tx.enterpriseLoan.create({ data: values }),
        update: (stored, changes) => tx.enterpriseLoan.update({ where: { id: stored.id }, data: changes }),
      },
    );
    tally.add('enterpriseLoans', outcome);
    loanIds.set(loan.enterpriseKey, row.id);
  }
  return loanIds;
}
