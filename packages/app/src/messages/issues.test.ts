// The issue catalogue in Chinese reads as Chinese: banks, fund types, products and accounts by name, money in 万元 with
// thousands separators, no rule id or scenario id before "位置" (docs/app.md §3). Issues built from the sample county
// (examples/county-fund), broken on purpose. That every rule and code the sources emit is worded is checked by reading
// the sources (test/catalogue/issueCatalogue.test.ts: this package may not read files).
import { describe, expect, it } from 'vitest';
import type { DomainIssue } from '@fundladder/core';
import sampleJson from '../../../../examples/county-fund/scenario.json' with { type: 'json' };
import planJson from '../../../../examples/county-fund/plan.json' with { type: 'json' };
import { runEvaluate } from '../jobs/evaluate';
import { runValidate } from '../jobs/validate';
import { exclusionLine, issueDetail, issueLine, issueText, ruleName, wordIssue } from './issues';
import { namesOf } from './names';

type Scenario = typeof sampleJson;
const sample: Scenario = sampleJson;
const samplePlan = planJson;
const zhNames = namesOf(sample, 'zh');
const enNames = namesOf(sample, 'en');

// ── the sample, broken on purpose, in Chinese ─────────────────────────────────────────────────────────────────

/** Words a Chinese reader may see in ASCII: commands and flags they type, date formats, citations, caps A/B/C. */
const ALLOWED = new Set(['evaluate', 'optimize', 'compare', 'flows', 'confidence', 'paths', 'solver', 'highs', 'verbose', 'JSON', 'YYYY', 'MM', 'DD', 'R3', 'R5', 'R6', 'A', 'B', 'C']);

