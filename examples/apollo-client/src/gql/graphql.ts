/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Filter of a yes/no field. */
export type BooleanFilter = {
  /** Equal to. */
  eq?: boolean | null | undefined;
  /** Null (true) or not null (false). */
  isNull?: boolean | null | undefined;
};

/** Filter of a to-many relation to CadreAssignment. */
export type CadreAssignmentListFilter = {
  /** Every related row matches (true when there are none). */
  every?: CadreAssignmentWhere | null | undefined;
  /** No related row matches. */
  none?: CadreAssignmentWhere | null | undefined;
  /** At least one related row matches. */
  some?: CadreAssignmentWhere | null | undefined;
};

/** Filter of CadreAssignment rows; fields combine with AND. */
export type CadreAssignmentWhere = {
  /** All of these filters match. */
  AND?: Array<CadreAssignmentWhere> | null | undefined;
  /** This filter does not match. */
  NOT?: CadreAssignmentWhere | null | undefined;
  /** Any of these filters matches. */
  OR?: Array<CadreAssignmentWhere> | null | undefined;
  /** When the row was written. */
  createdAt?: DateTimeFilter | null | undefined;
  /** Where the row came from. */
  dataSource?: DataSourceFilter | null | undefined;
  /** End date. */
  endDate?: DateFilter | null | undefined;
  /** Global ID. */
  id?: IdFilter | null | undefined;
  /** The initiative. */
  initiative?: InitiativeWhere | null | undefined;
  /** Whether the cadre is a Party member. */
  partyMember?: BooleanFilter | null | undefined;
  /** Role. */
  role?: CadreRoleFilter | null | undefined;
  /** Pseudonymous staff reference. */
  staffRef?: StringFilter | null | undefined;
  /** Start date. */
  startDate?: DateFilter | null | undefined;
  /** When the row last changed. */
  updatedAt?: DateTimeFilter | null | undefined;
  /** The village. */
  village?: VillageWhere | null | undefined;
};

/** Role of a cadre stationed in a village. */
export type CadreRole =
  /** First secretary (第一書記). */
  | 'FIRST_SECRETARY'
  /** Liaison (聯絡員). */
  | 'LIAISON'
  /** Member of the village work team (駐村工作隊員). */
  | 'WORK_TEAM_MEMBER';

/** Filter of a CadreRole field. */
export type CadreRoleFilter = {
  /** Equal to. */
  eq?: CadreRole | null | undefined;
  /** One of. */
  in?: Array<CadreRole> | null | undefined;
  /** Null (true) or not null (false). */
  isNull?: boolean | null | undefined;
  /** None of. */
  notIn?: Array<CadreRole> | null | undefined;
};

/** Filter of a to-many relation to Campaign. */
export type CampaignListFilter = {
  /** Every related row matches (true when there are none). */
  every?: CampaignWhere | null | undefined;
  /** No related row matches. */
  none?: CampaignWhere | null | undefined;
  /** At least one related row matches. */
  some?: CampaignWhere | null | undefined;
};

/** Filter of Campaign rows; fields combine with AND. */
export type CampaignWhere = {
  /** All of these filters match. */
  AND?: Array<CampaignWhere> | null | undefined;
  /** This filter does not match. */
  NOT?: CampaignWhere | null | undefined;
  /** Any of these filters matches. */
  OR?: Array<CampaignWhere> | null | undefined;
  /** Campaign code. */
  code?: StringFilter | null | undefined;
  /** When the row was written. */
  createdAt?: DateTimeFilter | null | undefined;
  /** Where the row came from. */
  dataSource?: DataSourceFilter | null | undefined;
  /** End date. */
  endDate?: DateFilter | null | undefined;
  /** Global ID. */
  id?: IdFilter | null | undefined;
  /** Initiatives in the campaign. */
  initiatives?: InitiativeListFilter | null | undefined;
  /** Loans granted under the campaign. */
  loans?: EnterpriseLoanListFilter | null | undefined;
  /** Name (工銀普惠行); also matches aliases. */
  name?: StringFilter | null | undefined;
  /** English name. */
  nameEn?: StringFilter | null | undefined;
  /** Sponsor. */
  sponsor?: StringFilter | null | undefined;
  /** Start date. */
  startDate?: DateFilter | null | undefined;
  /** Theme. */
  theme?: StringFilter | null | undefined;
  /** When the row last changed. */
  updatedAt?: DateTimeFilter | null | undefined;
};

/** Where a row came from. */
export type DataSource =
  /** Written through the API. */
  | 'API'
  /** From the source article (ICBC Zhengzhou Branch, 2020). */
  | 'ARTICLE'
  /** Loaded from a file. */
  | 'IMPORT'
  /** Generated for tests and benchmarks. */
  | 'SYNTHETIC';

/** Filter of a DataSource field. */
export type DataSourceFilter = {
  /** Equal to. */
  eq?: DataSource | null | undefined;
  /** One of. */
  in?: Array<DataSource> | null | undefined;
  /** Null (true) or not null (false). */
  isNull?: boolean | null | undefined;
  /** None of. */
  notIn?: Array<DataSource> | null | undefined;
};

/** Filter of a date field. */
export type DateFilter = {
  /** On this date. */
  eq?: string | null | undefined;
  /** After. */
  gt?: string | null | undefined;
  /** On or after. */
  gte?: string | null | undefined;
  /** On one of these dates. */
  in?: Array<string> | null | undefined;
  /** Null (true) or not null (false). */
  isNull?: boolean | null | undefined;
  /** Before. */
  lt?: string | null | undefined;
  /** On or before. */
  lte?: string | null | undefined;
  /** On none of these dates. */
  notIn?: Array<string> | null | undefined;
};

/** Filter of an instant field. */
export type DateTimeFilter = {
  /** At this instant. */
  eq?: string | null | undefined;
  /** After. */
  gt?: string | null | undefined;
  /** At or after. */
  gte?: string | null | undefined;
  /** At one of these instants. */
  in?: Array<string> | null | undefined;
  /** Null (true) or not null (false). */
  isNull?: boolean | null | undefined;
  /** Before. */
  lt?: string | null | undefined;
  /** At or before. */
  lte?: string | null | undefined;
  /** At none of these instants. */
  notIn?: Array<string> | null | undefined;
};

/** Filter of a decimal (money or rate) field. */
export type DecimalFilter = {
  /** Equal to. */
  eq?: string | null | undefined;
  /** Greater than. */
  gt?: string | null | undefined;
  /** Greater than or equal to. */
  gte?: string | null | undefined;
  /** One of. */
  in?: Array<string> | null | undefined;
  /** Null (true) or not null (false). */
  isNull?: boolean | null | undefined;
  /** Less than. */
  lt?: string | null | undefined;
  /** Less than or equal to. */
  lte?: string | null | undefined;
  /** None of. */
  notIn?: Array<string> | null | undefined;
};

/** Input of disburseLoan. */
export type DisburseLoanInput = {
  /** Amount paid out; all disbursements together at most the contract amount. */
  amount: string;
  /** Day of the payout, on or after the contract date and before maturity. */
  disbursedOn: string;
  /** The version read; a stale one is a CONFLICT. */
  expectedVersion?: number | null | undefined;
  /** Makes a retry safe: the money moves once. */
  idempotencyKey?: string | null | undefined;
  /** The loan (APPROVED or DISBURSED). */
  loanId: string | number;
};

/** Filter of a to-many relation to EnterpriseLoan. */
export type EnterpriseLoanListFilter = {
  /** Every related row matches (true when there are none). */
  every?: EnterpriseLoanWhere | null | undefined;
  /** No related row matches. */
  none?: EnterpriseLoanWhere | null | undefined;
  /** At least one related row matches. */
  some?: EnterpriseLoanWhere | null | undefined;
};

