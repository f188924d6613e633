import { type DomainIssue, type Result, FUND_TYPE_NAMES_ZH, validateScenario } from '@fundladder/core';
import {
  type FlowForecast,
  type FlowTable,
  type ForecastOptions,
  type Shock,
  cohortInputFromSeries,
  flowTableFromScenario,
  forecastFlows,
  forecastToJson,
  COHORT_FIELDS,
  buildFlowTable,
  projectCohort,
  shockIssues,
  simulatePaths,
  yuanString,
  addPeriods,
} from '@fundladder/forecast';
import { type CliIo, type Command, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, outputPathIssue } from '../io';
import { type NumberFlagSpec, PATHS_FLAG, SEED_FLAG, numberFlag, numberFlags, parseCommandArgs, refuseFlags } from '../args';
import { readJson } from '../readInput';
import { readFlowsCsv } from '../tableInput';
import { printIssue, table } from '../format';

const HELP_ZH = `用法: fundladder forecast 情景.json|流量.csv [--horizon 24] [--levels 80,95] [--paths 1000] [--seed 1] [--json|--csv]
  [--paths-out 文件] [--shock-payout-growth 0.05] [--shock-base-freeze 0.05] [--shock-outflow 基金:期间:金额] [--shock-rate-cut 基点:起始期间]
按基金类型预测每月（或每年）收入与支出：回测选出 MASE 最低的模型，区间来自回测误差，合计由联合情景得出。
CSV 列: period,fundType,inflow,outflow（period 为 YYYY-MM 或 YYYY，金额单位元），可另加队列列。`;
const HELP_EN = `Usage: fundladder forecast SCENARIO.json|FLOWS.csv [--horizon 24] [--levels 80,95] [--paths 1000] [--seed 1] [--json|--csv]
  [--paths-out FILE] [--shock-payout-growth 0.05] [--shock-base-freeze 0.05] [--shock-outflow FUND:PERIOD:AMOUNT] [--shock-rate-cut BP:FROM]
Forecasts each fund type's inflows and outflows: the model with the lowest backtest MASE, bands from its
backtest errors, totals from joint scenarios. CSV columns: period,fundType,inflow,outflow (+ optional cohort columns).`;

/** Reads a scenario (JSON, validated by core) or a flows CSV (the format `import` reads) into a checked flow table. */
export function readFlowTable(io: CliIo, file: string): Result<FlowTable> {
  if (file.endsWith('.csv')) {
    // The one flows format (readFlowsCsv); a forecast also takes years, series the scenario does not know, cohort columns.
    const records = readFlowsCsv(io, file, { periods: 'monthOrYear', anyFundTypeId: true, extraColumns: COHORT_FIELDS });
    if (!records.ok) return records;
    const number = (d: { toNumber(): number }) => d.toNumber();
    return buildFlowTable(records.value.map((r) => ({ period: r.period, fundType: r.fundType, inflow: number(r.inflow), outflow: number(r.outflow), cohort: Object.fromEntries(Object.entries(r.extra).map(([k, v]) => [k, number(v)])), path: [file, r.row] })));
  }
  const json = readJson(io, file);
  if (!json.ok) return json;
  const scenario = validateScenario(json.value);
  return scenario.ok ? flowTableFromScenario(scenario.value) : scenario;
}

/** Prints issues in the user's language and returns the problems exit code. */
export function reportIssues(io: CliIo, file: string, issues: readonly DomainIssue[]): number {
  io.err(io.lang === 'zh' ? `${file}: 发现 ${issues.length} 个问题` : `${file}: ${issues.length} problem(s)`);
  for (const issue of issues) io.err(printIssue(issue, io.lang));
  return EXIT_PROBLEMS;
}

/** A fund type's display name: Chinese name first when known. */
export function fundLabel(fundType: string, lang: 'zh' | 'en'): string {
  const zh = (FUND_TYPE_NAMES_ZH as Record<string, string>)[fundType];
  return lang === 'zh' && zh ? `${zh} ${fundType}` : fundType;
}

