// An infeasible scenario explained in words (docs/optimizer.md §9): the optimizer's facts (report/explain.ts, whose
// infeasibilityFixes.test.ts gives these same cases as facts) worded in Chinese and English.
import { describe, expect, it } from 'vitest';
import type { Bend, InfeasibilityFix } from '@fundladder/optimizer';
import sample from '../../../../examples/county-fund/scenario.json' with { type: 'json' };
import { bendIsExcess, infeasibilityFixLine, infeasibilityFixText, infeasibilityLines } from './infeasibility';
import { namesFor, namesOf } from './names';

describe('infeasibilityFixLine', () => {
  it('a short total reserve: the most months the money covers, or the largest shortfall in money from the first month short on', () => {
    // Payouts of 10万 a month, 3 months asked, 15万 short in 2026-01: 1 month fits (infeasibilityFixes.test.ts).
    const fix: InfeasibilityFix = { kind: 'reserveMonths', atMost: 1, now: 3, orExtraWan: 15, from: '2026-01' };
    expect(infeasibilityFixLine(fix, 'en')).toBe('What would fix it: a reserve of at most 1 month of payouts (now 3), or 15.0万 more liquid money from 2026-01 on');
    expect(infeasibilityFixLine(fix, 'zh')).toBe('可行的做法：流动性储备至多 1 个月支付（现为 3 个月），或从 2026-01 起另有 15.0 万元流动资金');
    // The sample at 5 months (test/cli/sweep.test.ts): 4 months fit, 8,980.2万 short at most.
    expect(infeasibilityFixLine({ kind: 'reserveMonths', atMost: 4, now: 5, orExtraWan: 8980.2149, from: '2026-01' }, 'en')).toBe('What would fix it: a reserve of at most 4 months of payouts (now 5), or 8,980.2万 more liquid money from 2026-01 on');
  });

  it('with a reserve from the forecast on top, or a fixed amount: the amount to lower it by, in the fund type when it is its reserve', () => {
    const fix: InfeasibilityFix = { kind: 'reserveAmount', monthKey: '2026-02', lowerWan: 12 };
    expect(infeasibilityFixLine(fix, 'en')).toBe('What would fix it: a reserve 12.0万 lower in 2026-02, or that much more liquid money');
    expect(infeasibilityFixLine(fix, 'zh')).toBe('可行的做法：2026-02 的流动性储备要求降低 12.0 万元，或另有同样多的流动资金');
    expect(infeasibilityFixLine({ ...fix, fundType: 'maternity' }, 'zh')).toBe('可行的做法：2026-02 的流动性储备要求降低 12.0 万元（maternity），或另有同样多的流动资金');
    expect(infeasibilityFixLine({ ...fix, fundType: 'maternity' }, 'en')).toBe('What would fix it: a reserve 12.0万 lower in 2026-02 (maternity), or that much more liquid money');
  });

  it('a fund type that cannot pay from its own money: what it lacks in all, from outside, from the first month short', () => {
    const fix: InfeasibilityFix = { kind: 'fundTypeOwnMoney', fundType: 'maternity', shortWan: 5, from: '2026-03' };
    expect(infeasibilityFixLine(fix, 'en')).toBe("Maternity cannot pay its own payouts: 5.0万 short in all from 2026-03 on; it needs money from outside (调剂金 or a fiscal subsidy; one fund type may not pay from another's money), or its flows need checking");
    expect(infeasibilityFixLine(fix, 'zh')).toBe('maternity自身资金不足以支付：从 2026-03 起共差 5.0 万元，需要调剂金或财政补助（一个险种不能用别的险种的钱），或核对收支数据');
    const { fundType: _, ...unnamed } = fix;
    expect(infeasibilityFixLine(unnamed, 'zh')).toMatch(/^某险种自身资金不足以支付/);
    expect(infeasibilityFixLine(unnamed, 'en')).toMatch(/^A fund type cannot pay its own payouts/);
    // With the scenario's names, the fund type by its statutory name, in English by its English name, the sentence's first word.
    expect(infeasibilityFixLine(fix, 'zh', namesFor(new Map(), 'zh'))).toMatch(/^生育保险基金自身资金不足以支付/);
    expect(infeasibilityFixLine({ ...fix, fundType: 'employeePension' }, 'en', namesFor(new Map(), 'en'))).toMatch(/^Employee pension cannot pay its own payouts/);
  });

  it('a cap over: the cap to raise or the banks to add, at the largest excess; the bond share without banks', () => {
    const fix: InfeasibilityFix = { kind: 'relaxCap', rule: 'fundTimeDepositShareCap', monthKey: '2026-02', bankId: 'ccb', overWan: 4 };
    expect(infeasibilityFixLine(fix, 'en')).toBe('What would fix it: a higher cap C or more eligible banks (2026-02 ccb over by 4.0万)');
    expect(infeasibilityFixLine(fix, 'zh')).toBe('可行的做法：放宽上限C或增加可存放的银行（2026-02 ccb 超出 4.0 万元）');
    // The sample with a bond share of 0 against its 3,000万 of bonds at the start.
    const bond: InfeasibilityFix = { kind: 'relaxCap', rule: 'maxBondShare', monthKey: '2026-01', overWan: 3000 };
    expect(infeasibilityFixLine(bond, 'zh')).toBe('可行的做法：放宽国债占比（2026-01 超出 3,000.0 万元）');
    // "a higher" before the rule's short name without its article.
    expect(infeasibilityFixLine(bond, 'en')).toBe('What would fix it: a higher bond-share limit (2026-01 over by 3,000.0万)');
  });

  it('both languages at once, in the fixes\' order, the shape the optimize result and a sweep point carry', () => {
    expect(infeasibilityFixText([{ kind: 'reserveAmount', monthKey: '2026-02', lowerWan: 12 }, { kind: 'relaxCap', rule: 'trancheShareCap', monthKey: '2026-01', bankId: 'icbc', overWan: 0.05 }])).toEqual({
      zh: ['可行的做法：2026-02 的流动性储备要求降低 12.0 万元，或另有同样多的流动资金', '可行的做法：放宽上限A或增加可存放的银行（2026-01 icbc 超出 0.1 万元）'],
      en: ['What would fix it: a reserve 12.0万 lower in 2026-02, or that much more liquid money', 'What would fix it: a higher cap A or more eligible banks (2026-01 icbc over by 0.1万)'],
    });
  });
});

