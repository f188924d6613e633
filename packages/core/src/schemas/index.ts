export * from './primitives';
export * from './enums';
export * from './scenario';
export * from './plan';
export * from './zodIssues';
export * from './validateScenario';
export * from './lookup';
export * from './resolvePlan';
