/**
 * Errors as data (docs/conventions.md §2): every problem found in input, a plan or a ledger run is a `DomainIssue`
 * with a JSON path, the rule's name, the value received and, where one applies, the limit. Wording
 * for people lives in the apps; core emits codes and facts (the English `message` is a fallback).
 */
export interface DomainIssue {
  /** Machine code, e.g. `invalid_format`, `unknown_reference`, `bank_cap_exceeded`. */
  readonly code: string;
  /** Where in the input, as zod paths: `['plan', 'placements', 3, 'amount']`. */
  readonly path: ReadonlyArray<string | number>;
  /** The rule broken, named as in docs/glossary.md and the code (`rateAsFraction`, `trancheShareCap`). */
  readonly rule: string;
  /** Plain-English fallback text. */
  readonly message: string;
  /** The value received, as text (money as a decimal string). */
  readonly received?: string;
  /** The limit or expected value, as text. */
  readonly limit?: string;
  /** The month concerned, for ledger findings. */
  readonly monthKey?: string;
  /** The day concerned, where a rule is checked day by day (a fund type's cash on a payout day), ISO `YYYY-MM-DD`. */
  readonly date?: string;
  readonly bankId?: string;
  /** The account or holding concerned, by id. */
  readonly subject?: string;
  readonly fundType?: string;
  /** Amount involved, yuan, as a decimal string. */
  readonly amount?: string;
  /** What was probably meant, e.g. the known key nearest to an unknown one (`reserve` for `reserv`). */
  readonly suggestion?: string;
  /**
   * `warning`: the input is accepted but a value looks wrong (a rate that reads like a percent, an amount of
   * 10¹⁵ yuan); it never fails a command. Absent: an error.
   */
  readonly severity?: 'warning';
}

/** A result instead of a throw: either the value or every issue found. */
export type Result<T> = { ok: true; value: T } | { ok: false; issues: DomainIssue[] };

/** Prints a path like zod's `toDotPath`: `plan.placements[3].amount`. */
export function formatPath(path: ReadonlyArray<string | number>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${part}` : part;
  }
  return out || '(root)';
}

/** One line per issue: `✖ message (rule; received X; limit Y) → at path`. */
export function formatIssue(issue: DomainIssue): string {
  const facts = [issue.rule, issue.received !== undefined ? `received ${issue.received}` : undefined, issue.limit !== undefined ? `limit ${issue.limit}` : undefined]
    .filter(Boolean)
    .join('; ');
  return `✖ ${issue.message} (${facts}) → at ${formatPath(issue.path)}`;
}
