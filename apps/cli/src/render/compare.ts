import { type Decimal, yuanToWan } from '@fundladder/core';
import { type CompareColumn, type CompareResult, type Lang, type Names, columnLabel, namesFor, namesOf, ruleName, statusName } from '@fundladder/app';
import type { CliIo } from '../io';
import { pct, printIssue, table, wan } from '../format';

/** How cells are written: for the terminal (thousands separators, a sign on differences) or for CSV (plain numbers). */
interface Cells {
  money(d: Decimal | undefined): string;
  diff(d: Decimal | undefined): string;
  p(x: number | undefined): string;
}
const TEXT: Cells = {
  money: (d) => (d === undefined ? '—' : wan(d)),
  diff: (d) => (d === undefined ? '—' : `${d.gte(0) ? '+' : ''}${wan(d)}`),
  p: (x) => (x === undefined ? '—' : `${(x * 100).toFixed(1)}%`),
};
const PLAIN: Cells = {
  money: (d) => (d === undefined ? '' : yuanToWan(d).toFixed(2)),
  diff: (d) => (d === undefined ? '' : yuanToWan(d).toFixed(2)),
  p: (x) => (x === undefined ? '' : `${(x * 100).toFixed(1)}%`),
};

/** Banks by name from every scenario compared (a bank id keeps the first name found). */
function compareNames(r: CompareResult, lang: Lang): Names {
  const banks = new Map<string, string>();
  for (const s of r.scenarios) for (const [id, name] of s.bankNames) if (!banks.has(id)) banks.set(id, name);
  return namesFor(banks, lang);
}

/** The comparison's rows: risk first, then the ledger's figures and the difference from [1]. */
export function compareRows(r: CompareResult, lang: Lang, cells: Cells = TEXT): string[][] {
  const zh = lang === 'zh';
  const cols = r.columns;
  const row = (label: string, f: (c: CompareColumn) => string) => [label, ...cols.map(f)];
  const risk = cols.some((c) => c.stress)
    ? [
        row(zh ? '由计划造成支付缺口的概率' : 'P(payout gap caused by the plan)', (c) => cells.p(c.stress?.planCausedShortProbability)),
        row(zh ? '  其中头一个季度' : '  in the first quarter', (c) => cells.p(c.stress?.planCausedShortFirstQuarterProbability)),
        row(zh ? '任一支付缺口的概率（含结构性）' : 'P(any payout gap, structural included)', (c) => cells.p(c.stress?.payoutShortProbability)),
        row(zh ? '  任一缺口在头一个季度' : '  any gap in the first quarter', (c) => cells.p(c.stress?.payoutShortFirstQuarterProbability)),
        row(zh ? '结构性缺口的概率（一分钱不存放也有）' : 'P(structural gap, even with nothing placed)', (c) => cells.p(c.stress?.structuralShortProbability)),
        row(zh ? '平均最大缺口（万元）' : 'mean largest shortfall (万元)', (c) => cells.money(c.meanLargestShort)),
        row(zh ? '最大缺口（万元）' : 'largest shortfall on any path (万元)', (c) => cells.money(c.stress?.largestShort)),
        row(zh ? '预测情景上利息均值（万元）' : 'mean interest on the paths (万元)', (c) => cells.money(c.stress?.expectedInterest)),
        row(zh ? '利息 5% 分位数（万元）' : 'P5 interest on the paths (万元)', (c) => cells.money(c.stress?.p5Interest)),
      ]
    : [];
  const l = (c: CompareColumn) => c.ledger;
  const first = cols[0]?.ledger ? 0 : -1;
  return [
    ...risk,
    row(zh ? '规划期赚取利息（万元）' : 'interest earned (万元)', (c) => cells.money(l(c)?.interest)),
    row(zh ? '与[1]之差（万元）' : 'difference from [1] (万元)', (c) => (c === cols[first] ? cells.diff(l(c)?.interest.minus(l(c)!.interest)) : cells.diff(c.vsFirst?.interest))),
    row(zh ? '期内实收利息（万元）' : 'interest received (万元)', (c) => cells.money(l(c)?.interestReceived)),
    row(zh ? '年增殖率' : 'annual value-added rate', (c) => (l(c) ? pct(l(c)!.kpis.annualYieldRate) : '—')),
    row(zh ? '期末定期占比' : 'time-deposit share at end', (c) => (l(c) ? pct(l(c)!.kpis.timeDepositShare) : '—')),
    row(zh ? '期末可支付月数' : 'months payable at end', (c) => l(c)?.kpis.monthsPayable?.toFixed(2) ?? '—'),
    row(zh ? '最低期末流动资金（万元）' : 'lowest month-end liquid money (万元)', (c) => cells.money(l(c)?.lowestLiquid)),
    row(zh ? '违反规则（处）' : 'rule breaks', (c) => (l(c) ? String([...l(c)!.ruleBreaks.values()].reduce((a, n) => a + n, 0)) : '—')),
  ];
}

