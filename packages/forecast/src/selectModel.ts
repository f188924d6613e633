import type { ModelScore } from './metrics';

/**
 * The automatic choice: the candidate with the lowest backtest MASE; ties go to the earlier
 * (simpler) candidate, so the baseline wins a tie. Every candidate's score is kept for the report.
 *
 * @param scores - candidate scores in candidate order (baseline first)
 * @returns the chosen score
 * @example selectModel([{ model: 'seasonalNaive', mase: 1, byHorizon: [] }, { model: 'ets(A,A)', mase: 0.6, byHorizon: [] }]).model //=> 'ets(A,A)'
 * @see docs/forecast.md "Automatic choice" (lowest MASE over the backtest windows)
 */
export function selectModel(scores: readonly ModelScore[]): ModelScore {
  let best = scores[0];
  if (!best) throw new RangeError('selectModel: no candidates');
  for (const s of scores.slice(1)) if (s.mase < best.mase - 1e-12) best = s;
  return best;
}
