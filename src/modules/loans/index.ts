export { loanMutations } from './loans.mutations.js';
export { validateLoanTerms } from './loans.validation.js';
