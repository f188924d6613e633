// Answers the Data screen reads (docs/api.md §2 and apps/api/src/routes/{imports,scenarios}.ts), checked before use.
// Not strict, as schemas.ts: a field the API adds later does not break the screen.
import { z } from 'zod';
import { issueSchema, scenarioSummarySchema, scenarioVersionSchema } from './schemas';

/** One problem or note of an import, at its file, sheet, row (1-based, as a spreadsheet numbers it) and column, worded. */
export const importIssueSchema = issueSchema.extend({
  file: z.string(),
  sheet: z.string().optional(),
  row: z.number().int().optional(),
  column: z.string().optional(),
  expected: z.string().optional(),
  text: z.string(),
});
export type ImportIssue = z.output<typeof importIssueSchema>;

/** What an import changes in the scenario: a part's count (or value) before and after, worded. */
export const importChangeSchema = z.object({
  part: z.string(),
  before: z.union([z.number(), z.string(), z.null()]),
  after: z.union([z.number(), z.string()]),
  added: z.array(z.string()).optional(),
  removed: z.array(z.string()).optional(),
  text: z.string(),
});
export type ImportChange = z.output<typeof importChangeSchema>;

export const importAnswerSchema = z.object({
  id: z.string(),
  outcome: z.enum(['preview', 'saved', 'refused']),
  issues: z.array(importIssueSchema),
  notes: z.array(importIssueSchema),
  changes: z.array(importChangeSchema),
  tables: z.array(z.object({ part: z.string(), file: z.string(), sheet: z.string().optional(), encoding: z.string().optional(), records: z.number() })),
  version: scenarioVersionSchema.optional(),
});
export type ImportAnswer = z.output<typeof importAnswerSchema>;

/** A version with its body (the scenario JSON, read by the editor as plain JSON; the API checked it when saved). */
export const versionWithBodySchema = scenarioVersionSchema.extend({ body: z.record(z.string(), z.unknown()) });
export type VersionWithBody = z.output<typeof versionWithBodySchema>;

export const versionCreatedSchema = z.object({ version: scenarioVersionSchema, warnings: z.array(issueSchema) });
export const scenarioCreatedSchema = z.object({ scenario: scenarioSummarySchema, version: scenarioVersionSchema, warnings: z.array(issueSchema) });
