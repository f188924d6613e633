export * from './monthKey';
export * from './isoDate';
export * from './dayCount';
