import type { MonthlyFlow, Scenario } from '@fundladder/core';
import { type FrontierPoint, type OptimizeOptions, type PlanningPaths, type SafePlanResult, type SafetyPolicy, safetyFrontier } from '@fundladder/optimizer';
import type { CliIo } from './io';
import { table, wan } from './format';

/** The confidences of `--frontier`. */
export const FRONTIER_CONFIDENCES = [0, 0.9, 0.95, 0.99, 0.995] as const;

/** The confidence–interest frontier on the same planning and check paths as the main plan. */
export function runFrontier(scenario: Scenario, options: Omit<OptimizeOptions, 'safety'> & { planning: PlanningPaths; check: MonthlyFlow[][]; policy: SafetyPolicy; base: SafePlanResult; progress: (done: number, total: number) => void }): Promise<FrontierPoint[]> {
  const { planning, check, policy, base, progress, ...optimizeOptions } = options;
  return safetyFrontier(scenario, FRONTIER_CONFIDENCES, { ...optimizeOptions, planningPaths: planning, checkPaths: check, policy, ...(base.nothingPlaced ? { nothingPlaced: base.nothingPlaced } : {}), onPoint: progress });
}

const pct = (x: number | undefined) => (x === undefined ? '—' : `${(x * 100).toFixed(1)}%`);

/** The frontier as a table: risk first, then interest. */
export function printFrontier(io: CliIo, points: readonly FrontierPoint[]): void {
  const zh = io.lang === 'zh';
  io.out('');
  io.out(zh ? '置信度—利息前沿（同一批规划情景制定、同一批样本外情景核算；风险在前）：' : 'Confidence–interest frontier (same planning paths, same out-of-sample check paths; risk first):');
  const first = points.find((p) => p.interest)?.interest;
  io.out(table([
    [zh ? '置信度' : 'confidence', zh ? '计划造成缺口' : 'plan-caused gap', zh ? '头一个季度' : 'first quarter', zh ? '任一支付缺口' : 'any payout gap', zh ? '账本利息（万元）' : 'ledger interest (万元)', zh ? '比平均流量计划' : 'vs mean-flow plan', zh ? '5% 分位利息' : 'P5 interest'],
    ...points.map((p) => [
      p.confidence === 0 ? (zh ? '0（平均流量）' : '0 (mean flows)') : `${(p.confidence * 100).toFixed(1)}%`,
      ...(p.status === 'tooFewPaths'
        ? [zh ? `需要至少 ${p.pathsNeeded} 条情景` : `needs ≥ ${p.pathsNeeded} paths`, '', '', '', '', '']
        : p.status !== 'optimal'
          ? [p.status, '', '', '', '', '']
          : [pct(p.planCausedShortProbability), pct(p.planCausedShortFirstQuarterProbability), pct(p.payoutShortProbability), wan(p.interest!), first ? wan(p.interest!.minus(first)) : '—', p.p5Interest ? wan(p.p5Interest) : '—']),
    ]),
  ]));
}
