import { type Evaluation, type MonthlyFlow, type Scenario, Decimal, addMonthsToKey, evaluatePlan, monthKey as monthKey_ } from '@fundladder/core';
import type { WirePlacement } from './planFromSolution';

const CAP_RULES = new Set(['trancheShareCap', 'fundTimeDepositShareCap', 'bankLocalDepositCap']);
/** A cap broken by no more than this (yuan) is an effect of cutting the LP's amounts to the fen at a bank the LP left at its cap. */
const ROUNDING_YUAN = new Decimal(10_000);
/** Cash overdrawn by no more than this (yuan) is the fen rounding of interest postings against the LP's floats. */
const CASH_ROUNDING_YUAN = new Decimal(1);

/**
 * Rounding LP amounts down to the fen can tip a bank over a cap by a few fen when the LP left it exactly at
 * the cap (and the cap's safety margin is smaller than a fen, as when the month's total is small), and can
 * leave a fund type's cash a fen below zero where the LP left it at exactly zero (interest is rounded per
 * posting, the LP's floats are not). This trims the bank's latest placement still outstanding by the
 * excess plus one fen (or the fund type's latest placement by its shortfall plus one fen) and re-checks
 * with the ledger, a few times at most. Anything larger is not rounding and is left for the ledger to report.
 * @param evaluation - the ledger's evaluation of `plan` as given, if the caller has it (saves one ledger run)
 * @returns the repaired placements and their evaluation, or undefined when nothing needed repair
 */
export function repairCapRounding(scenario: Scenario, plan: { schemaVersion: 1; name: string; placements: WirePlacement[] }, flows: readonly MonthlyFlow[], evaluation?: Evaluation): { placements: WirePlacement[]; evaluation: Evaluation } | undefined {
  let placements = plan.placements.map((p) => ({ ...p }));
  let changed = false;
  for (let round = 0; round < 20; round++) {
    // The caller's evaluation of the unchanged plan saves the first ledger run.
    const ev = round === 0 && evaluation ? { ok: true as const, value: evaluation } : evaluatePlan(scenario, { ...plan, placements }, flows);
    if (!ev.ok) return undefined;
    const breaks = ev.value.report.issues.filter((i) => CAP_RULES.has(i.rule) && i.amount !== undefined && new Decimal(i.amount).lte(ROUNDING_YUAN));
    // A fund type's cash a few fen below zero where the LP left it at exactly zero: interest is rounded to the fen
    // per posting, the LP's float is not. Its latest placement made on or before that day gives up the fen.
    const overdrawn = ev.value.report.issues.filter((i) => i.rule === 'cashNotNegative' && i.amount !== undefined && new Decimal(i.amount).lte(CASH_ROUNDING_YUAN));
    if (!breaks.length && !overdrawn.length) return changed ? { placements, evaluation: ev.value } : undefined;
    const cashTrims = new Map<string, { fundType: string; monthKey: string; yuan: Decimal }>();
    for (const i of overdrawn) {
      const key = `${i.fundType}|${i.monthKey}`;
      const prev = cashTrims.get(key);
      if (!prev || prev.yuan.lt(new Decimal(i.amount!))) cashTrims.set(key, { fundType: i.fundType!, monthKey: i.monthKey!, yuan: new Decimal(i.amount!) });
    }
    for (const { fundType, monthKey, yuan } of cashTrims.values()) {
      const k = placements.map((p, idx) => ({ p, idx })).filter(({ p }) => p.fundType === fundType && p.month <= monthKey && p.product !== 'largeCd').sort((a, b) => (a.p.month < b.p.month ? 1 : -1))[0]?.idx;
      if (k === undefined) continue;
      const p = placements[k]!;
      placements[k] = { ...p, amount: new Decimal(p.amount).minus(yuan).minus('0.01').toFixed(2) };
      changed = true;
    }
    // How much each bank must give up, month by month: for cap C the water level S' = Σ min(O_k, c·S')
    // (several banks at the cap at once must come down together); for caps A and B the excess.
    const trims = new Map<string, { bankId: string; monthKey: string; yuan: Decimal }>();
    const addTrim = (bankId: string, monthKey: string, yuan: Decimal) => {
      const key = `${bankId}|${monthKey}`;
      const prev = trims.get(key);
      if (!prev || prev.yuan.lt(yuan)) trims.set(key, { bankId, monthKey, yuan });
    };
    for (const issue of breaks) {
      if (issue.rule !== 'fundTimeDepositShareCap') {
        addTrim(issue.bankId!, issue.monthKey!, new Decimal(issue.amount!));
        continue;
      }
      const month = ev.value.report.months.find((m) => m.month === issue.monthKey)!;
      const share = scenario.policy.caps.fundTimeDepositShare;
      const held = [...month.timeDepositsByBank];
      // The largest total S' with Σ min(O_k, c·S') ≥ S' (bisection; yuan floats are fine for finding a level).
      const c = share.toNumber();
      const amounts = held.map(([, o]) => o.toNumber());
      let lo = 0;
      let hi = amounts.reduce((acc, o) => acc + o, 0);
      for (let k = 0; k < 100; k++) {
        const mid = (lo + hi) / 2;
        if (amounts.reduce((acc, o) => acc + Math.min(o, c * mid), 0) >= mid) lo = mid;
        else hi = mid;
      }
      const level = new Decimal(lo.toFixed(2)).minus('0.01');
      for (const [bankId, o] of held) if (o.gt(level.times(share))) addTrim(bankId, issue.monthKey!, o.minus(level.times(share)));
    }
    for (const { bankId, monthKey, yuan } of trims.values()) {
      const candidates = placements
        .map((p, k) => ({ p, k }))
        .filter(({ p }) => p.bankId === bankId && (p.product === 'timeDeposit' || p.product === 'largeCd') && p.month <= monthKey && addMonthsToKey(monthKey_(p.month), p.termMonths) > monthKey)
        .sort((a, b) => Number(a.p.product === 'largeCd') - Number(b.p.product === 'largeCd') || (a.p.month < b.p.month ? 1 : -1));
      let left = yuan.toDecimalPlaces(2, Decimal.ROUND_UP).plus('0.01');
      for (const { p, k } of candidates) {
        if (left.lte(0)) break;
        // A CD is cut only as far as it stays a whole lot.
        const room = p.product === 'largeCd' ? new Decimal(p.amount).minus(scenario.products.largeCd.minimumLot) : new Decimal(p.amount);
        if (room.lte(0)) continue;
        const cut = Decimal.min(left, room);
        placements[k] = { ...p, amount: new Decimal(p.amount).minus(cut).toFixed(2) };
        left = left.minus(cut);
        changed = true;
      }
    }
    placements = placements.filter((p) => new Decimal(p.amount).gte(scenario.products.timeDeposit.minimumAmount) || p.product !== 'timeDeposit');
  }
  return undefined;
}