function cohortOverrides(io: CliIo, flows: FlowTable, horizon: number, periods: string[]): ForecastOptions['overrides'] {
  const overrides: Record<string, { model: string; mean: number[] }> = {};
  const withCohort = flows.series.filter((s) => s.cohort.some((row) => Object.keys(row).length > 0));
  if (withCohort.length === 0) {
    io.err(io.lang === 'zh' ? '提示: 输入没有队列列（参保人数、平均缴费基数、退休人数等），队列模型未用，只用时间序列模型。' : 'note: no cohort columns in the input: the cohort model is not used, only the time-series models.');
    return overrides;
  }
  for (const s of flows.series) {
    const input = cohortInputFromSeries(s, flows.period);
    if (!input.ok) {
      for (const issue of input.issues) io.err(printIssue(issue, io.lang));
      continue;
    }
    const projected = projectCohort(input.value, periods.slice(0, horizon));
    overrides[`${s.fundType}/inflow`] = { model: 'cohort', mean: projected.inflow };
    overrides[`${s.fundType}/outflow`] = { model: 'cohort', mean: projected.outflow };
  }
  return overrides;
}

/**
 * Bounds of the shock flags' numbers: growth rates as fractions a year from −50% to +100%, a one-off outflow below
 * 10¹⁵ yuan (the plausible-amount bound of core's plausibleValues), a rate cut of at most ±1,000 bp (negative = a rise).
 */
const SHOCK_FLAGS: Record<string, NumberFlagSpec> = {
  'shock-payout-growth': { kind: 'number', min: -0.5, max: 1 },
  'shock-base-freeze': { kind: 'number', min: -0.5, max: 1 },
  'shock-outflow': { kind: 'number', min: 0, max: 1e15, maxExclusive: true },
  'shock-rate-cut': { kind: 'number', min: -1000, max: 1000 },
};

function parseShocks(values: Record<string, string | undefined>): Result<Shock[]> {
  const shocks: Shock[] = [];
  const issues: DomainIssue[] = [];
  const num = (flag: string, text: string): number => {
    const r = numberFlag(flag, text, SHOCK_FLAGS[flag]!);
    if (!r.ok) issues.push(...r.issues);
    return r.ok ? r.value! : Number.NaN;
  };
  if (values['shock-payout-growth'] !== undefined) shocks.push({ kind: 'payoutGrowth', annualRate: num('shock-payout-growth', values['shock-payout-growth']) });
  if (values['shock-base-freeze'] !== undefined) shocks.push({ kind: 'contributionBaseFreeze', baseGrowth: num('shock-base-freeze', values['shock-base-freeze']) });
  if (values['shock-outflow'] !== undefined) {
    const [fundType, period, amount] = values['shock-outflow'].split(':');
    if (!fundType || !period || amount === undefined) issues.push({ code: 'invalid_format', path: ['shock-outflow'], rule: 'shockOutflow', message: '--shock-outflow is FUND:PERIOD:AMOUNT, e.g. employeePension:2026-07:50000000', received: values['shock-outflow'] });
    else shocks.push({ kind: 'oneOffOutflow', fundType, period, amount: num('shock-outflow', amount) });
  }
  if (values['shock-rate-cut'] !== undefined) {
    const [bp, from] = values['shock-rate-cut'].split(':');
    if (!bp || !from) issues.push({ code: 'invalid_format', path: ['shock-rate-cut'], rule: 'shockRateCut', message: '--shock-rate-cut is BP:FROM, e.g. 25:2026-01', received: values['shock-rate-cut'] });
    else shocks.push({ kind: 'rateCut', bp: num('shock-rate-cut', bp), from });
  }
  return issues.length ? { ok: false, issues } : { ok: true, value: shocks };
}

const wanText = (yuan: number): string => (yuan / 10_000).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

