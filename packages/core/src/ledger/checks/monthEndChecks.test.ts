// 来源: docs/domain.md §8.1, Shenzhen rules [004]: cap C, no bank above 20% of the fund's time deposits; §8.2: 20% implies at
// least 5 banks. Caps as the rules say (docs/optimizer.md §5.10): existing holdings already over a cap are the starting position (a finding), not a rule the
// plan broke, unless the plan adds money to that bank; every comparison is exact.
import { describe, expect, it } from 'vitest';
import { type Decimal, dec } from '../../money/decimal';
import { monthKey } from '../../dates/monthKey';
import { scenarioSchema } from '../../schemas/scenario';
import { evaluatePlan } from '../../evaluatePlan';
import { tinyScenario } from '../../testing/fixtures';
import { type MonthEndState, checkMonthEnd } from './monthEndChecks';

const scenario = scenarioSchema.parse(tinyScenario());
const money = (pairs: Array<[string, string]>): Map<string, Decimal> => new Map(pairs.map(([b, a]) => [b, dec(a)]));
const state = (held: Array<[string, string]>, placed: Array<[string, string]> = []): MonthEndState => ({
  month: monthKey('2026-01'),
  trancheByBank: new Map(),
  timeDepositsByBank: money(held),
  placedTimeDepositsByBank: money(placed),
  reserve: [],
  bonds: dec(0),
  placedTotal: money(held).size ? [...money(held).values()].reduce((a, b) => a.plus(b)) : dec(0),
});
const rules = (list: ReadonlyArray<{ rule: string; code: string; bankId?: string }>) => list.map((i) => `${i.code}:${i.rule}${i.bankId ? `@${i.bankId}` : ''}`);

describe('checkMonthEnd: caps on the starting position', () => {
  it('a bank holding 44% of the time deposits from before the plan is a finding, not an issue, while the plan adds nothing there', () => {
    const held: Array<[string, string]> = [['icbc', '44000000.00'], ['ccb', '14000000.00'], ['psbc', '14000000.00'], ['cib', '14000000.00'], ['citybank', '14000000.00']];
    const r = checkMonthEnd(state(held), scenario);
    expect(rules(r.issues)).toEqual([]);
    expect(rules(r.findings)).toEqual(['holding_over_cap:fundTimeDepositShareCap@icbc']);
    // 44,000,000 − 20% × 100,000,000 = 24,000,000 over.
    expect(r.findings[0]!.amount).toBe('24000000.00');
  });

  it('the plan adding even a fen to that bank makes it the plan\'s break (cap C kept for new money)', () => {
    const held: Array<[string, string]> = [['icbc', '44000000.01'], ['ccb', '14000000.00'], ['psbc', '14000000.00'], ['cib', '14000000.00'], ['citybank', '14000000.00']];
    const r = checkMonthEnd(state(held, [['icbc', '0.01']]), scenario);
    expect(rules(r.issues)).toEqual(['bank_cap_exceeded:fundTimeDepositShareCap@icbc']);
    expect(r.findings).toEqual([]);
  });

  it('money the plan places at the other banks does not turn the starting position into a plan break', () => {
    const held: Array<[string, string]> = [['icbc', '44000000.00'], ['ccb', '24000000.00'], ['psbc', '24000000.00'], ['cib', '24000000.00'], ['citybank', '24000000.00']];
    const placed: Array<[string, string]> = [['ccb', '10000000.00'], ['psbc', '10000000.00'], ['cib', '10000000.00'], ['citybank', '10000000.00']];
    const r = checkMonthEnd(state(held, placed), scenario);
    expect(rules(r.issues)).toEqual([]);
    expect(rules(r.findings)).toEqual(['holding_over_cap:fundTimeDepositShareCap@icbc']);
  });

  it('cap B: existing holdings above 20% of the bank\'s local deposits are a finding; with plan money there, an issue', () => {
    // tinyScenario: every bank has 200亿 of local general deposits → cap B at 40亿.
    const over: Array<[string, string]> = [['icbc', '4000000000.01'], ['ccb', '4000000000.00'], ['psbc', '4000000000.00'], ['cib', '4000000000.00'], ['citybank', '4000000000.00']];
    expect(rules(checkMonthEnd(state(over), scenario).findings)).toEqual(['holding_over_cap:bankLocalDepositCap@icbc', 'holding_over_cap:fundTimeDepositShareCap@icbc']);
    expect(rules(checkMonthEnd(state(over, [['icbc', '100.00']]), scenario).issues)).toEqual(['bank_cap_exceeded:bankLocalDepositCap@icbc', 'bank_cap_exceeded:fundTimeDepositShareCap@icbc']);
  });

  it('too few banks: the starting position\'s own concentration is a finding; a plan that holds time deposits at too few banks breaks the rule', () => {
    const three: Array<[string, string]> = [['icbc', '1.00'], ['ccb', '1.00'], ['psbc', '1.00']];
    expect(rules(checkMonthEnd(state(three), scenario).findings)).toEqual(expect.arrayContaining(['holdings_too_few_banks:minimumBankCount']));
    // Existing holdings at three banks are each a third, over cap C as well: the count is still the starting position's.
    const plus: Array<[string, string]> = [...three, ['cib', '1.00']];
    const withPlan = checkMonthEnd(state(plus, [['cib', '1.00']]), scenario);
    expect(rules(withPlan.findings)).toContain('holdings_too_few_banks:minimumBankCount');
    expect(rules(withPlan.issues)).not.toContain('too_few_banks:minimumBankCount');
    // Nothing existing: four banks holding only the plan's time deposits break the minimum of five.
    const planOnly: Array<[string, string]> = [['icbc', '1.00'], ['ccb', '1.00'], ['psbc', '1.00'], ['cib', '1.00']];
    expect(rules(checkMonthEnd(state(planOnly, planOnly), scenario).issues)).toEqual(['bank_cap_exceeded:fundTimeDepositShareCap@icbc', 'bank_cap_exceeded:fundTimeDepositShareCap@ccb', 'bank_cap_exceeded:fundTimeDepositShareCap@psbc', 'bank_cap_exceeded:fundTimeDepositShareCap@cib', 'too_few_banks:minimumBankCount']);
  });

  it('compares exactly: five banks at exactly 20% break nothing; a fen more at one bank breaks cap C', () => {
    const even: Array<[string, string]> = ['icbc', 'ccb', 'psbc', 'cib', 'citybank'].map((b) => [b, '20000000.00']);
    expect(checkMonthEnd(state(even, even), scenario)).toEqual({ issues: [], findings: [] });
    const fenOver = even.map(([b, a]): [string, string] => [b, b === 'icbc' ? '20000000.01' : a]);
    const r = checkMonthEnd(state(fenOver, fenOver), scenario);
    expect(rules(r.issues)).toEqual(['bank_cap_exceeded:fundTimeDepositShareCap@icbc']);
    // 20,000,000.01 − 20% × 100,000,000.01 = 0.008 yuan over (printed to the fen, half up).
    expect(r.issues[0]!.amount).toBe('0.01');
  });
});

