// `fundladder tender` through the CLI, in-process, on examples/tender/scenario.json (the county sample with a tender
// section; docs/tender.md §5). Scores and the split are worked by hand below; the comparison is the compare job's.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './harness';

const SAMPLE = 'examples/tender/scenario.json';
const dir = mkdtempSync(join(tmpdir(), 'fundladder-tender-'));
const sample = JSON.parse(readFileSync(join(ROOT, SAMPLE), 'utf8')) as { tender: { weights: Record<string, string> } };
function write(name: string, json: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(json, null, 2));
  return path;
}
// Fewer paths than the default keep the test short: confidence 0.9 needs 20 check paths (2/(1 − c)).
const FAST = ['--confidence', '0.9', '--paths', '30', '--planning-paths', '60'];

type Bid = { bankId: string; score?: string; marks?: Record<string, string>; suspended: boolean; reasons: Array<{ rule: string }>; amount: string; limit?: string; capped: boolean };
type Out = { total: { asked: string; askedFrom: string; placed: string; unplaced: string }; bids: Bid[]; placements: Array<{ bankId: string; amount: string }>; comparison: { columns: Array<{ plan: string; stress?: { planCausedShortProbability?: number }; ledger?: { interest: string; ruleBreaks: Record<string, number> } }> }; interestDifference?: string; plans: { optimizer: string; tender: string } };