/** Filter of EnterpriseLoan rows; fields combine with AND. */
export type EnterpriseLoanWhere = {
  /** All of these filters match. */
  AND?: Array<EnterpriseLoanWhere> | null | undefined;
  /** This filter does not match. */
  NOT?: EnterpriseLoanWhere | null | undefined;
  /** Any of these filters matches. */
  OR?: Array<EnterpriseLoanWhere> | null | undefined;
  /** Campaigns the loan was granted under. */
  campaigns?: CampaignListFilter | null | undefined;
  /** Month-end classification. */
  classificationHistory?: LoanClassificationSnapshotListFilter | null | undefined;
  /** Contract amount, CNY. */
  contractAmount?: DecimalFilter | null | undefined;
  /** Contract date. */
  contractDate?: DateFilter | null | undefined;
  /** Contract number. */
  contractNo?: StringFilter | null | undefined;
  /** When the row was written. */
  createdAt?: DateTimeFilter | null | undefined;
  /** Where the row came from. */
  dataSource?: DataSourceFilter | null | undefined;
  /** Days past due. */
  daysPastDue?: IntFilter | null | undefined;
  /** Deferral (延期還本付息) until. */
  deferredUntil?: DateFilter | null | undefined;
  /** Disbursed amount, CNY. */
  disbursedAmount?: DecimalFilter | null | undefined;
  /** Effective annual rate. */
  effectiveRate?: DecimalFilter | null | undefined;
  /** The borrower. */
  enterprise?: EnterpriseWhere | null | undefined;
  /** Financing model. */
  financingModel?: FinancingModelFilter | null | undefined;
  /** First disbursement date. */
  firstDisbursementDate?: DateFilter | null | undefined;
  /** Guarantee type. */
  guarantee?: GuaranteeTypeFilter | null | undefined;
  /** Global ID. */
  id?: IdFilter | null | undefined;
  /** Whether figures are illustrative. */
  illustrative?: BooleanFilter | null | undefined;
  /** Impact records. */
  impactRecords?: ImpactRecordListFilter | null | undefined;
  /** NBS code of a region: matches rows anywhere in its subtree ("41" is all of Henan). */
  inRegion?: string | null | undefined;
  /** LPR tenor the rate is priced on. */
  lprTenor?: LprTenorFilter | null | undefined;
  /** Maturity date. */
  maturityDate?: DateFilter | null | undefined;
  /** Booking unit. */
  orgUnit?: OrgUnitWhere | null | undefined;
  /** Outstanding balance, CNY. */
  outstandingBalance?: DecimalFilter | null | undefined;
  /** Overdue principal, CNY. */
  overduePrincipal?: DecimalFilter | null | undefined;
  /** Policy regime. */
  policyRegime?: PolicyRegimeFilter | null | undefined;
  /** Loan product. */
  product?: LoanProductFilter | null | undefined;
  /** Fixed or floating rate. */
  rateType?: RateTypeFilter | null | undefined;
  /** County where the money is used. */
  region?: RegionWhere | null | undefined;
  /** PBoC targeted-poverty statistical class. */
  regulatoryClass?: RegulatoryClassFilter | null | undefined;
  /** Actual payments. */
  repayments?: RepaymentListFilter | null | undefined;
  /** Five-tier risk class (五級分類). */
  riskClass?: RiskClassFilter | null | undefined;
  /** Planned instalments. */
  scheduleItems?: RepaymentScheduleItemListFilter | null | undefined;
  /** Site where the money is used. */
  site?: EnterpriseSiteWhere | null | undefined;
  /** Spread over LPR in basis points. */
  spreadBps?: IntFilter | null | undefined;
  /** Lifecycle status. */
  status?: LoanStatusFilter | null | undefined;
  /** COVID-19 support sector. */
  supportSector?: SupportSectorFilter | null | undefined;
  /** Term in months. */
  termMonths?: IntFilter | null | undefined;
  /** When the row last changed. */
  updatedAt?: DateTimeFilter | null | undefined;
};

/** Filter of a to-many relation to EnterpriseSite. */
export type EnterpriseSiteListFilter = {
  /** Every related row matches (true when there are none). */
  every?: EnterpriseSiteWhere | null | undefined;
  /** No related row matches. */
  none?: EnterpriseSiteWhere | null | undefined;
  /** At least one related row matches. */
  some?: EnterpriseSiteWhere | null | undefined;
};

/** Filter of EnterpriseSite rows; fields combine with AND. */
export type EnterpriseSiteWhere = {
  /** All of these filters match. */
  AND?: Array<EnterpriseSiteWhere> | null | undefined;
  /** This filter does not match. */
  NOT?: EnterpriseSiteWhere | null | undefined;
  /** Any of these filters matches. */
  OR?: Array<EnterpriseSiteWhere> | null | undefined;
  /** When the row was written. */
  createdAt?: DateTimeFilter | null | undefined;
  /** Where the row came from. */
  dataSource?: DataSourceFilter | null | undefined;
  /** Operating enterprise. */
  enterprise?: EnterpriseWhere | null | undefined;
  /** Global ID. */
  id?: IdFilter | null | undefined;
  /** NBS code of a region: matches rows anywhere in its subtree ("41" is all of Henan). */
  inRegion?: string | null | undefined;
  /** Kind of site. */
  kind?: SiteKindFilter | null | undefined;
  /** Loans used at the site. */
  loans?: EnterpriseLoanListFilter | null | undefined;
  /** Name of the site. */
  name?: StringFilter | null | undefined;
  /** Opening date. */
  openedOn?: DateFilter | null | undefined;
  /** Region of the site. */
  region?: RegionWhere | null | undefined;
  /** When the row last changed. */
  updatedAt?: DateTimeFilter | null | undefined;
};

/** Enterprise size class (企業規模). */
export type EnterpriseSize =
  /** Large (大型). */
  | 'LARGE'
  /** Medium (中型). */
  | 'MEDIUM'
  /** Micro (微型). */
  | 'MICRO'
  /** Small (小型). */
  | 'SMALL';

/** Filter of a EnterpriseSize field. */
export type EnterpriseSizeFilter = {
  /** Equal to. */
  eq?: EnterpriseSize | null | undefined;
  /** One of. */
  in?: Array<EnterpriseSize> | null | undefined;
  /** Null (true) or not null (false). */
  isNull?: boolean | null | undefined;
  /** None of. */
  notIn?: Array<EnterpriseSize> | null | undefined;
};

/** Filter of Enterprise rows; fields combine with AND. */
export type EnterpriseWhere = {
  /** All of these filters match. */
  AND?: Array<EnterpriseWhere> | null | undefined;
  /** This filter does not match. */
  NOT?: EnterpriseWhere | null | undefined;
  /** Any of these filters matches. */
  OR?: Array<EnterpriseWhere> | null | undefined;
  /** Whether the name is a stand-in. */
  anonymised?: BooleanFilter | null | undefined;
  /** When the row was written. */
  createdAt?: DateTimeFilter | null | undefined;
  /** Unified social credit code (統一社會信用代碼). */
  creditCode?: StringFilter | null | undefined;
  /** Where the row came from. */
  dataSource?: DataSourceFilter | null | undefined;
  /** Head-office region. */
  headOfficeRegion?: RegionWhere | null | undefined;
  /** Global ID. */
  id?: IdFilter | null | undefined;
  /** NBS code of a region: matches rows anywhere in its subtree ("41" is all of Henan). */
  inRegion?: string | null | undefined;
  /** GB/T 4754 class code. */
  industryCode?: StringFilter | null | undefined;
  /** GB/T 4754 section letter. */
  industrySection?: StringFilter | null | undefined;
  /** Leading-enterprise level (農業產業化龍頭企業). */
  leadingEnterpriseLevel?: LeadingEnterpriseLevelFilter | null | undefined;
  /** Loans borrowed. */
  loans?: EnterpriseLoanListFilter | null | undefined;
  /** Name (anonymised in article data); also matches the Chinese name. */
  name?: StringFilter | null | undefined;
  /** Chinese name. */
  nameZh?: StringFilter | null | undefined;
  /** Sites. */
  sites?: EnterpriseSiteListFilter | null | undefined;
  /** Size class. */
  size?: EnterpriseSizeFilter | null | undefined;
  /** When the row last changed. */
  updatedAt?: DateTimeFilter | null | undefined;
};

