/**
 * @fundladder/core — exact money, dates, interest rules, schemas, the ledger and KPIs. No I/O.
 */
export * from './money/index';
export * from './dates/index';
export * from './issues';
export * from './interest/index';
export * from './schemas/index';
export * from './rules/index';
export * from './ledger/index';
export * from './kpi/index';
export * from './evaluatePlan';
export * from './tender/index';
export * from './random/mulberry32';
export * from './audit/index';
