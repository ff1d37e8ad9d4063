import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  datedInPeriod,
  monthsBetween,
  portfolioOption,
  rankedBarsOption,
} from '../../web/src/dashboard/chartOptions.js';
import { initialLanguage, mechanismLabel } from '../../web/src/dashboard/i18n.js';
import { dashboardVariables, lastDayOfMonth, type TimelineInitiative } from '../../web/src/dashboard/queries.js';

const filters = { region: '', orgUnit: '', from: '2019-11', to: '2020-02' };

describe('dashboard data shaping', () => {
  test('months run across a year end, and the last day of a month knows leap years', () => {
    assert.deepEqual(monthsBetween('2019-11', '2020-02'), ['2019-11', '2019-12', '2020-01', '2020-02']);
    assert.deepEqual(monthsBetween('2020-03', '2020-02'), []);
    assert.equal(lastDayOfMonth('2020-02'), '2020-02-29');
    assert.equal(lastDayOfMonth('2019-02'), '2019-02-28');
    assert.equal(lastDayOfMonth('2020-12'), '2020-12-31');
  });

  test('filters become where inputs; "all" sends none', () => {
    assert.deepEqual(dashboardVariables(filters), {
      loanWhere: null,
      impactWhere: null,
      initiativeWhere: null,
      from: '2019-11-01',
      to: '2020-02-29',
    });
    const narrowed = dashboardVariables({ ...filters, region: '41', orgUnit: 'ICBC-ZZ' });
    assert.deepEqual(narrowed.loanWhere, { inRegion: '41', orgUnit: { code: { eq: 'ICBC-ZZ' } } });
    assert.deepEqual((narrowed.impactWhere as { OR: unknown[] }).OR, [
      { loan: { orgUnit: { code: { eq: 'ICBC-ZZ' } } } },
      { initiative: { ownerOrgUnit: { code: { eq: 'ICBC-ZZ' } } } },
    ]);
  });

  test('the timeline keeps dated initiatives that meet the period', () => {
    const initiative = (code: string, startDate: string | null, endDate: string | null): TimelineInitiative => ({
      code,
      name: code,
      nameZh: code,
      category: 'OTHER',
      status: 'ACTIVE',
      startDate,
      endDate,
    });
    const kept = datedInPeriod(
      [
        initiative('before', '2018-01-01', '2019-10-31'),
        initiative('open', '2017-12-01', null),
        initiative('undated', null, null),
        initiative('inside', '2020-02-29', '2020-03-01'),
        initiative('after', '2020-03-01', null),
      ],
      filters,
    );
    assert.deepEqual(
      kept.map((entry) => entry.code),
      ['open', 'inside'],
    );
  });

  test('an empty series still spans the period and says why it is empty; ranked bars put the largest on top', () => {
    const empty = portfolioOption({ series: [] }, filters, 'en') as {
      xAxis: { data: string[] };
      graphic: { style: { text: string } }[];
    };
    assert.deepEqual(empty.xAxis.data, ['2019-11', '2019-12', '2020-01', '2020-02']);
    assert.match(empty.graphic[0]!.style.text, /No month-end/);
    const bars = rankedBarsOption(
      [
        { key: { countyCode: '1', countyName: 'A' }, value: 5 },
        { key: { countyCode: null, countyName: null }, value: 2 },
      ],
      'Loans',
      'zh',
    ) as { yAxis: { data: string[] }; series: { data: number[] }[] };
    assert.deepEqual(bars.yAxis.data, ['（未落到县）', 'A']);
    assert.deepEqual(bars.series[0]!.data, [2, 5]);
  });

  test('labels follow the language', () => {
    assert.equal(mechanismLabel('EMPLOYMENT', 'zh'), '就业带动');
    assert.equal(mechanismLabel('EMPLOYMENT', 'en'), 'Employment');
    assert.equal(initialLanguage(null, 'zh-CN'), 'zh');
    assert.equal(initialLanguage(null, 'de-DE'), 'en');
    assert.equal(initialLanguage('zh', 'en-US'), 'zh');
  });
});
