import { type DomainIssue, type Result, Decimal } from '@fundladder/core';

/** How a parameter's value is written: a whole number, a number, or a decimal fraction kept as text (shares, rates). */
type ValueKind = 'int' | 'number' | 'decimal';

/** A policy parameter a sweep may vary: where it lives in the scenario and how a value is put there. */
export interface SweepParameter {
  /** The name a sweep result uses (the scenario schema's own, under `policy`). */
  readonly name: string;
  /** Other names accepted in `--vary` (the short forms of docs/sweep.md). */
  readonly aliases: readonly string[];
  /** The field of the scenario the value goes to (JSON path). */
  readonly path: readonly (string | number)[];
  readonly kind: ValueKind;
  /** What it means, zh and en, for the error that lists the allowed names. */
  readonly zh: string;
  readonly en: string;
}

/**
 * The parameters a sweep varies (docs/sweep.md §1): reserve months, the safety confidence, each of the three caps of
 * [004], the minimum quoted rate, the maximum term, the bond share, and the number of eligible banks. Each is a field
 * of the scenario's `policy` (docs/domain.md §7–8), except `eligibleBanks`, which keeps the first N eligible banks in
 * the scenario's order and suspends the others (a researcher orders the banks, e.g. by tender score, to ask "what if
 * only the best N could take deposits?"). Every value is then checked by the scenario's own (strict) schema.
 */
export const SWEEP_PARAMETERS: readonly SweepParameter[] = [
  { name: 'reserveMonths', aliases: ['reserve.months'], path: ['policy', 'reserve', 'months'], kind: 'int', zh: '流动性储备：未来几个月的支出', en: 'liquidity reserve: months of payouts' },
  { name: 'confidence', aliases: ['safety.confidence'], path: ['policy', 'safety', 'confidence'], kind: 'number', zh: '安全置信度', en: 'safety confidence' },
  { name: 'caps.trancheShare', aliases: ['caps.a', 'caps.tranche'], path: ['policy', 'caps', 'trancheShare'], kind: 'decimal', zh: '上限A：单家银行占当月新增定期的比例', en: "cap A: one bank's share of the month's new time deposits" },
  { name: 'caps.bankLocalDepositShare', aliases: ['caps.b', 'caps.localShare'], path: ['policy', 'caps', 'bankLocalDepositShare'], kind: 'decimal', zh: '上限B：占该行本地一般性存款的比例', en: "cap B: share of the bank's local general deposits" },
  { name: 'caps.fundTimeDepositShare', aliases: ['caps.c', 'caps.fundShare'], path: ['policy', 'caps', 'fundTimeDepositShare'], kind: 'decimal', zh: '上限C：占基金定期存款的比例', en: "cap C: share of the fund's time deposits" },
  { name: 'minQuoteRate', aliases: ['minRate'], path: ['policy', 'minQuoteRate'], kind: 'decimal', zh: '起存利率（最低报价）', en: 'minimum quoted rate' },
  { name: 'maxTermMonths', aliases: ['maxTerm'], path: ['policy', 'maxTermMonths'], kind: 'int', zh: '最长期限（月）', en: 'maximum term (months)' },
  { name: 'maxBondShare', aliases: ['bondShare'], path: ['policy', 'maxBondShare'], kind: 'decimal', zh: '国债最高占比', en: 'largest bond share' },
  { name: 'eligibleBanks', aliases: ['banks'], path: ['banks'], kind: 'int', zh: '可存放银行数（按情景中的顺序取前 N 家）', en: 'number of eligible banks (the first N in the scenario)' },
];

/** The parameters a sweep accepts, one line each with its aliases: the text of the "unknown parameter" error. */
export function sweepParameterList(): string {
  return SWEEP_PARAMETERS.map((p) => `${p.name} (${[...p.aliases, `policy.${p.name}`].filter((a) => p.name !== 'eligibleBanks' || !a.startsWith('policy.')).join(', ')}): ${p.zh} ${p.en}`).join('; ');
}

/**
 * The parameter a `--vary` name means: its schema name, an alias (`caps.fundShare`), or either with `policy.` before
 * it. An unknown name is an issue listing every allowed one.
 * @example sweepParameter('caps.fundShare').value.name //=> 'caps.fundTimeDepositShare'
 * @example sweepParameter('reserve').ok //=> false (the message lists reserveMonths, confidence, …)
 */
