// The Replay screen's figures (docs/audit.md §1, docs/web.md §11), pure and tested beside the screen: which months the
// fund's actuals let the replay cover and, fund type by fund type, which are missing; the request the form builds from
// a done optimize run's plan and the stored actuals; the result's payout gaps and reserve breaches (risk first), the
// interest and the interest forgone. Money stays yuan text here (fen as BigInt); the screen prints it in 万元 / CNY m.
import type { ReplayResult, ReplaySide } from '../../api/results';
import { fenOf, yuanTextOf, type YuanText } from '../../format/money';

/**
 * The month `n` months after `month` (`n` may be negative).
 * @example addMonths('2025-11', 3) //=> '2026-02'
 * @example addMonths('2026-01', -1) //=> '2025-12'
 */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const k = y * 12 + (m - 1) + n;
  return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
}

/** What the replay needs to know of the scenario version: where it starts, how long it runs, its fund types. */
export interface ScenarioFrame {
  readonly startMonth: string;
  readonly horizonMonths: number;
  readonly fundTypes: readonly string[];
}

/** One stored actual as the replay reads it (the Actuals screen's rows: yuan text). */
export interface ActualFlow {
  readonly month: string;
  readonly fundType: string;
  readonly inflow: string;
  readonly outflow: string;
}

export interface Coverage {
  /** The months the replay will run: from the start while every fund type has an actual (the job's `monthsCovered`). */
  readonly count: number;
  readonly from: string;
  /** The last replayed month; undefined when none can be replayed. */
  readonly to?: string;
  /** The latest month inside the horizon any fund type has an actual for; undefined when there is none. */
  readonly through?: string;
  /** Per fund type of the scenario (its order): the months recorded from the start to `through`, and those missing. */
  readonly byFundType: readonly { fundType: string; recorded: number; missing: string[] }[];
}

/**
 * Which months the actuals let the replay cover: from the scenario's first month as long as every fund type has a row
 * (the replay job's rule, packages/app/src/jobs/replay.ts `monthsCovered`), and for each fund type the months from the
 * start up to the latest month any fund type has that it lacks — what to record on the Actuals screen to replay further.
 * With no actual in the horizon at all, every fund type misses the first month.
 * @example coverage({ startMonth: '2026-01', horizonMonths: 36, fundTypes: ['a', 'b'] }, [{ month: '2026-01', fundType: 'a' }, { month: '2026-02', fundType: 'a' }, { month: '2026-01', fundType: 'b' }])
 * //=> { count: 1, from: '2026-01', to: '2026-01', through: '2026-02', byFundType: [{ fundType: 'a', recorded: 2, missing: [] }, { fundType: 'b', recorded: 1, missing: ['2026-02'] }] }
 */
export function coverage(frame: ScenarioFrame, actuals: readonly Pick<ActualFlow, 'month' | 'fundType'>[]): Coverage {
  const have = new Set(actuals.map((a) => `${a.month}/${a.fundType}`));
  const months = Array.from({ length: frame.horizonMonths }, (_, k) => addMonths(frame.startMonth, k));
  let count = 0;
  while (count < months.length && frame.fundTypes.every((ft) => have.has(`${months[count]}/${ft}`))) count++;
  const inHorizon = new Set(months);
  const through = actuals.filter((a) => inHorizon.has(a.month) && frame.fundTypes.includes(a.fundType)).reduce<string | undefined>((last, a) => (last === undefined || a.month > last ? a.month : last), undefined);
  const window = months.slice(0, through === undefined ? 1 : months.indexOf(through) + 1);
  return {
    count,
    from: frame.startMonth,
    ...(count > 0 ? { to: months[count - 1]! } : {}),
    ...(through !== undefined ? { through } : {}),
    byFundType: frame.fundTypes.map((fundType) => {
      const missing = window.filter((m) => !have.has(`${m}/${fundType}`));
      return { fundType, recorded: through === undefined ? 0 : window.length - missing.length, missing };
    }),
  };
}

