import type { DomainIssue } from '@fundladder/core';
import { Decimal, TENDER_CRITERIA, wanToYuan } from '@fundladder/core';
import { CRITERION_NAMES, type TenderRequest, type TenderResult, limitRuleText, namesOf, execute, suspensionReasonText, tenderResult } from '@fundladder/app';
import { type CliIo, type Command, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE } from '../io';
import { CONFIDENCE_FLAG, PATHS_FLAG, SEED_FLAG, numberFlags, parseCommandArgs, refuseFlags } from '../args';
import { readJson } from '../readInput';
import { pct, printIssue, table, wan } from '../format';
import { progressBar } from '../progress';
import { printCompare } from '../render/compare';

const HELP_ZH = `用法: fundladder tender 情景 [--total 万元] [--confidence 0.99] [--paths 200] [--planning-paths 1000] [--seed 1]
      [--solver highs|jsls] [--json]
招标评分与分配（深圳办法 [004]，docs/tender.md）：按情景中 tender 部分的权重给各行投标评分（经营状况权重不低于 40%，
服务、抵押担保、地方贡献、报价利率），列出暂停新增存款的银行及原因（监管评级四项中任一项 4 级及以下、人民银行评级
C 级及以下、报价低于起存利率、情景中已暂停），再把当期总额按得分分给其余银行，并守住上限 A、B、C（按比例分配，
超出上限的部分按得分转给其他银行，精确到分，总额不变）。
总额：--total（万元），否则取情景的 tender.totalAmount，否则取优化器计划当月新增的定期存款与大额存单。
比较：招标计划 = 优化器计划中当月新增定期换成招标分配；两份计划用同一精确账本核算，并放到同一批预测情景上
（--paths，--seed），比较利息与由计划造成支付缺口的概率。--json 输出结果（金额为精确到分的元）。`;
const HELP_EN = `Usage: fundladder tender SCENARIO [--total 万元] [--confidence 0.99] [--paths 200] [--planning-paths 1000] [--seed 1]
       [--solver highs|jsls] [--json]
Tender scoring and allocation (Shenzhen rules [004], docs/tender.md): scores each bid by the weights of the scenario's
tender section (business condition at least 40%, service, collateral, local contribution, quoted rate), lists the
banks suspended and why (a regulatory rating at level 4 or worse on any of four indicators, a PBOC rating of C or
worse, a quote below the floor, suspended in the scenario), then splits the period's total among the others by score
within caps A, B and C (in proportion; what a cap stops goes to the others by score; to the fen, the total kept).
Total: --total (万元), else the scenario's tender.totalAmount, else the optimizer's new time deposits and CDs that month.
Comparison: the tender plan is the optimizer's plan with that month's new time deposits replaced by the tender's split;
both are priced by the same exact ledger and run on the same forecast paths (--paths, --seed): interest and the
probability of a payout gap the plan causes. --json prints the result (money as yuan to the fen).`;

const FLAGS = { total: { type: 'string' }, confidence: { type: 'string' }, paths: { type: 'string' }, 'planning-paths': { type: 'string' }, seed: { type: 'string' }, solver: { type: 'string' }, json: { type: 'boolean' } } as const;
const STAGES: Record<string, { zh: string; en: string }> = { paths: { zh: '抽取预测情景', en: 'drawing paths' }, optimize: { zh: '优化', en: 'optimizing' }, nothingPlaced: { zh: '核算（不存放）', en: 'check (nothing placed)' }, check: { zh: '同一批情景核算', en: 'same paths' } };
/** 万元 to the fen: at most six decimal places. */
const WAN_TEXT = /^\d+(\.\d{1,6})?$/;

