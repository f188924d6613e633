/**
 * @fundladder/forecast — monthly and annual inflow/outflow forecasts per fund type: baseline,
 * Holt–Winters (ETS), regression and cohort models behind one interface; rolling-origin backtests,
 * automatic choice, empirical bands and joint seeded paths. Floats inside; yuan strings at the edge.
 */
export type { Band, Forecaster, FittedForecaster, Prediction, PredictOptions } from './types';
export { forecast } from './forecast';
export { seasonalNaive } from './models/seasonalNaive';
export { randomWalk, type RandomWalkSpec } from './models/randomWalk';
export { SIGMA_FLOOR_SHARE, randomWalkBands, randomWalkSpread, type RandomWalkBandOptions, type RandomWalkQuantile, type RandomWalkSpread } from './models/randomWalkBands';
export { holtWinters, holtWintersName, type HoltWintersParams, type HoltWintersSpec } from './models/holtWinters';
export { holtWintersStart, type HoltWintersStart } from './models/holtWintersStart';
export { linearTrendSeasonal } from './models/linearTrendSeasonal';
export { projectCohort, cohortInputFromSeries, type CohortInput } from './models/cohort';
export { residualBands } from './models/residualBands';
export { candidatesFor, type CandidateSet } from './candidates';
export { BACKTEST_LEVELS, backtestSeries, defaultBacktestOptions, scaledErrors, seriesScale, type BacktestOptions, type ModelRun, type SeriesBacktest } from './backtest';
export { scoreRun, MIN_CALIBRATION, type CoverageCounts, type HorizonScore, type ModelScore } from './metrics';
export { selectModel } from './selectModel';
export { nestedSelectionScore, type SelectionScore } from './selectionScore';
export { annualBands, empiricalBands, monotoneBand, type AnnualBandOptions, type EmpiricalBandOptions } from './bands';
export { forecastFlows, type DerivedForecast, type FlowForecast, type FlowSide, type ForecastOptions, type SeriesForecast } from './forecastFlows';
export { shockIssues, simulatePaths, type Shock, type SimulatedPaths, type SimulateOptions } from './simulate';
export { simulateFlowTable, type SimulateFlowTableOptions } from './simulateFlowTable';
export { pathCalibration, type CalibrationCell, type PathCalibration, type PathCalibrationOptions } from './pathCalibration';
export { buildPathModel, calendarIndex, type PathModel, type PathModelInput, type SeriesPathModel } from './paths/pathModel';
export { impulseResponse } from './paths/impulseResponse';
export { calendarLevelRatios } from './paths/calendarLevelRatios';
export { scaleMixture } from './paths/scaleMixture';
export { meanBlockLength, stationaryBootstrap } from './paths/stationaryBootstrap';
export { countDistinctPaths } from './paths/countDistinctPaths';
export { forecastToJson, yuanString, type ForecastJson, type WireValue } from './output';
export { flowTableFromScenario } from './input/flowTableFromScenario';
export { MIN_ANNUAL_YEARS, buildFlowTable } from './input/buildFlowTable';
export { addPeriods, periodOrdinal } from './input/periodOrdinal';
export { COHORT_FIELDS, type CohortField, type FlowRow, type FlowSeries, type FlowTable } from './input/flowTable';
export { nelderMead, type NelderMeadOptions, type NelderMeadResult } from './optim/nelderMead';
export { predictionBounds, type PredictionBounds } from './stats/predictionBounds';
export { studentTQuantile } from './stats/studentTQuantile';
export { randomWalkStepSd } from './stats/randomWalkStepSd';
export { normalQuantile } from './stats/normalQuantile';
export { solveLinearSystem } from './stats/solveLinearSystem';
export { syntheticFundFlows, type SyntheticOptions } from './synthetic';
