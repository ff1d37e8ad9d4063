// Generated from schema.graphql by `npm run possible-types` (scripts/possible-types.ts); do not edit.
// Every interface and union with the types that implement it, for Apollo Client's possibleTypes.

/** Abstract type name -> the object types that can stand for it. */
export const possibleTypes = {
  Node: [
    'Enterprise',
    'EnterpriseSite',
    'EnterpriseLoan',
    'RepaymentScheduleItem',
    'Repayment',
    'LoanClassificationSnapshot',
    'ImpactRecord',
    'LprRate',
    'Region',
    'Village',
    'OrgUnit',
    'Initiative',
    'CadreAssignment',
    'InitiativeMetric',
    'Campaign',
    'AuditEvent',
    'ExportJob',
  ],
  MutationPayload: [
    'LoanPayload',
    'RecordImpactPayload',
    'InitiativePayload',
    'InitiativeMetricPayload',
    'CadreAssignmentPayload',
    'CampaignPayload',
    'VillagePayload',
    'EnterprisePayload',
    'EnterpriseSitePayload',
    'CreateExportPayload',
  ],
} as const;