export function sweepParameter(name: string): Result<SweepParameter> {
  const bare = name.startsWith('policy.') ? name.slice('policy.'.length) : name;
  const found = SWEEP_PARAMETERS.find((p) => p.name === bare || p.aliases.includes(bare));
  if (found) return { ok: true, value: found };
  return {
    ok: false,
    issues: [{ code: 'invalid_flag', path: ['--vary'], rule: 'sweepParameter', message: `${name} is not a parameter a sweep varies; one of: ${sweepParameterList()}`, received: name, limit: SWEEP_PARAMETERS.map((p) => p.name).join(', ') }],
  };
}

const WHOLE = /^\d+$/;
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** The value as the scenario's JSON holds it: a whole number or a number as a JSON number, a fraction as its text. */
function jsonValue(parameter: SweepParameter, value: string): Result<string | number> {
  const bad = (what: string): Result<string | number> => ({ ok: false, issues: [{ code: 'invalid_value', path: [...parameter.path], rule: 'sweepValue', message: `${parameter.name}=${value}: ${what}`, received: value }] });
  if (parameter.kind === 'int') return WHOLE.test(value) ? { ok: true, value: Number(value) } : bad('a whole number is expected');
  if (!DECIMAL.test(value)) return bad('a plain decimal number is expected');
  if (parameter.kind === 'number') return { ok: true, value: new Decimal(value).toNumber() };
  return { ok: true, value };
}

function objectAt(root: Record<string, unknown>, keys: readonly (string | number)[]): Record<string, unknown> {
  let at = root;
  for (const k of keys) {
    const next = at[k];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) at[k] = {};
    at = at[k] as Record<string, unknown>;
  }
  return at;
}

/**
 * The scenario's JSON with one point's values put in (the input is not changed). `reserveMonths` makes the reserve
 * rule `monthsOfPayouts` (a fixed-amount reserve is replaced); `eligibleBanks = N` keeps the first N banks whose status
 * is `eligible` and suspends the others, with the reason saying so (N from 1 to the number of eligible banks).
 * The result still has to pass the scenario's schema (`readScenarioJson`), which checks each value's range.
 *
 * @param scenarioJson - the scenario as JSON (as read from its file)
 * @param values - the point: parameter names (or aliases) → value text
 * @example applySweepPoint(sample, { reserveMonths: '3' }).value.policy.reserve //=> { rule: 'monthsOfPayouts', months: 3 }
 */
export function applySweepPoint(scenarioJson: unknown, values: Readonly<Record<string, string>>): Result<unknown> {
  if (typeof scenarioJson !== 'object' || scenarioJson === null || Array.isArray(scenarioJson)) return { ok: false, issues: [{ code: 'invalid_type', path: [], rule: 'scenarioObject', message: 'a scenario is a JSON object', received: Array.isArray(scenarioJson) ? 'array' : typeof scenarioJson }] };
  const json = structuredClone(scenarioJson) as Record<string, unknown>;
  const issues: DomainIssue[] = [];
  for (const [name, text] of Object.entries(values)) {
    const parameter = sweepParameter(name);
    if (!parameter.ok) {
      issues.push(...parameter.issues);
      continue;
    }
    const p = parameter.value;
    const value = jsonValue(p, text);
    if (!value.ok) {
      issues.push(...value.issues);
      continue;
    }
    if (p.name === 'eligibleBanks') {
      const banks = Array.isArray(json.banks) ? (json.banks as Record<string, unknown>[]) : [];
      const eligible = banks.filter((b) => b?.status === 'eligible').length;
      const n = value.value as number;
      if (n < 1 || n > eligible) {
        issues.push({ code: 'out_of_range', path: ['banks'], rule: 'sweepEligibleBanks', message: `eligibleBanks=${text}: the scenario has ${eligible} eligible banks; N runs from 1 to ${eligible}`, received: text, limit: String(eligible) });
        continue;
      }
      let kept = 0;
      json.banks = banks.map((b) => {
        if (b?.status !== 'eligible') return b;
        kept++;
        return kept <= n ? b : { ...b, status: 'suspended', suspendedReason: `sweep: eligibleBanks=${n} keeps the first ${n} eligible banks` };
      });
      continue;
    }
    if (p.name === 'reserveMonths') {
      objectAt(json, ['policy']).reserve = { rule: 'monthsOfPayouts', months: value.value };
      continue;
    }
    objectAt(json, p.path.slice(0, -1))[p.path.at(-1)!] = value.value;
  }
  return issues.length ? { ok: false, issues } : { ok: true, value: json };
}
