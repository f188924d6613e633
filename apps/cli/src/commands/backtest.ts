import { type BacktestOptions, type FlowTable, type ModelScore, type PathCalibration, defaultBacktestOptions, forecastFlows, pathCalibration } from '@fundladder/forecast';
import { type CliIo, type Command, EXIT_OK, EXIT_USAGE } from '../io';
import { PATHS_FLAG, SEED_FLAG, numberFlags, parseCommandArgs, refuseFlags } from '../args';
import { table } from '../format';
import { progressBar } from '../progress';
import { fundLabel, readFlowTable, reportIssues } from './forecast';

const HELP_ZH = `用法: fundladder backtest 情景.json|流量.csv [--horizon 12] [--windows 48] [--refit-every 12] [--json]
       fundladder backtest 情景.json|流量.csv --paths-calibration [--paths 1000] [--seed 1] [--origins 18] [--horizon 12] [--json]
滚动起点回测：每个基金类型的收入和支出、每个候选模型，列出 MAPE、相对季节朴素法的 MASE、80%/95% 区间覆盖率
（按预测步长 1、3、6、12），并标出自动选中的模型；最后给出选中模型的合并覆盖率。
--paths-calibration: 检验模拟路径。在最近若干个滚动起点，只用起点之前的历史重新预测并模拟路径，统计之后的实际值
落在路径中间 80%/95% 范围内的比例，按日历月份（1–12 月）和合计列出，收入、支出分开。`;
const HELP_EN = `Usage: fundladder backtest SCENARIO.json|FLOWS.csv [--horizon 12] [--windows 48] [--refit-every 12] [--json]
       fundladder backtest SCENARIO.json|FLOWS.csv --paths-calibration [--paths 1000] [--seed 1] [--origins 18] [--horizon 12] [--json]
Rolling-origin backtest: for each fund type's inflow and outflow and every candidate model, MAPE, MASE against
seasonal naive and the coverage of the 80%/95% bands per horizon (1, 3, 6, 12), with the automatic choice marked;
last, the chosen models' coverage pooled over every window.
--paths-calibration: checks the simulated paths. At each of the latest rolling origins the forecast is redone on the
history before it and paths are simulated; the share of later actuals inside the paths' central 80%/95% range is
printed per calendar month (Jan–Dec) and pooled, for inflows and outflows.`;

const pct = (v: number): string => (Number.isFinite(v) ? `${(100 * v).toFixed(0)}%` : '—');
const num = (v: number, places = 2): string => (Number.isFinite(v) ? v.toFixed(places) : v === Number.POSITIVE_INFINITY ? '∞' : '—');

