import type { LeadingEnterpriseLevel } from '../../../generated/prisma/client.js';
import { type IdsByKey, idOf, type SeedContext } from './seedContext.js';
import { syncRow } from './syncRow.js';

/** One of the article's three borrowers, kept anonymous as the article keeps them. */
export interface ArticleEnterprise {
  /** A, B or C, as facts.md calls them. */
  key: 'A' | 'B' | 'C';
  /** A descriptive stand-in, not a name. */
  name: string;
  /** The article's own description, in Simplified. */
  nameZh: string;
  industrySection: string | null;
  industryCode: string | null;
  leadingEnterpriseLevel: LeadingEnterpriseLevel;
  headOfficeRegionCode: string | null;
  note: string;
}

const notLeading =
  'The article does not call this company a leading agricultural enterprise (龙头企业) or give a level; ' +
  'NONE here means "not stated", not "verified as none". Size not stated.';

/** Borrowers A, B and C of facts.md. */
export const articleEnterprises: readonly ArticleEnterprise[] = [
  {
    key: 'A',
    name: 'Health-food company (jujube processing)',
    nameZh: '某健康食品公司',
    industrySection: 'C',
    industryCode: null,
    leadingEnterpriseLevel: 'NONE',
    headOfficeRegionCode: '4101',
    note:
      'The article writes 轄內某健康食品公司 ("a health-food company within the branch\'s area") and names ' +
      "none: anonymised, no credit code. Head office: within the Zhengzhou branch's area, county not known. " +
      'Industry: food manufacturing (GB/T 4754 section C) with jujube farmers as suppliers (惠及枣农); the class ' +
      '(fruit processing or health food) is not evident, so industryCode is null. ' +
      notLeading,
  },
  {
    key: 'B',
    name: 'Henan dairy company',
    nameZh: '河南某乳业公司',
    industrySection: null,
    industryCode: null,
    leadingEnterpriseLevel: 'NONE',
    headOfficeRegionCode: '41',
    note:
      'The article writes 河南某乳業公司 and names none: anonymised, no credit code. Head office: Henan, ' +
      'place not known. Industry not evident: it builds dairy-cattle farms (section A) but may mainly make ' +
      'dairy products (section C). ' +
      notLeading,
  },
  {
    key: 'C',
    name: 'Bio company (pig farming project)',
    nameZh: '某生物公司',
    industrySection: null,
    industryCode: null,
    leadingEnterpriseLevel: 'NONE',
    headOfficeRegionCode: null,
    note:
      'The article writes 某生物公司 and names none: anonymised, no credit code. Head office not stated. ' +
      "Industry not evident: the loan finances pig farming (生猪养殖) but the company's own main line is not " +
      'given. ' +
      notLeading,
  },
];

/**
 * Creates or updates the three anonymous borrowers, found again by their Chinese description
 * among ARTICLE rows (they have no credit code). Returns enterprise ids by key (A, B, C);
 * rethrows database errors.
 */
export async function seedEnterprises({ tx, tally }: SeedContext, regionIds: IdsByKey): Promise<IdsByKey> {
  const ids = new Map<string, number>();
  for (const enterprise of articleEnterprises) {
    const data = {
      name: enterprise.name,
      nameZh: enterprise.nameZh,
      anonymised: true,
      creditCode: null,
      industrySection: enterprise.industrySection,
      industryCode: enterprise.industryCode,
      size: null,
      leadingEnterpriseLevel: enterprise.leadingEnterpriseLevel,
      headOfficeRegionId:
        enterprise.headOfficeRegionCode === null ? null : idOf(regionIds, enterprise.headOfficeRegionCode),
      note: enterprise.note,
      dataSource: 'ARTICLE' as const,
    };
    const existing = await tx.enterprise.findFirst({
      where: { nameZh: enterprise.nameZh, dataSource: 'ARTICLE' },
      orderBy: { id: 'asc' },
    });
    const { row, outcome } = await syncRow(existing, data, {
      create: (values) => tx.enterprise.create({ data: values }),
      update: (stored, changes) => tx.enterprise.update({ where: { id: stored.id }, data: changes }),
    });
    tally.add('enterprises', outcome);
    ids.set(enterprise.key, row.id);
  }
  return ids;
}
