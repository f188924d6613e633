export * from './interestPeriodDays';
export * from './interestOnBalanceDays';
export * from './claimedDemandRate';
export * from './statutoryReference';
export * from './auditInterestStatement';