/** Financing model (融資模式). */
export type FinancingModel =
  /** Bank + government + enterprise/farmer (銀行+政府+企業/農戶). */
  | 'BANK_GOVERNMENT_ENTERPRISE_FARMER'
  /** Bank + leading agricultural enterprise + enterprise/farmer (銀行+農業龍頭企業+企業/農戶). */
  | 'BANK_LEADING_ENTERPRISE_FARMER'
  /** Direct lending. */
  | 'DIRECT'
  /** Supply-chain financing. */
  | 'SUPPLY_CHAIN';

/** Filter of a FinancingModel field. */
export type FinancingModelFilter = {
  /** Equal to. */
  eq?: FinancingModel | null | undefined;
  /** One of. */
  in?: Array<FinancingModel> | null | undefined;
  /** Null (true) or not null (false). */
  isNull?: boolean | null | undefined;
  /** None of. */
  notIn?: Array<FinancingModel> | null | undefined;
};

/** Guarantee type (擔保方式). */
export type GuaranteeType =
  /** Combined (組合). */
  | 'COMBINED'
  /** Unsecured credit (信用). */
  | 'CREDIT'
  /** Third-party guarantee (保證). */
  | 'GUARANTEE'
  /** Mortgage (抵押). */
  | 'MORTGAGE'
  /** Pledge (質押). */
  | 'PLEDGE';

/** Filter of a GuaranteeType field. */
export type GuaranteeTypeFilter = {
  /** Equal to. */
  eq?: GuaranteeType | null | undefined;
  /** One of. */
  in?: Array<GuaranteeType> | null | undefined;
  /** Null (true) or not null (false). */
  isNull?: boolean | null | undefined;
  /** None of. */
  notIn?: Array<GuaranteeType> | null | undefined;
};

/** Filter of a global ID field. */
export type IdFilter = {
  /** Equal to. */
  eq?: string | number | null | undefined;
  /** One of. */
  in?: Array<string | number> | null | undefined;
  /** None of. */
  notIn?: Array<string | number> | null | undefined;
};

/** How a loan or initiative drives poor people (帶貧機制). */
export type ImpactMechanism =
  /** Asset income (資產收益). */
  | 'ASSET_INCOME'
  /** Consumption (消費扶貧). */
  | 'CONSUMPTION'
  /** Employment (吸納就業). */
  | 'EMPLOYMENT'
  /** Hosting or contract rearing (託管/代養). */
  | 'HOSTING'
  /** Land transfer (土地流轉). */
  | 'LAND_TRANSFER'
  /** Order purchase (訂單收購). */
  | 'ORDER_PURCHASE'
  /** Training (培訓). */
  | 'TRAINING';

/** Filter of a ImpactMechanism field. */
export type ImpactMechanismFilter = {
  /** Equal to. */
  eq?: ImpactMechanism | null | undefined;
  /** One of. */
  in?: Array<ImpactMechanism> | null | undefined;
  /** Null (true) or not null (false). */
  isNull?: boolean | null | undefined;
  /** None of. */
  notIn?: Array<ImpactMechanism> | null | undefined;
};

/** Filter of a to-many relation to ImpactRecord. */
export type ImpactRecordListFilter = {
  /** Every related row matches (true when there are none). */
  every?: ImpactRecordWhere | null | undefined;
  /** No related row matches. */
  none?: ImpactRecordWhere | null | undefined;
  /** At least one related row matches. */
  some?: ImpactRecordWhere | null | undefined;
};

/** Filter of ImpactRecord rows; fields combine with AND. */
export type ImpactRecordWhere = {
  /** All of these filters match. */
  AND?: Array<ImpactRecordWhere> | null | undefined;
  /** This filter does not match. */
  NOT?: ImpactRecordWhere | null | undefined;
  /** Any of these filters matches. */
  OR?: Array<ImpactRecordWhere> | null | undefined;
  /** Whether approximate. */
  approximate?: BooleanFilter | null | undefined;
  /** When the row was written. */
  createdAt?: DateTimeFilter | null | undefined;
  /** Where the row came from. */
  dataSource?: DataSourceFilter | null | undefined;
  /** Employees in total. */
  employeesTotal?: IntFilter | null | undefined;
  /** Global ID. */
  id?: IdFilter | null | undefined;
  /** NBS code of a region: matches rows anywhere in its subtree ("41" is all of Henan). */
  inRegion?: string | null | undefined;
  /** Income increase, CNY. */
  incomeIncrease?: DecimalFilter | null | undefined;
  /** The initiative. */
  initiative?: InitiativeWhere | null | undefined;
  /** The loan. */
  loan?: EnterpriseLoanWhere | null | undefined;
  /** How poor people are driven (帶貧機制). */
  mechanism?: ImpactMechanismFilter | null | undefined;
  /** People driven (帶動). */
  peopleDriven?: IntFilter | null | undefined;
  /** End of the period. */
  periodEnd?: DateFilter | null | undefined;
  /** Start of the period. */
  periodStart?: DateFilter | null | undefined;
  /** Share of poor employees, 0–1. */
  poorEmployeeShare?: DecimalFilter | null | undefined;
  /** The region. */
  region?: RegionWhere | null | undefined;
  /** Registered poor households reached. */
  registeredPoorHouseholds?: IntFilter | null | undefined;
  /** Registered poor people reached. */
  registeredPoorPeople?: IntFilter | null | undefined;
  /** When the row last changed. */
  updatedAt?: DateTimeFilter | null | undefined;
  /** Who verified it. */
  verifiedBy?: VerifierFilter | null | undefined;
};

/** Category of an assistance programme. */
export type InitiativeCategory =
  /** Consumption poverty alleviation (消費扶貧). */
  | 'CONSUMPTION'
  /** Education aid (助學). */
  | 'EDUCATION_AID'
  /** COVID-19 resumption support (疫情復工復產). */
  | 'EPIDEMIC_SUPPORT'
  /** Financial access: Funong cards (福農卡), outlets, e-commerce zone. */
  | 'FINANCIAL_ACCESS'
  /** Industry poverty-alleviation credit (產業扶貧). */
  | 'INDUSTRY_CREDIT'
  /** Nutrition, e.g. Love Lunch (愛心午餐). */
  | 'NUTRITION'
  /** Anything else. */
  | 'OTHER'
  /** Paired / targeted assistance (定點幫扶, 結對子). */
  | 'PAIRED_ASSISTANCE'
  /** Party building (黨建). */
  | 'PARTY_BUILDING';

/** Filter of a InitiativeCategory field. */
export type InitiativeCategoryFilter = {
  /** Equal to. */
  eq?: InitiativeCategory | null | undefined;
  /** One of. */
  in?: Array<InitiativeCategory> | null | undefined;
  /** Null (true) or not null (false). */
  isNull?: boolean | null | undefined;
  /** None of. */
  notIn?: Array<InitiativeCategory> | null | undefined;
};

/** Filter of a to-many relation to Initiative. */
export type InitiativeListFilter = {
  /** Every related row matches (true when there are none). */
  every?: InitiativeWhere | null | undefined;
  /** No related row matches. */
  none?: InitiativeWhere | null | undefined;
  /** At least one related row matches. */
  some?: InitiativeWhere | null | undefined;
};

/** Filter of a to-many relation to InitiativeMetric. */
export type InitiativeMetricListFilter = {
  /** Every related row matches (true when there are none). */
  every?: InitiativeMetricWhere | null | undefined;
  /** No related row matches. */
  none?: InitiativeMetricWhere | null | undefined;
  /** At least one related row matches. */
  some?: InitiativeMetricWhere | null | undefined;
};

/** Filter of InitiativeMetric rows; fields combine with AND. */
export type InitiativeMetricWhere = {
  /** All of these filters match. */
  AND?: Array<InitiativeMetricWhere> | null | undefined;
  /** This filter does not match. */
  NOT?: InitiativeMetricWhere | null | undefined;
  /** Any of these filters matches. */
  OR?: Array<InitiativeMetricWhere> | null | undefined;
  /** Whether the figure is approximate. */
  approximate?: BooleanFilter | null | undefined;
  /** When the row was written. */
  createdAt?: DateTimeFilter | null | undefined;
  /** Whether the figure is cumulative. */
  cumulative?: BooleanFilter | null | undefined;
  /** Where the row came from. */
  dataSource?: DataSourceFilter | null | undefined;
  /** Global ID. */
  id?: IdFilter | null | undefined;
  /** The initiative. */
  initiative?: InitiativeWhere | null | undefined;
  /** What is measured. */
  metric?: MetricKindFilter | null | undefined;
  /** End of the period. */
  periodEnd?: DateFilter | null | undefined;
  /** Start of the period. */
  periodStart?: DateFilter | null | undefined;
  /** Unit of the figure. */
  unit?: MetricUnitFilter | null | undefined;
  /** When the row last changed. */
  updatedAt?: DateTimeFilter | null | undefined;
  /** The figure. */
  value?: DecimalFilter | null | undefined;
};

