import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildSchema, getNamedType, isInputObjectType, isNonNullType, type GraphQLInputObjectType } from 'graphql';
import { typeDefs } from '../../../src/schema/typeDefs.js';
import { forEachBackend } from '../../support/forEachBackend.js';
import { openLoan } from '../loans/loanFixture.js';
import { assertRefused, loanGlobalId, rowId, succeeded, writeHttpFixture } from './httpClient.js';

const mutationFields = buildSchema(typeDefs).getMutationType()!.getFields();

/** The optional (nullable) fields of a mutation's input type, which a client may send as null. */
function nullableFields(mutation: string): string[] {
  const input = getNamedType(mutationFields[mutation]!.args[0]!.type) as GraphQLInputObjectType;
  assert.ok(isInputObjectType(input));
  return Object.values(input.getFields())
    .filter((field) => !isNonNullType(field.type))
    .map((field) => field.name);
}

forEachBackend(
  'an optional input field sent as null is a value or a user error, never a 500',
  async (database) => {
    const base = await writeHttpFixture(database);
    await openLoan(database.db, { contractNo: 'NULL-DISBURSED' });
    const loan = await loanGlobalId(base.client, 'NULL-DISBURSED');
    return { ...base, loan };
  },
  (fx) => {
    // A valid input per mutation; every nullable field of its input type is then nulled in turn.
    // Versions are read afresh, so an earlier success does not turn every later call into a CONFLICT.
    let serial = 0;
    const versions: Record<string, number> = {};
    const refreshVersions = async () => {
      versions.loan = (
        await fx.db.prisma.enterpriseLoan.findUniqueOrThrow({ where: { contractNo: 'NULL-DISBURSED' } })
      ).version;
      versions.initiative = (
        await fx.db.prisma.initiative.findUniqueOrThrow({ where: { code: 'FIX-PAIRED' } })
      ).version;
      versions.village = (
        await fx.db.prisma.village.findUniqueOrThrow({ where: { id: rowId(fx.ids.village) } })
      ).version;
      versions.enterprise = (
        await fx.db.prisma.enterprise.findUniqueOrThrow({ where: { id: rowId(fx.ids.enterprise) } })
      ).version;
    };
    const unique = (prefix: string) => {
      serial += 1;
      return `${prefix}-${serial}`;
    };
    const inputs: Record<string, () => Record<string, unknown>> = {
      createExport: () => ({ kind: 'LOAN_FACTS', format: 'CSV', where: { contractNo: { eq: 'NULL-DISBURSED' } } }),
      applyForLoan: () => ({
        contractNo: unique('NULL-L'),
        enterpriseId: fx.ids.enterprise,
        orgUnitId: fx.ids.branch,
        siteId: fx.ids.site,
        product: 'WORKING_CAPITAL',
        regulatoryClass: 'INDUSTRY',
        policyRegime: 'TARGETED_2016_2020',
        repaymentMethod: 'EQUAL_INSTALMENT',
        effectiveRate: '0.0435',
        contractAmount: '1000.00',
        contractDate: '2020-01-10',
        termMonths: 12,
        note: 'n',
      }),
      approveLoan: () => ({ loanId: fx.loan, expectedVersion: versions.loan, reason: 'r' }),
      rejectLoan: () => ({ loanId: fx.loan, expectedVersion: versions.loan, reason: 'r' }),
      writeOffLoan: () => ({ loanId: fx.loan, expectedVersion: versions.loan, reason: 'r' }),
      disburseLoan: () => ({
        loanId: fx.loan,
        amount: '1.00',
        disbursedOn: '2020-01-10',
        expectedVersion: versions.loan,
        idempotencyKey: unique('null-k'),
      }),
      recordRepayment: () => ({
        loanId: fx.loan,
        amount: '1.00',
        paidOn: '2020-02-10',
        penalty: '0.00',
        note: 'n',
        idempotencyKey: unique('null-k'),
      }),
      deferLoan: () => ({ loanId: fx.loan, deferredUntil: '2030-01-31', reason: 'r' }),
      classifyLoan: () => ({ loanId: fx.loan, monthEnd: '2020-01-31', riskClass: 'NORMAL' }),
      recordImpact: () => ({
        loanId: fx.ids.loan,
        initiativeId: fx.ids.initiative,
        regionId: fx.ids.yeCounty,
        periodStart: '2020-01-01',
        periodEnd: '2020-12-31',
        mechanism: 'EMPLOYMENT',
        peopleDriven: 10,
        registeredPoorPeople: 3,
        registeredPoorHouseholds: 2,
        employeesTotal: 20,
        poorEmployeeShare: '0.3',
        incomeIncrease: '100.00',
        approximate: true,
        qualifier: '约',
        verifiedBy: 'BANK',
        note: 'n',
      }),
      createInitiative: () => ({
        code: unique('NULL-I'),
        name: 'n',
        nameZh: 'n',
        category: 'OTHER',
        status: 'PLANNED',
        ownerOrgUnitId: fx.ids.branch,
        startDate: '2020-01-01',
        endDate: '2020-12-31',
        budget: '1.00',
        description: 'd',
        approximate: false,
        note: 'n',
      }),
      updateInitiative: () => ({
        id: fx.ids.initiative,
        expectedVersion: versions.initiative,
        name: 'n',
        nameZh: 'n',
        category: 'OTHER',
        ownerOrgUnitId: fx.ids.branch,
        startDate: '2020-01-01',
        endDate: '2020-12-31',
        budget: '1.00',
        description: 'd',
        approximate: false,
        note: 'n',
      }),
      changeInitiativeStatus: () => ({
        id: fx.ids.initiative,
        expectedVersion: versions.initiative,
        status: 'SUSPENDED',
      }),
      linkVillages: () => ({
        initiativeId: fx.ids.initiative,
        links: [{ villageId: fx.ids.village, role: 'TARGET', since: '2020-01-01' }],
      }),
      unlinkVillages: () => ({
        initiativeId: fx.ids.initiative,
        links: [{ villageId: fx.ids.village, role: 'TARGET' }],
      }),
      recordInitiativeMetric: () => ({
        initiativeId: fx.ids.initiative,
        metric: 'CARDS_ISSUED',
        value: '1',
        unit: 'CARD',
        periodStart: '2020-01-01',
        periodEnd: '2020-12-31',
        cumulative: true,
        approximate: true,
        qualifier: '近',
        note: 'n',
      }),
      assignCadre: () => ({
        initiativeId: fx.ids.initiative,
        villageId: fx.ids.village,
        role: 'LIAISON',
        partyMember: true,
        staffRef: 'ZZ-0001',
        startDate: '2020-01-01',
        endDate: '2020-12-31',
        note: 'n',
      }),
      endCadreAssignment: () => ({ id: fx.ids.initiative, endDate: '2020-12-31' }),
      createCampaign: () => ({
        code: unique('NULL-C'),
        name: 'n',
        nameEn: 'n',
        aliases: ['a'],
        sponsor: 's',
        theme: 't',
        startDate: '2020-01-01',
        endDate: '2020-12-31',
        note: 'n',
      }),
      addToCampaign: () => ({
        campaignId: fx.ids.campaign,
        initiativeIds: [fx.ids.initiative],
        loanIds: [fx.ids.loan],
      }),
      removeFromCampaign: () => ({
        campaignId: fx.ids.campaign,
        initiativeIds: [fx.ids.initiative],
        loanIds: [fx.ids.loan],
      }),
      createVillage: () => ({
        name: 'n',
        aliases: ['a'],
        countyId: fx.ids.dengfeng,
        townshipId: fx.ids.daye,
        code: null,
        codeVerified: false,
        wasPoorVillage: true,
        exitYear: 2019,
        registeredPoorHouseholds: 1,
        population: 10,
        note: 'n',
      }),
      updateVillage: () => ({
        id: fx.ids.village,
        expectedVersion: versions.village,
        name: 'n',
        aliases: ['a'],
        countyId: fx.ids.dengfeng,
        townshipId: fx.ids.daye,
        code: '410185105299',
        codeVerified: false,
        wasPoorVillage: true,
        exitYear: 2019,
        registeredPoorHouseholds: 1,
        population: 10,
        note: 'n',
      }),
      createEnterprise: () => ({
        name: 'n',
        nameZh: 'n',
        anonymised: true,
        creditCode: null,
        industrySection: 'A',
        industryCode: '0311',
        size: 'SMALL',
        leadingEnterpriseLevel: 'NONE',
        headOfficeRegionId: fx.ids.yeCounty,
        note: 'n',
      }),
      updateEnterprise: () => ({
        id: fx.ids.enterprise,
        expectedVersion: versions.enterprise,
        name: 'n',
        nameZh: 'n',
        anonymised: true,
        industrySection: 'A',
        industryCode: '0311',
        size: 'SMALL',
        leadingEnterpriseLevel: 'NONE',
        headOfficeRegionId: fx.ids.yeCounty,
        note: 'n',
      }),
      addEnterpriseSite: () => ({
        enterpriseId: fx.ids.enterprise,
        regionId: fx.ids.yeCounty,
        kind: 'FARM',
        name: 'n',
        openedOn: '2020-01-01',
        note: 'n',
      }),
    };

    test('a null name of an initiative or county of a village is REQUIRED, and nothing is written', async () => {
      await assertRefused(
        fx.client,
        fx.db,
        'updateInitiative',
        { id: fx.ids.initiative, expectedVersion: 1, name: null },
        { code: 'REQUIRED', field: ['input', 'name'], message: /name cannot be empty/ },
      );
      await assertRefused(
        fx.client,
        fx.db,
        'updateVillage',
        { id: fx.ids.village, expectedVersion: 1, countyId: null },
        { code: 'REQUIRED', field: ['input', 'countyId'], message: /county/ },
      );
    });

    test('a null anonymised flag leaves an anonymised enterprise anonymised', async () => {
      const returned = succeeded(
        await fx.client.mutate(
          'updateEnterprise',
          { id: fx.ids.otherEnterprise, expectedVersion: 1, anonymised: null, note: 'name withheld by the source' },
          'anonymised note version',
        ),
      );
      assert.deepEqual([returned.anonymised, returned.version], [true, 2]);
    });

    test('every mutation has a base input here', () => {
      assert.deepEqual(Object.keys(inputs).sort(), Object.keys(mutationFields).sort());
    });

    for (const mutation of Object.keys(mutationFields)) {
      test(`${mutation}: each optional field as null`, async () => {
        const failures: string[] = [];
        for (const field of nullableFields(mutation)) {
          await refreshVersions();
          const answer = await fx.client.post(
            `mutation Call($input: ${String(mutationFields[mutation]!.args[0]!.type)}) { ${mutation}(input: $input) { userErrors { field code message } replayed } }`,
            { input: { ...inputs[mutation]!(), [field]: null } },
          );
          if (answer.status !== 200 || answer.body.errors)
            failures.push(`${field}: HTTP ${answer.status} ${JSON.stringify(answer.body.errors)}`);
          // A CONFLICT would mean the call stopped at the version check and never read the null.
          const codes = (answer.body.data?.[mutation]?.userErrors ?? []).map((error: { code: string }) => error.code);
          if (codes.includes('CONFLICT')) failures.push(`${field}: stopped at CONFLICT`);
        }
        assert.deepEqual(failures, []);
      });
    }
  },
);
