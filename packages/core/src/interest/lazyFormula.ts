/**
 * An object of `fields` whose `formula` is written when it is read, not when the object is made (the ledger makes
 * thousands of interest computations and postings on every flow path and reads few formulas). A class with the getter
 * on its prototype: `formula` reads like a field, and `toJSON` (JSON.stringify, the ledger's wire form) gives it with
 * the other fields.
 *
 * Not an object literal with its own `get formula()`: V8 makes every such literal an object with its own accessor,
 * and those objects and everything their getter closes over survive the young-generation collections until the next
 * full one (measured, docs/sweep.md §6: of 2,000 ledger runs on the sample, 11% of what they allocated was copied and
 * promoted that way, and a third of their time went to the collector). Instances of this class die young.
 */
class FormulaOnRead {
  readonly #write: () => string;

  constructor(fields: object, write: () => string) {
    Object.assign(this, fields);
    this.#write = write;
  }

  get formula(): string {
    return this.#write();
  }

  /** The fields and the formula (last), as JSON.stringify and the ledger's wire form read them. */
  toJSON(): Record<string, unknown> {
    return { ...(this as object), formula: this.formula };
  }
}

/**
 * `fields` with a `formula` written by `write` when read (each time: keep `write` cheap to call twice, or read once).
 * @param fields - the object's own fields (copied onto it)
 * @param write - writes the formula with the figures filled in
 * @returns an object with `fields` and a `formula` read like a field
 * @see docs/sweep.md §6 ("Garbage that outlived the young generation") for why it is not a literal with a getter
 * @example withFormulaOnRead({ interest: dec(10) }, () => '1000 × 1% / 1').formula //=> '1000 × 1% / 1'
 */
export function withFormulaOnRead<T extends object>(fields: T, write: () => string): T & { readonly formula: string } {
  return new FormulaOnRead(fields, write) as unknown as T & { readonly formula: string };
}