function printTender(io: CliIo, r: TenderResult, scenarioJson: unknown): void {
  const zh = io.lang === 'zh';
  const names = namesOf(scenarioJson, io.lang);
  const bank = (id: string) => names.bank(id);
  const product = names.product(r.product);
  io.out(zh ? `招标分配：${r.scenario.name}` : `Tender allocation: ${r.scenario.name}`);
  io.out(zh ? `${r.month} ${product} ${r.termMonths} 个月${r.source ? `；依据：${r.source}` : ''}` : `${r.month} ${product}, ${r.termMonths} months${r.source ? `; rule: ${r.source}` : ''}`);
  const weights = TENDER_CRITERIA.map((c) => `${CRITERION_NAMES[c]![io.lang]} ${pct(r.weights[c]!, 0)}`).join(' · ');
  const method = r.rateScore === 'relativeToBest' ? (zh ? '报价 ÷ 最高报价 × 100' : 'quote ÷ best quote × 100') : (zh ? '(报价 − 起存利率) ÷ (最高报价 − 起存利率) × 100' : '(quote − floor) ÷ (best − floor) × 100');
  io.out(zh ? `权重：${weights}；报价得分 = ${method}；起存利率 ${r.floor ? pct(r.floor) : '无'}` : `Weights: ${weights}; quote mark = ${method}; floor ${r.floor ? pct(r.floor) : 'none'}`);

  const taking = r.bids.filter((b) => !b.suspended);
  io.out('');
  io.out(zh ? '评分（满分 100）' : 'Scores (out of 100)');
  io.out(table([
    [zh ? '银行' : 'bank', zh ? '报价' : 'quote', ...TENDER_CRITERIA.map((c) => CRITERION_NAMES[c]![io.lang]), zh ? '总分' : 'score'],
    ...taking.map((b) => [bank(b.bankId), `${b.quotedRate ? pct(b.quotedRate) : '—'}${b.quoteSource === 'bid' ? (zh ? '（投标）' : ' (bid)') : ''}`, ...TENDER_CRITERIA.map((c) => b.marks?.[c]?.toFixed(2) ?? '—'), b.score ? b.score.toFixed(3, Decimal.ROUND_HALF_UP) : '—']),
  ]));
  const suspended = r.bids.filter((b) => b.suspended);
  io.out('');
  io.out(zh ? `暂停新增存款（${suspended.length} 家）` : `Suspended: no new money (${suspended.length})`);
  if (!suspended.length) io.out(zh ? '  无' : '  none');
  for (const b of suspended) io.out(`  ${bank(b.bankId)}${zh ? '：' : ': '}${b.reasons.map((x) => suspensionReasonText(x, io.lang)).join(zh ? '；' : '; ')}`);
  if (r.noBid.length) io.out(zh ? `未投标：${r.noBid.map(bank).join('、')}` : `No bid: ${r.noBid.map(bank).join(', ')}`);

  const from = { request: zh ? '--total' : '--total', scenario: zh ? '情景 tender.totalAmount' : 'the scenario’s tender.totalAmount', optimizer: zh ? '优化器计划当月新增定期' : 'the optimizer’s new time deposits that month' }[r.total.askedFrom];
  io.out('');
  io.out(zh
    ? `分配（总额 ${wan(r.total.asked)} 万元，取自${from}；已分配 ${wan(r.total.placed)} 万元${r.total.unplaced.gt(0) ? `，上限之下无法分配 ${wan(r.total.unplaced)} 万元` : ''}）`
    : `Allocation (total ${wan(r.total.asked)}万 from ${from}; placed ${wan(r.total.placed)}万${r.total.unplaced.gt(0) ? `; ${wan(r.total.unplaced)}万 no bank can take within the caps` : ''})`);
  const reserveCeiling = r.total.withinReserve;
  if (r.total.asked.gt(reserveCeiling.amount)) {
    const whose = reserveCeiling.fundType ? (zh ? `${names.fundType(reserveCeiling.fundType)}自有资金` : `the ${names.fundType(reserveCeiling.fundType)} fund's own money`) : zh ? '储备' : 'the reserve';
    io.out(zh
      ? `⚠ 锁定 ${r.termMonths} 个月时，至多 ${wan(reserveCeiling.amount)} 万元可使${whose}在存期各月末仍足额（${reserveCeiling.month} 月末约束）；本次总额超出 ${wan(r.total.asked.minus(reserveCeiling.amount))} 万元，代价见下方支付缺口概率`
      : `⚠ Locked up for ${r.termMonths} months, at most ${wan(reserveCeiling.amount)}万 leaves ${whose} whole at every month end of the term (binding at the end of ${reserveCeiling.month}); this total is ${wan(r.total.asked.minus(reserveCeiling.amount))}万 above it: its price is the payout-gap rows below`);
  }
  io.out(table([
    [zh ? '银行' : 'bank', zh ? '总分' : 'score', zh ? '分配（万元）' : 'amount (万)', zh ? '占比' : 'share', zh ? '上限（万元）' : 'limit (万)', zh ? '约束' : 'cap', zh ? '优化器当月（万元）' : 'optimizer (万)'],
    ...r.bids.map((b) => [
      bank(b.bankId),
      b.score ? b.score.toFixed(3, Decimal.ROUND_HALF_UP) : zh ? '暂停' : 'suspended',
      wan(b.amount),
      b.suspended ? '—' : pct(b.share),
      b.limit ? wan(b.limit) : '—',
      b.limitRule ? `${limitRuleText(b.limitRule, io.lang)}${b.limitMonth ? ` ${b.limitMonth}` : ''}${b.capped ? (zh ? ' ✔已达上限' : ' ✔ at the cap') : ''}` : '—',
      wan(b.optimizerAmount),
    ]),
  ]));
  io.out('');
  io.out(zh ? '与优化器计划比较' : 'Against the optimizer’s plan');
  printCompare(io, r.comparison, [], [scenarioJson]);
  if (r.interestDifference) {
    // Risk before reward: the payout-gap probabilities the two plans cause on the same paths, then the interest.
    const risk = (name: string) => r.comparison.columns.find((c) => c.plan === name)?.stress?.planCausedShortProbability;
    const [tenderRisk, optimizerRisk] = [risk(r.plans.tender), risk(r.plans.optimizer)];
    const p = (x: number) => `${(x * 100).toFixed(1)}%`;
    const riskText = tenderRisk !== undefined && optimizerRisk !== undefined ? (zh ? `由计划造成支付缺口的概率：招标计划 ${p(tenderRisk)}，优化器计划 ${p(optimizerRisk)}；` : `Probability of a payout gap the plan causes: tender plan ${p(tenderRisk)}, optimizer's plan ${p(optimizerRisk)}; `) : '';
    io.out(zh ? `${riskText}招标计划比优化器计划${r.interestDifference.gte(0) ? '多' : '少'}赚利息 ${wan(r.interestDifference.abs())} 万元（账本，情景自身现金流）` : `${riskText}${riskText ? 'it' : 'The tender plan'} earns ${wan(r.interestDifference.abs())}万 ${r.interestDifference.gte(0) ? 'more' : 'less'} than the optimizer's plan (ledger, the scenario's own flows)`);
  }
}

