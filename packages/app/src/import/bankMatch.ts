import { bankFromName } from './vocabulary';
import { normalizeText } from './units';

/** A bank as the import knows it: its id in the scenario and its name. */
export interface KnownBank {
  readonly id: string;
  readonly name: string;
}

/**
 * Finds the bank a cell names: by id, by the exact name, by a name that contains the other (`工商银行` and
 * `中国工商银行示例县支行`) when only one bank fits, or by the short id a national bank's name gives (`工行` → icbc).
 * @param text - the cell
 * @param banks - the banks of the import and of the scenario
 * @returns the bank's id, or undefined when none or more than one fits
 * @example matchBank('工商银行', [{ id: 'icbc', name: '中国工商银行示例县支行' }]) //=> 'icbc'
 */
export function matchBank(text: string, banks: readonly KnownBank[]): string | undefined {
  const key = normalizeText(text);
  if (key === '') return undefined;
  const byId = banks.find((b) => b.id.toLowerCase() === key);
  if (byId) return byId.id;
  const exact = banks.filter((b) => normalizeText(b.name) === key);
  if (exact.length === 1) return exact[0]!.id;
  const partial = banks.filter((b) => normalizeText(b.name).includes(key) || key.includes(normalizeText(b.name)));
  if (partial.length === 1) return partial[0]!.id;
  const known = bankFromName(text);
  if (known) {
    const same = banks.filter((b) => b.id === known.id || bankFromName(b.name)?.id === known.id);
    if (same.length === 1) return same[0]!.id;
  }
  return undefined;
}

/**
 * An id for a new bank: the short id of a national bank's name (`icbc`), else `bank1`, `bank2`…, never one taken.
 * @example newBankId('中国建设银行示例县支行', new Set()) //=> 'ccb'
 * @example newBankId('示例市商业银行', new Set(['bank1'])) //=> 'bank2'
 */
export function newBankId(name: string, taken: ReadonlySet<string>): string {
  const base = bankFromName(name)?.id;
  if (base && !taken.has(base)) return base;
  const stem = base ?? 'bank';
  for (let n = base ? 2 : 1; ; n++) if (!taken.has(`${stem}${n}`)) return `${stem}${n}`;
}