/**
 * The interest received, this column − [1], by product or by bank (rows where some column differs), and the total:
 * where the difference comes from. Empty when there is nothing to set against [1].
 */
export function breakdownRows(r: CompareResult, lang: Lang, by: 'product' | 'bank', cells: Cells = TEXT): string[][] {
  const cols = r.columns.slice(1);
  if (!r.columns[0]?.ledger || !cols.some((c) => c.vsFirst)) return [];
  const names = compareNames(r, lang);
  const key = by === 'product' ? 'interestByProduct' : 'interestByBank';
  const keys = [...new Set(cols.flatMap((c) => [...(c.vsFirst?.[key].keys() ?? [])]))].filter((k) => cols.some((c) => c.vsFirst?.[key].get(k)?.isZero() === false));
  const name = by === 'product' ? names.product : names.bank;
  // Bonds are held at no bank: by bank, their part is what the banks leave of the total.
  const bonds = (c: CompareColumn) => (c.vsFirst ? [...c.vsFirst.interestByBank.values()].reduce((a, d) => a.minus(d), c.vsFirst.interestReceived) : undefined);
  return [
    ...keys.map((k) => [name(k), ...cols.map((c) => cells.diff(c.vsFirst?.[key].get(k)))]),
    ...(by === 'bank' && cols.some((c) => bonds(c)?.isZero() === false) ? [[names.bank(undefined), ...cols.map((c) => cells.diff(bonds(c)))]] : []),
    [lang === 'zh' ? '合计（实收利息之差）' : 'total (interest received)', ...cols.map((c) => cells.diff(c.vsFirst?.interestReceived))],
  ];
}

/** The comparison as CSV: one row per figure, one column per plan (amounts in 万元, no separators). */
export function compareCsv(r: CompareResult, lang: Lang): string {
  const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const head = ['', ...r.columns.map((c, k) => `[${k + 1}] ${columnLabel(c, r.scenarios, lang)}`)];
  const zh = lang === 'zh';
  const part = (by: 'product' | 'bank') => breakdownRows(r, lang, by, PLAIN).map(([name, ...cells]) => [zh ? `实收利息与[1]之差（万元）·${name}` : `interest received − [1] (万元) · ${name}`, '', ...cells]);
  return [head, ...compareRows(r, lang, PLAIN), ...part('product'), ...part('bank')].map((row) => row.map((cell) => quote(cell!.trim())).join(',')).join('\n');
}

