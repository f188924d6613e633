import { type OptimizeRequest, namesOf, optimizeResult, runOptimize } from '@fundladder/app';
import { type Command, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, outputPathIssue } from '../io';
import { CONFIDENCE_FLAG, PATHS_FLAG, SEED_FLAG, numberFlags, parseCommandArgs, refuseFlags } from '../args';
import { readJson } from '../readInput';
import { printIssue } from '../format';
import { progressBar } from '../progress';
import { printOptimize } from '../render/optimize';

const HELP_ZH = `用法: fundladder optimize 情景文件 [--confidence 0.99] [--paths 500] [--planning-paths 1000] [--seed 1] [--frontier]
  [--solver highs|jsls] [--horizon 36] [--reserve-quantile 0.95] [--reserve-months 3] [--rolling] [--rolling-paths 3]
  [--placement-penalty-bp 0] [--out 计划.json] [--json|--csv] [--explain]
求解多期线性规划：在流动性储备、各银行上限之内，并保证每个险种在预测情景上按时足额支付，安排定期、大额存单、通知存款
和国债，使规划期利息最多；所得计划再由精确账本逐月核算和检查（违规即报错，不输出计划）。
首先打印安全结论：在另外独立抽取的 --paths 条情景（样本外，--seed）上，某险种某日无法支付的概率（整个规划期、头一个
季度），其中由计划造成的部分、结构性缺口（即使一分钱不存放也会发生，需调剂金或财政补助），以及与只按平均流量的计划
相比少得的利息。
--confidence c：在 c 比例的预测情景上由计划造成的支付缺口为零（默认取情景的 policy.safety.confidence，0.99；0 表示只按
平均流量制定，旧做法）。计划只按 --planning-paths 条情景（另一个种子）制定，从不在同一批情景上核算。
--frontier：置信度—利息前沿（0、90%、95%、99%、99.5%），同一批情景。
--explain 说明哪些规则约束了结果及其代价。不可行时说明哪个月、短缺多少、哪条规则约束。
--reserve-quantile q：储备另取预测情景中未来 k 个月（--reserve-months，默认 3）净支出的 q 分位数（取两者较大）。
--rolling：按季滚动：在前 K 条样本外情景（--rolling-paths）上，每季初用已实现的数据重新预测、按同一置信度重新规划，只
执行本季度的存放；报告滚动策略与一次性计划的支付缺口概率、利息均值与 5% 分位数。
--placement-penalty-bp x：每笔存放金额计 x 个基点的成本（只在目标中），两个差不多的计划中选资金调动少的那个。`;
const HELP_EN = `Usage: fundladder optimize SCENARIO [--confidence 0.99] [--paths 500] [--planning-paths 1000] [--seed 1] [--frontier]
  [--solver highs|jsls] [--horizon 36] [--reserve-quantile 0.95] [--reserve-months 3] [--rolling] [--rolling-paths 3]
  [--placement-penalty-bp 0] [--out PLAN.json] [--json|--csv] [--explain]
Solves the multi-period LP (time deposits, large CDs, call deposits, bonds across banks, within the reserve, every
bank cap, and so that every fund type pays every payout on its day on the forecast's paths) for the most interest over
the horizon, then prices and checks the plan with the exact ledger (a broken rule is an error, never a plan).
First comes the verdict: on --paths other, independently drawn forecast paths (out of sample, --seed), the probability
that some fund type cannot pay on the day (whole horizon, first quarter), the part the plan causes, the structural
gaps (even with nothing placed: a transfer or subsidy is needed), and the interest safety costs against the
mean-flow plan.
--confidence c: no payout gap caused by the plan on a share c of the forecast paths (default: the scenario's
policy.safety.confidence, 0.99; 0 = plan on the mean flows alone, the old behaviour). The plan is fitted to
--planning-paths paths drawn from another seed and never checked on them.
--frontier: the confidence–interest frontier (0, 90%, 95%, 99%, 99.5%) on the same paths.
--explain tells which rules bind and what they cost. An infeasible scenario is explained: which month, how much short,
which rule binds.
--reserve-quantile q: the reserve is also at least the q-quantile of the next k months' net outflow on the forecast's
paths (--reserve-months k, default 3), whichever is larger.
--rolling: quarterly re-planning on the first K out-of-sample paths (--rolling-paths): at each quarter's start the flows
are re-forecast from what has happened and the fund re-planned at the same confidence; only the quarter's placements
are made. Reports the probability of a payout gap and the mean and 5th-percentile interest, rolling vs one-off.
--placement-penalty-bp x: a cost of x basis points of every amount placed (in the objective only), so that of two
nearly equal plans the one that moves less money wins.`;

