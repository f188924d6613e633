// Every rule and code the engine and the CLI can emit has a name and a sentence in Chinese and English in the
// application layer's catalogue (packages/app/src/messages/issues.ts, docs/app.md §3). The list is not kept by hand:
// the test reads the sources of every package whose issues reach a reader and fails naming any rule or code the
// catalogue does not word. It sits here, not beside the catalogue, because it reads files across packages.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { DomainIssue } from '@fundladder/core';
import { issueCatalogue, issueText, namesOf } from '@fundladder/app';

const root = fileURLToPath(new URL('../../', import.meta.url));
const sample = JSON.parse(readFileSync(join(root, 'examples/county-fund/scenario.json'), 'utf8')) as unknown;
const zhNames = namesOf(sample, 'zh');
const enNames = namesOf(sample, 'en');

/** The packages whose issues reach a reader (the API's own codes are the API's). */
const SOURCE_ROOTS = ['packages/core/src', 'packages/forecast/src', 'packages/optimizer/src', 'packages/app/src', 'apps/cli/src'];

function sourceFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) out.push(path);
    }
  };
  for (const r of SOURCE_ROOTS) walk(join(root, r));
  return out;
}

/** The source without comments, so that an `@example` is not taken for an emitted rule. */
const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

/** The expression after `key:` up to the comma, newline or bracket that ends it. */
function expressionAt(text: string, start: number): string {
  let depth = 0;
  let i = start;
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) {
      if (depth === 0) break;
      depth--;
    } else if ((ch === ',' || ch === '\n') && depth === 0) break;
  }
  return text.slice(start, i);
}

/** The identifiers an expression can give (`same ? 'duplicate' : 'out_of_order'`), not those it compares with. */
const literalsIn = (expression: string): string[] => [...expression.replace(/[!=]==\s*'[^']*'/g, '').matchAll(/'([A-Za-z][A-Za-z0-9_]*)'/g)].map((m) => m[1]!);

/** The object literal around `index`: from its unmatched `{` to the matching `}`. */
function objectAround(text: string, index: number): string {
  let depth = 0;
  let from = index;
  for (; from > 0; from--) {
    const ch = text[from]!;
    if (ch === '}') depth++;
    else if (ch === '{') {
      if (depth === 0) break;
      depth--;
    }
  }
  depth = 0;
  let to = from;
  for (; to < text.length; to++) {
    const ch = text[to]!;
    if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) break;
  }
  return text.slice(from, to + 1);
}

/** A map that keeps the first value set for a key. */
class FirstSeen extends Map<string, string> {
  override set(key: string, value: string): this {
    return this.has(key) ? this : super.set(key, value);
  }
}

interface Emitted {
  readonly rules: Map<string, string>;
  readonly codes: Map<string, string>;
  readonly pairs: Map<string, string>;
}

/**
 * Every rule and code the packages can emit: `rule: …` and `code: …` literals (either branch of a conditional), the
 * rules passed on by name (`duplicates(…, 'uniqueId')`), and zod's codes with the rules parseInput gives them
 * (core/schemas/zodIssues.ts `RULE_BY_ZOD_CODE`, whose keys are the codes zod can report).
 */
function emitted(): Emitted {
  // Each rule and code with the first file that emits it (core first), to name it when it is missing.
  const rules = new FirstSeen();
  const codes = new FirstSeen();
  const pairs = new FirstSeen();
  for (const file of sourceFiles()) {
    const where = relative(root, file);
    const text = withoutComments(readFileSync(file, 'utf8'));
    for (const m of text.matchAll(/\brule:\s*/g)) for (const r of literalsIn(expressionAt(text, m.index + m[0].length))) rules.set(r, where);
    for (const m of text.matchAll(/\bcode:\s*/g)) {
      const found = literalsIn(expressionAt(text, m.index + m[0].length));
      for (const c of found) codes.set(c, where);
      const object = objectAround(text, m.index);
      const rule = /\brule:\s*/.exec(object);
      if (rule) for (const c of found) for (const r of literalsIn(expressionAt(object, rule.index + rule[0].length))) pairs.set(`${c}/${r}`, where);
    }
    for (const m of text.matchAll(/\bduplicates\([^;]*?'([A-Za-z][A-Za-z0-9]*)'\)/g)) rules.set(m[1]!, where);
    const zod = /RULE_BY_ZOD_CODE[^=]*=\s*\{([^}]*)\}/.exec(text);
    if (zod) {
      for (const m of zod[1]!.matchAll(/(\w+):\s*'(\w+)'/g)) {
        // unrecognized_keys becomes unknown_key (knownKeys), and invalid_union is reported by its deepest branch.
        if (m[1] !== 'unrecognized_keys') codes.set(m[1]!, where);
        rules.set(m[2]!, where);
      }
      // A zod code without a rule of its own is its own rule.
      for (const code of ['invalid_key', 'invalid_element']) {
        codes.set(code, where);
        rules.set(code, where);
      }
    }
  }
  return { rules, codes, pairs };
}

