import { z } from 'zod';
import { planSchema, scenarioSchema } from '@fundladder/core';
import { type Command, EXIT_OK, EXIT_USAGE } from '../io';
import { parseCommandArgs } from '../args';

/** JSON Schema (draft 2020-12) of the input files, from the zod schemas (input side: what a file contains). */
export function jsonSchemas(): { scenario: unknown; plan: unknown } {
  const opts = { io: 'input' as const, unrepresentable: 'any' as const };
  return {
    scenario: { title: 'fundladder scenario', ...z.toJSONSchema(scenarioSchema, opts) },
    plan: { title: 'fundladder plan', ...z.toJSONSchema(planSchema, opts) },
  };
}

/** `fundladder schema [scenario|plan]`: prints the JSON Schema of the scenario and plan files. */
export const schemaCommand: Command = (args, io) => {
  const parsed = parseCommandArgs(io, 'schema', args, {}, {
    zh: '用法: fundladder schema [scenario|plan]\n打印情景文件与计划文件的 JSON Schema（金额为十进制字符串，月份 YYYY-MM）。',
    en: 'Usage: fundladder schema [scenario|plan]\nPrints the JSON Schema of the scenario and plan files (money as decimal strings, months YYYY-MM).',
  }, { min: 0, max: 1 });
  if (!parsed.ok) return parsed.code;
  const { positionals } = parsed;
  const schemas = jsonSchemas();
  const which = positionals[0];
  if (which === undefined) io.out(JSON.stringify(schemas, null, 2));
  else if (which === 'scenario' || which === 'plan') io.out(JSON.stringify(schemas[which], null, 2));
  else {
    io.err(`fundladder schema: unknown schema '${which}' (scenario or plan)`);
    return EXIT_USAGE;
  }
  return EXIT_OK;
};