const FLAGS = { solver: { type: 'string' }, horizon: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' }, csv: { type: 'boolean' }, explain: { type: 'boolean' }, 'reserve-quantile': { type: 'string' }, 'reserve-months': { type: 'string' }, paths: { type: 'string' }, seed: { type: 'string' }, rolling: { type: 'boolean' }, 'rolling-paths': { type: 'string' }, 'placement-penalty-bp': { type: 'string' }, confidence: { type: 'string' }, 'planning-paths': { type: 'string' }, frontier: { type: 'boolean' } } as const;

const STAGE_NAMES: Record<string, { zh: string; en: string }> = {
  paths: { zh: '抽取预测情景', en: 'drawing paths' },
  nothingPlaced: { zh: '样本外核算（不存放）', en: 'check (nothing placed)' },
  check: { zh: '样本外核算', en: 'out-of-sample check' },
  meanCheck: { zh: '平均流量计划核算', en: 'mean-flow plan check' },
  frontier: { zh: '置信度—利息前沿', en: 'frontier' },
  rolling: { zh: '按季滚动重排', en: 'rolling re-plans' },
};

/** `fundladder optimize SCENARIO`: flags → the optimize request → the application layer → the verdict, plan and risk. */
export const optimizeCommand: Command = async (args, io) => {
  const parsed = parseCommandArgs(io, 'optimize', args, FLAGS, { zh: HELP_ZH, en: HELP_EN }, { min: 1, max: 1 });
  if (!parsed.ok) return parsed.code;
  const { positionals, values } = parsed;
  const solver = values.solver ?? 'highs';
  if (solver !== 'highs' && solver !== 'jsls') {
    io.err('fundladder optimize: --solver is highs or jsls');
    return EXIT_USAGE;
  }
  const flags = numberFlags(values, {
    paths: PATHS_FLAG,
    'planning-paths': PATHS_FLAG,
    seed: SEED_FLAG,
    horizon: { kind: 'int', min: 1, max: 1200 },
    'reserve-months': { kind: 'int', min: 1, max: 36 },
    'rolling-paths': { kind: 'int', min: 1, max: 1000 },
    'placement-penalty-bp': { kind: 'number', min: 0, max: 100 },
    'reserve-quantile': { kind: 'number', min: 0, max: 1, minExclusive: true, maxExclusive: true },
    confidence: CONFIDENCE_FLAG,
  });
  const outIssue = values.out !== undefined ? outputPathIssue('out', values.out) : undefined;
  if (!flags.ok || outIssue) return refuseFlags(io, 'optimize', [...(flags.ok ? [] : flags.issues), ...(outIssue ? [outIssue] : [])]);
  const scenario = readJson(io, positionals[0]!);
  if (!scenario.ok) {
    for (const i of scenario.issues) io.err(printIssue(i, io));
    return EXIT_PROBLEMS;
  }
  const f = flags.value;
  const request: OptimizeRequest = {
    kind: 'optimize',
    scenario: scenario.value,
    options: {
      solver,
      ...(f.horizon !== undefined ? { horizonMonths: f.horizon } : {}),
      ...(f.confidence !== undefined ? { confidence: f.confidence } : {}),
      ...(f.paths !== undefined ? { paths: f.paths } : {}),
      ...(f['planning-paths'] !== undefined ? { planningPaths: f['planning-paths'] } : {}),
      ...(f.seed !== undefined ? { seed: f.seed } : {}),
      ...(f['reserve-quantile'] !== undefined ? { reserveQuantile: f['reserve-quantile'] } : {}),
      ...(f['reserve-months'] !== undefined ? { reserveMonths: f['reserve-months'] } : {}),
      ...(values.rolling ? { rolling: { paths: f['rolling-paths'] ?? 3 } } : {}),
      frontier: values.frontier === true,
      placementPenaltyBp: f['placement-penalty-bp'] ?? 0,
    },
  };
  const bars = new Map<string, (done: number, total: number) => void>();
  const r = await runOptimize(request, {
    onProgress: ({ stage, done, total }) => {
      if (!bars.has(stage)) bars.set(stage, progressBar(io, STAGE_NAMES[stage]?.[io.lang] ?? stage));
      bars.get(stage)!(done, total);
    },
  });
  if (!r.ok) {
    for (const i of r.issues) io.err(printIssue(i, io, namesOf(scenario.value, io.lang)));
    // A request the options make impossible (too few paths, a horizon too long) is a usage error; bad input is not.
    return r.issues.some((i) => i.path[0] === 'paths' || i.path[0] === 'planningPaths' || i.path[0] === 'options' || i.path[0] === 'request' || (i.path[0] === 'policy' && i.path[1] === 'safety')) ? EXIT_USAGE : EXIT_PROBLEMS;
  }
  const result = r.value;
  if (result.plan && values.out) io.writeText(values.out, `${JSON.stringify({ schemaVersion: 1, ...result.plan }, null, 2)}\n`);
  if (values.json) io.out(JSON.stringify(optimizeResult.encode(result), null, 2));
  else if (values.csv && result.plan) {
    io.out('month,product,termMonths,bankId,fundType,amount,annualRate');
    for (const p of result.plan.placements) io.out([p.month, p.product, p.termMonths, p.bankId ?? '', p.fundType ?? '', p.amount, p.annualRate ?? ''].join(','));
  } else printOptimize(io, result, values.explain === true, namesOf(scenario.value, io.lang));
  return result.status === 'optimal' ? EXIT_OK : EXIT_PROBLEMS;
};
