import { type MonthlyFlow, type Result, type Scenario, monthlyFlowSchema, parseInput, scenarioWarnings, validateScenario, type FundType, type MonthKey } from '@fundladder/core';
import { z } from 'zod';
import { namesOf } from '@fundladder/app';
import type { CliIo } from './io';
import { readFlowsCsv } from './tableInput';
import { printIssue } from './format';

/**
 * Drops a UTF-8 byte-order mark: Windows tools (Notepad, Excel's "CSV UTF-8") write one, and JSON.parse refuses it
 * (RFC 8259 §8.1: a parser may ignore it; JSON.parse does not).
 * @example withoutBom('\uFEFF{}') //=> '{}'
 */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Reads a text file (UTF-8, with or without a BOM); a missing or unreadable file comes back as an issue, not a throw. */
export function readTextFile(io: CliIo, path: string): Result<string> {
  try {
    return { ok: true, value: withoutBom(io.readText(path)) };
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

/**
 * Reads and validates a scenario file. Values that are accepted but look mistyped (core's scenarioWarnings: a rate
 * that reads like a percent, an amount of 10¹⁵ yuan) are printed on stderr as warnings; they never stop a command.
 */
export function readScenario(io: CliIo, path: string): Result<Scenario> {
  const json = readJson(io, path);
  const scenario = json.ok ? validateScenario(json.value) : json;
  if (scenario.ok) for (const warning of scenarioWarnings(scenario.value)) io.err(printIssue(warning, io, namesOf(scenario.value, io.lang)));
  return scenario;
}

const flowsFileSchema = z.union([z.array(monthlyFlowSchema), z.strictObject({ flows: z.array(monthlyFlowSchema) }).transform((o) => o.flows)]);

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
  return parseInput(flowsFileSchema, json.value);
}
