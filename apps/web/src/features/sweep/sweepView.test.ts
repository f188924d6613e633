import { describe, expect, it } from 'vitest';
import { sampleSweep } from './fixtures/sampleSweep';
import { sweepEn, sweepZh } from './messages';
import type { SweepAnswer } from '../../api/sweepSchemas';
import { changeLines, mergeSweepAnswer, pointRows, progressOf, readSweep, stillRunning, sweepRequestOf, valueCount, varyText } from './sweepView';

describe('the start form', () => {
  it('writes each row in the CLI’s --vary grammar and refuses what is not a plain decimal or a zero step', () => {
    expect(varyText({ name: 'reserveMonths', from: '1', to: '2', step: '1' })).toBe('reserveMonths=1..2:1');
    expect(varyText({ name: 'caps.fundTimeDepositShare', from: ' 0.10', to: '0.20 ', step: '0.05' })).toBe('caps.fundTimeDepositShare=0.10..0.20:0.05');
    expect(varyText({ name: 'reserveMonths', from: '1', to: 'x', step: '1' })).toBeUndefined();
    expect(varyText({ name: 'reserveMonths', from: '1', to: '2', step: '0' })).toBeUndefined();
    expect(varyText({ name: 'reserveMonths', from: '-1', to: '2', step: '1' })).toBeUndefined();
  });

  it('counts the values in whole steps of the decimals typed (0.1..0.4:0.05 is 7, not 6)', () => {
    expect(valueCount({ name: 'x', from: '0.1', to: '0.4', step: '0.05' })).toBe(7);
    expect(valueCount({ name: 'x', from: '1', to: '2', step: '1' })).toBe(2);
    expect(valueCount({ name: 'x', from: '12', to: '60', step: '12' })).toBe(5);
    expect(valueCount({ name: 'x', from: '3', to: '1', step: '1' })).toBeUndefined();
  });

  it('builds the POST body with the version, the rows and the options, or nothing when a field is not a number', () => {
    expect(sweepRequestOf('12', [{ name: 'reserveMonths', from: '1', to: '2', step: '1' }, { name: 'maxTermMonths', from: '12', to: '36', step: '24' }], { paths: '5', seed: '1' })).toEqual({
      scenario: { scenarioVersion: '12' }, vary: ['reserveMonths=1..2:1', 'maxTermMonths=12..36:24'], options: { paths: 5, seed: 1 },
    });
    expect(sweepRequestOf('12', [{ name: 'reserveMonths', from: '1', to: '2', step: '1' }], { paths: 'many', seed: '1' })).toBeUndefined();
    expect(sweepRequestOf('12', [], { paths: '5', seed: '1' })).toBeUndefined();
  });
});

describe('the progress', () => {
  it('counts done, failed and cancelled points as finished, and reads again only while a point is queued or running', () => {
    expect(progressOf(sampleSweep.sweep)).toEqual({ finished: 3, total: 3, withoutResult: 1 });
    expect(stillRunning({ state: 'running' })).toBe(true);
    expect(stillRunning({ state: 'queued' })).toBe(true);
    expect(stillRunning({ state: 'done' })).toBe(false);
    expect(stillRunning({ state: 'cancelled' })).toBe(false);
  });
});

describe('the points table', () => {
  it('puts the payout-gap probabilities before the interest (万元), marks the front, names the binding rules, and dashes a point without a result', () => {
    expect(pointRows(sampleSweep, sweepZh, 'zh')).toEqual([
      { index: 0, values: ['1'], state: '最优', gap: '40.0%', anyGap: '60.0%', interest: '4,318.13', binding: '流动性储备 ×12、上限A ×27', onFront: true },
      { index: 1, values: ['2'], state: '最优', gap: '20.0%', anyGap: '40.0%', interest: '4,290.00', binding: '流动性储备 ×14', onFront: true },
      { index: 2, values: ['3'], state: '已取消', gap: '—', anyGap: '—', interest: '—', binding: '—', onFront: false },
    ]);
  });

  it('gives millions in English', () => {
    expect(pointRows(sampleSweep, sweepEn, 'en')[0]).toMatchObject({ state: 'optimal', interest: '43.18', binding: 'liquidity reserve ×12, cap A ×27' });
  });

  it('says why an infeasible point has no plan where the binding rules would be (reserveMonths=5 of the sample, as the sweep job words it)', () => {
    const why = { zh: ['从 2026-01 起不可行：流动性储备 3 个月次', '最大短缺：2026-02 流动性储备 短缺 8,980.2 万元', '2026-01 流动性储备：短缺 6,297.0 万元'], en: ['Infeasible from 2026-01: the liquidity reserve in 3 month(s)', 'Largest shortfall: 2026-02, the liquidity reserve, short by 8,980.2万', '2026-01 the liquidity reserve: short by 6,297.0万'] };
    const fix = { zh: ['可行的做法：流动性储备至多 4 个月支付（现为 5 个月），或从 2026-01 起另有 8,980.2 万元流动资金'], en: ['What would fix it: a reserve of at most 4 months of payouts (now 5), or 8,980.2万 more liquid money from 2026-01 on'] };
    const infeasible = { ...sampleSweep, points: [{ ...sampleSweep.points[0]!, result: { ...sampleSweep.points[0]!.result!, status: 'infeasible' as const, interest: undefined, risk: undefined, binding: [], why, fix } }] };
    expect(pointRows(infeasible, sweepZh, 'zh')[0]).toMatchObject({ state: '不可行', interest: '—', gap: '—', binding: '从 2026-01 起不可行：流动性储备 3 个月次；最大短缺：2026-02 流动性储备 短缺 8,980.2 万元；可行的做法：流动性储备至多 4 个月支付（现为 5 个月），或从 2026-01 起另有 8,980.2 万元流动资金' });
    expect(pointRows(infeasible, sweepEn, 'en')[0]?.binding).toBe('Infeasible from 2026-01: the liquidity reserve in 3 month(s); Largest shortfall: 2026-02, the liquidity reserve, short by 8,980.2万; What would fix it: a reserve of at most 4 months of payouts (now 5), or 8,980.2万 more liquid money from 2026-01 on');
  });

  it('says where a rule stops binding along the grid', () => {
    expect(changeLines(sampleSweep, sweepZh, 'zh')).toEqual(['储备月数 1 → 2：不再约束：上限A']);
    expect(changeLines(sampleSweep, sweepEn, 'en')).toEqual(['Reserve months 1 → 2: stops binding: cap A']);
  });
});