function printText(io: CliIo, fc: FlowForecast): void {
  const zh = io.lang === 'zh';
  const top = fc.levels[fc.levels.length - 1]!;
  const header = zh
    ? ['期间', '收入均值', `收入${top}%下`, `收入${top}%上`, '支出均值', `支出${top}%下`, `支出${top}%上`, '净额均值', `净额${top}%下`, `净额${top}%上`]
    : ['period', 'inflow', `in lo-${top}`, `in hi-${top}`, 'outflow', `out lo-${top}`, `out hi-${top}`, 'net', `net lo-${top}`, `net hi-${top}`];
  const rowsOf = (get: (k: number) => { inflow: { mean: number[]; bands: FlowForecast['total']['net']['bands'] }; outflow: { mean: number[]; bands: FlowForecast['total']['net']['bands'] }; net: { mean: number[]; bands: FlowForecast['total']['net']['bands'] } }) =>
    fc.periods.map((p, k) => {
      const { inflow, outflow, net } = get(k);
      return [p, ...[inflow, outflow, net].flatMap((d) => [wanText(d.mean[k]!), wanText(d.bands[top]!.lo[k]!), wanText(d.bands[top]!.hi[k]!)])];
    });
  for (const fundType of Object.keys(fc.net)) {
    const inflow = fc.series.find((s) => s.fundType === fundType && s.side === 'inflow')!;
    const outflow = fc.series.find((s) => s.fundType === fundType && s.side === 'outflow')!;
    io.out(`\n${fundLabel(fundType, io.lang)}  (${zh ? '万元；模型' : '10k yuan; models'}: ${zh ? '收入' : 'inflow'} ${inflow.model}, ${zh ? '支出' : 'outflow'} ${outflow.model})`);
    io.out(table([header, ...rowsOf(() => ({ inflow, outflow, net: fc.net[fundType]! }))]));
  }
  io.out(`\n${zh ? '合计（联合情景，非各部分区间之和；万元）' : 'Total (joint scenarios, not the sum of the parts\' bands; 10k yuan)'}`);
  io.out(table([header, ...rowsOf(() => fc.total)]));
}

/**
 * `fundladder forecast FILE`: per fund type and period, the mean and bands of inflow, outflow and net
 * (text in 万元, `--json`/`--csv` in yuan strings to the fen), optional seeded paths with shocks.
 */
