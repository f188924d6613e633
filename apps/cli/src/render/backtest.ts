import { type BacktestResult, namesFor } from '@fundladder/app';
import type { CliIo } from '../io';
import { table } from '../format';

type Models = Extract<BacktestResult, { mode: 'models' }>;
type Calibration = Extract<BacktestResult, { mode: 'pathCalibration' }>;
type Cell = Calibration['pathCalibration']['pooled']['all'];

const pct = (v: number): string => (Number.isFinite(v) ? `${(100 * v).toFixed(0)}%` : '—');
const num = (v: number, places = 2): string => (Number.isFinite(v) ? v.toFixed(places) : v === Number.POSITIVE_INFINITY ? '∞' : '—');
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The backtest table per fund type (by name), side and model, the automatic choice marked, then the summary and pooled coverage. */
export function printBacktest(io: CliIo, r: Models): void {
  const zh = io.lang === 'zh';
  const names = namesFor(new Map(), io.lang);
  const o = r.backtest;
  const unit = r.frequency === 'monthly' ? (zh ? '月' : 'm') : zh ? '年' : 'y';
  io.out(
    zh
      ? `回测: ${o.windows} 个以内的滚动起点，每次预测 ${o.horizon} 期，每 ${o.refitEvery} 个起点重估参数；MASE = 模型 MAE ÷ 季节朴素法 MAE（同起点同步长，<1 即优于基准）；覆盖率只用该起点之前已知的误差校准。`
      : `Backtest: up to ${o.windows} rolling origins, ${o.horizon} periods ahead, parameters refitted every ${o.refitEvery} origins; MASE = model MAE ÷ seasonal-naive MAE at the same origins and horizons (< 1 beats the baseline); coverage calibrated only on errors known before each origin.`,
  );
  const header = [zh ? '模型' : 'model', 'MASE', zh ? '80%覆盖' : 'cov80', zh ? '95%覆盖' : 'cov95', ...r.reportHorizons.map((h) => `h=${h}${unit} MAPE/MASE/80/95`)];
  for (const s of r.series) {
    io.out(`\n${names.fundType(s.fundType)} · ${s.side === 'inflow' ? (zh ? '收入' : 'inflow') : zh ? '支出' : 'outflow'}  → ${zh ? '选中' : 'chosen'}: ${s.chosen}`);
    const rows = s.scores.map((score) => [
      `${score.model}${score.model === s.chosen ? ' *' : ''}`,
      num(score.mase),
      pct(score.coverage80),
      pct(score.coverage95),
      ...r.reportHorizons.map((h) => {
        const byH = score.byHorizon.find((b) => b.horizon === h);
        return byH ? `${num(byH.mape, 1)}% ${num(byH.mase)} ${pct(byH.coverage80)} ${pct(byH.coverage95)}` : score.failure ? (zh ? '不可用' : 'n/a') : '—';
      }),
    ]);
    io.out(table([header, ...rows]));
    for (const failed of s.scores.filter((c) => c.failure)) io.out(`  ${failed.model}: ${failed.failure}`);
    const sel = s.selection;
    // An all-zero series is forecast as zero, not chosen: there is no choice to score.
    if (s.chosen !== 'zero') io.out(
      Number.isFinite(sel.mase)
        ? zh
          ? `  选择的样本外得分: MASE ${num(sel.mase)}（${sel.windows} 个窗口中 ${sel.informedWindows} 个在起点前已有误差可依据，${sel.pairs} 个窗口×步长；带 * 的 MASE 是用来选它的那些窗口上的，偏乐观）`
          : `  the choice out of sample: MASE ${num(sel.mase)} (${sel.informedWindows} of ${sel.windows} windows had earlier errors to choose on, ${sel.pairs} pairs; the starred MASE is on the windows it was chosen on, optimistic)`
        : zh
          ? `  选择没有样本外得分: 没有窗口在其起点前已有误差可依据（共 ${sel.windows} 个窗口），选择无依据`
          : `  the choice has no out-of-sample score: no window had an earlier error to choose on (${sel.windows} windows in all)`,
    );
  }
  const c = r.chosen;
  io.out(
    zh
      ? `\n汇总: ${r.series.length} 个序列；选中模型 MASE 中位数 ${num(c.maseMedian)}（最差 ${num(c.maseWorst)}）；选中模型 95% 区间覆盖率 中位数 ${pct(c.coverage95Median)}（最低 ${pct(c.coverage95Lowest)}）`
      : `\nSummary: ${r.series.length} series; chosen models' MASE median ${num(c.maseMedian)} (worst ${num(c.maseWorst)}); chosen models' 95% coverage median ${pct(c.coverage95Median)} (lowest ${pct(c.coverage95Lowest)})`,
  );
  const p = r.pooledCoverage;
  const share = (hits: number): string => (p.scored ? pct(hits / p.scored) : '—');
  io.out(
    zh
      ? `合并覆盖率（全部选中模型的全部窗口×步长，共 ${p.scored} 个）: 95% 区间 ${share(p.hits95)}（${p.hits95}/${p.scored}），80% 区间 ${share(p.hits80)}（${p.hits80}/${p.scored}）`
      : `Pooled coverage (every window × horizon of every chosen model, ${p.scored} in all): 95% band ${share(p.hits95)} (${p.hits95}/${p.scored}), 80% band ${share(p.hits80)} (${p.hits80}/${p.scored})`,
  );
}

