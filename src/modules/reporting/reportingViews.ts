import type { Role } from '../auth/index.js';

/** The NOLOGIN group role a SQL login of API role `role` is a member of. */
export const groupRoleOf = (role: Role): string => `dishui_reporting_${role.toLowerCase()}`;

/** One view of the `reporting` schema and the GraphQL door whose access it mirrors. */
export interface ReportingView {
  name: string;
  /** The root field whose `@access` decides which roles see rows at all. */
  door: string;
  /** Whether rows are limited to the login's org-unit subtree (else reference data every branch shares). */
  scoped: boolean;
  /** Columns that are null for a role that may not read the field named ("Type.field"). */
  masked: Readonly<Record<string, string>>;
}

const pricing = {
  contractNo: 'EnterpriseLoan.contractNo',
  lprAtPricing: 'EnterpriseLoan.lprAtPricing',
  spreadBps: 'EnterpriseLoan.spreadBps',
  effectiveRate: 'EnterpriseLoan.effectiveRate',
  interestSubsidyRate: 'EnterpriseLoan.interestSubsidyRate',
};

/**
 * The views of the SQL door, as the migration `20261202100000_reporting_schema` creates them. A
 * view returns rows only to a live login whose role may call `door`, and masks a column for a role
 * the field rule names in `masked` leaves out: the same rules as `schema.graphql`'s `@access`.
 */
export const reportingViews: readonly ReportingView[] = Object.freeze<ReportingView[]>([
  {
    name: 'loan_facts',
    door: 'Query.loanFacts',
    scoped: true,
    masked: { ...pricing, enterpriseCreditCode: 'Enterprise.creditCode' },
  },
  {
    name: 'impact_facts',
    door: 'Query.impactFacts',
    scoped: true,
    masked: { loanContractNo: 'EnterpriseLoan.contractNo' },
  },
  { name: 'loan_months', door: 'Query.loanStatistics', scoped: true, masked: {} },
  { name: 'snapshot_months', door: 'Query.portfolioSeries', scoped: true, masked: {} },
  { name: 'initiatives', door: 'Query.initiatives', scoped: true, masked: {} },
  { name: 'org_units', door: 'Query.orgUnits', scoped: true, masked: {} },
  { name: 'enterprises', door: 'Query.enterprises', scoped: true, masked: { creditCode: 'Enterprise.creditCode' } },
  { name: 'regions', door: 'Query.regions', scoped: false, masked: {} },
  { name: 'villages', door: 'Query.villages', scoped: false, masked: {} },
  { name: 'lpr_rates', door: 'Query.lprRates', scoped: false, masked: {} },
]);