describe('infeasibilityLines', () => {
  // The sample at a reserve of 5 months (test/cli/sweep.test.ts; the ledger with nothing placed agrees within 3%).
  const sampleAt5: Bend[] = [
    { monthKey: '2026-01', rule: 'liquidityReserve', shortWan: 6297.02 },
    { monthKey: '2026-02', rule: 'liquidityReserve', shortWan: 8980.2149 },
    { monthKey: '2026-03', rule: 'liquidityReserve', shortWan: 2487.46 },
  ];

  it('the first month, the count per rule, the largest shortfall, then every bend', () => {
    const explanation = { shortfalls: sampleAt5, elastic: { solved: true } as const };
    expect(infeasibilityLines(explanation, 'zh')).toEqual([
      '从 2026-01 起不可行：流动性储备 3 个月次',
      '最大短缺：2026-02 流动性储备 短缺 8,980.2 万元',
      '2026-01 流动性储备：短缺 6,297.0 万元',
      '2026-02 流动性储备：短缺 8,980.2 万元',
      '2026-03 流动性储备：短缺 2,487.5 万元',
    ]);
    expect(infeasibilityLines(explanation, 'en')).toEqual([
      'Infeasible from 2026-01: the liquidity reserve in 3 month(s)',
      'Largest shortfall: 2026-02, the liquidity reserve, short by 8,980.2万',
      '2026-01 the liquidity reserve: short by 6,297.0万',
      '2026-02 the liquidity reserve: short by 8,980.2万',
      '2026-03 the liquidity reserve: short by 2,487.5万',
    ]);
  });

  it('a cap is over, not short; banks and fund types by id, or by name when given', () => {
    const shortfalls: Bend[] = [
      { monthKey: '2026-01', rule: 'cashBalance', fundType: 'maternity', shortWan: 2 },
      { monthKey: '2026-02', rule: 'trancheShareCap', bankId: 'icbc', shortWan: 7.25 },
    ];
    const explanation = { shortfalls, elastic: { solved: true } as const };
    expect(infeasibilityLines(explanation, 'zh')).toEqual([
      '从 2026-01 起不可行：险种现金 1 个月次，上限A 1 个月次',
      '最大超出：2026-02 上限A（icbc） 超出 7.3 万元',
      '2026-01 险种现金 maternity：短缺 2.0 万元',
      '2026-02 上限A icbc：超出 7.3 万元',
    ]);
    expect(infeasibilityLines(explanation, 'en')).toEqual([
      "Infeasible from 2026-01: a fund type's cash in 1 month(s), cap A in 1 month(s)",
      'Largest excess: 2026-02, cap A at icbc, over by 7.3万',
      "2026-01 a fund type's cash maternity: short by 2.0万",
      '2026-02 cap A icbc: over by 7.3万',
    ]);
    expect(infeasibilityLines(explanation, 'zh', namesFor(new Map([['icbc', '工商银行']]), 'zh'))[3]).toBe('2026-02 上限A 工商银行：超出 7.3 万元');
  });

  it('twelve bends listed, then how many more', () => {
    const shortfalls: Bend[] = Array.from({ length: 15 }, (_, k) => ({ monthKey: `2026-${String((k % 12) + 1).padStart(2, '0')}`, rule: 'liquidityReserve', shortWan: 100 + k }));
    const zh = infeasibilityLines({ shortfalls, elastic: { solved: true } }, 'zh');
    expect(zh).toHaveLength(1 + 1 + 12 + 1);
    expect(zh.at(-1)).toBe('……另有 3 处');
    expect(infeasibilityLines({ shortfalls, elastic: { solved: true } }, 'en').at(-1)).toBe('… 3 more');
  });

  it('an elastic model that bends nothing, or does not solve, says so', () => {
    expect(infeasibilityLines({ shortfalls: [], elastic: { solved: true } }, 'zh')).toEqual(['弹性模型无需突破任何规则：不可行来自其他约束（如现金为负的存量安排）。']);
    expect(infeasibilityLines({ shortfalls: [], elastic: { solved: true } }, 'en')).toEqual(['The elastic model bends no rule: the infeasibility comes from elsewhere.']);
    expect(infeasibilityLines({ shortfalls: [], elastic: { solved: false, termination: 'timeLimit' } }, 'zh')).toEqual(['弹性模型也未求解（timeLimit）。']);
    expect(infeasibilityLines({ shortfalls: [], elastic: { solved: false, termination: 'timeLimit' } }, 'en')).toEqual(['The elastic model did not solve either (timeLimit).']);
  });
});

