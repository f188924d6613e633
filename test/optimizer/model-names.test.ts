// Variable and row names are unique in every model the optimizer builds (bounds are fixed by name between rounds,
// explanations name rows): the joint, pooled and split models of the tiny county and of the 36-month sample.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Scenario, scenarioSchema } from '@fundladder/core';
import { tinyScenario } from '@fundladder/core/testing';
import { type LpModel, buildLadderModel, buildSplitModel, poolFundTypes, prepareLadderData, restoreAllDominated } from '@fundladder/optimizer';
import { ROOT } from '../cli/harness';

function duplicates(model: LpModel): string[] {
  const seen = new Set<string>();
  const dup: string[] = [];
  for (const name of [...model.variables.map((v) => `var ${v.name}`), ...model.rows.map((r) => `row ${r.name}`)]) {
    if (seen.has(name)) dup.push(name);
    seen.add(name);
  }
  return dup;
}

describe('model names', () => {
  const scenarios: Array<[string, Scenario]> = [
    ['tiny county', scenarioSchema.parse(tinyScenario())],
    ['sample', scenarioSchema.parse(JSON.parse(readFileSync(join(ROOT, 'examples/county-fund/scenario.json'), 'utf8')))],
    ['sample, fund types apart', ((s) => ({ ...s, policy: { ...s.policy, keepFundTypesApart: true } }))(scenarioSchema.parse(JSON.parse(readFileSync(join(ROOT, 'examples/county-fund/scenario.json'), 'utf8'))))],
  ];
  for (const [label, scenario] of scenarios) {
    it(`are unique in the joint, pooled and split models (${label})`, () => {
      const data = prepareLadderData(scenario);
      const all = restoreAllDominated(data);
      expect(duplicates(buildLadderModel(data, { lots: 'ignore', restored: all }).model)).toEqual([]);
      expect(duplicates(buildLadderModel(poolFundTypes(data), { lots: 'ignore', restored: all }).model)).toEqual([]);
      const pooled = data.options.flatMap((o, i) => (o.rateByMonth[0] ? [{ option: i, month: 0, amountWan: 100 }] : []));
      expect(duplicates(buildSplitModel(data, pooled).model)).toEqual([]);
    });
  }
});
