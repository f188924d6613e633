export * from './decimal';
export * from './rounding';
export * from './units';
export * from './allocate';