export const forecastCommand: Command = (args, io) => {
  const parsed = parseCommandArgs(
    io,
    'forecast',
    args,
    {
      horizon: { type: 'string' },
      levels: { type: 'string' },
      paths: { type: 'string' },
      seed: { type: 'string' },
      json: { type: 'boolean' },
      csv: { type: 'boolean' },
      'paths-out': { type: 'string' },
      'shock-payout-growth': { type: 'string' },
      'shock-base-freeze': { type: 'string' },
      'shock-outflow': { type: 'string' },
      'shock-rate-cut': { type: 'string' },
    },
    { zh: HELP_ZH, en: HELP_EN },
    { min: 1, max: 1 },
  );
  if (!parsed.ok) return parsed.code;
  const { positionals, values } = parsed;
  if (values.json && values.csv) {
    io.err(io.lang === 'zh' ? 'fundladder forecast: --json 与 --csv 只能选一个' : 'fundladder forecast: choose --json or --csv, not both');
    return EXIT_USAGE;
  }
  // Horizons up to 240 periods (a scenario's longest horizon, 20 years of months).
  const flags = numberFlags(values, { paths: PATHS_FLAG, seed: SEED_FLAG, horizon: { kind: 'int', min: 1, max: 240 } });
  const levelFlags = (values.levels ?? '50,80,95').split(',').map((text) => numberFlag('levels', text, { kind: 'number', min: 0, max: 100, minExclusive: true, maxExclusive: true }));
  const outIssue = values['paths-out'] !== undefined ? outputPathIssue('paths-out', values['paths-out']) : undefined;
  const flagIssues = [...(flags.ok ? [] : flags.issues), ...levelFlags.flatMap((l) => (l.ok ? [] : l.issues)), ...(outIssue ? [outIssue] : [])];
  if (!flags.ok || flagIssues.length) return refuseFlags(io, 'forecast', flagIssues);
  const levels = levelFlags.map((l) => (l.ok ? l.value! : Number.NaN));
  const pathCount = flags.value.paths ?? 0;
  const seed = flags.value.seed ?? 1;
  const file = positionals[0]!;
  const flows = readFlowTable(io, file);
  if (!flows.ok) return reportIssues(io, file, flows.issues);
  const horizon = flags.value.horizon ?? (flows.value.period === 1 ? 5 : 24);
  const shocks = parseShocks({ 'shock-payout-growth': values['shock-payout-growth'], 'shock-base-freeze': values['shock-base-freeze'], 'shock-outflow': values['shock-outflow'], 'shock-rate-cut': values['shock-rate-cut'] });
  if (!shocks.ok) return reportIssues(io, '(flags)', shocks.issues);
  // The forecast periods follow the table's last period; the cohort projection needs them before the one forecast.
  const periods = Array.from({ length: horizon }, (_, k) => addPeriods(flows.value.periods.at(-1)!, k + 1));
  const overrides = cohortOverrides(io, flows.value, horizon, periods);
  const fc = forecastFlows(flows.value, { horizon, levels: [...new Set([50, ...levels])], ...(overrides && Object.keys(overrides).length ? { overrides } : {}) });
  for (const note of fc.notes) io.err(printIssue(note, io.lang));
  const badShocks = shockIssues(fc, shocks.value);
  if (badShocks.length) return reportIssues(io, '(flags)', badShocks);
  if (shocks.value.length && pathCount === 0) io.err(io.lang === 'zh' ? '提示: 冲击只作用于模拟情景，请加 --paths N。' : 'note: shocks apply to the simulated paths only: add --paths N.');
  const simulated = pathCount > 0 ? simulatePaths(fc, { paths: pathCount, seed, shocks: shocks.value }) : undefined;
  if (simulated && !simulated.ok) return reportIssues(io, '(flags)', simulated.issues);
  const paths = simulated?.value;
  if (paths && values['paths-out']) {
    io.writeText(values['paths-out'], JSON.stringify({ seed: paths.seed, periods: paths.periods, rateDeltaBp: paths.rateDeltaBp, distinctPaths: paths.distinctPaths, paths: paths.paths.map((p) => Object.fromEntries(Object.entries(p).map(([ft, v]) => [ft, { inflow: v.inflow.map(yuanString), outflow: v.outflow.map(yuanString) }]))) }));
  }
  if (values.json) {
    io.out(JSON.stringify({ file, ...forecastToJson(fc), paths: paths ? { count: paths.paths.length, distinct: paths.distinctPaths, seed: paths.seed, rateDeltaBp: paths.rateDeltaBp, file: values['paths-out'] ?? null } : null }, null, 2));
    return EXIT_OK;
  }
  if (values.csv) {
    const bounds = fc.levels.flatMap((l) => [`lo-${l}`, `hi-${l}`]);
    const lines = [['period', 'fundType', 'quantity', 'model', 'mean', ...bounds].join(',')];
    const json = forecastToJson(fc);
    for (const f of json.fundTypes) {
      for (const p of f.periods) {
        for (const quantity of ['inflow', 'outflow', 'net'] as const) {
          const v = p[quantity] as unknown as Record<string, string>;
          const model = quantity === 'net' ? '' : f.models[quantity];
          lines.push([p.period, f.fundType, quantity, model, v.mean, ...bounds.map((b) => v[b]!)].join(','));
        }
      }
    }
    for (const p of json.total) {
      for (const quantity of ['inflow', 'outflow', 'net'] as const) {
        const v = p[quantity] as unknown as Record<string, string>;
        lines.push([p.period, 'TOTAL', quantity, '', v.mean, ...bounds.map((b) => v[b]!)].join(','));
      }
    }
    io.out(lines.join('\n'));
    return EXIT_OK;
  }
  printText(io, fc);
  if (paths) {
    const cumulative = paths.paths.map((p) => Object.values(p).reduce((acc, v) => acc + v.inflow.reduce((a, b) => a + b, 0) - v.outflow.reduce((a, b) => a + b, 0), 0)).sort((a, b) => a - b);
    const q = (p: number): string => wanText(cumulative[Math.min(cumulative.length - 1, Math.floor(p * cumulative.length))]!);
    io.out(
      io.lang === 'zh'
        ? `\n模拟路径 ${paths.paths.length} 条，互不相同 ${paths.distinctPaths} 条（seed ${paths.seed}，冲击 ${shocks.value.length} 个）：${horizon} 期累计净流量（万元）5% 分位 ${q(0.05)}，中位 ${q(0.5)}，95% 分位 ${q(0.95)}`
        : `\n${paths.paths.length} simulated paths, ${paths.distinctPaths} distinct (seed ${paths.seed}, ${shocks.value.length} shock(s)): cumulative net over ${horizon} periods (10k yuan) p5 ${q(0.05)}, median ${q(0.5)}, p95 ${q(0.95)}`,
    );
  }
  return EXIT_OK;
};