/** The ASCII words in a Chinese line that no reader should meet: past "→ 位置" (the JSON path) and inside `backticks` (a key the user typed) all is allowed. */
function leaks(line: string): string[] {
  const sentence = line.split(' → 位置 ')[0]!.replace(/`[^`]*`/g, '');
  return (sentence.match(/[A-Za-z][A-Za-z0-9_]*/g) ?? []).filter((word) => !ALLOWED.has(word));
}

const clone = <T>(x: T): T => structuredClone(x);

async function validateIssues(document: unknown): Promise<DomainIssue[]> {
  const r = await runValidate({ kind: 'validate', document });
  return r.ok ? [...r.value.issues, ...r.value.warnings] : r.issues;
}

describe('issue catalogue: the sample scenario in Chinese', () => {
  it('a percent-style quote rate: the bank and product by name, no rule id, the value as a percentage', async () => {
    const s = clone(sample);
    s.banks[0]!.quotes[0]!.annualRate = '5';
    const [issue] = await validateIssues(s);
    expect(issueLine(issue!, 'zh', namesOf(s, 'zh'))).toBe('✖ 中国工商银行示例县支行的活期存款报价：利率应以小数表示，不是百分数：收到 5，即年利率 500.00%；年利率 1.35% 应写作 0.0135 → 位置 banks[0].quotes[0].annualRate');
    expect(issueLine(issue!, 'en', namesOf(s, 'en'))).toBe("✖ 中国工商银行示例县支行's demand deposit quote: rates are fractions, not percentages: 5 means 500.00% a year; write 0.0135 for 1.35% → at banks[0].quotes[0].annualRate");
    expect(issueLine(issue!, 'zh', namesOf(s, 'zh'), { verbose: true })).toContain('[rateAsFraction · custom；收到 5；core: rates are fractions');
  });

  it('findings name the account by its bank, fund type and kind, and the statutory rule and its source in words', async () => {
    const r = await runEvaluate({ kind: 'evaluate', scenario: sample, plan: samplePlan });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const first = r.value.evaluation.findings[0]!;
    expect(issueText(first, 'zh', zhNames)).toBe('中国工商银行示例县支行的企业职工基本养老保险基金财政专户执行利率 0.65%，低于法定 1.10%，差 45 个基点（依据：养老基金活期按三个月定期利率计息；银发〔1997〕567号 [R3]）');
    expect(issueText(first, 'en', enNames)).toBe('the employee pension fiscal special account at 中国工商银行示例县支行 earns 0.65%, 45 bp below the statutory 1.10% (pension demand money at the 3-month rate; 银发〔1997〕567号 [R3])');
    for (const f of r.value.evaluation.findings) expect(leaks(issueLine(f, 'zh', zhNames)), issueLine(f, 'zh', zhNames)).toEqual([]);
  });

  it('rules a plan breaks: banks and fund types by name, money in 万元 with separators, no id before "位置"', async () => {
    const plan = clone(samplePlan);
    (plan.placements as object[]).push(
      { month: '2026-02', product: 'timeDeposit', termMonths: 12, bankId: 'rural', fundType: 'unemployment', amount: '1000000.00' },
      { month: '2026-02', product: 'timeDeposit', termMonths: 12, bankId: 'icbc', fundType: 'employeePension', amount: '300000000.00' },
      { month: '2026-03', product: 'largeCd', termMonths: 12, bankId: 'ccb', fundType: 'workInjury', amount: '50000.00' },
      { month: '2026-03', product: 'timeDeposit', termMonths: 84, bankId: 'ccb', fundType: 'workInjury', amount: '50000.00', annualRate: '0.0200' },
    );
    const r = await runEvaluate({ kind: 'evaluate', scenario: sample, plan });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const issues = r.value.evaluation.issues;
    expect(new Set(issues.map((i) => i.rule))).toEqual(new Set(['suspendedBankNoNewMoney', 'largeCdMinimumLot', 'maxTerm', 'standardTerm', 'cashNotNegative', 'trancheShareCap', 'fundTimeDepositShareCap', 'liquidityReserve']));
    const tranche = issues.find((i) => i.rule === 'trancheShareCap')!;
    expect(issueText(tranche, 'zh', zhNames)).toBe('2026-02 中国工商银行示例县支行新增定期 30,000.00 万元，超过上限A（单家银行占当月新增定期的比例）允许的 7,525.00 万元（超出 22,475.00 万元）');
    const cash = issues.find((i) => i.rule === 'cashNotNegative')!;
    expect(issueText(cash, 'zh', zhNames)).toBe('2026-02-01 企业职工基本养老保险基金的现金为 -16,737.04 万元：计划动用了并不存在的 16,737.04 万元');
    for (const i of issues) expect(leaks(issueLine(i, 'zh', zhNames)), issueLine(i, 'zh', zhNames)).toEqual([]);
  });

  it('broken scenarios (a misspelt key, a missing flow month, an unknown bank, a duplicate id, a bad month): Chinese only', async () => {
    const variants: Array<(s: Scenario) => void> = [
      (s) => {
        Object.assign(s.policy, { reserv: s.policy.reserve });
        delete (s.policy as { reserve?: unknown }).reserve;
      },
      (s) => (s.flows = s.flows.filter((f) => !(f.month === '2026-03' && f.fundType === 'employeePension'))),
      (s) => (s.accounts[0]!.bankId = 'nobank'),
      (s) => (s.banks[1]!.id = 'icbc'),
      (s) => (s.startMonth = '2025-13'),
      (s) => (s.accounts[0]!.openingBalance = '-1.00'),
      (s) => (s.accounts[1]!.contractRates[0]!.annualRate = '0.05'),
      (s) => delete (s.banks[2] as { localGeneralDeposits?: string }).localGeneralDeposits,
    ];
    const lines: string[] = [];
    for (const change of variants) {
      const s = clone(sample);
      change(s);
      const issues = await validateIssues(s);
      expect(issues.length, String(change)).toBeGreaterThan(0);
      lines.push(...issues.map((i) => issueLine(i, 'zh', namesOf(s, 'zh'))));
    }
    // A plan that names a bank the scenario does not have, and a product and term no bank quotes.
    const plan = clone(samplePlan);
    plan.placements[0]!.bankId = 'nobank';
    plan.placements[1]!.termMonths = 84;
    const bad = await runEvaluate({ kind: 'evaluate', scenario: sample, plan });
    expect(bad.ok).toBe(false);
    if (!bad.ok) lines.push(...bad.issues.map((i) => issueLine(i, 'zh', zhNames)));
    for (const line of lines) expect(leaks(line), line).toEqual([]);
    expect(lines).toContain('✖ 计划第 1 笔存放：情景中没有标识为 `nobank` 的银行 → 位置 plan.placements[0].bankId');
    expect(lines).toContain('✖ 未知字段 `policy.reserv`，是否应为 `reserve`？ → 位置 policy.reserv');
    expect(lines).toContain('✖ 企业职工基本养老保险基金在规划期内缺少 1 个月的现金流（规划期 36 个月，只有 35 个月；第一个缺少的月份为 2026-03）：evaluate（未给 --flows 时）和 optimize 需要每月每个险种的现金流 → 位置 flows');
    expect(lines).toContain('⚠ 中国建设银行示例县支行的企业职工基本养老保险基金支出户：利率 0.05 即年利率 5.00%，高于合理上限 3.00%：利率以小数表示，是否应为 0.0005（0.05%）？ → 位置 accounts[1].contractRates[0].annualRate');
  });
});

describe('rule names, exclusions, details', () => {
  it('rules by name, the id kept for --verbose', () => {
    expect(ruleName('pensionDemandAtThreeMonth', 'zh')).toBe('养老基金活期按三个月定期利率计息');
    expect(ruleName('trancheShareCap', 'en')).toBe('cap A (a bank’s share of the month’s tranche)');
    expect(ruleName('noSuchRule', 'zh')).toBe('noSuchRule');
    const issue: DomainIssue = { code: 'too_long', path: ['placements', 0, 'termMonths'], rule: 'maxTerm', message: 'a term of 84 months exceeds the policy maximum of 60', received: '84', limit: '60' };
    expect(issueDetail(issue, 'zh')).toBe('maxTerm · too_long；收到 84；限值 60；core: a term of 84 months exceeds the policy maximum of 60');
    expect(issueLine(issue, 'zh', zhNames)).toBe('✖ 计划第 1 笔存放：期限 84 个月，超过政策最长期限 60 个月 → 位置 placements[0].termMonths');
  });

  it('exclusions by bank or product and term, in both languages', () => {
    expect(exclusionLine({ product: 'govBond', termMonths: 84, rule: 'maxTerm', limit: '60', reason: '…' }, 'zh', zhNames)).toBe('84 个月的国债：超过政策最长期限 60 个月');
    expect(exclusionLine({ bankId: 'rural', rule: 'suspendedBankNoNewMoney', reason: '…' }, 'zh', zhNames)).toBe('示例县农村商业银行：已暂停新增存款，不向其新存');
    expect(exclusionLine({ product: 'govBond', termMonths: 84, rule: 'maxTerm', limit: '60', reason: '…' }, 'en', enNames)).toBe("84-month government bond: longer than the policy's maximum of 60 months");
  });

  it('an issue a result carries for the screens: its sentence in both languages as `text`, banks by the scenario\'s names, nothing else changed', () => {
    // The 2026-02 cap A issue of the broken sample above (30,000万 at icbc against 7,525万 allowed).
    const tranche: DomainIssue = { code: 'bank_cap_exceeded', path: ['plan', 'placements', 13, 'amount'], rule: 'trancheShareCap', message: 'over cap A', monthKey: '2026-02', bankId: 'icbc', received: '300000000.00', limit: '75250000.00', amount: '224750000.00' };
    const worded = wordIssue(tranche, { zh: zhNames, en: enNames });
    expect(worded).toEqual({ ...tranche, text: { zh: issueText(tranche, 'zh', zhNames), en: issueText(tranche, 'en', enNames) } });
    expect(worded.text.zh).toBe('2026-02 中国工商银行示例县支行新增定期 30,000.00 万元，超过上限A（单家银行占当月新增定期的比例）允许的 7,525.00 万元（超出 22,475.00 万元）');
    expect(tranche).not.toHaveProperty('text');
  });

  it('an import issue is worded by the import catalogue', () => {
    const issue = { code: 'invalid_cell', rule: 'amount', expected: 'amount', path: ['flows.csv', 17, '收入（万元）'], message: '', received: 'n/a', file: 'flows.csv' } as DomainIssue;
    expect(issueText(issue, 'zh')).toBe('应为金额（如 1,234.56），实为 "n/a"');
  });
});
