import { type DomainIssue, type MonthlyFlow, type Result, type Scenario, monthlyFlowSchema, fromZodIssues, validateScenario } from '@fundladder/core';
import { z } from 'zod';
import type { CliIo } from './io';

/** Reads a text file; a missing or unreadable file comes back as an issue, not a throw. */
export function readTextFile(io: CliIo, path: string): Result<string> {
  try {
    return { ok: true, value: io.readText(path) };
  } catch (e) {
    return { ok: false, issues: [{ code: 'unreadable', path: [], rule: 'readable', message: `cannot read ${path}: ${(e as Error).message}`, received: path }] };
  }
}

/** Reads and parses a JSON file; a missing file or bad JSON comes back as an issue, not a throw. */
export function readJson(io: CliIo, path: string): Result<unknown> {
  const text = readTextFile(io, path);
  if (!text.ok) return text;
  try {
    return { ok: true, value: JSON.parse(text.value) as unknown };
  } catch (e) {
    return { ok: false, issues: [{ code: 'invalid_json', path: [], rule: 'parseJson', message: `${path} is not valid JSON: ${(e as Error).message}`, received: path }] };
  }
}

/** Reads and validates a scenario file. */
export function readScenario(io: CliIo, path: string): Result<Scenario> {
  const json = readJson(io, path);
  return json.ok ? validateScenario(json.value) : json;
}

const flowsFileSchema = z.union([z.array(monthlyFlowSchema), z.object({ flows: z.array(monthlyFlowSchema) }).transform((o) => o.flows)]);

/**
 * Reads a flow path: JSON (an array of {month, fundType, inflow, outflow} or {flows: [...]}) or CSV
 * with a header `month,fundType,inflow,outflow` (amounts in yuan as decimal strings).
 */
export function readFlows(io: CliIo, path: string): Result<MonthlyFlow[]> {
  if (path.endsWith('.csv')) {
    const file = readTextFile(io, path);
    if (!file.ok) return file;
    const lines = file.value.split(/\r?\n/).filter((l) => l.trim() !== '');
    const header = (lines[0] ?? '').split(',').map((h) => h.trim());
    const expected = ['month', 'fundType', 'inflow', 'outflow'];
    if (expected.some((h, i) => header[i] !== h)) {
      return { ok: false, issues: [{ code: 'invalid_header', path: ['row', 1], rule: 'csvHeader', message: `the header must be ${expected.join(',')}`, received: lines[0] ?? '' }] };
    }
    const rows = lines.slice(1).map((l) => {
      const [month, fundType, inflow, outflow] = l.split(',').map((c) => c.trim());
      return { month, fundType, inflow, outflow };
    });
    const parsed = z.array(monthlyFlowSchema).safeParse(rows, { reportInput: true });
    if (!parsed.success) {
      const issues: DomainIssue[] = fromZodIssues(parsed.error.issues).map((i) => ({ ...i, path: typeof i.path[0] === 'number' ? ['row', (i.path[0] as number) + 2, ...i.path.slice(1)] : i.path }));
      return { ok: false, issues };
    }
    return { ok: true, value: parsed.data };
  }
  const json = readJson(io, path);
  if (!json.ok) return json;
  const parsed = flowsFileSchema.safeParse(json.value, { reportInput: true });
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, issues: fromZodIssues(parsed.error.issues) };
}