describe('ledger: existing holdings over cap C', () => {
  // tinyScenario with 1亿 of existing time deposits, 44% at icbc (3,000万 of it maturing 2026-03-16, leaving it at exactly 20%), 14% at each of four others.
  const withHoldings = scenarioSchema.parse(tinyScenario({
    holdings: [
      { id: 'icbc-a', fundType: 'employeePension', product: 'timeDeposit', bankId: 'icbc', principal: '30000000.00', annualRate: '0.0150', startDate: '2025-03-16', termMonths: 12 },
      { id: 'icbc-b', fundType: 'employeePension', product: 'timeDeposit', bankId: 'icbc', principal: '14000000.00', annualRate: '0.0150', startDate: '2025-09-16', termMonths: 24 },
      ...['ccb', 'psbc', 'cib', 'citybank'].map((bankId) => ({ id: `${bankId}-a`, fundType: 'employeePension', product: 'timeDeposit', bankId, principal: '14000000.00', annualRate: '0.0150', startDate: '2025-09-16', termMonths: 24 })),
    ],
  } as never));

  it('reports the starting position as findings until icbc\'s holdings run off, and no broken rule for a plan that adds nothing there', () => {
    const ev = evaluatePlan(withHoldings, { schemaVersion: 1, name: 'nothing', placements: [] });
    if (!ev.ok) throw new Error(JSON.stringify(ev.issues));
    expect(ev.value.report.issues.filter((i) => i.rule === 'fundTimeDepositShareCap')).toEqual([]);
    expect(ev.value.report.findings.filter((f) => f.code === 'holding_over_cap').map((f) => [f.monthKey, f.bankId, f.amount])).toEqual([
      ['2026-01', 'icbc', '24000000.00'],
      ['2026-02', 'icbc', '24000000.00'],
    ]);
  });

  it('a placement at icbc while it is over the cap is the plan\'s break, and so is every month it keeps icbc over', () => {
    const plan = { schemaVersion: 1, name: 'adds to icbc', placements: [{ month: '2026-02', product: 'timeDeposit', termMonths: 3, bankId: 'icbc', fundType: 'employeePension', amount: '1000000.00' }] };
    const ev = evaluatePlan(withHoldings, plan);
    if (!ev.ok) throw new Error(JSON.stringify(ev.issues));
    expect(ev.value.report.issues.filter((i) => i.rule === 'fundTimeDepositShareCap').map((i) => [i.monthKey, i.bankId])).toEqual([['2026-02', 'icbc'], ['2026-03', 'icbc'], ['2026-04', 'icbc']]);
    // In 2026-03 and 2026-04 icbc is over only because of the plan's 100万 (1,500万 of 7,100万).
    expect(ev.value.report.findings.filter((f) => f.code === 'holding_over_cap').map((f) => f.monthKey)).toEqual(['2026-01']);
  });
});
