/**
 * @fundladder/optimizer — the ladder LP, its solver back-ends, and the plan it proposes, checked by the
 * exact ledger of @fundladder/core.
 */
export * from './model/lp';
export * from './model/data';
export * from './model/buildLadderModel';
export * from './model/constraints';
export * from './backends/types';
export * from './backends/highs';
export * from './backends/jsLpSolver';
export * from './verify';
export * from './extract/planFromSolution';
export * from './optimize';
export * from './baselines';
export * from './report/explain';
export * from './stress';
export * from './model/split';
export * from './report/rollover';
export * from './rolling';
export * from './model/safety';
export * from './safePlan';
export * from './warm';
