// What the Sweep screen shows, as pure functions (tested beside this file): the start form's request in the CLI's
// --vary grammar, the progress, and the points table — risk before reward, money in the reader's unit.
import type { SweepAnswer, SweepSummary } from '../../api/sweepSchemas';
import { type Lang, moneyIn, percentOfProbability, tableUnit } from '../../format/money';
import type { SweepMessages } from './messages';

/** A parameter the form offers, with the range it starts with (the CLI's names, docs/sweep.md §1). */
export interface FormParameter {
  readonly name: string;
  readonly from: string;
  readonly to: string;
  readonly step: string;
}

/** The parameters a sweep varies, in the order docs/sweep.md §1 lists them, each with a small first range. */
export const FORM_PARAMETERS: readonly FormParameter[] = [
  { name: 'reserveMonths', from: '1', to: '3', step: '1' },
  { name: 'confidence', from: '0.9', to: '0.99', step: '0.03' },
  { name: 'caps.trancheShare', from: '0.15', to: '0.25', step: '0.05' },
  { name: 'caps.bankLocalDepositShare', from: '0.10', to: '0.20', step: '0.05' },
  { name: 'caps.fundTimeDepositShare', from: '0.10', to: '0.20', step: '0.05' },
  { name: 'minQuoteRate', from: '0.005', to: '0.015', step: '0.005' },
  { name: 'maxTermMonths', from: '12', to: '60', step: '12' },
  { name: 'maxBondShare', from: '0', to: '0.3', step: '0.1' },
  { name: 'eligibleBanks', from: '3', to: '6', step: '1' },
];

/** One varied parameter as typed in the form. */
export interface VaryInput {
  readonly name: string;
  readonly from: string;
  readonly to: string;
  readonly step: string;
}

const DECIMAL = /^\d+(\.\d+)?$/;

/**
 * The CLI's `--vary` text of a form row (`NAME=FROM..TO:STEP`), or undefined when a field is not a plain decimal or
 * the step is 0. The API checks the rest (a range running downwards, a share above 1) and names the field.
 * @example varyText({ name: 'reserveMonths', from: '1', to: '2', step: '1' }) //=> 'reserveMonths=1..2:1'
 * @example varyText({ name: 'reserveMonths', from: '1', to: 'x', step: '1' }) //=> undefined
 */
export function varyText(v: VaryInput): string | undefined {
  const [from, to, step] = [v.from.trim(), v.to.trim(), v.step.trim()];
  if (![from, to, step].every((t) => DECIMAL.test(t)) || Number(step) === 0) return undefined;
  return `${v.name}=${from}..${to}:${step}`;
}

/**
 * How many values `FROM..TO:STEP` gives (the count the form shows before sending), counted in whole steps of the
 * text's decimals so that 0.1..0.4:0.05 is 7, never 6.
 * @example valueCount({ name: 'x', from: '0.1', to: '0.4', step: '0.05' }) //=> 7
 */
export function valueCount(v: VaryInput): number | undefined {
  if (!varyText(v)) return undefined;
  const places = Math.max(...[v.from, v.to, v.step].map((t) => (t.trim().split('.')[1] ?? '').length));
  const scaled = (t: string) => Math.round(Number(t) * 10 ** places);
  const span = scaled(v.to) - scaled(v.from);
  return span < 0 ? undefined : Math.floor(span / scaled(v.step)) + 1;
}

/**
 * The body of `POST …/sweeps` from the form: the scenario version, each used row's --vary text, the options; or
 * undefined when a row or an option is not a number.
 * @example sweepRequestOf('12', [{ name: 'reserveMonths', from: '1', to: '2', step: '1' }], { paths: '5', seed: '1' })
 * //=> { scenario: { scenarioVersion: '12' }, vary: ['reserveMonths=1..2:1'], options: { paths: 5, seed: 1 } }
 */
export function sweepRequestOf(versionId: string, rows: readonly VaryInput[], options: { paths: string; seed: string }) {
  const vary = rows.map(varyText);
  if (!vary.length || vary.some((t) => t === undefined) || !/^\d+$/.test(options.paths.trim()) || !/^\d+$/.test(options.seed.trim())) return undefined;
  return { scenario: { scenarioVersion: versionId }, vary: vary as string[], options: { paths: Number(options.paths), seed: Number(options.seed) } };
}

/** Points finished (done, failed or cancelled) of all, and how many of them have no result. */
export function progressOf(summary: Pick<SweepSummary, 'counts'>): { finished: number; total: number; withoutResult: number } {
  const c = summary.counts;
  return { finished: c.done + c.failed + c.cancelled, total: c.total, withoutResult: c.failed + c.cancelled };
}

/** Whether the screen should read the sweep again: some point is still queued or running. */
export function stillRunning(summary: Pick<SweepSummary, 'state'>): boolean {
  return summary.state === 'queued' || summary.state === 'running';
}

