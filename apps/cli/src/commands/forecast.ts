import { type ForecastRequest, type ShockTexts, forecastResult, runForecast, shocksFromText } from '@fundladder/app';
import { type Command, EXIT_OK, EXIT_USAGE, outputPathIssue } from '../io';
import { PATHS_FLAG, SEED_FLAG, numberFlag, numberFlags, parseCommandArgs, refuseFlags } from '../args';
import { readHistory, reportIssues, stageBars } from '../historyInput';
import { forecastCsv, printForecast, printForecastNotes } from '../render/forecast';

const HELP_ZH = `用法: fundladder forecast 情景.json|流量.csv [--horizon 24] [--levels 80,95] [--paths 1000] [--seed 1] [--json|--csv]
  [--paths-out 文件] [--shock-payout-growth 0.05] [--shock-base-freeze 0.05] [--shock-outflow 基金:期间:金额] [--shock-rate-cut 基点:起始期间]
按基金类型预测每月（或每年）收入与支出：回测选出 MASE 最低的模型，区间来自回测误差，合计由联合情景得出。
CSV 列: period,fundType,inflow,outflow（period 为 YYYY-MM 或 YYYY，金额单位元），可另加队列列。`;
const HELP_EN = `Usage: fundladder forecast SCENARIO.json|FLOWS.csv [--horizon 24] [--levels 80,95] [--paths 1000] [--seed 1] [--json|--csv]
  [--paths-out FILE] [--shock-payout-growth 0.05] [--shock-base-freeze 0.05] [--shock-outflow FUND:PERIOD:AMOUNT] [--shock-rate-cut BP:FROM]
Forecasts each fund type's inflows and outflows: the model with the lowest backtest MASE, bands from its
backtest errors, totals from joint scenarios. CSV columns: period,fundType,inflow,outflow (+ optional cohort columns).`;

const FLAGS = {
  horizon: { type: 'string' }, levels: { type: 'string' }, paths: { type: 'string' }, seed: { type: 'string' }, json: { type: 'boolean' }, csv: { type: 'boolean' }, 'paths-out': { type: 'string' },
  'shock-payout-growth': { type: 'string' }, 'shock-base-freeze': { type: 'string' }, 'shock-outflow': { type: 'string' }, 'shock-rate-cut': { type: 'string' },
} as const;

/** The shock flags by the kind of shock they give. */
const SHOCK_FLAGS: Record<keyof ShockTexts, string> = { payoutGrowth: 'shock-payout-growth', contributionBaseFreeze: 'shock-base-freeze', oneOffOutflow: 'shock-outflow', rateCut: 'shock-rate-cut' };

const STAGES = { forecast: { zh: '回测与预测', en: 'backtest and forecast' }, paths: { zh: '模拟路径', en: 'simulating paths' } };

/**
 * `fundladder forecast FILE`: flags → the forecast request → the application layer → per fund type and period the
 * mean and bands of inflow, outflow and net (text in 万元, `--json`/`--csv` in yuan strings to the fen), optional seeded
 * paths with shocks (`--paths-out` writes them).
 */
export const forecastCommand: Command = async (args, io) => {
  const parsed = parseCommandArgs(io, 'forecast', args, FLAGS, { zh: HELP_ZH, en: HELP_EN }, { min: 1, max: 1 });
  if (!parsed.ok) return parsed.code;
  const { positionals, values } = parsed;
  if (values.json && values.csv) {
    io.err(io.lang === 'zh' ? 'fundladder forecast: --json 与 --csv 只能选一个' : 'fundladder forecast: choose --json or --csv, not both');
    return EXIT_USAGE;
  }
  // Horizons up to 240 periods (a scenario's longest horizon, 20 years of months).
  const flags = numberFlags(values, { paths: PATHS_FLAG, seed: SEED_FLAG, horizon: { kind: 'int', min: 1, max: 240 } });
  const levels = (values.levels ?? '50,80,95').split(',').map((text) => numberFlag('levels', text, { kind: 'number', min: 0, max: 100, minExclusive: true, maxExclusive: true }));
  const outIssue = values['paths-out'] !== undefined ? outputPathIssue('paths-out', values['paths-out']) : undefined;
  const shocks = shocksFromText({ payoutGrowth: values['shock-payout-growth'], contributionBaseFreeze: values['shock-base-freeze'], oneOffOutflow: values['shock-outflow'], rateCut: values['shock-rate-cut'] });
  const shockFlag = (path: readonly (string | number)[]) => `--${SHOCK_FLAGS[path[1] as keyof ShockTexts]}`;
  const shockIssues = shocks.ok ? [] : shocks.issues.map((i) => ({ ...i, path: [shockFlag(i.path)], message: `${shockFlag(i.path)} ${i.message}` }));
  const flagIssues = [...(flags.ok ? [] : flags.issues), ...levels.flatMap((l) => (l.ok ? [] : l.issues)), ...(outIssue ? [outIssue] : []), ...shockIssues];
  if (!flags.ok || !shocks.ok || flagIssues.length) return refuseFlags(io, 'forecast', flagIssues);
  const f = flags.value;
  const file = positionals[0]!;
  const history = readHistory(io, file);
  if (!history.ok) return reportIssues(io, file, history.issues);
  const paths = f.paths ?? 0;
  const request: ForecastRequest = {
    kind: 'forecast',
    history: history.value,
    options: {
      ...(f.horizon !== undefined ? { horizon: f.horizon } : {}),
      levels: levels.map((l) => (l.ok ? l.value! : Number.NaN)),
      paths,
      seed: f.seed ?? 1,
      shocks: shocks.value,
      returnPaths: paths > 0 && values['paths-out'] !== undefined,
    },
  };
  const r = await runForecast(request, { onProgress: stageBars(io, STAGES) });
  if (!r.ok) return reportIssues(io, file, r.issues);
  const result = r.value;
  printForecastNotes(io, result);
  const wire = forecastResult.encode(result);
  if (wire.paths && values['paths-out']) {
    const { seed, rateDeltaBp, distinct, simulated } = wire.paths;
    io.writeText(values['paths-out'], JSON.stringify({ seed, periods: wire.periods, rateDeltaBp, distinctPaths: distinct, paths: simulated }));
  }
  // --json: the result's wire form; the simulated paths themselves go to --paths-out, not stdout.
  if (values.json) io.out(JSON.stringify({ ...wire, ...(wire.paths ? { paths: { ...wire.paths, simulated: undefined } } : {}) }, null, 2));
  else if (values.csv) io.out(forecastCsv(result).join('\n'));
  else printForecast(io, result);
  return EXIT_OK;
};
