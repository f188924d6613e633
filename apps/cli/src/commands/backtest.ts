import { type BacktestRequest, backtestResult, runBacktest } from '@fundladder/app';
import { type Command, EXIT_OK, EXIT_USAGE } from '../io';
import { PATHS_FLAG, SEED_FLAG, numberFlags, parseCommandArgs, refuseFlags } from '../args';
import { printIssue } from '../format';
import { readHistory, reportIssues, stageBars } from '../historyInput';
import { printBacktest, printPathCalibration } from '../render/backtest';

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

const FLAGS = { horizon: { type: 'string' }, windows: { type: 'string' }, 'refit-every': { type: 'string' }, json: { type: 'boolean' }, 'paths-calibration': { type: 'boolean' }, paths: { type: 'string' }, seed: { type: 'string' }, origins: { type: 'string' } } as const;

const STAGES = { backtest: { zh: '回测', en: 'backtest' }, calibration: { zh: '滚动起点', en: 'origins' } };

/** `fundladder backtest FILE`: flags → the backtest request → the application layer → the table per fund type, side and model, or the paths' calibration. */
export const backtestCommand: Command = async (args, io) => {
  const parsed = parseCommandArgs(io, 'backtest', args, FLAGS, { zh: HELP_ZH, en: HELP_EN }, { min: 1, max: 1 });
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
  const file = positionals[0]!;
  const history = readHistory(io, file);
  if (!history.ok) return reportIssues(io, file, history.issues);
  const request: BacktestRequest = {
    kind: 'backtest',
    history: history.value,
    options: {
      ...(f.horizon !== undefined ? { horizon: f.horizon } : {}),
      ...(f.windows !== undefined ? { windows: f.windows } : {}),
      ...(f['refit-every'] !== undefined ? { refitEvery: f['refit-every'] } : {}),
      ...(calibrate ? { pathsCalibration: { paths: f.paths ?? 1000, seed: f.seed ?? 1, ...(f.origins !== undefined ? { origins: f.origins } : {}) } } : {}),
    },
  };
  const r = await runBacktest(request, { onProgress: stageBars(io, STAGES) });
  if (!r.ok) return reportIssues(io, file, r.issues);
  for (const w of r.value.warnings) io.err(printIssue(w, io));
  if (values.json) io.out(JSON.stringify(backtestResult.encode(r.value), null, 2));
  else if (r.value.mode === 'pathCalibration') printPathCalibration(io, r.value);
  else printBacktest(io, r.value);
  return EXIT_OK;
};