/** `--paths-calibration`: the out-of-sample coverage of the paths' central ranges per calendar month and pooled. */
export function printPathCalibration(io: CliIo, r: Calibration): void {
  const zh = io.lang === 'zh';
  const c = r.pathCalibration;
  const share = (cell: Cell, level: number): string => (cell.scored ? pct((cell.hits.get(level) ?? 0) / cell.scored) : '—');
  const first = c.origins[0] ?? '—';
  const last = c.origins.at(-1) ?? '—';
  const ranges = c.levels.map((l) => `${l}%`).join(' / ');
  io.out(
    zh
      ? `模拟路径校准: 在最近 ${c.origins.length} 个滚动起点（历史截至 ${first} … ${last}），各只用起点之前的历史重新预测（选模型、回测、路径模型）并模拟 ${c.paths} 条路径（seed ${c.seed}），统计之后 ${c.horizon} 期内的实际值落在路径中间 ${ranges} 范围内的比例。按实际值所在的日历月份列出；同一实际值会从多个起点被计入，各格并不独立，请看个数。`
      : `Path calibration: at each of the latest ${c.origins.length} rolling origins (history to ${first} … ${last}) the forecast is redone on the history before it (model choice, backtest, path model) and ${c.paths} paths are simulated (seed ${c.seed}); shown is the share of the actuals in the next ${c.horizon} periods that fall inside the paths' central ${ranges} range, by the actual's calendar month. One actual is counted from several origins, so cells are not independent: read the counts.`,
  );
  const header = [zh ? '月份' : 'month', ...c.levels.map((l) => (zh ? `收入 ${l}%` : `in ${l}%`)), zh ? '收入 个数' : 'in n', ...c.levels.map((l) => (zh ? `支出 ${l}%` : `out ${l}%`)), zh ? '支出 个数' : 'out n'];
  const row = (label: string, inflow: Cell, outflow: Cell): string[] => [label, ...c.levels.map((l) => share(inflow, l)), String(inflow.scored), ...c.levels.map((l) => share(outflow, l)), String(outflow.scored)];
  const rows = c.byMonth.inflow.map((inflow, m) => row(r.frequency === 'monthly' ? (zh ? `${m + 1}月` : MONTHS_EN[m]!) : zh ? '每年' : 'year', inflow, c.byMonth.outflow[m]!));
  rows.push(row(zh ? '合计' : 'pooled', c.pooled.inflow, c.pooled.outflow));
  io.out(table([header, ...rows]));
  const all = c.levels.map((l) => (zh ? `${l}% 范围 ${share(c.pooled.all, l)}` : `${l}% range ${share(c.pooled.all, l)}`)).join(zh ? '，' : ', ');
  const skipped = c.skipped.length ? (zh ? `；全为零、未计入: ${c.skipped.join(', ')}` : `; all zero, not scored: ${c.skipped.join(', ')}`) : '';
  io.out(
    zh
      ? `收支合计: ${all}（共 ${c.pooled.all.scored} 个）；各起点最少互不相同路径 ${c.minDistinctPaths} 条${skipped}`
      : `Both sides: ${all} (${c.pooled.all.scored} in all); fewest distinct paths at any origin ${c.minDistinctPaths}${skipped}`,
  );
}
