import type { Decimal } from '@fundladder/core';
import { type ForecastPeriod, type ForecastResult, namesFor } from '@fundladder/app';
import type { CliIo } from '../io';
import { printIssue, table } from '../format';

/** 万元 to one place with thousands separators: a forecast is an estimate, not ledger money. */
const wan1 = (yuan: Decimal): string => yuan.div(10_000).toNumber().toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** What the user must know about a forecast, on stderr whatever the output: cohort model, notes, shocks without paths. */
export function printForecastNotes(io: CliIo, r: ForecastResult): void {
  const zh = io.lang === 'zh';
  for (const w of r.warnings) io.err(printIssue(w, io));
  if (!r.cohort.columns) io.err(zh ? '提示: 输入没有队列列（参保人数、平均缴费基数、退休人数等），队列模型未用，只用时间序列模型。' : 'note: no cohort columns in the input: the cohort model is not used, only the time-series models.');
  for (const issue of [...r.cohort.issues, ...r.notes]) io.err(printIssue(issue, io));
  if (r.shocks.length && !r.paths) io.err(zh ? '提示: 冲击只作用于模拟情景，请加 --paths N。' : 'note: shocks apply to the simulated paths only: add --paths N.');
}

/** A CSV field, quoted when it holds a comma or a quote (RFC 4180): model names such as `ets(A,A)` do. */
const field = (text: string): string => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** The forecast as CSV: one row per period, fund type (or TOTAL) and quantity, yuan to the fen, bounds `lo-80`, `hi-80` … */
export function forecastCsv(r: ForecastResult): string[] {
  const bounds = r.levels.flatMap((l) => [`lo-${l}`, `hi-${l}`]);
  const lines = [['period', 'fundType', 'quantity', 'model', 'mean', ...bounds].join(',')];
  const rows = (fundType: string, periods: readonly ForecastPeriod[], models?: { inflow: string; outflow: string }) => {
    for (const p of periods) {
      for (const quantity of ['inflow', 'outflow', 'net'] as const) {
        const v = p[quantity];
        const model = quantity === 'net' || !models ? '' : models[quantity];
        lines.push([p.period, field(fundType), quantity, field(model), v.mean.toFixed(2), ...v.bands.flatMap((b) => [b.lo.toFixed(2), b.hi.toFixed(2)])].join(','));
      }
    }
  };
  for (const f of r.fundTypes) rows(f.fundType, f.periods, f.models);
  rows('TOTAL', r.total);
  return lines;
}

/** The forecast in the terminal: per fund type (by name) and for the total, mean and widest band of inflow, outflow and net (万元). */
export function printForecast(io: CliIo, r: ForecastResult): void {
  const zh = io.lang === 'zh';
  const names = namesFor(new Map(), io.lang);
  const top = r.levels[r.levels.length - 1]!;
  const header = zh
    ? ['期间', '收入均值', `收入${top}%下`, `收入${top}%上`, '支出均值', `支出${top}%下`, `支出${top}%上`, '净额均值', `净额${top}%下`, `净额${top}%上`]
    : ['period', 'inflow', `in lo-${top}`, `in hi-${top}`, 'outflow', `out lo-${top}`, `out hi-${top}`, 'net', `net lo-${top}`, `net hi-${top}`];
  const rowsOf = (periods: readonly ForecastPeriod[]) =>
    periods.map((p) => [
      p.period,
      ...[p.inflow, p.outflow, p.net].flatMap((v) => {
        const band = v.bands.find((b) => b.level === top)!;
        return [wan1(v.mean), wan1(band.lo), wan1(band.hi)];
      }),
    ]);
  for (const f of r.fundTypes) {
    io.out(`\n${names.fundType(f.fundType)}  (${zh ? '万元；模型' : '10k yuan; models'}: ${zh ? '收入' : 'inflow'} ${f.models.inflow}, ${zh ? '支出' : 'outflow'} ${f.models.outflow})`);
    io.out(table([header, ...rowsOf(f.periods)]));
  }
  io.out(`\n${zh ? '合计（联合情景，非各部分区间之和；万元）' : "Total (joint scenarios, not the sum of the parts' bands; 10k yuan)"}`);
  io.out(table([header, ...rowsOf(r.total)]));
  const p = r.paths;
  if (!p) return;
  const q = p.cumulativeNet;
  io.out(
    zh
      ? `\n模拟路径 ${p.count} 条，互不相同 ${p.distinct} 条（seed ${p.seed}，冲击 ${r.shocks.length} 个）：${r.periods.length} 期累计净流量（万元）5% 分位 ${wan1(q.p5)}，中位 ${wan1(q.median)}，95% 分位 ${wan1(q.p95)}`
      : `\n${p.count} simulated paths, ${p.distinct} distinct (seed ${p.seed}, ${r.shocks.length} shock(s)): cumulative net over ${r.periods.length} periods (10k yuan) p5 ${wan1(q.p5)}, median ${wan1(q.median)}, p95 ${wan1(q.p95)}`,
  );
}
