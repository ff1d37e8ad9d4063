import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toGlobalId } from '../../../src/engine/globalId.js';
import { forEachBackend } from '../../support/forEachBackend.js';
import { openLoan } from '../loans/loanFixture.js';
import { assertAudited, assertRefused, cents, loanGlobalId, rowId, succeeded, writeHttpFixture } from './httpClient.js';

const loanFields = `id contractNo status version contractAmount disbursedAmount outstandingBalance overduePrincipal overdueInterest
  daysPastDue riskClass note maturityDate deferredUntil firstDisbursementDate region { code } campaigns { nodes { code } }`;

forEachBackend(
  'every loan mutation works over HTTP: the payload, the row and the audit event agree',
  async (database) => {
    const base = await writeHttpFixture(database);
    await openLoan(database.db, { contractNo: 'HTTP-APPROVED' }, false);
    await openLoan(database.db, { contractNo: 'HTTP-DISBURSED' });
    const approvedLoan = await loanGlobalId(base.client, 'HTTP-APPROVED');
    const disbursedLoan = await loanGlobalId(base.client, 'HTTP-DISBURSED');
    return { ...base, approvedLoan, disbursedLoan };
  },
  (fx) => {
    const application = (contractNo: string) => ({
      contractNo,
      enterpriseId: fx.ids.enterprise,
      orgUnitId: fx.ids.branch,
      siteId: fx.ids.site,
      campaignIds: [fx.ids.campaign],
      product: 'WORKING_CAPITAL',
      regulatoryClass: 'INDUSTRY',
      policyRegime: 'TARGETED_2016_2020',
      repaymentMethod: 'EQUAL_INSTALMENT',
      effectiveRate: '0.043500',
      contractAmount: '400000.00',
      contractDate: '2020-01-10',
      termMonths: 12,
    });

    // One loan walks the whole servicing path; each step's test reads the state the last left.
    let loan: string;

    test('applyForLoan returns the APPLIED loan with its site county and campaign, stores it and audits its creation', async () => {
      const call = await fx.client.mutate(
        'applyForLoan',
        { ...application('HTTP-L1'), idempotencyKey: 'http-apply-L1' },
        loanFields,
        'req-apply-L1',
      );
      const returned = succeeded(call);
      loan = returned.id;
      assert.deepEqual(
        [
          returned.contractNo,
          returned.status,
          returned.version,
          cents(returned.contractAmount),
          cents(returned.disbursedAmount),
          returned.maturityDate,
        ],
        ['HTTP-L1', 'APPLIED', 1, '400000.00', '0.00', '2021-01-10'],
      );
      assert.equal(returned.region.code, '410422', 'the region defaults to the county of the site');
      assert.deepEqual(returned.campaigns.nodes, [{ code: 'FIX-PUHUI' }]);
      const row = await fx.db.prisma.enterpriseLoan.findUniqueOrThrow({
        where: { contractNo: 'HTTP-L1' },
        include: { campaigns: true },
      });
      assert.equal(row.id, rowId(loan));
      assert.deepEqual([row.status, row.dataSource, row.campaigns.length], ['APPLIED', 'API', 1]);
      const [event] = await assertAudited(fx.client, 'req-apply-L1', [['applyForLoan', 'EnterpriseLoan', row.id]]);
      assert.equal(event!.before, null);
      assert.deepEqual(
        [event!.after!.contractNo, event!.after!.status, event!.after!.version],
        ['HTTP-L1', 'APPLIED', 1],
      );
    });

    test('approveLoan moves it to APPROVED at version 2 with the reason in its note; the event holds both versions', async () => {
      const returned = succeeded(
        await fx.client.mutate(
          'approveLoan',
          { loanId: loan, expectedVersion: 1, reason: 'Credit committee 2020-01-08' },
          loanFields,
          'req-approve-L1',
        ),
      );
      assert.deepEqual(
        [returned.status, returned.version, returned.note],
        ['APPROVED', 2, 'Credit committee 2020-01-08'],
      );
      assert.equal(
        (await fx.db.prisma.enterpriseLoan.findUniqueOrThrow({ where: { id: rowId(loan) } })).status,
        'APPROVED',
      );
      const [event] = await assertAudited(fx.client, 'req-approve-L1', [
        ['approveLoan', 'EnterpriseLoan', rowId(loan)],
      ]);
      assert.deepEqual(
        [event!.before!.status, event!.before!.version, event!.after!.status, event!.after!.version],
        ['APPLIED', 1, 'APPROVED', 2],
      );
    });

    test('disburseLoan pays out the contract, builds 12 instalments summing to it, and audits the loan and its schedule', async () => {
      const selection = `${loanFields} scheduleItems(first: 50) { nodes { seq dueDate principalDue interestDue } }`;
      const returned = succeeded(
        await fx.client.mutate(
          'disburseLoan',
          {
            loanId: loan,
            amount: '400000.00',
            disbursedOn: '2020-01-10',
            expectedVersion: 2,
            idempotencyKey: 'http-disb-L1',
          },
          selection,
          'req-disburse-L1',
        ),
      );
      assert.deepEqual(
        [
          returned.status,
          returned.version,
          cents(returned.disbursedAmount),
          cents(returned.outstandingBalance),
          returned.firstDisbursementDate,
        ],
        ['DISBURSED', 3, '400000.00', '400000.00', '2020-01-10'],
      );
      const items = returned.scheduleItems.nodes as Array<{ seq: number; dueDate: string; principalDue: string }>;
      assert.equal(items.length, 12);
      assert.equal(
        cents(items.reduce((sum, item) => sum + Math.round(Number(item.principalDue) * 100), 0) / 100),
        '400000.00',
      );
      assert.deepEqual([items[0]!.dueDate, items[11]!.dueDate], ['2020-02-10', '2021-01-10']);
      assert.equal(await fx.db.prisma.repaymentScheduleItem.count({ where: { loanId: rowId(loan) } }), 12);
      const [loanEvent, scheduleEvent] = await assertAudited(fx.client, 'req-disburse-L1', [
        ['disburseLoan', 'EnterpriseLoan', rowId(loan)],
        ['disburseLoan', 'RepaymentSchedule', rowId(loan)],
      ]);
      assert.deepEqual(
        [cents(loanEvent!.before!.disbursedAmount), cents(loanEvent!.after!.disbursedAmount)],
        ['0.00', '400000.00'],
      );
      assert.equal((scheduleEvent!.after as unknown as unknown[]).length, 12);
    });

    test('recordRepayment pays the first month interest (400000 × 4.35% / 12 = 1450.00) before principal and books one repayment', async () => {
      const returned = succeeded(
        await fx.client.mutate(
          'recordRepayment',
          {
            loanId: loan,
            amount: '4000.00',
            paidOn: '2020-02-10',
            note: 'teller 07',
            idempotencyKey: 'http-repay-L1',
          },
          loanFields,
          'req-repay-L1',
        ),
      );
      assert.deepEqual(
        [returned.status, returned.version, cents(returned.outstandingBalance)],
        ['DISBURSED', 4, '397450.00'],
      );
      const repayments = await fx.db.prisma.repayment.findMany({ where: { loanId: rowId(loan) } });
      assert.deepEqual(
        repayments.map((row) => [cents(row.interest), cents(row.principal), row.note]),
        [['1450.00', '2550.00', 'teller 07']],
      );
      const [loanEvent] = await assertAudited(fx.client, 'req-repay-L1', [
        ['recordRepayment', 'EnterpriseLoan', rowId(loan)],
        ['recordRepayment', 'Repayment', repayments[0]!.id],
      ]);
      assert.deepEqual(
        [cents(loanEvent!.before!.outstandingBalance), cents(loanEvent!.after!.outstandingBalance)],
        ['400000.00', '397450.00'],
      );
    });

    test('classifyLoan at 2020-03-31 finds the February instalment 50 days late: OVERDUE, SPECIAL_MENTION, and a snapshot', async () => {
      const returned = succeeded(
        await fx.client.mutate(
          'classifyLoan',
          { loanId: loan, monthEnd: '2020-03-31', expectedVersion: 4 },
          loanFields,
          'req-classify-L1',
        ),
      );
      assert.deepEqual(
        [returned.status, returned.riskClass, returned.daysPastDue, returned.version],
        ['OVERDUE', 'SPECIAL_MENTION', 50, 5],
      );
      assert.ok(Number(returned.overduePrincipal) + Number(returned.overdueInterest) > 0);
      const snapshot = await fx.db.prisma.loanClassificationSnapshot.findFirstOrThrow({
        where: { loanId: rowId(loan) },
      });
      assert.deepEqual(
        [snapshot.riskClass, snapshot.daysPastDue, cents(snapshot.outstandingBalance)],
        ['SPECIAL_MENTION', 50, '397450.00'],
      );
      const [snapshotEvent, loanEvent] = await assertAudited(fx.client, 'req-classify-L1', [
        ['classifyLoan', 'LoanClassificationSnapshot', snapshot.id],
        ['classifyLoan', 'EnterpriseLoan', rowId(loan)],
      ]);
      assert.equal(snapshotEvent!.before, null);
      assert.deepEqual([loanEvent!.before!.status, loanEvent!.after!.status], ['DISBURSED', 'OVERDUE']);
    });

    test('deferLoan moves the unpaid instalments past 2020-06-30, clears the arrears and cures the loan', async () => {
      const returned = succeeded(
        await fx.client.mutate(
          'deferLoan',
          { loanId: loan, deferredUntil: '2020-06-30', reason: '疫情延期還本付息' },
          loanFields,
          'req-defer-L1',
        ),
      );
      assert.deepEqual(
        [returned.status, returned.deferredUntil, returned.daysPastDue, returned.version],
        ['DISBURSED', '2020-06-30', 0, 6],
      );
      assert.match(returned.note, /疫情延期還本付息/);
      const first = await fx.db.prisma.repaymentScheduleItem.findFirstOrThrow({
        where: { loanId: rowId(loan) },
        orderBy: { seq: 'asc' },
      });
      assert.deepEqual([first.dueDate.toISOString().slice(0, 10), first.status], ['2020-07-10', 'DEFERRED']);
      const [loanEvent] = await assertAudited(fx.client, 'req-defer-L1', [
        ['deferLoan', 'EnterpriseLoan', rowId(loan)],
        ['deferLoan', 'RepaymentSchedule', rowId(loan)],
      ]);
      assert.deepEqual(
        [loanEvent!.before!.status, loanEvent!.after!.status, loanEvent!.after!.deferredUntil],
        ['OVERDUE', 'DISBURSED', '2020-06-30T00:00:00.000Z'],
      );
    });

    test('rejectLoan turns a fresh application down with its reason', async () => {
      const applied = succeeded(await fx.client.mutate('applyForLoan', application('HTTP-L2'), 'id'));
      const returned = succeeded(
        await fx.client.mutate(
          'rejectLoan',
          { loanId: applied.id, expectedVersion: 1, reason: 'Insufficient collateral' },
          loanFields,
          'req-reject-L2',
        ),
      );
      assert.deepEqual([returned.status, returned.version, returned.note], ['REJECTED', 2, 'Insufficient collateral']);
      assert.equal(
        (await fx.db.prisma.enterpriseLoan.findUniqueOrThrow({ where: { contractNo: 'HTTP-L2' } })).status,
        'REJECTED',
      );
      const [event] = await assertAudited(fx.client, 'req-reject-L2', [
        ['rejectLoan', 'EnterpriseLoan', rowId(applied.id)],
      ]);
      assert.deepEqual([event!.before!.status, event!.after!.status], ['APPLIED', 'REJECTED']);
    });

    test('writeOffLoan writes off an overdue loan classed LOSS and keeps its balance as the loss', async () => {
      await openLoan(fx.db, { contractNo: 'HTTP-L3' });
      const lossLoan = await loanGlobalId(fx.client, 'HTTP-L3');
      succeeded(
        await fx.client.mutate('classifyLoan', { loanId: lossLoan, monthEnd: '2021-02-28', riskClass: 'LOSS' }),
      );
      const returned = succeeded(
        await fx.client.mutate(
          'writeOffLoan',
          { loanId: lossLoan, reason: 'Borrower bankrupt' },
          loanFields,
          'req-writeoff-L3',
        ),
      );
      assert.deepEqual(
        [returned.status, returned.riskClass, returned.note, cents(returned.outstandingBalance)],
        ['WRITTEN_OFF', 'LOSS', 'Borrower bankrupt', '1000000.00'],
      );
      assert.equal(
        (await fx.db.prisma.enterpriseLoan.findUniqueOrThrow({ where: { contractNo: 'HTTP-L3' } })).status,
        'WRITTEN_OFF',
      );
      const [event] = await assertAudited(fx.client, 'req-writeoff-L3', [
        ['writeOffLoan', 'EnterpriseLoan', rowId(lossLoan)],
      ]);
      assert.deepEqual([event!.before!.status, event!.after!.status], ['OVERDUE', 'WRITTEN_OFF']);
    });

    test('recordImpact stores an approximate loan impact (超 10,000 people) and audits it', async () => {
      const input = {
        loanId: fx.ids.loan,
        regionId: fx.ids.yeCounty,
        mechanism: 'EMPLOYMENT',
        peopleDriven: 10000,
        registeredPoorPeople: 300,
        poorEmployeeShare: '0.30',
        approximate: true,
        qualifier: '超',
        verifiedBy: 'POVERTY_OFFICE',
        idempotencyKey: 'http-impact-1',
      };
      const selection =
        'id peopleDriven registeredPoorPeople poorEmployeeShare approximate qualifier loan { contractNo } region { code }';
      const returned = succeeded(await fx.client.mutate('recordImpact', input, selection, 'req-impact-1'));
      assert.deepEqual(
        [
          returned.peopleDriven,
          returned.registeredPoorPeople,
          cents(returned.poorEmployeeShare),
          returned.approximate,
          returned.qualifier,
          returned.loan.contractNo,
          returned.region.code,
        ],
        [10000, 300, '0.30', true, '超', 'FIX-LOAN', '410422'],
      );
      const row = await fx.db.prisma.impactRecord.findUniqueOrThrow({ where: { id: rowId(returned.id) } });
      assert.deepEqual([row.peopleDriven, row.verifiedBy, row.dataSource], [10000, 'POVERTY_OFFICE', 'API']);
      const [event] = await assertAudited(fx.client, 'req-impact-1', [['recordImpact', 'ImpactRecord', row.id]]);
      assert.deepEqual([event!.before, event!.after!.qualifier], [null, '超']);
    });

    // Each loan mutation's rule breaches, refused with the field's input path and nothing written.
    const breaches: Array<[string, string, () => Record<string, unknown>, Array<string | number>, string, RegExp]> = [
      [
        'applyForLoan',
        'a percentage given as a rate',
        () => ({ ...application('HTTP-BAD-1'), effectiveRate: '4.35' }),
        ['input', 'effectiveRate'],
        'RATE_OUT_OF_RANGE',
        /4\.35/,
      ],
      [
        'applyForLoan',
        'a contract number in use',
        () => application('HTTP-APPROVED'),
        ['input', 'contractNo'],
        'ALREADY_EXISTS',
        /HTTP-APPROVED already exists/,
      ],
      [
        'applyForLoan',
        "another enterprise's site",
        () => ({ ...application('HTTP-BAD-2'), enterpriseId: fx.ids.otherEnterprise }),
        ['input', 'siteId'],
        'SITE_OF_OTHER_ENTERPRISE',
        /another enterprise/,
      ],
      [
        'applyForLoan',
        'a campaign ID that is not a campaign',
        () => ({ ...application('HTTP-BAD-3'), campaignIds: [fx.ids.campaign, fx.ids.initiative] }),
        ['input', 'campaignIds', 1],
        'INVALID_FORMAT',
        /not the ID of a Campaign/,
      ],
      [
        'approveLoan',
        'approving a disbursed loan',
        () => ({ loanId: fx.disbursedLoan }),
        ['input', 'loanId'],
        'INVALID_TRANSITION',
        /HTTP-DISBURSED: it is DISBURSED/,
      ],
      [
        'approveLoan',
        'a loan that does not exist',
        () => ({ loanId: toGlobalId('EnterpriseLoan', 987654) }),
        ['input', 'loanId'],
        'NOT_FOUND',
        /987654/,
      ],
      [
        'rejectLoan',
        'rejecting an approved loan',
        () => ({ loanId: fx.approvedLoan, reason: 'late' }),
        ['input', 'loanId'],
        'INVALID_TRANSITION',
        /it is APPROVED/,
      ],
      [
        'disburseLoan',
        'disbursing a cent more than the contract',
        () => ({ loanId: fx.approvedLoan, amount: '1000000.01', disbursedOn: '2020-01-10' }),
        ['input', 'amount'],
        'AMOUNT_EXCEEDS_CONTRACT',
        /^Disbursing 1000000\.01 would bring loan HTTP-APPROVED to 1000000\.01, above its contract amount 1000000\.00; at most 1000000\.00 is left\.$/,
      ],
      [
        'disburseLoan',
        'a fraction of a cent',
        () => ({ loanId: fx.approvedLoan, amount: '10.001', disbursedOn: '2020-01-10' }),
        ['input', 'amount'],
        'TOO_MANY_DECIMALS',
        /\S/,
      ],
      [
        'disburseLoan',
        'a loan ID that names a village',
        () => ({ loanId: fx.ids.village, amount: '10.00', disbursedOn: '2020-01-10' }),
        ['input', 'loanId'],
        'INVALID_FORMAT',
        /not the ID of a EnterpriseLoan/,
      ],
      [
        'recordRepayment',
        'paying more than is owed',
        () => ({ loanId: fx.disbursedLoan, amount: '1023718.80', paidOn: '2020-02-10' }),
        ['input', 'amount'],
        'AMOUNT_EXCEEDS_BALANCE',
        /owes 1023718\.79/,
      ],
      [
        'recordRepayment',
        'a repayment before the first disbursement',
        () => ({ loanId: fx.disbursedLoan, amount: '1.00', paidOn: '2020-01-09' }),
        ['input', 'paidOn'],
        'DATE_BEFORE_CONTRACT',
        /2020-01-10/,
      ],
      [
        'deferLoan',
        'deferring to before the first due date',
        () => ({ loanId: fx.disbursedLoan, deferredUntil: '2020-02-01' }),
        ['input', 'deferredUntil'],
        'DEFERRAL_NOT_LATER',
        /2020-02-10/,
      ],
      [
        'classifyLoan',
        'classifying mid-month',
        () => ({ loanId: fx.disbursedLoan, monthEnd: '2020-03-30' }),
        ['input', 'monthEnd'],
        'NOT_MONTH_END',
        /2020-03-30 is not the last day/,
      ],
      [
        'writeOffLoan',
        'writing off a current loan',
        () => ({ loanId: fx.disbursedLoan }),
        ['input', 'loanId'],
        'INVALID_TRANSITION',
        /only to/,
      ],
      [
        'recordImpact',
        'an impact of nothing',
        () => ({ regionId: fx.ids.yeCounty, mechanism: 'EMPLOYMENT', verifiedBy: 'BANK' }),
        ['input', 'loanId'],
        'MISSING_SUBJECT',
        /loan or the initiative/,
      ],
      [
        'recordImpact',
        'more poor people than people',
        () => ({
          loanId: fx.disbursedLoan,
          regionId: fx.ids.yeCounty,
          mechanism: 'EMPLOYMENT',
          verifiedBy: 'BANK',
          peopleDriven: 10,
          registeredPoorPeople: 11,
        }),
        ['input', 'registeredPoorPeople'],
        'COUNT_EXCEEDS_TOTAL',
        /11 registered poor people cannot exceed the 10/,
      ],
    ];
    for (const [name, what, input, field, code, message] of breaches) {
      test(`${name} refuses ${what} with ${code} on ${field.join('.')} and writes nothing`, async () => {
        await assertRefused(fx.client, fx.db, name, input(), { code, field, message });
      });
    }

    test('every breach of one input is reported at once', async () => {
      const errors = await assertRefused(
        fx.client,
        fx.db,
        'applyForLoan',
        { ...application('HTTP-BAD-4'), effectiveRate: '1.5', termMonths: 0, contractAmount: '-5.00' },
        {
          code: 'TERM_NOT_POSITIVE',
          field: ['input', 'termMonths'],
          message: /\S/,
        },
      );
      const reported = new Set(errors.map((error) => `${error.field.join('.')}:${error.code}`));
      for (const expected of [
        'input.effectiveRate:RATE_OUT_OF_RANGE',
        'input.termMonths:TERM_NOT_POSITIVE',
        'input.contractAmount:AMOUNT_NOT_POSITIVE',
      ]) {
        assert.ok(reported.has(expected), `${expected} in ${[...reported].join(', ')}`);
      }
    });

    test('writeOffLoan refuses an overdue loan that is only SPECIAL_MENTION with NOT_NON_PERFORMING', async () => {
      await openLoan(fx.db, { contractNo: 'HTTP-NPL' });
      const overdue = await loanGlobalId(fx.client, 'HTTP-NPL');
      succeeded(await fx.client.mutate('classifyLoan', { loanId: overdue, monthEnd: '2020-03-31' }));
      await assertRefused(
        fx.client,
        fx.db,
        'writeOffLoan',
        { loanId: overdue },
        { code: 'NOT_NON_PERFORMING', field: ['input', 'loanId'], message: /classed SPECIAL_MENTION/ },
      );
    });
  },
);