/** Where an initiative stands. */
export type InitiativeStatus =
  /** Running. */
  | 'ACTIVE'
  /** Finished. */
  | 'COMPLETED'
  /** Not started. */
  | 'PLANNED'
  /** Paused. */
  | 'SUSPENDED';

/** Filter of a InitiativeStatus field. */
export type InitiativeStatusFilter = {
  /** Equal to. */
  eq?: InitiativeStatus | null | undefined;
  /** One of. */
  in?: Array<InitiativeStatus> | null | undefined;
  /** Null (true) or not null (false). */
  isNull?: boolean | null | undefined;
  /** None of. */
  notIn?: Array<InitiativeStatus> | null | undefined;
};

/** Filter of Initiative rows; fields combine with AND. */
export type InitiativeWhere = {
  /** All of these filters match. */
  AND?: Array<InitiativeWhere> | null | undefined;
  /** This filter does not match. */
  NOT?: InitiativeWhere | null | undefined;
  /** Any of these filters matches. */
  OR?: Array<InitiativeWhere> | null | undefined;
  /** Whether figures are approximate. */
  approximate?: BooleanFilter | null | undefined;
  /** Budget in CNY. */
  budget?: DecimalFilter | null | undefined;
  /** Cadres stationed for it. */
  cadreAssignments?: CadreAssignmentListFilter | null | undefined;
  /** Campaigns the initiative belongs to. */
  campaigns?: CampaignListFilter | null | undefined;
  /** Category. */
  category?: InitiativeCategoryFilter | null | undefined;
  /** Initiative code. */
  code?: StringFilter | null | undefined;
  /** When the row was written. */
  createdAt?: DateTimeFilter | null | undefined;
  /** Where the row came from. */
  dataSource?: DataSourceFilter | null | undefined;
  /** End date. */
  endDate?: DateFilter | null | undefined;
  /** Global ID. */
  id?: IdFilter | null | undefined;
  /** Impact records. */
  impactRecords?: ImpactRecordListFilter | null | undefined;
  /** Outcome figures. */
  metrics?: InitiativeMetricListFilter | null | undefined;
  /** English name; also matches the Chinese name. */
  name?: StringFilter | null | undefined;
  /** Chinese name. */
  nameZh?: StringFilter | null | undefined;
  /** Owning unit. */
  ownerOrgUnit?: OrgUnitWhere | null | undefined;
  /** Start date. */
  startDate?: DateFilter | null | undefined;
  /** Status. */
  status?: InitiativeStatusFilter | null | undefined;
  /** When the row last changed. */
  updatedAt?: DateTimeFilter | null | undefined;
  /** Villages the initiative targets or is hosted in. */
  villages?: VillageListFilter | null | undefined;
};

/** Filter of a whole-number field. */
export type IntFilter = {
  /** Equal to. */
  eq?: number | null | undefined;
  /** Greater than. */
  gt?: number | null | undefined;
  /** Greater than or equal to. */
  gte?: number | null | undefined;
  /** One of. */
  in?: Array<number> | null | undefined;
  /** Null (true) or not null (false). */
  isNull?: boolean | null | undefined;
  /** Less than. */
  lt?: number | null | undefined;
  /** Less than or equal to. */
  lte?: number | null | undefined;
  /** None of. */
  notIn?: Array<number> | null | undefined;
};

/** Level of an agricultural-industrialisation leading enterprise (農業產業化龍頭企業). */
export type LeadingEnterpriseLevel =
  /** Municipal leading enterprise (市級). */
  | 'MUNICIPAL'
  /** National leading enterprise (國家級). */
  | 'NATIONAL'
  /** Not a leading enterprise. */
  | 'NONE'
  /** Provincial leading enterprise (省級). */
  | 'PROVINCIAL';

/** Filter of a LeadingEnterpriseLevel field. */
export type LeadingEnterpriseLevelFilter = {
  /** Equal to. */
  eq?: LeadingEnterpriseLevel | null | undefined;
  /** One of. */
  in?: Array<LeadingEnterpriseLevel> | null | undefined;
  /** Null (true) or not null (false). */
  isNull?: boolean | null | undefined;
  /** None of. */
  notIn?: Array<LeadingEnterpriseLevel> | null | undefined;
};

/** Filter of a to-many relation to LoanClassificationSnapshot. */
export type LoanClassificationSnapshotListFilter = {
  /** Every related row matches (true when there are none). */
  every?: LoanClassificationSnapshotWhere | null | undefined;
  /** No related row matches. */
  none?: LoanClassificationSnapshotWhere | null | undefined;
  /** At least one related row matches. */
  some?: LoanClassificationSnapshotWhere | null | undefined;
};

/** Filter of LoanClassificationSnapshot rows; fields combine with AND. */
export type LoanClassificationSnapshotWhere = {
  /** All of these filters match. */
  AND?: Array<LoanClassificationSnapshotWhere> | null | undefined;
  /** This filter does not match. */
  NOT?: LoanClassificationSnapshotWhere | null | undefined;
  /** Any of these filters matches. */
  OR?: Array<LoanClassificationSnapshotWhere> | null | undefined;
  /** When the row was written. */
  createdAt?: DateTimeFilter | null | undefined;
  /** Where the row came from. */
  dataSource?: DataSourceFilter | null | undefined;
  /** Days past due at month end. */
  daysPastDue?: IntFilter | null | undefined;
  /** Global ID. */
  id?: IdFilter | null | undefined;
  /** The loan. */
  loan?: EnterpriseLoanWhere | null | undefined;
  /** Month end. */
  monthEnd?: DateFilter | null | undefined;
  /** Balance at month end, CNY. */
  outstandingBalance?: DecimalFilter | null | undefined;
  /** Risk class at month end. */
  riskClass?: RiskClassFilter | null | undefined;
  /** When the row last changed. */
  updatedAt?: DateTimeFilter | null | undefined;
};

/** Loan product. */
export type LoanProduct =
  /** Fixed-asset loan. */
  | 'FIXED_ASSET'
  /** Inclusive small and micro business loan (普惠小微). */
  | 'INCLUSIVE_SME'
  /** Poverty-alleviation microcredit. */
  | 'POVERTY_MICROCREDIT'
  /** Project loan. */
  | 'PROJECT'
  /** Supply-chain financing (供應鏈融資). */
  | 'SUPPLY_CHAIN'
  /** Working-capital loan (流動資金貸款). */
  | 'WORKING_CAPITAL';

/** Filter of a LoanProduct field. */
export type LoanProductFilter = {
  /** Equal to. */
  eq?: LoanProduct | null | undefined;
  /** One of. */
  in?: Array<LoanProduct> | null | undefined;
  /** Null (true) or not null (false). */
  isNull?: boolean | null | undefined;
  /** None of. */
  notIn?: Array<LoanProduct> | null | undefined;
};

/** Lifecycle status of a loan. */
export type LoanStatus =
  /** Applied for. */
  | 'APPLIED'
  /** Approved, not yet disbursed. */
  | 'APPROVED'
  /** Disbursed and performing. */
  | 'DISBURSED'
  /** Past due. */
  | 'OVERDUE'
  /** Rejected. */
  | 'REJECTED'
  /** Fully repaid. */
  | 'REPAID'
  /** Written off. */
  | 'WRITTEN_OFF';

/** Filter of a LoanStatus field. */
export type LoanStatusFilter = {
  /** Equal to. */
  eq?: LoanStatus | null | undefined;
  /** One of. */
  in?: Array<LoanStatus> | null | undefined;
  /** Null (true) or not null (false). */
  isNull?: boolean | null | undefined;
  /** None of. */
  notIn?: Array<LoanStatus> | null | undefined;
};

