// @fundladder/app: the application layer between the engine (core, forecast, optimizer) and the apps (CLI, API).
export * from './import/index';
export { starterScenario } from './init/starterScenario';
export { starterReadme } from './init/starterReadme';
export * from './wire/codecs';
export * from './jobs/context';
export * from './jobs/evaluation';
export * from './jobs/evaluate';
export * from './paths';
export * from './jobs/optimizeResult';
export * from './jobs/optimize';
export * from './messages/names';
export * from './messages/facts';
export * from './messages/capFindings';
export * from './jobs/readiness';
export * from './jobs/validate';
export * from './execute';
