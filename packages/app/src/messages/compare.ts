import { BASELINE_NAMES } from '@fundladder/optimizer';
import type { CompareColumn } from '../jobs/compareResult';
import type { Lang } from './names';

/** What a column's label is made of (the facts of a {@link CompareColumn}). */
export type ColumnLabelFacts = Pick<CompareColumn, 'scenario' | 'source' | 'plan' | 'confidence' | 'repeat'>;

/**
 * A comparison column's name in `lang`: the scenario's name when several scenarios are compared (each column
 * labelled by its scenario), else the plan's — a given plan by its own name, the optimizer's plan by what it is safe
 * at, a baseline by its policy. A column whose label another column before it already carries gets "（2）" / " (2)".
 * @example columnLabel({ scenario: 0, source: { kind: 'optimized' }, confidence: 0.99 }, [{ name: 'A' }], 'zh') //=> '优化计划（按 99.0% 置信度保障支付）'
 * @example columnLabel({ scenario: 1, source: { kind: 'optimized' }, confidence: 0.99, repeat: 2 }, [{ name: 'A' }, { name: 'A' }], 'en') //=> 'A (2)'
 */
export function columnLabel(column: ColumnLabelFacts, scenarios: readonly { readonly name: string }[], lang: Lang): string {
  const zh = lang === 'zh';
  const repeat = column.repeat === undefined ? '' : zh ? `（${column.repeat}）` : ` (${column.repeat})`;
  return `${baseLabel(column, scenarios, lang)}${repeat}`;
}

function baseLabel(column: ColumnLabelFacts, scenarios: readonly { readonly name: string }[], lang: Lang): string {
  const zh = lang === 'zh';
  if (scenarios.length > 1) return scenarios[column.scenario]?.name ?? `#${column.scenario + 1}`;
  const s = column.source;
  switch (s.kind) {
    case 'given':
      return column.plan ?? (zh ? '计划' : 'plan');
    case 'baseline':
      return BASELINE_NAMES[s.policy][lang];
    case 'optimized': {
      const c = column.confidence;
      if (c === 0) return zh ? '优化计划（只按平均流量）' : 'optimized (mean flows only)';
      return zh ? `优化计划（按 ${(c * 100).toFixed(1)}% 置信度保障支付）` : `optimized (safe at ${(c * 100).toFixed(1)}%)`;
    }
  }
}

/**
 * The `repeat` of each column, in order, so that no two columns share a label in any language: the first column with
 * a label has none, the next 2, then 3.
 */
export function columnRepeats(columns: readonly Omit<ColumnLabelFacts, 'repeat'>[], scenarios: readonly { readonly name: string }[]): Array<number | undefined> {
  const used = new Set<string>();
  return columns.map((c) => {
    let n = 1;
    const key = (k: number) => (['zh', 'en'] as const).map((lang) => `${lang}:${columnLabel({ ...c, ...(k > 1 ? { repeat: k } : {}) }, scenarios, lang)}`);
    while (key(n).some((k) => used.has(k))) n++;
    for (const k of key(n)) used.add(k);
    return n > 1 ? n : undefined;
  });
}