/** Tenor of a Loan Prime Rate fixing. */
export type LprTenor =
  /** Five-year-and-above LPR (5年期以上). */
  | 'FIVE_YEAR_PLUS'
  /** One-year LPR (1年期). */
  | 'ONE_YEAR';

/** Filter of a LprTenor field. */
export type LprTenorFilter = {
  /** Equal to. */
  eq?: LprTenor | null | undefined;
  /** One of. */
  in?: Array<LprTenor> | null | undefined;
  /** Null (true) or not null (false). */
  isNull?: boolean | null | undefined;
  /** None of. */
  notIn?: Array<LprTenor> | null | undefined;
};

/** What an initiative metric measures. */
export type MetricKind =
  /** Cadres stationed in a village. */
  | 'CADRES_STATIONED'
  /** Cards issued. */
  | 'CARDS_ISSUED'
  /** Households reached. */
  | 'HOUSEHOLDS_REACHED'
  /** Loans granted. */
  | 'LOANS_GRANTED'
  /** Meal subsidy per child per school day. */
  | 'MEAL_SUBSIDY_PER_CHILD'
  /** Outlets and self-service banks. */
  | 'OUTLETS'
  /** People lifted out of poverty. */
  | 'PEOPLE_LIFTED'
  /** Amount purchased. */
  | 'PURCHASE_AMOUNT'
  /** Sectors supported. */
  | 'SECTORS_SUPPORTED'
  /** Students supported. */
  | 'STUDENTS_SUPPORTED'
  /** Years the initiative has run. */
  | 'YEARS_RUNNING';

/** Filter of a MetricKind field. */
export type MetricKindFilter = {
  /** Equal to. */
  eq?: MetricKind | null | undefined;
  /** One of. */
  in?: Array<MetricKind> | null | undefined;
  /** Null (true) or not null (false). */
  isNull?: boolean | null | undefined;
  /** None of. */
  notIn?: Array<MetricKind> | null | undefined;
};

/** Unit of an initiative metric's value. */
export type MetricUnit =
  /** Cards. */
  | 'CARD'
  /** Yuan (CNY). */
  | 'CNY'
  /** Yuan per child per school day. */
  | 'CNY_PER_CHILD_DAY'
  /** Households. */
  | 'HOUSEHOLD'
  /** Loans. */
  | 'LOAN'
  /** Outlets. */
  | 'OUTLET'
  /** People. */
  | 'PERSON'
  /** Sectors. */
  | 'SECTOR'
  /** Years. */
  | 'YEAR';

/** Filter of a MetricUnit field. */
export type MetricUnitFilter = {
  /** Equal to. */
  eq?: MetricUnit | null | undefined;
  /** One of. */
  in?: Array<MetricUnit> | null | undefined;
  /** Null (true) or not null (false). */
  isNull?: boolean | null | undefined;
  /** None of. */
  notIn?: Array<MetricUnit> | null | undefined;
};

/** Kind of unit in the bank's organisation tree. */
export type OrgUnitKind =
  /** Department (部門). */
  | 'DEPARTMENT'
  /** Outlet (網點). */
  | 'OUTLET'
  /** Self-service bank (自助銀行). */
  | 'SELF_SERVICE_BANK'
  /** Sub-branch (支行). */
  | 'SUB_BRANCH'
  /** Tier-1 (provincial) branch (一級分行). */
  | 'TIER1_BRANCH'
  /** Tier-2 (prefecture) branch (二級分行). */
  | 'TIER2_BRANCH';

/** Filter of a OrgUnitKind field. */
export type OrgUnitKindFilter = {
  /** Equal to. */
  eq?: OrgUnitKind | null | undefined;
  /** One of. */
  in?: Array<OrgUnitKind> | null | undefined;
  /** Null (true) or not null (false). */
  isNull?: boolean | null | undefined;
  /** None of. */
  notIn?: Array<OrgUnitKind> | null | undefined;
};

/** Filter of a to-many relation to OrgUnit. */
export type OrgUnitListFilter = {
  /** Every related row matches (true when there are none). */
  every?: OrgUnitWhere | null | undefined;
  /** No related row matches. */
  none?: OrgUnitWhere | null | undefined;
  /** At least one related row matches. */
  some?: OrgUnitWhere | null | undefined;
};

/** Filter of OrgUnit rows; fields combine with AND. */
export type OrgUnitWhere = {
  /** All of these filters match. */
  AND?: Array<OrgUnitWhere> | null | undefined;
  /** This filter does not match. */
  NOT?: OrgUnitWhere | null | undefined;
  /** Any of these filters matches. */
  OR?: Array<OrgUnitWhere> | null | undefined;
  /** Units directly below. */
  children?: OrgUnitListFilter | null | undefined;
  /** Internal unit code. */
  code?: StringFilter | null | undefined;
  /** Whether the unit serves a county (縣域). */
  countyLevel?: BooleanFilter | null | undefined;
  /** When the row was written. */
  createdAt?: DateTimeFilter | null | undefined;
  /** Where the row came from. */
  dataSource?: DataSourceFilter | null | undefined;
  /** Global ID. */
  id?: IdFilter | null | undefined;
  /** NBS code of a region: matches rows anywhere in its subtree ("41" is all of Henan). */
  inRegion?: string | null | undefined;
  /** Initiatives the unit owns. */
  initiatives?: InitiativeListFilter | null | undefined;
  /** Kind of unit. */
  kind?: OrgUnitKindFilter | null | undefined;
  /** Loans booked by the unit. */
  loans?: EnterpriseLoanListFilter | null | undefined;
  /** English name; also matches the Chinese name. */
  name?: StringFilter | null | undefined;
  /** Chinese name. */
  nameZh?: StringFilter | null | undefined;
  /** The unit above. */
  parent?: OrgUnitWhere | null | undefined;
  /** Region the unit serves. */
  region?: RegionWhere | null | undefined;
  /** When the row last changed. */
  updatedAt?: DateTimeFilter | null | undefined;
};

/** Policy regime a loan was granted under. */
export type PolicyRegime =
  /** Targeted poverty alleviation, 2016–2020 (精準扶貧). */
  | 'TARGETED_2016_2020'
  /** Transition period, 2021–2025 (過渡期). */
  | 'TRANSITION_2021_2025';

/** Filter of a PolicyRegime field. */
export type PolicyRegimeFilter = {
  /** Equal to. */
  eq?: PolicyRegime | null | undefined;
  /** One of. */
  in?: Array<PolicyRegime> | null | undefined;
  /** Null (true) or not null (false). */
  isNull?: boolean | null | undefined;
  /** None of. */
  notIn?: Array<PolicyRegime> | null | undefined;
};

/** Poverty-county tier (貧困縣). */
export type PovertyTier =
  /** National-level poor county (國家級貧困縣). */
  | 'NATIONAL'
  /** Not a poor county. */
  | 'NONE'
  /** Provincial-level poor county (省級貧困縣). */
  | 'PROVINCIAL';

/** Filter of a PovertyTier field. */
export type PovertyTierFilter = {
  /** Equal to. */
  eq?: PovertyTier | null | undefined;
  /** One of. */
  in?: Array<PovertyTier> | null | undefined;
  /** Null (true) or not null (false). */
  isNull?: boolean | null | undefined;
  /** None of. */
  notIn?: Array<PovertyTier> | null | undefined;
};

/** Rate type. */
export type RateType =
  /** Fixed rate (固定利率). */
  | 'FIXED'
  /** Floating rate over LPR (浮動利率). */
  | 'FLOATING';

/** Filter of a RateType field. */
export type RateTypeFilter = {
  /** Equal to. */
  eq?: RateType | null | undefined;
  /** One of. */
  in?: Array<RateType> | null | undefined;
  /** Null (true) or not null (false). */
  isNull?: boolean | null | undefined;
  /** None of. */
  notIn?: Array<RateType> | null | undefined;
};