describe('following a running sweep with ?since=', () => {
  // The sample's three points while the sweep runs: 0 done, 1 running, 2 queued (the fixture's figures).
  const [done, second, third] = sampleSweep.points as [SweepAnswer['points'][number], SweepAnswer['points'][number], SweepAnswer['points'][number]];
  const runningCounts = { queued: 1, running: 1, done: 1, failed: 0, cancelled: 0, total: 3 };
  const known: SweepAnswer = {
    ...sampleSweep, sweep: { ...sampleSweep.sweep, state: 'running', counts: runningCounts, cancelledAt: null },
    points: [done, { ...second, state: 'running', result: undefined }, { ...third, state: 'queued', issues: undefined }], since: null, cursor: '100', frontier: null, changes: null,
  };
  const changed = (cursor: string, points: SweepAnswer['points'], counts = runningCounts, state: SweepAnswer['sweep']['state'] = 'running'): SweepAnswer => ({
    ...known, sweep: { ...known.sweep, state, counts }, points, since: cursor, cursor: String(Number(cursor) + 1000),
  });

  it('puts each point sent in its place by index and takes the summary and cursor of the later answer, without changing the earlier one', () => {
    const before = structuredClone(known);
    const later = changed('100', [second], { ...runningCounts, running: 0, done: 2 });
    const merged = mergeSweepAnswer(known, later);
    expect(merged.points.map((p) => [p.index, p.state])).toEqual([[0, 'done'], [1, 'done'], [2, 'queued']]);
    expect(merged.points[1]).toBe(second);
    expect(merged.points[0]).toBe(done);
    expect(merged).toMatchObject({ cursor: '1100', since: '100', sweep: { counts: { done: 2, running: 0 } } });
    expect(known).toEqual(before);
  });

  it('takes a point sent twice (changed within the margin) as the same point, and nothing sent as nothing changed', () => {
    const once = mergeSweepAnswer(known, changed('100', [second]));
    expect(mergeSweepAnswer(once, changed('1100', [second])).points).toEqual(once.points);
    expect(mergeSweepAnswer(known, changed('100', [])).points).toEqual(known.points);
  });

  it('replaces everything with a full answer', () => {
    const full = { ...sampleSweep, since: null };
    expect(mergeSweepAnswer(known, full)).toBe(full);
  });

  it('reads in full first, then only what changed while the sweep runs, and in full once more when it stops running', async () => {
    const asked: (string | undefined)[] = [];
    const answers: SweepAnswer[] = [known, changed('100', [second]), changed('1100', [third], { ...runningCounts, queued: 0, running: 0, done: 3 }, 'done'), sampleSweep];
    const read = (since: string | undefined) => {
      asked.push(since);
      return Promise.resolve(answers.shift()!);
    };
    const first = await readSweep(undefined, read);
    expect(first).toBe(known);
    const next = await readSweep(first, read);
    expect(next.points.map((p) => p.state)).toEqual(['done', 'done', 'queued']);
    // The since read says the sweep is done: the full read that follows is what the screen shows.
    const last = await readSweep(next, read);
    expect(last).toBe(sampleSweep);
    expect(asked).toEqual([undefined, '100', '1100', undefined]);
    // A sweep no longer running is read in full (a refresh after a cancel, a retry).
    answers.push(sampleSweep);
    await readSweep(last, read);
    expect(asked.at(-1)).toBeUndefined();
  });
});
