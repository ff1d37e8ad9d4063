import { mutationResolver } from '../writes/index.js';
import { applyForLoan, approveLoan, rejectLoan, writeOffLoan } from './loanLifecycle.service.js';
import { disburseLoan, recordRepayment } from './loanMoney.service.js';
import { classifyLoan, deferLoan, recordImpact } from './loanServicing.service.js';

const loan = { loanId: 'EnterpriseLoan' } as const;

/** Resolvers of the loan lifecycle mutations (their SDL is in schema.graphql, type Mutation). */
export const loanMutations = {
  applyForLoan: mutationResolver(applyForLoan, 'loan', {
    enterpriseId: 'Enterprise',
    orgUnitId: 'OrgUnit',
    siteId: 'EnterpriseSite',
    regionId: 'Region',
    campaignIds: 'Campaign',
  }),
  approveLoan: mutationResolver(approveLoan, 'loan', loan),
  rejectLoan: mutationResolver(rejectLoan, 'loan', loan),
  disburseLoan: mutationResolver(disburseLoan, 'loan', loan),
  recordRepayment: mutationResolver(recordRepayment, 'loan', loan),
  deferLoan: mutationResolver(deferLoan, 'loan', loan),
  classifyLoan: mutationResolver(classifyLoan, 'loan', loan),
  writeOffLoan: mutationResolver(writeOffLoan, 'loan', loan),
  recordImpact: mutationResolver(recordImpact, 'impactRecord', {
    loanId: 'EnterpriseLoan',
    initiativeId: 'Initiative',
    regionId: 'Region',
  }),
};
