import { monthFromOrdinal, monthOrdinal, parseMonthKey } from '@fundladder/core';

/**
 * The ordinal of a period label: months since year 0 for `YYYY-MM`, the year for `YYYY`.
 *
 * @param label - 'YYYY-MM' or 'YYYY'
 * @returns the frequency and ordinal, or undefined for anything else
 * @example periodOrdinal('2024-03') //=> { frequency: 'monthly', ordinal: 24290 }
 * @example periodOrdinal('2021') //=> { frequency: 'annual', ordinal: 2021 }
 * @see docs/forecast.md "Input and output" (period `YYYY-MM` or `YYYY`)
 */
export function periodOrdinal(label: string): { frequency: 'monthly' | 'annual'; ordinal: number } | undefined {
  const month = parseMonthKey(label);
  if (month) return { frequency: 'monthly', ordinal: monthOrdinal(month) };
  if (/^\d{4}$/.test(label)) return { frequency: 'annual', ordinal: Number(label) };
  return undefined;
}

/**
 * The label of the period `steps` after `label`.
 *
 * @param label - 'YYYY-MM' or 'YYYY'
 * @param steps - periods to add (may be negative)
 * @returns the label
 * @example addPeriods('2025-11', 3) //=> '2026-02'
 * @see periodOrdinal
 */
export function addPeriods(label: string, steps: number): string {
  const parsed = periodOrdinal(label);
  if (!parsed) throw new TypeError(`addPeriods: '${label}' is not YYYY-MM or YYYY`);
  if (parsed.frequency === 'annual') return String(parsed.ordinal + steps);
  return monthFromOrdinal(parsed.ordinal + steps);
}