/** What the columns were run on, and (histories differ) the warning that they were not the same paths. */
function pathsText(r: CompareResult, zh: boolean): { what: string; warning?: string } {
  const { check, seed, groups, samePaths } = r.paths;
  if (!check) return { what: zh ? '未在预测情景上核算（--paths 0）' : 'not run on forecast paths (--paths 0)' };
  if (samePaths) return { what: zh ? `同一批 ${check} 条预测情景（种子 ${seed}）` : `the same ${check} forecast paths (seed ${seed})` };
  const sets = groups.map((g) => r.columns.flatMap((c, k) => (c.pathGroup !== undefined && g.scenarios.includes(c.scenario) ? [`[${k + 1}]`] : [])).join(zh ? '、' : ' ')).join(zh ? '；' : '; ');
  return {
    what: zh ? `各自 ${check} 条预测情景（种子 ${seed}）` : `${check} forecast paths each (seed ${seed})`,
    warning: zh ? `⚠ 各情景的历史数据不同，预测情景也不同（${sets} 各用一批，同一种子）：风险各按自己的预测情景核算，不是同一批情景上的比较。` : `⚠ The scenarios' histories differ, so their forecast paths differ (${sets} each on their own, the same seed): each column's risk is on its own paths, not on the same paths.`,
  };
}

/**
 * `fundladder compare` in the terminal: the columns with their verdicts, the table, the rule breaks, what has no plan.
 * @param scenarios - the scenarios' JSON as requested, to name accounts and places in each column's problems
 */
export function printCompare(io: CliIo, r: CompareResult, files: readonly (string | undefined)[] = [], scenarios: readonly unknown[] = []): void {
  const zh = io.lang === 'zh';
  const several = r.scenarios.length > 1;
  const targets = [...new Set(r.columns.map((c) => (c.confidence > 0 ? 1 - c.confidence : 0)))];
  const target = targets.length === 1 ? `${(targets[0]! * 100).toFixed(1)}%` : zh ? '各自的目标（1 − 置信度）' : 'its own target (1 − confidence)';
  const verdict = r.paths.check ? (zh ? `，✔ = 由计划造成支付缺口的概率不超过 ${target}` : `, ✔ = a payout gap caused by the plan on at most ${target} of them`) : '';
  const paths = pathsText(r, zh);
  io.out(zh
    ? `${several ? '各情景' : `各计划（情景：${r.scenarios[0]!.name}）`}（同一账本核算；${paths.what}${verdict}）`
    : `${several ? 'Scenarios' : `Plans (scenario: ${r.scenarios[0]!.name})`} (all priced by the same ledger; ${paths.what}${verdict})`);
  if (paths.warning) io.out(paths.warning);
  r.columns.forEach((c, k) => {
    const mark = c.status !== 'optimal' ? '✖ ' : c.safe === undefined ? '' : c.safe ? '✔ ' : '✖ ';
    const file = files[c.requestIndex];
    const none = c.status !== 'optimal' ? (zh ? ` — 未得到计划：${statusName(c.status, 'zh')}` : ` — no plan: ${statusName(c.status, 'en')}`) : '';
    io.out(`  [${k + 1}] ${mark}${columnLabel(c, r.scenarios, io.lang)}${none}${file ? `  ← ${file}` : ''}`);
    const names = scenarios[c.scenario] !== undefined ? namesOf(scenarios[c.scenario], io.lang) : compareNames(r, io.lang);
    for (const i of c.issues) io.out(`      ${printIssue(i, io, names)}`);
  });
  io.out('');
  io.out(table([['', ...r.columns.map((_, k) => `[${k + 1}]`)], ...compareRows(r, io.lang)]));
  r.columns.forEach((c, k) => {
    if (c.ledger?.ruleBreaks.size) io.out(`  [${k + 1}] ${zh ? '违反规则：' : 'breaks: '}${[...c.ledger.ruleBreaks].map(([rule, n]) => `${ruleName(rule, io.lang)} ×${n}`).join(', ')}`);
  });
  for (const by of ['product', 'bank'] as const) {
    const rows = breakdownRows(r, io.lang, by);
    if (!rows.length) continue;
    io.out('');
    io.out(zh ? `实收利息与[1]之差，按${by === 'product' ? '产品' : '银行'}（万元；赚取利息之差另含期初、期末应计利息的变化）` : `Interest received, difference from [1], by ${by} (万元; the interest earned difference also holds the change in interest accrued at the start and end)`);
    io.out(table([['', ...r.columns.slice(1).map((_, k) => `[${k + 2}]`)], ...rows]));
  }
}
