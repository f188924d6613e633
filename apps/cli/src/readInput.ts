import { type MonthlyFlow, type Result, type Scenario, monthlyFlowSchema, fromZodIssues, validateScenario, type FundType, type MonthKey } from '@fundladder/core';
import { z } from 'zod';
import type { CliIo } from './io';
import { readFlowsCsv } from './tableInput';

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
 * Reads a flow path: JSON (an array of {month, fundType, inflow, outflow} or {flows: [...]}) or a flows CSV
 * (`readFlowsCsv`: the format `fundladder import --history` reads; `month,fundType,inflow,outflow` in yuan is one spelling).
 */
export function readFlows(io: CliIo, path: string): Result<MonthlyFlow[]> {
  if (path.endsWith('.csv')) {
    // The one flows format that import, forecast and backtest read too: UTF-8 or GBK, 月份,险种,收入,支出 or
    // month|period,fundType,inflow,outflow, long or wide, amounts in the unit each header declares (bare names: yuan).
    const records = readFlowsCsv(io, path);
    if (!records.ok) return records;
    return { ok: true, value: records.value.map((r) => ({ month: r.period as MonthKey, fundType: r.fundType as FundType, inflow: r.inflow, outflow: r.outflow })) };
  }
  const json = readJson(io, path);
  if (!json.ok) return json;
  const parsed = flowsFileSchema.safeParse(json.value, { reportInput: true });
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, issues: fromZodIssues(parsed.error.issues) };
}
