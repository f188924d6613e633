// Editing a scenario version as fields: each editable value is a field named by its JSON path in the scenario body
// (`banks.0.quotes.3.annualRate`), the same path the API's issues carry after `body`. An edit is the text the reader
// typed; saving reads every edited text exactly (money to the fen, rates as fractions), writes it into a copy of the
// body, and the API's answer is laid back on the fields by path. The version itself never changes: saving makes a new one.
import type { Issue } from '../../api/schemas';
import { moneyIn } from '../../format/money';
import { type InputProblem, type MoneyInputUnit, parseMoneyInput, parsePercentInput, percentInputOf } from './moneyInput';

/** What a field holds, which decides how its text is read and shown. */
export type FieldKind = { kind: 'money'; unit: MoneyInputUnit } | { kind: 'percent' } | { kind: 'int'; min: number; max: number } | { kind: 'date' } | { kind: 'choice'; options: readonly string[] } | { kind: 'text' };

/** A JSON path in the scenario body, as the API's issues give it after `body`. */
export type JsonPath = readonly (string | number)[];

/** The key of a field: its path joined with dots (`banks.0.quotes.3.annualRate`). */
export function fieldKey(path: JsonPath): string {
  return path.join('.');
}

type Json = unknown;

/** The value at `path` in `body`, or undefined. */
export function valueAt(body: Json, path: JsonPath): Json {
  let v: Json = body;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, Json>)[p];
  }
  return v;
}

/**
 * A value as a field shows it for editing: money in the field's unit with thousands separators and every digit to the
 * fen (nothing hidden by rounding), a fraction as its percentage, anything else as text.
 * @example fieldText({ kind: 'money', unit: 'wan' }, '10000000.00') //=> '1,000.000000'
 * @example fieldText({ kind: 'percent' }, '0.0095') //=> '0.95'
 */
export function fieldText(kind: FieldKind, value: Json): string {
  if (value === undefined || value === null) return '';
  if (kind.kind === 'money' && typeof value === 'string') return trimZeros(moneyIn(value, kind.unit, kind.unit === 'wan' ? 6 : kind.unit === 'yi' ? 10 : 2));
  if (kind.kind === 'percent' && typeof value === 'string') return percentInputOf(value);
  return String(value);
}

/** `1,000.000000` → `1,000.00`: zeros past the second decimal say nothing. */
function trimZeros(text: string): string {
  return text.replace(/(\.\d\d\d*?)0+$/, '$1');
}

/** Why a field's text was refused before anything was sent. */
export type FieldProblem = InputProblem | 'notAnInteger' | 'outOfRange' | 'notADate' | 'notAChoice';
export interface FieldError {
  readonly problem: FieldProblem;
  readonly maxPlaces?: number;
  readonly min?: number;
  readonly max?: number;
}

/**
 * A field's text as the value the scenario keeps, or why not.
 * @example readField({ kind: 'money', unit: 'yi' }, '95') //=> { ok: true, value: '9500000000.00' }
 * @example readField({ kind: 'int', min: 0, max: 36 }, '40') //=> { ok: false, error: { problem: 'outOfRange', min: 0, max: 36 } }
 */
export function readField(kind: FieldKind, text: string): { ok: true; value: Json } | { ok: false; error: FieldError } {
  const t = text.trim();
  switch (kind.kind) {
    case 'money': {
      const r = parseMoneyInput(t, kind.unit);
      return r.ok ? { ok: true, value: r.yuan } : { ok: false, error: { problem: r.problem, ...(r.maxPlaces ? { maxPlaces: r.maxPlaces } : {}) } };
    }
    case 'percent': {
      const r = parsePercentInput(t);
      return r.ok ? { ok: true, value: r.fraction } : { ok: false, error: { problem: r.problem, ...(r.maxPlaces ? { maxPlaces: r.maxPlaces } : {}) } };
    }
    case 'int': {
      if (t === '') return { ok: false, error: { problem: 'empty' } };
      if (!/^\d{1,9}$/.test(t)) return { ok: false, error: { problem: 'notAnInteger' } };
      const n = Number(t);
      return n < kind.min || n > kind.max ? { ok: false, error: { problem: 'outOfRange', min: kind.min, max: kind.max } } : { ok: true, value: n };
    }
    case 'date':
      return /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(t) ? { ok: true, value: t } : { ok: false, error: { problem: 'notADate' } };
    case 'choice':
      return kind.options.includes(t) ? { ok: true, value: t } : { ok: false, error: { problem: 'notAChoice' } };
    case 'text':
      return t === '' ? { ok: false, error: { problem: 'empty' } } : { ok: true, value: t };
  }
}

/** One edited field: where, what it holds, the text typed. */
export interface Edit {
  readonly path: JsonPath;
  readonly kind: FieldKind;
  readonly text: string;
}

/**
 * The body with every edit written in, or each field's error; the body passed in is not changed.
 * @example applyEdits({ policy: { minBanks: 5 } }, [{ path: ['policy', 'minBanks'], kind: { kind: 'int', min: 0, max: 100 }, text: '6' }]) //=> { ok: true, body: { policy: { minBanks: 6 } }, changed: 1 }
 */
export function applyEdits(body: Json, edits: readonly Edit[]): { ok: true; body: Json; changed: number } | { ok: false; errors: Record<string, FieldError> } {
  const copy = structuredClone(body);
  const errors: Record<string, FieldError> = {};
  let changed = 0;
  for (const e of edits) {
    const r = readField(e.kind, e.text);
    if (!r.ok) {
      errors[fieldKey(e.path)] = r.error;
      continue;
    }
    const parent = valueAt(copy, e.path.slice(0, -1));
    if (parent === null || typeof parent !== 'object') {
      errors[fieldKey(e.path)] = { problem: 'notAChoice' };
      continue;
    }
    const last = e.path[e.path.length - 1]!;
    const target = parent as Record<string | number, Json>;
    if (JSON.stringify(target[last]) !== JSON.stringify(r.value)) changed += 1;
    target[last] = r.value;
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, body: copy, changed };
}

/**
 * The API's issues laid on fields: an issue whose path (after `body`) names a field, or a place inside it, goes to that
 * field; the others are listed apart with their path.
 * @param issues - the API's issues (paths start at `body`)
 * @param fields - the keys of the fields on screen
 * @example issuesByField([{ path: ['body', 'banks', 0, 'quotes', 3, 'annualRate'], … }], ['banks.0.quotes.3.annualRate']).byField //=> { 'banks.0.quotes.3.annualRate': [issue] }
 */
export function issuesByField(issues: readonly Issue[], fields: readonly string[]): { byField: Record<string, Issue[]>; elsewhere: Issue[] } {
  const known = new Set(fields);
  const byField: Record<string, Issue[]> = {};
  const elsewhere: Issue[] = [];
  for (const issue of issues) {
    const path = issue.path[0] === 'body' ? issue.path.slice(1) : issue.path;
    let key: string | undefined;
    for (let n = path.length; n > 0 && key === undefined; n -= 1) {
      const k = fieldKey(path.slice(0, n));
      if (known.has(k)) key = k;
    }
    if (key === undefined) elsewhere.push(issue);
    else (byField[key] ??= []).push(issue);
  }
  return { byField, elsewhere };
}