describe('fundladder tender examples/tender/scenario.json', () => {
  it('--total 3000 --json: scores, the suspended bank, and the split by score to the fen, worked by hand', async () => {
    const r = await runCli(['tender', SAMPLE, '--total', '3000', '--json', ...FAST]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as Out;
    // Quote marks = 100 × quote / best (city 1.25%): icbc, ccb 0.95% → 76; psbc bid 1.05% → 84; cib, citic 1.10% → 88; city 100.
    // Scores = 0.40 b + 0.15 s + 0.10 c + 0.15 l + 0.20 q:
    //   icbc  38   + 12.75 + 9   + 12   + 15.2 = 86.95     ccb   37.2 + 12.75 + 8.5 + 11.7 + 15.2 = 85.35
    //   psbc  35.2 + 12    + 7.5 + 10.5 + 16.8 = 82        cib   32.8 + 11.7  + 7   + 11.25 + 17.6 = 80.35
    //   citic 32   + 11.25 + 7   + 10.8 + 17.6 = 78.65     city  28.8 + 13.2  + 6.5 + 13.8 + 20   = 82.3
    expect(j.bids.map((b) => [b.bankId, b.marks?.quotedRate, b.score])).toEqual([
      ['icbc', '76', '86.95'], ['ccb', '76', '85.35'], ['psbc', '84', '82'], ['cib', '88', '80.35'], ['citic', '88', '78.65'], ['city', '100', '82.3'], ['rural', undefined, undefined],
    ]);
    // rural: asset quality at level 4, PBOC C, and the scenario's own suspension.
    expect(j.bids[6]!.reasons.map((x) => x.rule)).toEqual(['tenderRegulatoryRating', 'tenderPbocRating', 'suspendedBankNoNewMoney']);
    // 3,000万 = 30,000,000.00 by score (Σ = 495.6); no cap binds (the largest share, icbc's 526万, is below cap A's 750万
    // and cap C's room). Exact shares, floored to the fen, 2 leftover fen to the largest remainders (psbc .74, citic .38):
    //   icbc 5,263,317.1913 → .19   ccb 5,166,464.8910 → .89   psbc 4,963,680.3874 → .38 + .01
    //   cib  4,863,801.4528 → .45   citic 4,760,895.8838 → .88 + .01   city 4,981,840.1937 → .19
    expect(j.total).toEqual({ asked: '30000000.00', askedFrom: 'request', placed: '30000000.00', unplaced: '0.00', optimizerTranche: expect.stringMatching(/^\d+\.\d{2}$/), withinReserve: { amount: expect.stringMatching(/^\d+\.\d{2}$/), month: expect.stringMatching(/^2026-\d{2}$/) } });
    expect(Object.fromEntries(j.bids.map((b) => [b.bankId, b.amount]))).toEqual({ icbc: '5263317.19', ccb: '5166464.89', psbc: '4963680.39', cib: '4863801.45', citic: '4760895.89', city: '4981840.19', rural: '0.00' });
    expect(j.bids.filter((b) => b.capped)).toEqual([]);
    for (const b of j.bids.filter((x) => !x.suspended)) expect(Number(b.amount)).toBeLessThanOrEqual(Number(b.limit));
    // The placements (split among fund types) add up to each bank's amount; none at the suspended bank.
    const byBank = new Map<string, number>();
    for (const p of j.placements) byBank.set(p.bankId, (byBank.get(p.bankId) ?? 0) + Math.round(Number(p.amount) * 100));
    expect(byBank.has('rural')).toBe(false);
    expect(Object.fromEntries(byBank)).toEqual(Object.fromEntries(j.bids.filter((b) => b.amount !== '0.00').map((b) => [b.bankId, Math.round(Number(b.amount) * 100)])));
    // Both plans priced by the same ledger, on the same paths; the tender plan breaks no rule; the difference is the ledger's.
    const [a, b] = [j.plans.optimizer, j.plans.tender].map((name) => j.comparison.columns.find((c) => c.plan === name)!);
    // The optimizer's plan breaks nothing; the tender plan keeps every cap and places nothing at a suspended bank. A total
    // above the optimizer's tranche can overdraw a fund type's cash or the reserve, and the ledger says so.
    expect(a!.ledger!.ruleBreaks).toEqual({});
    for (const rule of ['trancheShareCap', 'bankLocalDepositCap', 'fundTimeDepositShareCap', 'minimumBankCount', 'suspendedBankNoNewMoney', 'timeDepositMinimum']) expect(b!.ledger!.ruleBreaks[rule], rule).toBeUndefined();
    expect(typeof b!.stress!.planCausedShortProbability).toBe('number');
    expect(Number(j.interestDifference)).toBeCloseTo(Number(b!.ledger!.interest) - Number(a!.ledger!.interest), 2);
  }, 120_000);

  it('in Chinese: scores, the suspended bank with its reasons, the allocation with the binding cap, the comparison; banks by name', async () => {
    const r = await runCli(['tender', SAMPLE, ...FAST], 'zh');
    expect(r.code).toBe(0);
    expect(r.out).toContain('权重：经营状况 40% · 服务 15% · 抵押担保 10% · 地方贡献 15% · 报价利率 20%');
    expect(r.out).toMatch(/中国工商银行示例县支行 +0\.95% +95\.00 +85\.00 +90\.00 +80\.00 +76\.00 +86\.950/);
    expect(r.out).toContain('暂停新增存款（1 家）');
    expect(r.out).toContain('示例县农村商业银行：监管评级资产质量 4 级（4 级及以下暂停）；人民银行评级 C 级（C 级及以下暂停）；情景中已暂停新增存款');
    expect(r.out).toMatch(/分配（总额 [\d,.]+ 万元，取自优化器计划当月新增定期；已分配 [\d,.]+ 万元）/);
    expect(r.out).toContain('由计划造成支付缺口的概率');
    // Risk before reward in the closing sentence: both plans' payout-gap probabilities, then the interest.
    expect(r.out).toMatch(/由计划造成支付缺口的概率：招标计划 [\d.]+%，优化器计划 [\d.]+%；招标计划比优化器计划(多|少)赚利息 [\d,.]+ 万元/);
    expect(r.out).not.toMatch(/\b(icbc|rural|tenderRegulatoryRating)\b/);
  }, 120_000);

  it('weights that add up to 0.9 and a business weight of 0.3: each problem by path, rule and value, exit 1', async () => {
    const bad = structuredClone(sample);
    bad.tender.weights = { ...bad.tender.weights, businessCondition: '0.30' };
    const r = await runCli(['tender', write('weights.json', bad)], 'zh');
    expect(r.code).toBe(1);
    expect(r.err).toContain('招标评分权重之和为 0.9，应恰好为 1（按小数精确相加） → 位置 tender.weights');
    expect(r.err).toContain('经营状况的权重为 0.3，深圳办法要求不低于 0.4（40%） → 位置 tender.weights.businessCondition');
  });

  it('a scenario without a tender section, and --total that is not 万元 to the fen', async () => {
    const none = await runCli(['tender', 'examples/county-fund/scenario.json', ...FAST], 'en');
    expect(none.code).toBe(1);
    expect(none.err).toContain('the scenario has no tender section');
    const total = await runCli(['tender', SAMPLE, '--total', '12.3456789'], 'en');
    expect(total.code).toBe(2);
    expect(total.err).toContain('--total is an amount in 万元');
  });

  it('a --total above the liquid money of the tranche’s life: refused with the most there is, not allocated into an overdraft', async () => {
    // 90亿 on a county fund of about 5亿 liquid: before the rule the tender plan overdrew the fund on 52 days and "earned"
    // 6,909万 more than the optimizer's plan.
    const r = await runCli(['tender', SAMPLE, '--total', '900000', ...FAST], 'zh');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/招标总额 900,000\.00 万元 锁定整个存期，超过了基金在 \d{4}-\d{2} 月末的全部流动资金：至多只有 [\d,.]+ 万元 可存放（其余月份按优化器计划） → 位置 options\.totalAmount/);
    expect(r.out).toBe('');
  }, 120_000);

  it('a --total above what leaves the reserve whole: allocated, with a warning line before the table and the price in the gap rows', async () => {
    const j = JSON.parse((await runCli(['tender', SAMPLE, '--json', ...FAST])).out) as Out & { total: { withinReserve: { amount: string; month: string } } };
    const above = (Number(j.total.withinReserve.amount) / 10_000 + 100).toFixed(2);
    const r = await runCli(['tender', SAMPLE, '--total', above, ...FAST], 'zh');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(new RegExp(`⚠ 锁定 12 个月时，至多 [\\d,.]+ 万元可使储备在存期各月末仍足额（${j.total.withinReserve.month} 月末约束）；本次总额超出 100\\.00 万元`));
  }, 120_000);
});