/** `fundladder backtest FILE`: the backtest table per fund type, side and model. */
export const backtestCommand: Command = (args, io) => {
  const parsed = parseCommandArgs(
    io,
    'backtest',
    args,
    { horizon: { type: 'string' }, windows: { type: 'string' }, 'refit-every': { type: 'string' }, json: { type: 'boolean' }, 'paths-calibration': { type: 'boolean' }, paths: { type: 'string' }, seed: { type: 'string' }, origins: { type: 'string' } },
    { zh: HELP_ZH, en: HELP_EN },
    { min: 1, max: 1 },
  );
  if (!parsed.ok) return parsed.code;
  const { positionals, values } = parsed;
  const calibrate = values['paths-calibration'] === true;
  if (!calibrate && (values.paths !== undefined || values.seed !== undefined || values.origins !== undefined)) {
    io.err(io.lang === 'zh' ? 'fundladder backtest: --paths、--seed、--origins 只与 --paths-calibration 一起使用' : 'fundladder backtest: --paths, --seed and --origins go with --paths-calibration');
    return EXIT_USAGE;
  }
  // Windows and origins are bounded by 20 years of monthly history; horizons and refits by 10 years.
  const flags = numberFlags(values, {
    paths: { ...PATHS_FLAG, min: 1 },
    seed: SEED_FLAG,
    origins: { kind: 'int', min: 1, max: 240 },
    horizon: { kind: 'int', min: 1, max: 120 },
    windows: { kind: 'int', min: 1, max: 240 },
    'refit-every': { kind: 'int', min: 1, max: 120 },
  });
  if (!flags.ok) return refuseFlags(io, 'backtest', flags.issues);
  const f = flags.value;
  const pathCount = f.paths ?? 1000;
  const origins = f.origins ?? 0;
  const seed = f.seed ?? 1;
  const file = positionals[0]!;
  const flows = readFlowTable(io, file);
  if (!flows.ok) return reportIssues(io, file, flows.issues);
  const defaults = defaultBacktestOptions(flows.value.period);
  const options: BacktestOptions = { ...defaults, horizon: f.horizon ?? defaults.horizon, windows: f.windows ?? defaults.windows, refitEvery: f['refit-every'] ?? defaults.refitEvery };
  if (calibrate) return printPathCalibration(io, file, flows.value, { paths: pathCount, seed, options, ...(origins > 0 ? { origins } : {}), json: values.json === true });
  const monthly = flows.value.period > 1;
  const reportHorizons = (monthly ? [1, 3, 6, 12] : [1, 2, 3]).filter((h) => h <= options.horizon);
  const fc = forecastFlows(flows.value, { horizon: options.horizon, backtest: options, reportHorizons });
  // Coverage pooled over every scored window × horizon of every chosen model (not a mean of per-series shares).
  const pooled = { scored: 0, hits80: 0, hits95: 0 };
  for (const s of fc.series) {
    const counts = s.scores.find((c) => c.model === s.model)?.coverageCounts;
    if (!counts) continue;
    pooled.scored += counts.scored;
    pooled.hits80 += counts.hits80;
    pooled.hits95 += counts.hits95;
  }
  if (values.json) {
    io.out(JSON.stringify({ file, backtest: options, pooledCoverage: pooled, series: fc.series.map((s) => ({ fundType: s.fundType, side: s.side, chosen: s.model, scores: s.scores })) }, (_, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2));
    return EXIT_OK;
  }
  const zh = io.lang === 'zh';
  const unit = monthly ? (zh ? '月' : 'm') : zh ? '年' : 'y';
  io.out(
    zh
      ? `回测: ${fc.backtest.windows} 个以内的滚动起点，每次预测 ${options.horizon} 期，每 ${options.refitEvery} 个起点重估参数；MASE = 模型 MAE ÷ 季节朴素法 MAE（同起点同步长，<1 即优于基准）；覆盖率只用该起点之前已知的误差校准。`
      : `Backtest: up to ${fc.backtest.windows} rolling origins, ${options.horizon} periods ahead, parameters refitted every ${options.refitEvery} origins; MASE = model MAE ÷ seasonal-naive MAE at the same origins and horizons (< 1 beats the baseline); coverage calibrated only on errors known before each origin.`,
  );
  const header = [zh ? '模型' : 'model', 'MASE', zh ? '80%覆盖' : 'cov80', zh ? '95%覆盖' : 'cov95', ...reportHorizons.map((h) => `h=${h}${unit} MAPE/MASE/80/95`)];
  const chosenCoverage: number[] = [];
  for (const s of fc.series) {
    io.out(`\n${fundLabel(s.fundType, io.lang)} · ${s.side === 'inflow' ? (zh ? '收入' : 'inflow') : zh ? '支出' : 'outflow'}  → ${zh ? '选中' : 'chosen'}: ${s.model}`);
    const rows = s.scores.map((score: ModelScore) => [
      `${score.model}${score.model === s.model ? ' *' : ''}`,
      num(score.mase),
      pct(score.coverage80),
      pct(score.coverage95),
      ...reportHorizons.map((h) => {
        const byH = score.byHorizon.find((b) => b.horizon === h);
        return byH ? `${num(byH.mape, 1)}% ${num(byH.mase)} ${pct(byH.coverage80)} ${pct(byH.coverage95)}` : score.failure ? (zh ? '不可用' : 'n/a') : '—';
      }),
    ]);
    io.out(table([header, ...rows]));
    const chosen = s.scores.find((c) => c.model === s.model);
    if (chosen && Number.isFinite(chosen.coverage95)) chosenCoverage.push(chosen.coverage95);
    for (const failed of s.scores.filter((c) => c.failure)) io.out(`  ${failed.model}: ${failed.failure}`);
  }
  const chosenMase = fc.series.map((s) => s.scores.find((c) => c.model === s.model)?.mase ?? Number.NaN).filter(Number.isFinite);
  io.out(
    zh
      ? `\n汇总: ${fc.series.length} 个序列；选中模型 MASE 中位数 ${num(median(chosenMase))}（最差 ${num(Math.max(...chosenMase))}）；选中模型 95% 区间覆盖率 中位数 ${pct(median(chosenCoverage))}（最低 ${pct(Math.min(...chosenCoverage))}）`
      : `\nSummary: ${fc.series.length} series; chosen models' MASE median ${num(median(chosenMase))} (worst ${num(Math.max(...chosenMase))}); chosen models' 95% coverage median ${pct(median(chosenCoverage))} (lowest ${pct(Math.min(...chosenCoverage))})`,
  );
  const share = (hits: number): string => (pooled.scored ? pct(hits / pooled.scored) : '—');
  io.out(
    zh
      ? `合并覆盖率（全部选中模型的全部窗口×步长，共 ${pooled.scored} 个）: 95% 区间 ${share(pooled.hits95)}（${pooled.hits95}/${pooled.scored}），80% 区间 ${share(pooled.hits80)}（${pooled.hits80}/${pooled.scored}）`
      : `Pooled coverage (every window × horizon of every chosen model, ${pooled.scored} in all): 95% band ${share(pooled.hits95)} (${pooled.hits95}/${pooled.scored}), 80% band ${share(pooled.hits80)} (${pooled.hits80}/${pooled.scored})`,
  );
  return EXIT_OK;
};

/**
 * `--paths-calibration`: the out-of-sample coverage of the simulated paths' central 80% and 95% ranges per
 * calendar month and pooled (`pathCalibration`), as a table or JSON.
 */
function printPathCalibration(io: CliIo, file: string, flows: FlowTable, run: { paths: number; seed: number; options: BacktestOptions; origins?: number; json: boolean }): number {
  const zh = io.lang === 'zh';
  const levels = [80, 95];
  const result: PathCalibration = pathCalibration(flows, {
    paths: run.paths,
    seed: run.seed,
    levels,
    horizon: run.options.horizon,
    backtest: run.options,
    ...(run.origins !== undefined ? { origins: run.origins } : {}),
    progress: progressBar(io, zh ? '滚动起点' : 'origins'),
  });
  if (run.json) {
    io.out(JSON.stringify({ file, pathCalibration: result }, null, 2));
    return EXIT_OK;
  }
  const share = (cell: PathCalibration['pooled']['all'], level: number): string => (cell.scored ? pct(cell.hits[level]! / cell.scored) : '—');
  const first = result.origins[0] ?? '—';
  const last = result.origins.at(-1) ?? '—';
  io.out(
    zh
      ? `模拟路径校准: 在最近 ${result.origins.length} 个滚动起点（历史截至 ${first} … ${last}），各只用起点之前的历史重新预测（选模型、回测、路径模型）并模拟 ${result.paths} 条路径（seed ${result.seed}），统计之后 ${result.horizon} 期内的实际值落在路径中间 80% / 95% 范围内的比例。按实际值所在的日历月份列出；同一实际值会从多个起点被计入，各格并不独立，请看个数。`
      : `Path calibration: at each of the latest ${result.origins.length} rolling origins (history to ${first} … ${last}) the forecast is redone on the history before it (model choice, backtest, path model) and ${result.paths} paths are simulated (seed ${result.seed}); shown is the share of the actuals in the next ${result.horizon} periods that fall inside the paths' central 80% / 95% range, by the actual's calendar month. One actual is counted from several origins, so cells are not independent: read the counts.`,
  );
  const monthly = flows.period > 1;
  const header = zh ? ['月份', '收入 80%', '收入 95%', '收入 个数', '支出 80%', '支出 95%', '支出 个数'] : ['month', 'in 80%', 'in 95%', 'in n', 'out 80%', 'out 95%', 'out n'];
  const row = (label: string, inflow: PathCalibration['pooled']['all'], outflow: PathCalibration['pooled']['all']): string[] => [label, ...levels.map((l) => share(inflow, l)), String(inflow.scored), ...levels.map((l) => share(outflow, l)), String(outflow.scored)];
  const rows = result.byMonth.inflow.map((inflow, c) => row(monthly ? (zh ? `${c + 1}月` : MONTHS_EN[c]!) : zh ? '每年' : 'year', inflow, result.byMonth.outflow[c]!));
  rows.push(row(zh ? '合计' : 'pooled', result.pooled.inflow, result.pooled.outflow));
  io.out(table([header, ...rows]));
  io.out(
    zh
      ? `收支合计: 80% 范围 ${share(result.pooled.all, 80)}，95% 范围 ${share(result.pooled.all, 95)}（共 ${result.pooled.all.scored} 个）；各起点最少互不相同路径 ${result.minDistinctPaths} 条${result.skipped.length ? `；全为零、未计入: ${result.skipped.join(', ')}` : ''}`
      : `Both sides: 80% range ${share(result.pooled.all, 80)}, 95% range ${share(result.pooled.all, 95)} (${result.pooled.all.scored} in all); fewest distinct paths at any origin ${result.minDistinctPaths}${result.skipped.length ? `; all zero, not scored: ${result.skipped.join(', ')}` : ''}`,
  );
  return EXIT_OK;
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
