export * from './statutoryDemandRate';