const CJK = /[\u3400-\u9fff]/;

/** A synthetic issue with every fact set, from the sample's ids, to word a code or a pair. */
const synthetic = (code: string, rule: string): DomainIssue => ({ code, rule, path: ['banks', 0, 'quotes', 4, 'annualRate'], message: 'core message', received: '120000000.00', limit: '100000000.00', amount: '20000000.00', monthKey: '2026-03', bankId: 'icbc', fundType: 'employeePension', subject: 'ep-fiscal', suggestion: '0.05' });

describe('issue catalogue: complete', () => {
  const found = emitted();

  it('finds what the sources emit (the scan itself works)', () => {
    expect(found.rules.size).toBeGreaterThan(100);
    expect(found.codes.size).toBeGreaterThan(55);
    expect(found.rules.get('rateAsFraction')).toBe('packages/core/src/schemas/primitives.ts');
    expect(found.rules.get('uniqueId')).toBe('packages/core/src/schemas/validateScenario.ts');
    expect(found.codes.get('out_of_order')).toBe('packages/forecast/src/input/buildFlowTable.ts');
    expect(found.codes.get('invalid_type')).toBe('packages/core/src/schemas/zodIssues.ts');
    expect(found.pairs.get('bank_cap_exceeded/trancheShareCap')).toBe('packages/core/src/rules/trancheShareCap.ts');
    expect(found.pairs.has('suspended_bank/suspendedBankNoNewMoney')).toBe(true);
  });

  it('names every rule the packages emit, in Chinese and in English', () => {
    const missing = [...found.rules].filter(([rule]) => !issueCatalogue.rules[rule]?.zh || !issueCatalogue.rules[rule]?.en).map(([rule, file]) => `${rule} (${file})`);
    expect(missing).toEqual([]);
    for (const [rule, name] of Object.entries(issueCatalogue.rules)) {
      expect(name.zh, rule).toMatch(CJK);
      expect(name.en, rule).not.toMatch(CJK);
    }
  });

  it('words every code the packages emit, in Chinese and in English', () => {
    const missing = [...found.codes].filter(([code]) => !issueCatalogue.codes[code]).map(([code, file]) => `${code} (${file})`);
    expect(missing).toEqual([]);
  });

  it('gives every code and rule emitted together a sentence in both languages: Chinese, no id, nothing undefined', () => {
    const ids = new Set([...found.rules.keys(), ...found.codes.keys()]);
    for (const pair of found.pairs.keys()) {
      const [code, rule] = pair.split('/') as [string, string];
      const zh = issueText(synthetic(code, rule), 'zh', zhNames);
      const en = issueText(synthetic(code, rule), 'en', enNames);
      expect(zh, pair).toMatch(CJK);
      expect(zh, pair).not.toMatch(/undefined|NaN/);
      expect(en, pair).not.toMatch(/undefined|NaN/);
      expect(en, pair).not.toBe(zh);
      const leaked = zh.match(/[A-Za-z_]+/g)?.filter((word) => ids.has(word) || ['icbc', 'employeePension', 'ep'].includes(word)) ?? [];
      expect(leaked, `${pair}: ${zh}`).toEqual([]);
    }
  });
});
