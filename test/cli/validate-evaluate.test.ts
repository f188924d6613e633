import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './harness';

const SCENARIO = 'examples/county-fund/scenario.json';
const PLAN = 'examples/county-fund/plan.json';

function writeTemp(name: string, value: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'fundladder-'));
  const path = join(dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
}

describe('fundladder validate', () => {
  it('accepts the sample scenario and plan', async () => {
    expect((await runCli(['validate', SCENARIO])).code).toBe(0);
    expect((await runCli(['validate', PLAN, '--scenario', SCENARIO])).code).toBe(0);
  });
  it('exits 1 and lists every problem of a broken scenario with path, rule and value', async () => {
    const { readFileSync } = await import('node:fs');
    const json = JSON.parse(readFileSync(join(ROOT, SCENARIO), 'utf8'));
    json.startMonth = '2025-13';
    json.accounts[0].openingBalance = '-1.00';
    json.banks[0].quotes[0].annualRate = '1.35';
    const r = await runCli(['validate', writeTemp('s.json', json)]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('3 problem(s)');
    expect(r.err).toContain("✖ 中国工商银行示例县支行's demand deposit quote: rates are fractions, not percentages: 1.35 means 135.00% a year; write 0.0135 for 1.35% → at banks[0].quotes[0].annualRate");
    expect(r.err).toContain('✖ a month is YYYY-MM with a month 01..12; received "2025-13" → at startMonth');
    expect(r.err).toContain('✖ the employee pension fiscal special account at 中国工商银行示例县支行: an amount of money may not be negative; received "-1.00" → at accounts[0].openingBalance');
    // The rule and the value received, for --verbose.
    const verbose = await runCli(['validate', writeTemp('s.json', json), '--verbose']);
    expect(verbose.err).toMatch(/→ at banks\[0\]\.quotes\[0\]\.annualRate \[rateAsFraction · \w+; received 1\.35/);
    expect(verbose.err).toMatch(/→ at startMonth \[monthKey · \w+; received "2025-13"/);
    expect(verbose.err).toMatch(/→ at accounts\[0\]\.openingBalance \[nonNegativeAmount · \w+; received "-1\.00"/);
    const zh = await runCli(['validate', writeTemp('s.json', json)], 'zh');
    expect(zh.err).toContain('✖ 中国工商银行示例县支行的活期存款报价：利率应以小数表示，不是百分数：收到 1.35，即年利率 135.00%；年利率 1.35% 应写作 0.0135 → 位置 banks[0].quotes[0].annualRate');
    expect(zh.err).not.toMatch(/rateAsFraction|monthKey|nonNegativeAmount/);
  });
  it('names an unknown bank and a CD below its minimum lot in a plan', async () => {
    const plan = { schemaVersion: 1, name: 'bad', placements: [
      { month: '2026-03', product: 'timeDeposit', termMonths: 12, bankId: 'nosuchbank', amount: '1000000.00' },
    ] };
    const r = await runCli(['validate', writeTemp('p.json', plan), '--scenario', SCENARIO, '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).issues).toEqual([expect.objectContaining({ path: ['placements', 0, 'bankId'], rule: 'knownBank', received: 'nosuchbank' })]);
    const { readFileSync } = await import('node:fs');
    const sample = JSON.parse(readFileSync(join(ROOT, SCENARIO), 'utf8'));
    const cdBank = sample.banks.find((b: { status: string; quotes: Array<{ product: string }> }) => b.status === 'eligible' && b.quotes.some((q) => q.product === 'largeCd'));
    const cdTerm = cdBank.quotes.find((q: { product: string }) => q.product === 'largeCd').termMonths;
    const cd = { schemaVersion: 1, name: 'small cd', placements: [{ month: '2026-03', product: 'largeCd', termMonths: cdTerm, bankId: cdBank.id, amount: '2000000.00' }] };
    const r2 = await runCli(['validate', writeTemp('p2.json', cd), '--scenario', SCENARIO, '--json']);
    expect(r2.code).toBe(1);
    expect(JSON.parse(r2.out).issues).toEqual([expect.objectContaining({ path: ['placements', 0, 'amount'], rule: 'largeCdMinimumLot', received: '2000000.00', limit: '10000000.00' })]);
  });
  it('answers a file that is not JSON with an issue, not a stack trace', async () => {
    const r = await runCli(['validate', writeTemp('x.json', '{ not json')]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('is not valid JSON');
    expect((await runCli(['validate', writeTemp('x.json', '{ not json'), '--verbose'])).err).toContain('[parseJson · invalid_json;');
  });
});

describe('fundladder evaluate', () => {
  it('prints the ledger summary, the KPIs and the rule check for the sample', async () => {
    const r = await runCli(['evaluate', SCENARIO, '--plan', PLAN]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Ledger by month');
    expect(r.out).toContain('annual value-added rate');
    expect(r.out).toContain('months payable at end');
    expect(r.out).toMatch(/The plan breaks no rule|The plan breaks rules/);
  });
  it('speaks Chinese by default: 逐月账本, KPI and findings worded in Chinese', async () => {
    const r = await runCli(['evaluate', SCENARIO, '--plan', PLAN], 'zh');
    expect(r.out).toContain('逐月账本（万元）');
    expect(r.out).toContain('年增殖率');
    expect(r.out).toContain('  • 中国工商银行示例县支行的企业职工基本养老保险基金财政专户执行利率 0.65%，低于法定 1.10%，差 45 个基点（依据：养老基金活期按三个月定期利率计息；银发〔1997〕567号 [R3]）');
    // No id of a bank, fund type, account or rule in the Chinese findings.
    const findings = r.out.slice(r.out.indexOf('发现（不是计划违规'));
    expect(findings).not.toMatch(/icbc|employeePension|ep-fiscal|pensionDemandAtThreeMonth/);
  });
  it('--json gives the interest as a decimal string and the months of the ledger', async () => {
    const r = await runCli(['evaluate', SCENARIO, '--plan', PLAN, '--json']);
    // The wire form of the application layer's evaluate result: money as decimal strings to the fen.
    const json = JSON.parse(r.out);
    expect(json.kind).toBe('evaluate');
    expect(json.evaluation.interest).toMatch(/^\d+\.\d{2}$/);
    expect(json.evaluation.months).toHaveLength(36);
    expect(json.evaluation.months[0].closingTotal).toMatch(/^\d+\.\d{2}$/);
  });
});
