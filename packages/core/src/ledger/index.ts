export * from './types';
export * from './positions';
export * from './runLedger';
export * from './prepareLedger';
export * from './checks/placementChecks';
export * from './checks/monthEndChecks';
export * from './checks/contractRateFindings';
