import { LpBuilder, type LpModel } from './lp';
import type { LadderData } from './data';
import { type LadderVariables, addVariables } from './variables';
import { addConstraints } from './constraints';

export interface BuildOptions {
  /** A small cost per 万元 placed, so that of two equally good plans the simpler one wins (default 0). */
  readonly placementPenaltyPerWan?: number;
  /** Upper bounds by variable name (used to switch off placements that break a lot rule). */
  readonly upperBounds?: ReadonlyMap<string, number>;
  /** Minimum lots as semi-continuous columns (a MIP; HiGHS) or left out (a pure LP, rounded afterwards). Default semiContinuous. */
  readonly lots?: 'semiContinuous' | 'ignore';
  /** Dominated time-deposit columns to include after all (`${optionIndex}|${month index}`), see LadderData's `dominatedBy`. */
  readonly restored?: ReadonlySet<string>;
  /**
   * Leave out the columns that no plan can fill to their product's minimum with the money their fund type has free
   * (model/placeable.ts): valid for this data's flows and floors only, so not for models re-solved with other flows
   * (what-ifs) or with cash that may bend (the elastic model). Default false.
   */
  readonly leaveOutUnaffordable?: boolean;
}

/**
 * Builds the ladder LP: maximise interest earned inside the horizon (placements valued by core's
 * rules, cash at its account's demand rate, plus the interest that does not depend on the plan as the
 * objective's offset) subject to cash, reserve, cap and bond-share rows. The model is data (`LpModel`).
 * @see docs/optimizer.md
 */
export function buildLadderModel(data: LadderData, options: BuildOptions = {}): { model: LpModel; variables: LadderVariables } {
  const lp = new LpBuilder('maximize');
  lp.offset = data.constantInterest;
  const variables = addVariables(lp, data, { placementPenaltyPerWan: options.placementPenaltyPerWan ?? 0, lots: options.lots ?? 'semiContinuous', ...(options.upperBounds ? { upperBounds: options.upperBounds } : {}), ...(options.restored ? { restored: options.restored } : {}), ...(options.leaveOutUnaffordable ? { leaveOutUnaffordable: true } : {}) });
  addConstraints(lp, data, variables);
  return { model: lp.build(), variables };
}
