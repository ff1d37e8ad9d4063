import type { Database } from '../../../src/db/client.js';
import type { Role, Viewer } from '../../../src/modules/auth/viewer.js';
import { fixtureIds, insertInvariantFixture, insertRow } from '../../support/invariantFixture.js';

/**
 * Ids of the scope fixture: two branches A and B under the invariant fixture's branch (the
 * parent P), an outlet A1 under A, and for each of A1 and B a borrower with a loan (with its
 * schedule item, repayment, month-end snapshot and impact record), an initiative (with a metric,
 * a cadre and an impact record); a borrower with no loan; one campaign holding everything.
 * P itself keeps the invariant fixture's loan FIX-LOAN and initiative FIX-PAIRED.
 */
export const scopeIds = Object.freeze({
  parent: fixtureIds.branch,
  branchA: 9711,
  outletA1: 9712,
  branchB: 9721,
  enterpriseA: 9731,
  enterpriseB: 9732,
  enterpriseNoLoan: 9733,
  loanA: 9741,
  loanB: 9742,
  initiativeA: 9751,
  initiativeB: 9752,
  campaign: 9771,
});

/** People driven by each impact record: any sum tells which records it counted. */
export const peopleDriven = Object.freeze({ loanA: 10, loanB: 200, initiativeA: 3000, initiativeB: 40000 });

/** Writes the scope fixture (on top of the invariant fixture). */
export async function insertScopeFixture(db: Database): Promise<void> {
  const sql = db.sql;
  const id = scopeIds;
  await insertInvariantFixture(sql);
  await insertRow(sql, 'OrgUnit', {
    id: id.branchA,
    code: 'SC-A',
    name: 'Branch A',
    nameZh: '甲支行',
    kind: 'SUB_BRANCH',
    parentId: id.parent,
  });
  await insertRow(sql, 'OrgUnit', {
    id: id.outletA1,
    code: 'SC-A1',
    name: 'Outlet A1',
    nameZh: '甲一網點',
    kind: 'OUTLET',
    parentId: id.branchA,
  });
  await insertRow(sql, 'OrgUnit', {
    id: id.branchB,
    code: 'SC-B',
    name: 'Branch B',
    nameZh: '乙支行',
    kind: 'SUB_BRANCH',
    parentId: id.parent,
  });
  await insertRow(sql, 'Enterprise', {
    id: id.enterpriseA,
    name: 'Borrower A',
    anonymised: true,
    creditCode: '91350100M000100Y43',
  });
  await insertRow(sql, 'Enterprise', { id: id.enterpriseB, name: 'Borrower B', anonymised: true });
  await insertRow(sql, 'Enterprise', { id: id.enterpriseNoLoan, name: 'Prospect', anonymised: true });
  await insertRow(sql, 'Campaign', { id: id.campaign, code: 'SC-CAMP', name: '工银普惠行' });
  const branches = [
    {
      key: 'A',
      loan: id.loanA,
      enterprise: id.enterpriseA,
      unit: id.outletA1,
      initiative: id.initiativeA,
      amount: '1000000.00',
      people: [peopleDriven.loanA, peopleDriven.initiativeA],
    },
    {
      key: 'B',
      loan: id.loanB,
      enterprise: id.enterpriseB,
      unit: id.branchB,
      initiative: id.initiativeB,
      amount: '2000000.00',
      people: [peopleDriven.loanB, peopleDriven.initiativeB],
    },
  ] as const;
  for (const [n, b] of branches.entries()) {
    await insertRow(sql, 'EnterpriseLoan', {
      id: b.loan,
      contractNo: `SC-LOAN-${b.key}`,
      enterpriseId: b.enterprise,
      orgUnitId: b.unit,
      regionId: fixtureIds.dengfeng,
      product: 'WORKING_CAPITAL',
      regulatoryClass: 'INDUSTRY',
      policyRegime: 'TARGETED_2016_2020',
      status: 'DISBURSED',
      contractAmount: b.amount,
      disbursedAmount: b.amount,
      outstandingBalance: b.amount,
      effectiveRate: '0.043500',
      contractDate: '2020-03-01',
      maturityDate: '2023-03-01',
    });
    await insertRow(sql, 'RepaymentScheduleItem', {
      id: 9781 + n,
      loanId: b.loan,
      seq: 1,
      dueDate: '2020-09-01',
      principalDue: '1000.00',
      interestDue: '10.00',
    });
    await insertRow(sql, 'Repayment', {
      id: 9791 + n,
      loanId: b.loan,
      paidOn: '2020-09-01',
      principal: '0.00',
      interest: '10.00',
    });
    await insertRow(sql, 'LoanClassificationSnapshot', {
      loanId: b.loan,
      monthEnd: '2020-06-30',
      riskClass: 'NORMAL',
      outstandingBalance: b.amount,
    });
    await insertRow(sql, 'LoanCampaign', { loanId: b.loan, campaignId: id.campaign });
    await insertRow(sql, 'Initiative', {
      id: b.initiative,
      code: `SC-INI-${b.key}`,
      name: `Initiative ${b.key}`,
      nameZh: `項目${b.key}`,
      category: 'EDUCATION_AID',
      status: 'ACTIVE',
      ownerOrgUnitId: b.unit,
    });
    await insertRow(sql, 'InitiativeCampaign', { initiativeId: b.initiative, campaignId: id.campaign });
    await insertRow(sql, 'InitiativeMetric', {
      initiativeId: b.initiative,
      metric: 'STUDENTS_SUPPORTED',
      value: String(b.people[1]),
      unit: 'PERSON',
    });
    await insertRow(sql, 'CadreAssignment', {
      initiativeId: b.initiative,
      villageId: fixtureIds.village,
      role: 'LIAISON',
      partyMember: true,
      staffRef: `staff-${b.key}`,
    });
    await insertRow(sql, 'ImpactRecord', {
      loanId: b.loan,
      regionId: fixtureIds.dengfeng,
      mechanism: 'EMPLOYMENT',
      peopleDriven: b.people[0],
      verifiedBy: 'BANK',
    });
    await insertRow(sql, 'ImpactRecord', {
      initiativeId: b.initiative,
      regionId: fixtureIds.dengfeng,
      mechanism: 'TRAINING',
      peopleDriven: b.people[1],
      verifiedBy: 'BANK',
    });
  }
}

const viewer = (name: string, roles: Role[], orgUnitId: number | null): Viewer =>
  Object.freeze({ kind: 'user', id: `user:${name}`, roles, orgUnitId });

/** The callers of the matrix, by name. */
export const callers = Object.freeze({
  admin: viewer('admin', ['ADMIN'], null),
  adminA: viewer('admin-a', ['ADMIN'], scopeIds.branchA),
  analystA: viewer('analyst-a', ['ANALYST'], scopeIds.branchA),
  analystB: viewer('analyst-b', ['ANALYST'], scopeIds.branchB),
  analystP: viewer('analyst-p', ['ANALYST'], scopeIds.parent),
  officerA: viewer('officer-a', ['LOAN_OFFICER'], scopeIds.branchA),
  managerA: viewer('manager-a', ['PROGRAMME_MANAGER'], scopeIds.branchA),
  viewerA: viewer('viewer-a', ['VIEWER'], scopeIds.branchA),
});

/** The name of one of {@link callers}. */
export type CallerName = keyof typeof callers;
