import { z } from 'zod';
import {
  type AuditedLine, type DomainIssue, type IsoDate, type Result, type StatementAudit, type StatementLine, AMOUNT_WARN_FROM_YUAN, Decimal,
  auditInterestStatement, parseInput, parseIsoDate,
} from '@fundladder/core';
import { scenarioRefOf } from './evaluation';
import { type JobContext, readScenarioJson } from './context';
import { type AuditInterestResult, type AuditedLineWire, auditInterestResult } from './auditInterestResult';

const DECIMAL_TEXT = /^\d+(\.\d+)?$/;
const required = (what: string) => (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : `is not ${what}`);

/** Yuan as text: a plain decimal, not negative, to the fen, below 10¹⁵. */
const yuanText = z
  .string({ error: required('text') })
  .regex(DECIMAL_TEXT, 'is not a plain decimal number of yuan, not negative')
  .transform((t) => new Decimal(t))
  .pipe(z.instanceof(Decimal).refine((d) => d.lt(AMOUNT_WARN_FROM_YUAN), { error: 'is 10^15 yuan or more (more than all deposits in China)', params: { rule: 'plausibleAmount' } }));
const fenText = yuanText.pipe(z.instanceof(Decimal).refine((d) => d.decimalPlaces() <= 2, { error: 'is finer than the fen', params: { rule: 'toTheFen' } }));
/** A rate as a fraction; above 0.2 it was typed as a percentage. */
const rateText = yuanText.pipe(z.instanceof(Decimal).refine((d) => d.lte('0.2'), { error: 'looks like a percentage; rates are fractions (0.0035 = 0.35%)', params: { rule: 'rateAsFraction' } }));
const dayText = z
  .string({ error: required('text') })
  .refine((t) => parseIsoDate(t) !== undefined, { error: 'is not a day YYYY-MM-DD', params: { rule: 'isoDate' } })
  .transform((t) => t as IsoDate);

/** One statement line on the wire: amounts in yuan and rates as fractions, as decimal strings; where it came from. */
export const statementLineInput = z.strictObject({
  account: z.string({ error: required('text') }).min(1, 'is empty'),
  firstDay: dayText,
  lastDay: dayText,
  balance: fenText.optional(),
  balanceDays: fenText.optional(),
  annualRate: rateText.optional(),
  interestPaid: fenText,
  /** The row of the statement file the line came from (1-based, as a spreadsheet numbers it). */
  row: z.int().min(1).optional(),
});

/**
 * Audit a bank's demand-interest statement (利息复核, docs/audit.md): the scenario as JSON (accounts, banks, statutory
 * reading) and the statement's lines as plain JSON (the CLI reads the CSV or workbook and hands the rows on).
 */
export const auditInterestRequest = z.strictObject({
  kind: z.literal('auditInterest'),
  scenario: z.unknown(),
  statement: z.strictObject({
    /** The file the lines came from (`file` or `file#sheet`), for issues that name the row. */
    file: z.string().optional(),
    /** The file's sha256 (hex), when the caller kept it (the API does): the run then names exactly the bytes it read. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'is not a sha256 in hex').optional(),
    lines: z.array(statementLineInput).min(1, 'has no lines'),
  }),
});
export type AuditInterestRequest = z.input<typeof auditInterestRequest>;

// The result's schemas live in auditInterestResult.ts (zod and codecs only), so that a front end can check a result with
// them without loading this job (`@fundladder/app/wire`).
export { type AuditInterestResult, type AuditedLineWire, auditInterestResult, auditedLine } from './auditInterestResult';

/** An issue about line `index` named by its place in the statement file: `[file, row, field]` when the row is known. */
function atRow(issue: DomainIssue, file: string | undefined, rows: ReadonlyArray<number | undefined>): DomainIssue {
  const [head, second, third, ...rest] = issue.path;
  const index = head === 'statement' && second === 'lines' ? third : head === 'statement' ? second : undefined;
  const field = head === 'statement' && second === 'lines' ? rest : [third, ...rest].filter((p) => p !== undefined);
  const row = typeof index === 'number' ? rows[index] : undefined;
  if (row === undefined || file === undefined) return issue;
  return { ...issue, path: [file, row, ...field] };
}

function lineOf(l: AuditedLine, row: number | undefined): AuditedLineWire {
  return { ...l, ...(row !== undefined ? { row } : {}), segments: l.segments.map((s) => ({ ...s })), statutory: { rule: l.statutory.rule, annualRate: l.statutory.annualRate, source: l.statutory.source, confirmed: l.statutory.confirmed }, notes: l.notes.map((n) => ({ ...n })) };
}

/**
 * The interest-audit job (利息复核): validates the scenario and the statement's lines (every problem named by the file's
 * row and the field, or the JSON path), recomputes every line with core's `auditInterestStatement` (the higher of the
 * contract rate and the confirmed statutory floor, docs/domain.md §2.1–§2.2; F2 and F5 of §5.1; the bank's conventions
 * of §5.2) and lists every difference with the rule applied and the amount owed, to the fen. A statement with a line
 * that cannot be recomputed (an unknown account, a 积数 a rate change would have to split) is refused whole: a report
 * whose totals leave lines out would understate what is owed.
 */
export async function runAuditInterest(request: AuditInterestRequest, _context: JobContext = {}): Promise<Result<AuditInterestResult>> {
  const rawLines = (request as { statement?: { lines?: unknown } })?.statement?.lines;
  const rows = Array.isArray(rawLines) ? rawLines.map((l) => (typeof (l as { row?: unknown })?.row === 'number' ? ((l as { row: number }).row) : undefined)) : [];
  const file = typeof (request as { statement?: { file?: unknown } })?.statement?.file === 'string' ? (request as { statement: { file: string } }).statement.file : undefined;
  const parsed = parseInput(auditInterestRequest, request);
  if (!parsed.ok) return { ok: false, issues: parsed.issues.map((i) => atRow(i, file, rows)) };
  const input = readScenarioJson(parsed.value.scenario);
  if (!input.ok) return input;
  const { scenario, warnings } = input.value;
  const lines: StatementLine[] = parsed.value.statement.lines.map(({ row: _row, ...line }) => line);
  const { audit, issues } = auditInterestStatement(scenario, lines);
  if (issues.length) return { ok: false, issues: issues.map((i) => atRow(i, file, rows)) };
  const value = resultOf(audit, rows, file, scenario, warnings);
  const checked = auditInterestResult.safeEncode(value);
  if (!checked.success) return { ok: false, issues: checked.error.issues.map((i) => ({ code: 'internal', path: ['result', ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))], rule: 'resultSchema', message: i.message })) };
  return { ok: true, value };
}

function resultOf(audit: StatementAudit, rows: ReadonlyArray<number | undefined>, file: string | undefined, scenario: Parameters<typeof scenarioRefOf>[0], warnings: DomainIssue[]): AuditInterestResult {
  const banks = [...new Set(audit.lines.map((l) => l.bankId))];
  return {
    kind: 'auditInterest',
    scenario: scenarioRefOf(scenario),
    ...(file !== undefined ? { file } : {}),
    rounding: audit.rounding,
    conventions: banks.map((bankId) => ({ bankId, ...scenario.banks.find((b) => b.id === bankId)!.conventions })),
    lines: audit.lines.map((l) => lineOf(l, rows[l.index])),
    totals: { ...audit.totals },
    differences: audit.lines.filter((l) => l.outcome !== 'match').length,
    warnings,
  };
}