/** A plan as an optimize run's result carries it (its placements are the plan format's, text already). */
export interface RunPlan {
  readonly placements: readonly { readonly month: string }[];
}

/**
 * How many of the plan's placements fall after the replayed months (the job leaves them out and counts them as
 * `droppedPlacements`).
 * @example placementsAfter({ placements: [{ month: '2026-01' }, { month: '2026-03' }] }, '2026-02') //=> 1
 */
export function placementsAfter(plan: RunPlan, lastMonth: string): number {
  return plan.placements.filter((p) => p.month > lastMonth).length;
}

/** The replay options as typed: checkboxes, and the re-planning step as text. */
export interface ReplayForm {
  readonly hindsight: boolean;
  readonly rolling: boolean;
  readonly stepMonths: string;
}

export const DEFAULT_REPLAY_FORM: ReplayForm = { hindsight: true, rolling: true, stepMonths: '3' };

/** Why the form cannot be sent: no month to replay, or a step that is not a whole number of months from 1 to 12. */
export type ReplayFormProblem = 'noMonths' | 'stepMonths';

/** The plan's name in the request: the optimize run it came from, as the Compare screen names a run's plan. */
export const planNameOf = (runId: string) => `#${runId}`;

/**
 * The optimize run a replayed plan came from (see {@link planNameOf}), or undefined for a plan not made from a run.
 * @example planRunId('#12') //=> '12'
 * @example planRunId('2025 上半年计划') //=> undefined
 */
export function planRunId(name: string): string | undefined {
  return /^#(\d{1,18})$/.exec(name)?.[1];
}

// A type, not an interface: the API client's body type needs the implicit index signature.
export type ReplayRequestBody = {
  kind: 'replay';
  scenario: { scenarioVersion: string };
  plan: { schemaVersion: 1; name: string; placements: unknown[] };
  actuals: ActualFlow[];
  options: { hindsight: boolean; rolling: boolean; stepMonths?: number };
};

/**
 * The replay run request (`POST /api/funds/{fundId}/runs`, the job's `replayRequest`): the optimize run's scenario
 * version by reference, its plan named after the run, and the stored actuals of the replayed months and the scenario's
 * fund types only (nothing the job would cut anyway) — or what stops it. The step is sent only with rolling re-plans.
 * @example replayRequestOf({ runId: '12', versionId: '3', placements: [] }, frame, actuals, DEFAULT_REPLAY_FORM).ok //=> true
 */
export function replayRequestOf(
  choice: { runId: string; versionId: string; placements: readonly unknown[] },
  frame: ScenarioFrame,
  actuals: readonly ActualFlow[],
  form: ReplayForm,
): { ok: true; body: ReplayRequestBody } | { ok: false; problem: ReplayFormProblem } {
  const covered = coverage(frame, actuals);
  if (covered.count === 0) return { ok: false, problem: 'noMonths' };
  const step = form.stepMonths.trim();
  if (form.rolling && !(/^\d{1,2}$/.test(step) && Number(step) >= 1 && Number(step) <= 12)) return { ok: false, problem: 'stepMonths' };
  const months = new Set(Array.from({ length: covered.count }, (_, k) => addMonths(frame.startMonth, k)));
  const rows = actuals
    .filter((a) => months.has(a.month) && frame.fundTypes.includes(a.fundType))
    .map((a) => ({ month: a.month, fundType: a.fundType, inflow: a.inflow, outflow: a.outflow }))
    .sort((a, b) => a.month.localeCompare(b.month) || frame.fundTypes.indexOf(a.fundType) - frame.fundTypes.indexOf(b.fundType));
  return {
    ok: true,
    body: {
      kind: 'replay',
      scenario: { scenarioVersion: choice.versionId },
      plan: { schemaVersion: 1, name: planNameOf(choice.runId), placements: [...choice.placements] },
      actuals: rows,
      options: { hindsight: form.hindsight, rolling: form.rolling, ...(form.rolling ? { stepMonths: Number(step) } : {}) },
    },
  };
}