/** Administrative level of a region (NBS statistical division). */
export type RegionLevel =
  /** County (縣級), 6-digit code. */
  | 'COUNTY'
  /** Prefecture (地級), 4-digit code. */
  | 'PREFECTURE'
  /** Province (省), 2-digit code. */
  | 'PROVINCE'
  /** Township (鄉級), 9-digit code. */
  | 'TOWNSHIP';

/** Filter of a RegionLevel field. */
export type RegionLevelFilter = {
  /** Equal to. */
  eq?: RegionLevel | null | undefined;
  /** One of. */
  in?: Array<RegionLevel> | null | undefined;
  /** Null (true) or not null (false). */
  isNull?: boolean | null | undefined;
  /** None of. */
  notIn?: Array<RegionLevel> | null | undefined;
};

/** Filter of a to-many relation to Region. */
export type RegionListFilter = {
  /** Every related row matches (true when there are none). */
  every?: RegionWhere | null | undefined;
  /** No related row matches. */
  none?: RegionWhere | null | undefined;
  /** At least one related row matches. */
  some?: RegionWhere | null | undefined;
};

/** Filter of Region rows; fields combine with AND. */
export type RegionWhere = {
  /** All of these filters match. */
  AND?: Array<RegionWhere> | null | undefined;
  /** This filter does not match. */
  NOT?: RegionWhere | null | undefined;
  /** Any of these filters matches. */
  OR?: Array<RegionWhere> | null | undefined;
  /** Regions one level down. */
  children?: RegionListFilter | null | undefined;
  /** NBS statistical division code (統計用區劃代碼). */
  code?: StringFilter | null | undefined;
  /** Contiguous destitute area (集中連片特困地區). */
  contiguousArea?: StringFilter | null | undefined;
  /** When the row was written. */
  createdAt?: DateTimeFilter | null | undefined;
  /** Where the row came from. */
  dataSource?: DataSourceFilter | null | undefined;
  /** Date the exit was approved. */
  exitApprovedOn?: DateFilter | null | undefined;
  /** Year the county exited poverty (脫貧摘帽). */
  exitYear?: IntFilter | null | undefined;
  /** Global ID. */
  id?: IdFilter | null | undefined;
  /** NBS code of a region: matches rows anywhere in its subtree ("41" is all of Henan). */
  inRegion?: string | null | undefined;
  /** Administrative level. */
  level?: RegionLevelFilter | null | undefined;
  /** Official Simplified name; also matches aliases (e.g. Traditional spellings). */
  name?: StringFilter | null | undefined;
  /** The region one level up. */
  parent?: RegionWhere | null | undefined;
  /** Poverty-county tier (貧困縣), counties only. */
  povertyTier?: PovertyTierFilter | null | undefined;
  /** National rural-revitalisation key county (國家鄉村振興重點幫扶縣). */
  revitalizationKeyCounty?: BooleanFilter | null | undefined;
  /** When the row last changed. */
  updatedAt?: DateTimeFilter | null | undefined;
  /** Villages whose county or township this region is. */
  villages?: VillageListFilter | null | undefined;
};

/** Class under PBoC's 2016 targeted poverty-alleviation loan statistics (金融精準扶貧貸款專項統計制度). */
export type RegulatoryClass =
  /** Loan to another individual. */
  | 'INDIVIDUAL_OTHER'
  /** Loan to a registered poor individual. */
  | 'INDIVIDUAL_REGISTERED_POOR'
  /** Industry targeted poverty-alleviation loan (產業精準扶貧貸款). */
  | 'INDUSTRY'
  /** Not a poverty-alleviation loan. */
  | 'NONE'
  /** Project loan: ecology. */
  | 'PROJECT_ECOLOGY'
  /** Project loan: farmland. */
  | 'PROJECT_FARMLAND'
  /** Project loan: infrastructure. */
  | 'PROJECT_INFRASTRUCTURE'
  /** Project loan: relocation. */
  | 'PROJECT_RELOCATION';

/** Filter of a RegulatoryClass field. */
export type RegulatoryClassFilter = {
  /** Equal to. */
  eq?: RegulatoryClass | null | undefined;
  /** One of. */
  in?: Array<RegulatoryClass> | null | undefined;
  /** Null (true) or not null (false). */
  isNull?: boolean | null | undefined;
  /** None of. */
  notIn?: Array<RegulatoryClass> | null | undefined;
};

/** Filter of a to-many relation to Repayment. */
export type RepaymentListFilter = {
  /** Every related row matches (true when there are none). */
  every?: RepaymentWhere | null | undefined;
  /** No related row matches. */
  none?: RepaymentWhere | null | undefined;
  /** At least one related row matches. */
  some?: RepaymentWhere | null | undefined;
};

/** Filter of a to-many relation to RepaymentScheduleItem. */
export type RepaymentScheduleItemListFilter = {
  /** Every related row matches (true when there are none). */
  every?: RepaymentScheduleItemWhere | null | undefined;
  /** No related row matches. */
  none?: RepaymentScheduleItemWhere | null | undefined;
  /** At least one related row matches. */
  some?: RepaymentScheduleItemWhere | null | undefined;
};

/** Filter of RepaymentScheduleItem rows; fields combine with AND. */
export type RepaymentScheduleItemWhere = {
  /** All of these filters match. */
  AND?: Array<RepaymentScheduleItemWhere> | null | undefined;
  /** This filter does not match. */
  NOT?: RepaymentScheduleItemWhere | null | undefined;
  /** Any of these filters matches. */
  OR?: Array<RepaymentScheduleItemWhere> | null | undefined;
  /** When the row was written. */
  createdAt?: DateTimeFilter | null | undefined;
  /** Where the row came from. */
  dataSource?: DataSourceFilter | null | undefined;
  /** Due date. */
  dueDate?: DateFilter | null | undefined;
  /** Global ID. */
  id?: IdFilter | null | undefined;
  /** Interest due, CNY. */
  interestDue?: DecimalFilter | null | undefined;
  /** Interest paid, CNY. */
  interestPaid?: DecimalFilter | null | undefined;
  /** The loan. */
  loan?: EnterpriseLoanWhere | null | undefined;
  /** Principal due, CNY. */
  principalDue?: DecimalFilter | null | undefined;
  /** Principal paid, CNY. */
  principalPaid?: DecimalFilter | null | undefined;
  /** Payments against it. */
  repayments?: RepaymentListFilter | null | undefined;
  /** Instalment number. */
  seq?: IntFilter | null | undefined;
  /** Status. */
  status?: ScheduleStatusFilter | null | undefined;
  /** When the row last changed. */
  updatedAt?: DateTimeFilter | null | undefined;
};

/** Filter of Repayment rows; fields combine with AND. */
export type RepaymentWhere = {
  /** All of these filters match. */
  AND?: Array<RepaymentWhere> | null | undefined;
  /** This filter does not match. */
  NOT?: RepaymentWhere | null | undefined;
  /** Any of these filters matches. */
  OR?: Array<RepaymentWhere> | null | undefined;
  /** When the row was written. */
  createdAt?: DateTimeFilter | null | undefined;
  /** Where the row came from. */
  dataSource?: DataSourceFilter | null | undefined;
  /** Global ID. */
  id?: IdFilter | null | undefined;
  /** Interest paid, CNY. */
  interest?: DecimalFilter | null | undefined;
  /** The loan. */
  loan?: EnterpriseLoanWhere | null | undefined;
  /** Payment date. */
  paidOn?: DateFilter | null | undefined;
  /** Penalty interest paid, CNY. */
  penalty?: DecimalFilter | null | undefined;
  /** Principal paid, CNY. */
  principal?: DecimalFilter | null | undefined;
  /** Instalment paid. */
  scheduleItem?: RepaymentScheduleItemWhere | null | undefined;
  /** When the row last changed. */
  updatedAt?: DateTimeFilter | null | undefined;
};

/** Five-tier loan classification (五級分類); the last three are non-performing. */
export type RiskClass =
  /** Doubtful (可疑), non-performing. */
  | 'DOUBTFUL'
  /** Loss (損失), non-performing. */
  | 'LOSS'
  /** Normal (正常). */
  | 'NORMAL'
  /** Special mention (關注). */
  | 'SPECIAL_MENTION'
  /** Substandard (次級), non-performing. */
  | 'SUBSTANDARD';

