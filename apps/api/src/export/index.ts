// Exports a finance bureau attaches to a rollover request (续存/转存申请): the workbook, the printable report, its PDF
// (docs/exports.md).
export { type ExportInput, type ExportMeta, type ExportOptimizeOptions, type PlannedOptimizeResult, EXPORT_FORECAST_LEVELS, exportInputFor, exportInputFromResult, isPlanned } from './input';
export { SHEET_NAMES, buildWorkbook } from './workbook';
export { buildReportHtml } from './report';
export { CHROMIUM_PATH, renderPdf } from './pdf';