describe('with the scenario\'s names (the sample county, examples/county-fund), as the optimize and sweep jobs word them', () => {
  const names = { zh: namesOf(sample, 'zh'), en: namesOf(sample, 'en') };

  it('the lines name the bank by its name and the fund type by its statutory name in Chinese; in English, the fund type in English', () => {
    const explanation = { shortfalls: [{ monthKey: '2026-01', rule: 'cashBalance', fundType: 'maternity', shortWan: 2 }, { monthKey: '2026-02', rule: 'trancheShareCap', bankId: 'icbc', shortWan: 7.25 }] satisfies Bend[], elastic: { solved: true } as const };
    expect(infeasibilityLines(explanation, 'zh', names.zh)).toEqual([
      '从 2026-01 起不可行：险种现金 1 个月次，上限A 1 个月次',
      '最大超出：2026-02 上限A（中国工商银行示例县支行） 超出 7.3 万元',
      '2026-01 险种现金 生育保险基金：短缺 2.0 万元',
      '2026-02 上限A 中国工商银行示例县支行：超出 7.3 万元',
    ]);
    // The scenario names its banks in Chinese only; the English keeps that name (as every English issue does).
    expect(infeasibilityLines(explanation, 'en', names.en).slice(1)).toEqual([
      'Largest excess: 2026-02, cap A at 中国工商银行示例县支行, over by 7.3万',
      "2026-01 a fund type's cash maternity: short by 2.0万",
      '2026-02 cap A 中国工商银行示例县支行: over by 7.3万',
    ]);
  });

  it('the fixes too: the cap at a bank, the reserve of a fund type, a fund type short of its own money', () => {
    const fixes: InfeasibilityFix[] = [
      { kind: 'reserveAmount', monthKey: '2026-02', lowerWan: 12, fundType: 'employeeMedical' },
      { kind: 'fundTypeOwnMoney', fundType: 'employeePension', shortWan: 5, from: '2026-03' },
      { kind: 'relaxCap', rule: 'fundTimeDepositShareCap', monthKey: '2026-02', bankId: 'ccb', overWan: 4 },
    ];
    expect(infeasibilityFixText(fixes, names)).toEqual({
      zh: [
        '可行的做法：2026-02 的流动性储备要求降低 12.0 万元（城镇职工基本医疗保险基金），或另有同样多的流动资金',
        '企业职工基本养老保险基金自身资金不足以支付：从 2026-03 起共差 5.0 万元，需要调剂金或财政补助（一个险种不能用别的险种的钱），或核对收支数据',
        '可行的做法：放宽上限C或增加可存放的银行（2026-02 中国建设银行示例县支行 超出 4.0 万元）',
      ],
      en: [
        'What would fix it: a reserve 12.0万 lower in 2026-02 (employee medical), or that much more liquid money',
        "Employee pension cannot pay its own payouts: 5.0万 short in all from 2026-03 on; it needs money from outside (调剂金 or a fiscal subsidy; one fund type may not pay from another's money), or its flows need checking",
        'What would fix it: a higher cap C or more eligible banks (2026-02 中国建设银行示例县支行 over by 4.0万)',
      ],
    });
  });
});

// The elastic model's bends (docs/optimizer.md §9): a cap or the bond share is bent by money over it, the reserve and a
// fund type's cash row by money short; the CLI and this catalogue both word a bend by this one rule.
describe('bendIsExcess', () => {
  it('caps and the bond share are over, the reserve and cash are short', () => {
    expect(['trancheShareCap', 'bankLocalDepositCap', 'fundTimeDepositShareCap', 'maxBondShare'].map(bendIsExcess)).toEqual([true, true, true, true]);
    expect(['liquidityReserve', 'cashBalance'].map(bendIsExcess)).toEqual([false, false]);
  });
});