/**
 * The sweep as known after a read: a full answer (`since` null) as it is; an answer of the points changed since a
 * cursor as the earlier one with each point sent put in its place by index — the summary, frontier, changes and cursor
 * the later one's. A point the server sends twice (changed within its cursor's margin) lands on itself.
 * @example mergeSweepAnswer(known, { ...changed, since: known.cursor, points: [{ index: 1, state: 'done', … }] }).points.map((p) => p.state)
 * //=> ['done', 'done', 'queued'] (point 1 was running in known)
 */
export function mergeSweepAnswer(earlier: SweepAnswer, later: SweepAnswer): SweepAnswer {
  if (later.since === null) return later;
  const byIndex = new Map(earlier.points.map((p) => [p.index, p]));
  let added = false;
  for (const p of later.points) {
    added ||= !byIndex.has(p.index);
    byIndex.set(p.index, p);
  }
  const points = [...byIndex.values()];
  return { ...later, points: added ? points.sort((a, b) => a.index - b.index) : points };
}

/**
 * Reads a sweep the way the screen follows it: while the sweep known is still running, only the points changed since
 * its cursor, merged ({@link mergeSweepAnswer}); the first read, a read of a sweep no longer running, and the read
 * after the sweep stops running are full reads (the last one also repairs anything a cursor's margin missed).
 * @param known the answer from the previous read of this sweep, if any
 * @param read reads the sweep, with `since` or without
 * @example await readSweep(undefined, read) //=> read(undefined)'s answer
 */
export async function readSweep(known: SweepAnswer | undefined, read: (since: string | undefined) => Promise<SweepAnswer>): Promise<SweepAnswer> {
  if (!known || !stillRunning(known.sweep)) return read(undefined);
  const merged = mergeSweepAnswer(known, await read(known.cursor));
  return stillRunning(merged.sweep) ? merged : read(undefined);
}

/** A row of the points table. */
export interface PointRow {
  readonly index: number;
  /** The point's value of each varied parameter, in the parameters' order. */
  readonly values: readonly string[];
  readonly state: string;
  /** The plan-caused payout-gap probability, then any payout gap (risk), before the interest (reward). */
  readonly gap: string;
  readonly anyGap: string;
  readonly interest: string;
  readonly binding: string;
  readonly onFront: boolean;
}

/**
 * The points table: one row per point in grid order; a point without a result shows its state (queued, running,
 * failed, cancelled) or its status (infeasible…) and dashes. Interest in 万元 (millions in English) from the ledger's
 * yuan text; probabilities as percentages with one decimal.
 * @example pointRows(answer, m, 'zh')[0] //=> { values: ['1'], state: '最优', gap: '0.0%', anyGap: '0.0%', interest: '4,318.13', binding: '流动性储备 ×12', onFront: true, … }
 */
export function pointRows(answer: Pick<SweepAnswer, 'sweep' | 'points' | 'frontier'>, m: SweepMessages, lang: Lang): PointRow[] {
  const front = new Set(answer.frontier ?? []);
  const names = answer.sweep.parameters.map((p) => p.name);
  return answer.points.map((p) => {
    const r = p.result;
    const state = r ? (m.pointStatus[r.status] ?? r.status) : (m.pointState[p.state] ?? p.state);
    return {
      index: p.index,
      values: names.map((n) => p.values[n] ?? ''),
      state,
      gap: r?.risk ? percentOfProbability(r.risk.planCausedShortProbability) : '—',
      anyGap: r?.risk ? percentOfProbability(r.risk.payoutShortProbability) : '—',
      interest: r?.interest ? moneyIn(r.interest, tableUnit(lang)) : '—',
      // An infeasible point says instead what cannot hold: its explanation's first two lines (the first month and
      // the rules, the largest shortfall), and what would fix it.
      binding: r?.why
        ? [...r.why[lang].slice(0, 2), ...(r.fix?.[lang] ?? [])].join(lang === 'zh' ? '；' : '; ')
        : r && r.binding.length ? r.binding.map((b) => `${m.ruleName[b.rule] ?? b.rule} ×${b.count}`).join(lang === 'zh' ? '、' : ', ') : m.noBinding,
      onFront: front.has(p.index),
    };
  });
}

/** The lines saying where binding rules start or stop along the grid. */
export function changeLines(answer: Pick<SweepAnswer, 'changes'>, m: SweepMessages, lang: Lang): string[] {
  const rules = (rs: readonly string[]) => rs.map((r) => m.ruleName[r] ?? r).join(lang === 'zh' ? '、' : ', ');
  return (answer.changes ?? []).map((c) => m.changeLine(m.parameterName[c.parameter] ?? c.parameter, c.fromValue, c.toValue, rules(c.starts), rules(c.stops)));
}