/** Filter of a RiskClass field. */
export type RiskClassFilter = {
  /** Equal to. */
  eq?: RiskClass | null | undefined;
  /** One of. */
  in?: Array<RiskClass> | null | undefined;
  /** Null (true) or not null (false). */
  isNull?: boolean | null | undefined;
  /** None of. */
  notIn?: Array<RiskClass> | null | undefined;
};

/** Status of a planned instalment. */
export type ScheduleStatus =
  /** Deferred (延期還本付息). */
  | 'DEFERRED'
  /** Past due (逾期). */
  | 'OVERDUE'
  /** Paid in full. */
  | 'PAID'
  /** Partly paid. */
  | 'PARTIAL'
  /** Not yet due or not yet paid. */
  | 'PENDING';

/** Filter of a ScheduleStatus field. */
export type ScheduleStatusFilter = {
  /** Equal to. */
  eq?: ScheduleStatus | null | undefined;
  /** One of. */
  in?: Array<ScheduleStatus> | null | undefined;
  /** Null (true) or not null (false). */
  isNull?: boolean | null | undefined;
  /** None of. */
  notIn?: Array<ScheduleStatus> | null | undefined;
};

/** Kind of enterprise site. */
export type SiteKind =
  /** Production base (基地). */
  | 'BASE'
  /** Farm (養殖場). */
  | 'FARM'
  /** Plant (工廠). */
  | 'PLANT'
  /** Project site (項目). */
  | 'PROJECT';

/** Filter of a SiteKind field. */
export type SiteKindFilter = {
  /** Equal to. */
  eq?: SiteKind | null | undefined;
  /** One of. */
  in?: Array<SiteKind> | null | undefined;
  /** Null (true) or not null (false). */
  isNull?: boolean | null | undefined;
  /** None of. */
  notIn?: Array<SiteKind> | null | undefined;
};

/** Filter of a text field; contains and startsWith ignore case. */
export type StringFilter = {
  /** Contains this text. */
  contains?: string | null | undefined;
  /** Equal to. */
  eq?: string | null | undefined;
  /** One of. */
  in?: Array<string> | null | undefined;
  /** Null (true) or not null (false). */
  isNull?: boolean | null | undefined;
  /** None of. */
  notIn?: Array<string> | null | undefined;
  /** Starts with this text. */
  startsWith?: string | null | undefined;
};

/** COVID-19 resumption support sector (2020 復工復產). */
export type SupportSector =
  /** Agriculture (農業). */
  | 'AGRICULTURE'
  /** Consumer services (消費服務). */
  | 'CONSUMER_SERVICES'
  /** Energy and chemicals (能源化工). */
  | 'ENERGY_CHEMICALS'
  /** Foreign trade (外貿). */
  | 'FOREIGN_TRADE'
  /** Manufacturing (製造業). */
  | 'MANUFACTURING'
  /** Medical supplies (醫療物資). */
  | 'MEDICAL'
  /** Other. */
  | 'OTHER'
  /** Transport and logistics (交通物流). */
  | 'TRANSPORT_LOGISTICS';

/** Filter of a SupportSector field. */
export type SupportSectorFilter = {
  /** Equal to. */
  eq?: SupportSector | null | undefined;
  /** One of. */
  in?: Array<SupportSector> | null | undefined;
  /** Null (true) or not null (false). */
  isNull?: boolean | null | undefined;
  /** None of. */
  notIn?: Array<SupportSector> | null | undefined;
};

/** Why a mutation refused its input. The same codes are listed in the README. */
export type UserErrorCode =
  /** The cadre assignment has already ended. */
  | 'ALREADY_ENDED'
  /** A row with this unique key already exists. */
  | 'ALREADY_EXISTS'
  /** A repayment is larger than what is still owed. */
  | 'AMOUNT_EXCEEDS_BALANCE'
  /** Disbursements would exceed the contract amount. */
  | 'AMOUNT_EXCEEDS_CONTRACT'
  /** An amount must be greater than zero. */
  | 'AMOUNT_NOT_POSITIVE'
  /** The outstanding balance is larger than the disbursed amount. */
  | 'BALANCE_EXCEEDS_DISBURSED'
  /** A village code must start with the code of its township or county. */
  | 'CODE_OUTSIDE_REGION'
  /** A village code cannot be marked verified when there is no code. */
  | 'CODE_VERIFIED_NEEDS_CODE'
  /** The row changed since it was read: expectedVersion is stale; reload and retry. */
  | 'CONFLICT'
  /** The database refused the change for a rule the message names. */
  | 'CONSTRAINT_VIOLATION'
  /** A part (e.g. registered poor people) is larger than its whole. */
  | 'COUNT_EXCEEDS_TOTAL'
  /** An end date is before its start date. */
  | 'DATES_OUT_OF_ORDER'
  /** A disbursement or repayment cannot predate the contract. */
  | 'DATE_BEFORE_CONTRACT'
  /** A deferral must move due dates later than they are now. */
  | 'DEFERRAL_NOT_LATER'
  /** No instalment is left before maturity to carry a new disbursement. */
  | 'DISBURSEMENT_AFTER_MATURITY'
  /** The idempotency key was already used with a different input. */
  | 'IDEMPOTENCY_KEY_REUSED'
  /** The GB/T 4754 industry code does not belong to the given section. */
  | 'INDUSTRY_CODE_MISMATCH'
  /** A unified social credit code (統一社會信用代碼) fails its GB 32100 format or check character. */
  | 'INVALID_CREDIT_CODE'
  /** A value has the wrong shape (a date, decimal, code or reference that cannot be read). */
  | 'INVALID_FORMAT'
  /** The status change is not allowed by the lifecycle from the current status. */
  | 'INVALID_TRANSITION'
  /** The maturity date must be after the contract date. */
  | 'MATURITY_BEFORE_CONTRACT'
  /** The loan lacks the terms a schedule needs (repayment method, rate, term). */
  | 'MISSING_REPAYMENT_TERMS'
  /** An impact record names a loan or an initiative. */
  | 'MISSING_SUBJECT'
  /** An amount must not be negative. */
  | 'NEGATIVE_AMOUNT'
  /** A count must not be negative. */
  | 'NEGATIVE_COUNT'
  /** The loan has no unpaid instalment to defer. */
  | 'NOTHING_TO_DEFER'
  /** The row the field refers to does not exist. */
  | 'NOT_FOUND'
  /** The village is not linked to the initiative (in that role). */
  | 'NOT_LINKED'
  /** A classification snapshot is taken on the last day of a month. */
  | 'NOT_MONTH_END'
  /** Only a non-performing loan (SUBSTANDARD, DOUBTFUL, LOSS) can be written off. */
  | 'NOT_NON_PERFORMING'
  /** A count of people, households, cards or the like must be a whole number. */
  | 'NOT_WHOLE_NUMBER'
  /** A value looks like personal data (a name, ID or phone number), which Dishui never stores. */
  | 'PERSONAL_DATA'
  /** A qualifier such as 近 or 超 needs approximate: true. */
  | 'QUALIFIER_NEEDS_APPROXIMATE'
  /** A rate is an annual fraction from 0 up to (not including) 1: 0.0385 is 3.85%. */
  | 'RATE_OUT_OF_RANGE'
  /** The region is not of the level the field needs (e.g. a county). */
  | 'REGION_LEVEL_MISMATCH'
  /** A required field is missing or empty. */
  | 'REQUIRED'
  /** A share is a fraction from 0 to 1. */
  | 'SHARE_OUT_OF_RANGE'
  /** The site belongs to another enterprise than the borrower. */
  | 'SITE_OF_OTHER_ENTERPRISE'
  /** A term in months must be a whole number of at least 1. */
  | 'TERM_NOT_POSITIVE'
  /** Money has at most 2 decimal places and rates at most 6. */
  | 'TOO_MANY_DECIMALS';

/** Who verified an impact record. */
export type Verifier =
  /** The bank itself. */
  | 'BANK'
  /** Poverty alleviation office (扶貧辦). */
  | 'POVERTY_OFFICE'
  /** Rural revitalisation bureau (鄉村振興局). */
  | 'REVITALIZATION_BUREAU'
  /** The borrower's own report. */
  | 'SELF_REPORTED';

