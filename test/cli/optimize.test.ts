// `fundladder optimize` and `compare` through the CLI (README's command table), in-process.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './harness';

const SAMPLE = 'examples/county-fund/scenario.json';

describe('fundladder optimize', () => {
  it('--json: status, placements, the ledger’s interest as a decimal string, binding rules, how it was solved, and the stress results', async () => {
    const r = await runCli(['optimize', SAMPLE, '--json', '--confidence', '0', '--paths', '5']);
    expect(r.code).toBe(0);
    // The wire form of the application layer's result (packages/app: money as decimal strings to the fen, facts as data).
    const j = JSON.parse(r.out) as { status: string; interest: string; plan: { placements: Array<{ fundType?: string }> }; binding: Array<{ kind: string }>; optimality: { strategy: string; gap: number }; stress: { paths: number; payoutShortProbability: number; expectedInterest: string; p5Interest: string } };
    expect(j.status).toBe('optimal');
    expect(j.interest).toMatch(/^\d+\.\d{2}$/);
    expect(j.plan.placements.length).toBeGreaterThan(0);
    expect(j.plan.placements.every((p) => p.fundType)).toBe(true);
    expect(j.binding.length).toBeGreaterThan(0);
    expect(j.binding.every((b) => ['reserve', 'cap', 'moreCaps', 'nothingBinds', 'noDuals'].includes(b.kind))).toBe(true);
    expect(j.optimality.strategy).toBe('pooled+split');
    expect(j.stress.paths).toBe(5);
    expect(j.stress.payoutShortProbability).toBeGreaterThanOrEqual(0);
    expect(Number(j.stress.p5Interest)).toBeLessThanOrEqual(Number(j.stress.expectedInterest));
  }, 120_000);

  it('--placement-penalty-bp: a cost on every amount placed breaks near-ties toward fewer placements; the interest reported is still the ledger’s', async () => {
    const plain = JSON.parse((await runCli(['optimize', SAMPLE, '--json', '--confidence', '0', '--paths', '0'])).out) as { interest: string; plan: { placements: unknown[] } };
    const r = await runCli(['optimize', SAMPLE, '--json', '--confidence', '0', '--paths', '0', '--placement-penalty-bp', '5']);
    expect(r.code).toBe(0);
    const penalised = JSON.parse(r.out) as { status: string; interest: string; plan: { placements: unknown[] } };
    expect(penalised.status).toBe('optimal');
    // Measured 2026-11-23: 56 → 47 placements, 4,126.37万 → 4,119.60万.
    expect(penalised.plan.placements.length).toBeLessThan(plain.plan.placements.length);
    expect(Number(penalised.interest)).toBeLessThanOrEqual(Number(plain.interest));
    expect(Number(penalised.interest)).toBeGreaterThan(Number(plain.interest) * 0.99);
  }, 120_000);

  it('safe by default (policy.safety 0.99): fitted on planning paths, checked out of sample; the verdict comes first and names the structural gap', async () => {
    const json = await runCli(['optimize', SAMPLE, '--json', '--paths', '200', '--planning-paths', '400', '--seed', '7']);
    expect(json.code).toBe(0);
    const j = JSON.parse(json.out) as { status: string; interest: string; stress: Record<string, unknown>; safety: { confidence: number; planningPaths: number; costOfSafety: string; meanFlowPlan: { interest: string } } };
    expect(j.status).toBe('optimal');
    expect(j.stress).toMatchObject({ outOfSample: true, paths: 200 });
    for (const key of ['payoutShortProbability', 'payoutShortFirstQuarterProbability', 'shortProbability', 'structuralShortProbability', 'planCausedShortProbability', 'planCausedShortFirstQuarterProbability', 'distinctPaths']) expect(typeof j.stress[key]).toBe('number');
    expect(j.safety).toMatchObject({ confidence: 0.99, planningPaths: 400 });
    // The safe plan earns no more than the mean-flow plan, and the difference is what safety costs.
    expect(Number(j.interest)).toBeLessThanOrEqual(Number(j.safety.meanFlowPlan.interest));
    expect(Number(j.safety.costOfSafety)).toBeCloseTo(Number(j.safety.meanFlowPlan.interest) - Number(j.interest), 2);
    const text = await runCli(['optimize', SAMPLE, '--paths', '200', '--planning-paths', '400', '--seed', '7'], 'zh');
    expect(text.code).toBe(0);
    const first = text.out.split('\n')[0]!;
    expect(first).toMatch(/^[✔✖] 安全性（样本外 200 条预测情景/);
    expect(text.out).toContain('保障安全的代价');
    expect(text.out).toContain('按月预拨');
  }, 240_000);

  it('refuses a confidence outside [0, 1), and too few paths for the confidence, naming the flag and how many are needed', async () => {
    const out = await runCli(['optimize', SAMPLE, '--confidence', '1.5']);
    expect(out.code).toBe(2);
    expect(out.err).toContain('--confidence');
    const few = await runCli(['optimize', SAMPLE, '--confidence', '0.999', '--paths', '200', '--planning-paths', '200']);
    expect(few.code).toBe(2);
    expect(few.err).toContain('needs at least 2000');
    const zh = await runCli(['optimize', SAMPLE, '--confidence', '0.999', '--paths', '200', '--planning-paths', '200'], 'zh');
    expect(zh.err).toContain('核算情景 200 条太少：该置信度至少需要 2000 条');
  }, 120_000);

  it('refuses a quantile outside (0, 1) with a usage error naming the flag', async () => {
    const r = await runCli(['optimize', SAMPLE, '--reserve-quantile', '1.5']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--reserve-quantile');
  });
});

describe('fundladder compare', () => {
  it('--optimized --baselines: every plan on the same paths, risk rows first, and a plan that misses the confidence listed after the safe ones', async () => {
    const r = await runCli(['compare', SAMPLE, 'examples/county-fund/plan.json', '--optimized', '--baselines', '--paths', '200', '--planning-paths', '400', '--seed', '7'], 'zh');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    const plans = lines.filter((l) => /^ {2}\[\d\] [✔✖] /.test(l));
    expect(plans).toHaveLength(4);
    // Safe plans (✔) come before unsafe ones (✖), whatever they earn.
    const marks = plans.map((l) => (l.includes('✔') ? 1 : 0));
    expect([...marks].sort((a, b) => b - a)).toEqual(marks);
    const table = lines.findIndex((l) => l.startsWith('由计划造成支付缺口的概率'));
    expect(table).toBeGreaterThan(0);
    expect(lines.findIndex((l) => l.startsWith('规划期赚取利息'))).toBeGreaterThan(table);
    expect(r.out).toContain('其中头一个季度');
  }, 300_000);

  it('a scenario no plan can keep: the optimizer\'s sentence, then why under its own heading, and the fixes with the fund type by its name', async () => {
    // The sample with maternity paying 10亿 in 2026-03 and the fund types kept apart (packages/app optimize.test.ts).
    const sample = JSON.parse(readFileSync(join(ROOT, SAMPLE), 'utf8')) as { flows: { month: string; fundType: string; outflow: string }[]; policy: Record<string, unknown> };
    const flows = sample.flows.map((f) => (f.fundType === 'maternity' && f.month === '2026-03' ? { ...f, outflow: '1000000000.00' } : f));
    const file = join(mkdtempSync(join(tmpdir(), 'fl-optimize-')), 'maternity.json');
    writeFileSync(file, JSON.stringify({ ...sample, flows, policy: { ...sample.policy, keepFundTypesApart: true } }));
    const r = await runCli(['optimize', file, '--confidence', '0', '--paths', '0'], 'zh');
    expect(r.code).toBe(1);
    const lines = r.out.split('\n');
    const issue = lines.indexOf('  ✖ 没有任何计划能在此情景下满足全部规则 → 位置 scenario');
    expect(issue).toBeGreaterThan(0);
    expect(lines.indexOf('不可行的原因（弹性模型：允许规则被突破，求最小突破量）：')).toBeGreaterThan(issue);
    const fixes = lines.filter((l) => l.startsWith('  → '));
    expect(fixes).toEqual([
      expect.stringMatching(/^ {2}→ 可行的做法：2026-01 的流动性储备要求降低 [\d,.]+ 万元（生育保险基金），或另有同样多的流动资金$/),
      expect.stringMatching(/^ {2}→ 生育保险基金自身资金不足以支付：从 2026-01 起共差 [\d,.]+ 万元，/),
    ]);
    expect(r.out).not.toContain('maternity');
  }, 120_000);
});