/** The three plans a replay can price, in the order the screen shows them. */
export const SIDES = ['actual', 'hindsight', 'rolling'] as const;
export type SideKey = (typeof SIDES)[number];

export interface SideRow {
  readonly side: SideKey;
  /** Days a fund type's settlement cash was below zero. */
  readonly gapDays: number;
  readonly largestGap: YuanText;
  /** Month-ends the liquid money was below the reserve (each month once, whatever the fund types). */
  readonly breachMonths: number;
  readonly largestBreach: YuanText;
  readonly interest: YuanText;
  readonly placements: number;
}

/**
 * The plans the replay priced — the past plan, then hindsight and rolling when present — risk figures before the
 * interest.
 */
export function sideRows(result: Pick<ReplayResult, SideKey>): SideRow[] {
  return SIDES.flatMap((side) => {
    const s = result[side];
    if (!s) return [];
    return [{
      side,
      gapDays: new Set(s.payoutGaps.map((g) => g.date)).size,
      largestGap: s.largestGap as YuanText,
      breachMonths: new Set(s.reserveBreaches.map((b) => b.month)).size,
      largestBreach: maxYuan(s.reserveBreaches.map((b) => b.short)),
      interest: s.interest as YuanText,
      placements: s.placements,
    }];
  });
}

export interface GapRow {
  readonly month: string;
  readonly fundType: string;
  /** The most the fund type was short on any day of the month. */
  readonly largest: YuanText;
  readonly days: number;
  readonly firstDate: string;
}

/**
 * A plan's payout gaps by month and fund type (the ledger reports each day the cash was below zero): the most it was
 * short that month and on how many days, in month order.
 */
export function gapRows(side: Pick<ReplaySide, 'payoutGaps'>): GapRow[] {
  const rows = new Map<string, { month: string; fundType: string; fen: bigint; dates: Set<string>; firstDate: string }>();
  for (const g of side.payoutGaps) {
    const key = `${g.month}/${g.fundType}`;
    const row = rows.get(key) ?? { month: g.month, fundType: g.fundType, fen: 0n, dates: new Set<string>(), firstDate: g.date };
    row.fen = fenOf(g.amount) > row.fen ? fenOf(g.amount) : row.fen;
    row.dates.add(g.date);
    if (g.date < row.firstDate) row.firstDate = g.date;
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => a.month.localeCompare(b.month) || a.fundType.localeCompare(b.fundType)).map((r) => ({ month: r.month, fundType: r.fundType, largest: yuanTextOf(r.fen), days: r.dates.size, firstDate: r.firstDate }));
}

/** The interest forgone by the past plan against hindsight and rolling (negative: the past plan earned more), if priced. */
export function forgoneRows(result: Pick<ReplayResult, 'forgone'>): { against: 'hindsight' | 'rolling'; amount: YuanText }[] {
  return [
    ...(result.forgone.vsHindsight !== undefined ? [{ against: 'hindsight' as const, amount: result.forgone.vsHindsight as YuanText }] : []),
    ...(result.forgone.vsRolling !== undefined ? [{ against: 'rolling' as const, amount: result.forgone.vsRolling as YuanText }] : []),
  ];
}

/** Per replayed month: the past plan's largest payout gap and its largest reserve shortfall (0 where none), for the chart. */
export function riskByMonth(result: Pick<ReplayResult, 'months' | 'actual'>): { month: string; largestGap: YuanText; reserveShort: YuanText }[] {
  return Array.from({ length: result.months.count }, (_, k) => {
    const month = addMonths(result.months.from, k);
    return {
      month,
      largestGap: maxYuan(result.actual.payoutGaps.filter((g) => g.month === month).map((g) => g.amount)),
      reserveShort: maxYuan(result.actual.reserveBreaches.filter((b) => b.month === month).map((b) => b.short)),
    };
  });
}

function maxYuan(amounts: readonly string[]): YuanText {
  return yuanTextOf(amounts.reduce((a, x) => (fenOf(x) > a ? fenOf(x) : a), 0n));
}