/** `fundladder tender`: the scenario → the tender job → scores, suspensions, the allocation and the comparison (or --json). */
export const tenderCommand: Command = async (args, io) => {
  const parsed = parseCommandArgs(io, 'tender', args, FLAGS, { zh: HELP_ZH, en: HELP_EN }, { min: 1, max: 1 });
  if (!parsed.ok) return parsed.code;
  const { positionals, values } = parsed;
  const zh = io.lang === 'zh';
  const flags = numberFlags(values, { paths: PATHS_FLAG, 'planning-paths': PATHS_FLAG, seed: SEED_FLAG, confidence: CONFIDENCE_FLAG });
  if (!flags.ok) return refuseFlags(io, 'tender', flags.issues);
  const usage = (zhText: string, enText: string) => (io.err(`fundladder tender: ${zh ? zhText : enText}`), EXIT_USAGE);
  if (values.solver !== undefined && values.solver !== 'highs' && values.solver !== 'jsls') return usage('--solver 为 highs 或 jsls', '--solver is highs or jsls');
  if (values.total !== undefined && !WAN_TEXT.test(values.total)) return usage(`--total 为万元金额（普通小数，最多 6 位小数即到分），收到 ${values.total}`, `--total is an amount in 万元 (a plain decimal, at most 6 places: to the fen); received ${values.total}`);
  const file = positionals[0]!;
  const doc = readJson(io, file);
  if (!doc.ok) {
    for (const i of doc.issues) io.err(`${file}: ${printIssue(i, io)}`);
    return EXIT_PROBLEMS;
  }
  const f = flags.value;
  const request: TenderRequest = {
    kind: 'tender',
    scenario: doc.value,
    options: {
      solver: values.solver === 'jsls' ? 'jsls' : 'highs',
      seed: f.seed ?? 1,
      ...(values.total !== undefined ? { totalAmount: wanToYuan(new Decimal(values.total)).toFixed(2) } : {}),
      ...(f.confidence !== undefined ? { confidence: f.confidence } : {}),
      ...(f.paths !== undefined ? { paths: f.paths } : {}),
      ...(f['planning-paths'] !== undefined ? { planningPaths: f['planning-paths'] } : {}),
    },
  };
  const bars = new Map<string, (done: number, total: number) => void>();
  const r = await execute(request, { onProgress: ({ stage, done, total }) => (bars.get(stage) ?? bars.set(stage, progressBar(io, STAGES[stage]?.[io.lang] ?? stage)).get(stage)!)(done, total) });
  if (!r.ok) {
    const names = namesOf(doc.value, io.lang);
    const strip = (i: DomainIssue): DomainIssue => (i.path[0] === 'scenario' ? { ...i, path: i.path.slice(1) } : i);
    for (const i of r.issues) io.err(`${file}: ${printIssue(strip(i), io, names)}`);
    return r.issues.some((i) => i.path[0] === 'options' || i.rule === 'pathsForConfidence') ? EXIT_USAGE : EXIT_PROBLEMS;
  }
  if (r.value.kind !== 'tender') throw new Error(`execute answered a ${r.value.kind} result to a tender request`);
  if (values.json) io.out(JSON.stringify(tenderResult.encode(r.value), null, 2));
  else printTender(io, r.value, doc.value);
  return EXIT_OK;
};