/** Filter of a Verifier field. */
export type VerifierFilter = {
  /** Equal to. */
  eq?: Verifier | null | undefined;
  /** One of. */
  in?: Array<Verifier> | null | undefined;
  /** Null (true) or not null (false). */
  isNull?: boolean | null | undefined;
  /** None of. */
  notIn?: Array<Verifier> | null | undefined;
};

/** Filter of a to-many relation to Village. */
export type VillageListFilter = {
  /** Every related row matches (true when there are none). */
  every?: VillageWhere | null | undefined;
  /** No related row matches. */
  none?: VillageWhere | null | undefined;
  /** At least one related row matches. */
  some?: VillageWhere | null | undefined;
};

/** Filter of Village rows; fields combine with AND. */
export type VillageWhere = {
  /** All of these filters match. */
  AND?: Array<VillageWhere> | null | undefined;
  /** This filter does not match. */
  NOT?: VillageWhere | null | undefined;
  /** Any of these filters matches. */
  OR?: Array<VillageWhere> | null | undefined;
  /** Cadres stationed in the village. */
  cadreAssignments?: CadreAssignmentListFilter | null | undefined;
  /** 12-digit village code; null when unknown. */
  code?: StringFilter | null | undefined;
  /** Whether the code was checked against the NBS list. */
  codeVerified?: BooleanFilter | null | undefined;
  /** The county. */
  county?: RegionWhere | null | undefined;
  /** When the row was written. */
  createdAt?: DateTimeFilter | null | undefined;
  /** Where the row came from. */
  dataSource?: DataSourceFilter | null | undefined;
  /** Year the village exited poverty. */
  exitYear?: IntFilter | null | undefined;
  /** Global ID. */
  id?: IdFilter | null | undefined;
  /** NBS code of a region: matches rows anywhere in its subtree ("41" is all of Henan). */
  inRegion?: string | null | undefined;
  /** Initiatives that target or are hosted by the village. */
  initiatives?: InitiativeListFilter | null | undefined;
  /** Name; also matches aliases (冶上村 / 上冶村). */
  name?: StringFilter | null | undefined;
  /** Population, a count. */
  population?: IntFilter | null | undefined;
  /** Registered poor households (建檔立卡貧困戶), a count. */
  registeredPoorHouseholds?: IntFilter | null | undefined;
  /** The township. */
  township?: RegionWhere | null | undefined;
  /** When the row last changed. */
  updatedAt?: DateTimeFilter | null | undefined;
  /** Whether it was a registered poor village (貧困村). */
  wasPoorVillage?: BooleanFilter | null | undefined;
};

export type DisburseLoanMutationVariables = Exact<{
  input: DisburseLoanInput;
}>;


export type DisburseLoanMutation = { __typename: 'Mutation', disburseLoan: { __typename: 'LoanPayload', replayed: boolean, loan: { __typename: 'EnterpriseLoan', id: string, status: LoanStatus, disbursedAmount: string | null, outstandingBalance: string | null, version: number } | null, userErrors: Array<{ __typename: 'UserError', field: Array<string>, code: UserErrorCode, message: string, currentVersion: number | null }> } };

export type LoanStatusSubscriptionVariables = Exact<{
  where?: EnterpriseLoanWhere | null | undefined;
}>;


export type LoanStatusSubscription = { loanChanged: { __typename: 'EnterpriseLoan', id: string, contractNo: string | null, status: LoanStatus, outstandingBalance: string | null, version: number } };

export type LoansPageQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  where?: EnterpriseLoanWhere | null | undefined;
}>;


export type LoansPageQuery = { __typename: 'Query', enterpriseLoans: { __typename: 'EnterpriseLoanConnection', totalCount: number, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null }, edges: Array<{ __typename: 'EnterpriseLoanEdge', cursor: string, node: { __typename: 'EnterpriseLoan', id: string, contractNo: string | null, contractAmount: string | null, outstandingBalance: string | null, riskClass: RiskClass | null, nonPerforming: boolean, enterprise: { __typename: 'Enterprise', id: string, name: string, leadingEnterpriseLevel: LeadingEnterpriseLevel }, region: { __typename: 'Region', id: string, code: string, name: string } | null } }> } };

export type RefetchNodeQueryVariables = Exact<{
  id: string | number;
}>;


export type RefetchNodeQuery = { __typename: 'Query', node:
    | { __typename: 'AuditEvent', id: string }
    | { __typename: 'CadreAssignment', id: string }
    | { __typename: 'Campaign', id: string }
    | { __typename: 'Enterprise', id: string }
    | { __typename: 'EnterpriseLoan', contractNo: string | null, status: LoanStatus, outstandingBalance: string | null, version: number, id: string }
    | { __typename: 'EnterpriseSite', id: string }
    | { __typename: 'ExportJob', id: string }
    | { __typename: 'ImpactRecord', id: string }
    | { __typename: 'Initiative', code: string, nameZh: string, id: string, initiativeStatus: InitiativeStatus }
    | { __typename: 'InitiativeMetric', id: string }
    | { __typename: 'LoanClassificationSnapshot', id: string }
    | { __typename: 'LprRate', id: string }
    | { __typename: 'OrgUnit', id: string }
    | { __typename: 'Region', id: string }
    | { __typename: 'Repayment', id: string }
    | { __typename: 'RepaymentScheduleItem', id: string }
    | { __typename: 'Village', name: string, aliases: Array<string>, id: string, county: { __typename: 'Region', code: string, name: string } }
   | null };


export const DisburseLoanDocument = {"__meta__":{"hash":"c2d9808c84210984af047f7a3e2f58a7d13f50d37b05b57f64f2e85bb72ba10e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DisburseLoan"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DisburseLoanInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"disburseLoan"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"loan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"disbursedAmount"}},{"kind":"Field","name":{"kind":"Name","value":"outstandingBalance"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"currentVersion"}}]}},{"kind":"Field","name":{"kind":"Name","value":"replayed"}}]}}]}}]} as unknown as DocumentNode<DisburseLoanMutation, DisburseLoanMutationVariables>;
export const LoanStatusDocument = {"__meta__":{"hash":"fef0fe2c7c10bd7162d74d8fba28eef00df58430ffaa0710f8d71cff7ee188cf"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"LoanStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"where"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"EnterpriseLoanWhere"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"loanChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"Variable","name":{"kind":"Name","value":"where"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"contractNo"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"outstandingBalance"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<LoanStatusSubscription, LoanStatusSubscriptionVariables>;
export const LoansPageDocument = {"__meta__":{"hash":"511cd21a83e288b0dfbd9303b382a54dab00f904dfbb1e8cea109f3aedf53a16"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LoansPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"where"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"EnterpriseLoanWhere"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"enterpriseLoans"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"Variable","name":{"kind":"Name","value":"where"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ListValue","values":[{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"field"},"value":{"kind":"EnumValue","value":"CONTRACT_DATE"}},{"kind":"ObjectField","name":{"kind":"Name","value":"direction"},"value":{"kind":"EnumValue","value":"DESC"}}]}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"contractNo"}},{"kind":"Field","name":{"kind":"Name","value":"contractAmount"}},{"kind":"Field","name":{"kind":"Name","value":"outstandingBalance"}},{"kind":"Field","name":{"kind":"Name","value":"riskClass"}},{"kind":"Field","name":{"kind":"Name","value":"nonPerforming"}},{"kind":"Field","name":{"kind":"Name","value":"enterprise"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"leadingEnterpriseLevel"}}]}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<LoansPageQuery, LoansPageQueryVariables>;
export const RefetchNodeDocument = {"__meta__":{"hash":"8aec5cb2e053d5bfbe1830cba5d6c4cf80d1074af22b9a970ac221a61d8a8d4a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RefetchNode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EnterpriseLoan"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"contractNo"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"outstandingBalance"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Village"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"aliases"}},{"kind":"Field","name":{"kind":"Name","value":"county"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Initiative"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"nameZh"}},{"kind":"Field","alias":{"kind":"Name","value":"initiativeStatus"},"name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<RefetchNodeQuery, RefetchNodeQueryVariables>;