// `fundladder compare` through the CLI, in-process: scenarios side by side (each optimized, or with --plan), and plans
// of one scenario (test/cli/optimize.test.ts keeps the --optimized --baselines case). The variant is the sample with one
// bank's quote changed (psbc's 1-year time deposit 0.98% → 1.50%), written to a temp file.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './harness';

const SAMPLE = 'examples/county-fund/scenario.json';
const PLAN = 'examples/county-fund/plan.json';
const dir = mkdtempSync(join(tmpdir(), 'fundladder-compare-'));

function write(name: string, json: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(json, null, 2));
  return path;
}
const sample = JSON.parse(readFileSync(join(ROOT, SAMPLE), 'utf8')) as { name: string; banks: Array<{ id: string; quotes: Array<{ product: string; termMonths?: number; annualRate: string }> }> };
const edited = structuredClone(sample);
edited.banks.find((b) => b.id === 'psbc')!.quotes.find((q) => q.product === 'timeDeposit' && q.termMonths === 12)!.annualRate = '0.0150';
const VARIANT = write('one-quote-changed.json', edited);

describe('fundladder compare A.json B.json: scenarios side by side', () => {
  it('each optimized safely on the same paths: both columns labelled by the scenario’s name (made unique), risk rows first, the difference by bank by name', async () => {
    const r = await runCli(['compare', SAMPLE, VARIANT, '--paths', '200', '--planning-paths', '400', '--seed', '7'], 'zh');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/^各情景（同一账本核算；同一批 200 条预测情景（种子 7），✔ = /);
    const columns = lines.filter((l) => /^ {2}\[\d\] [✔✖] /.test(l));
    expect(columns).toHaveLength(2);
    expect(columns[0]).toContain(`${sample.name}  ← ${SAMPLE}`);
    expect(columns[1]).toContain(`${sample.name}（2）  ← ${VARIANT}`);
    const risk = lines.findIndex((l) => l.startsWith('由计划造成支付缺口的概率'));
    expect(risk).toBeGreaterThan(0);
    expect(lines.findIndex((l) => l.startsWith('规划期赚取利息'))).toBeGreaterThan(risk);
    expect(r.out).toContain('其中头一个季度');
    expect(r.out).toContain('实收利息与[1]之差，按银行');
    expect(r.out).toMatch(/中国邮政储蓄银行示例县支行 +[+-]\d/);
    expect(r.out).not.toMatch(/\bpsbc\b/);
  }, 240_000);

  it('--plan per scenario, --json: the same plan in both; the deposits at the bank whose quote changed earn the difference (exact, from the ledger)', async () => {
    const r = await runCli(['compare', SAMPLE, VARIANT, '--plan', PLAN, '--plan', PLAN, '--paths', '30', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { kind: string; paths: { samePaths: boolean; check: number }; columns: Array<{ label: string; source: { kind: string }; stress: { planCausedShortProbability: number }; ledger: { interest: string }; vsFirst?: { interestByBank: Record<string, string>; interestByProduct: Record<string, string> } }> };
    expect(j.kind).toBe('compare');
    expect(j.paths).toMatchObject({ samePaths: true, check: 30 });
    expect(j.columns.map((c) => [c.label, c.source.kind])).toEqual([[sample.name, 'given'], [`${sample.name} (2)`, 'given']]);
    expect(typeof j.columns[0]!.stress.planCausedShortProbability).toBe('number');
    expect(j.columns[0]!.ledger.interest).toMatch(/^\d+\.\d{2}$/);
    expect(j.columns[1]!.vsFirst!.interestByBank.psbc).toBe('275080.11');
    expect(j.columns[1]!.vsFirst!.interestByProduct.timeDeposit).toBe('274560.00');
  }, 120_000);
});

describe('fundladder compare: scenarios whose histories differ', () => {
  it('are not said to be on the same paths: each on its own (the same seed), and a warning says so', async () => {
    const other = JSON.parse(readFileSync(join(ROOT, SAMPLE), 'utf8')) as { name: string; history: Array<{ inflow: string }> };
    other.name = '历史改动的情景';
    other.history.at(-1)!.inflow = (Number(other.history.at(-1)!.inflow) + 1000).toFixed(2);
    const r = await runCli(['compare', SAMPLE, write('other-history.json', other), '--plan', PLAN, '--plan', PLAN, '--paths', '10'], 'zh');
    expect(r.code).toBe(0);
    const [head, warning] = r.out.split('\n');
    expect(head).toContain('各自 10 条预测情景（种子 1）');
    expect(head).not.toContain('同一批');
    expect(warning).toBe('⚠ 各情景的历史数据不同，预测情景也不同（[1]；[2] 各用一批，同一种子）：风险各按自己的预测情景核算，不是同一批情景上的比较。');
  }, 60_000);
});

describe('fundladder compare SCENARIO PLAN…: plans of one scenario', () => {
  it('--csv: one row per figure, one column per plan; two plans of the same name labelled apart', async () => {
    const r = await runCli(['compare', SAMPLE, PLAN, PLAN, '--baselines', '--paths', '0', '--csv'], 'zh');
    expect(r.code).toBe(0);
    const [head, ...rows] = r.out.trim().split('\n');
    const planName = (JSON.parse(readFileSync(join(ROOT, PLAN), 'utf8')) as { name: string }).name;
    // The plan's name holds commas, so its cells are quoted (RFC 4180).
    expect(head).toBe(`,"[1] ${planName}","[2] ${planName}（2）",[3] 闲置资金全部存1年期定期，平均分给各合格银行,[4] 闲置资金按3/6/12个月固定阶梯，各期限平均分给各合格银行`);
    const interest = rows.find((l) => l.startsWith('规划期赚取利息（万元）,'))!.split(',');
    expect(interest).toHaveLength(5);
    expect(interest[1]).toMatch(/^\d+\.\d{2}$/);
    expect(interest[1]).toBe(interest[2]);
  }, 120_000);
});

describe('fundladder compare: files told apart, problems named by file', () => {
  it('refuses a plan first, scenarios mixed with plans, and --plan not one per scenario, with a usage error', async () => {
    expect((await runCli(['compare', PLAN, SAMPLE])).code).toBe(2);
    const mixed = await runCli(['compare', SAMPLE, VARIANT, PLAN]);
    expect(mixed.code).toBe(2);
    expect(mixed.err).toContain('compare either 2–4 scenarios or plans of one scenario');
    const plans = await runCli(['compare', SAMPLE, VARIANT, '--plan', PLAN], 'zh');
    expect(plans.code).toBe(2);
    expect(plans.err).toContain('给了 1 个 --plan，情景有 2 个');
    expect((await runCli(['compare', SAMPLE, VARIANT, '--baselines'])).code).toBe(2);
  });

  it('a bad plan is named by its file and its path in the plan', async () => {
    const plan = JSON.parse(readFileSync(join(ROOT, PLAN), 'utf8')) as { placements: Array<{ amount: string }> };
    plan.placements[0]!.amount = '-5';
    const bad = write('bad-plan.json', plan);
    const r = await runCli(['compare', SAMPLE, bad, '--paths', '0']);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${bad}: ✖`);
    expect(r.err).toContain('plan.placements[0].amount');
  });
});
