import { type Decimal, type FundType, type ProductKind, FUND_TYPE_NAMES_ZH, formatWan } from '@fundladder/core';

/** The languages of the message catalogue. */
export type Lang = 'zh' | 'en';

/**
 * Fund types, banks, products and accounts by name, not id (the scenario's bank names; the statutory fund-type names
 * in Chinese), and a place in the scenario or plan in words.
 */
export interface Names {
  bank(id: string | undefined): string;
  fundType(id: string): string;
  product(kind: string): string;
  /** An account by its bank, fund type and kind ("中国工商银行示例县支行的企业职工基本养老保险基金财政专户"); the id when unknown. */
  account(id: string): string;
  /**
   * Where a JSON path points, in words, when it points into a bank, account, holding, flow row or placement
   * (`banks[0].quotes[2]` → "中国工商银行示例县支行的定期存款 3 个月报价"); '' when the path names nothing the
   * scenario can put a name to.
   */
  place(path: ReadonlyArray<string | number>): string;
}

/** The products as a fund manager names them. */
const PRODUCT_NAMES: Record<ProductKind, Record<Lang, string>> = {
  demandDeposit: { zh: '活期存款', en: 'demand deposit' },
  agreedDeposit: { zh: '协定存款', en: 'agreed deposit' },
  callDeposit1d: { zh: '1天通知存款', en: '1-day call deposit' },
  callDeposit7d: { zh: '7天通知存款', en: '7-day call deposit' },
  timeDeposit: { zh: '定期存款', en: 'time deposit' },
  largeCd: { zh: '大额存单', en: 'large CD' },
  govBond: { zh: '国债', en: 'government bond' },
};

const FUND_TYPE_NAMES_EN: Record<FundType, string> = {
  employeePension: 'employee pension',
  residentPension: 'resident pension',
  publicSectorPension: 'public-sector pension',
  employeeMedical: 'employee medical',
  residentMedical: 'resident medical',
  unemployment: 'unemployment',
  workInjury: 'work injury',
  maternity: 'maternity',
};

const ACCOUNT_KIND_NAMES: Record<string, Record<Lang, string>> = {
  revenue: { zh: '收入户', en: 'revenue account' },
  expenditure: { zh: '支出户', en: 'expenditure account' },
  fiscalSpecial: { zh: '财政专户', en: 'fiscal special account' },
};

/** What of a scenario the names read: ids and the few facts that name a thing (loosely typed: the JSON may be broken). */
interface ScenarioParts {
  readonly banks: ReadonlyArray<{ id?: unknown; name?: unknown; quotes?: unknown }>;
  readonly accounts: ReadonlyArray<{ id?: unknown; bankId?: unknown; fundType?: unknown; kind?: unknown }>;
  readonly holdings: ReadonlyArray<{ id?: unknown; bankId?: unknown; fundType?: unknown; product?: unknown; termMonths?: unknown }>;
  readonly flows: ReadonlyArray<{ month?: unknown; fundType?: unknown }>;
  readonly history: ReadonlyArray<{ month?: unknown; fundType?: unknown }>;
}

const NO_PARTS: ScenarioParts = { banks: [], accounts: [], holdings: [], flows: [], history: [] };
const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const list = <T>(v: unknown): readonly T[] => (Array.isArray(v) ? (v as T[]).filter((x) => typeof x === 'object' && x !== null) : []);

function namesWith(banks: ReadonlyMap<string, string>, lang: Lang, parts: ScenarioParts): Names {
  const zh = lang === 'zh';
  const bank = (id: string | undefined) => (id === undefined ? (zh ? '国债' : 'bond') : (banks.get(id) ?? id));
  const fundType = (id: string) => (zh ? FUND_TYPE_NAMES_ZH : FUND_TYPE_NAMES_EN)[id as FundType] ?? id;
  const product = (kind: string) => PRODUCT_NAMES[kind as ProductKind]?.[lang] ?? kind;
  const accountText = (a: ScenarioParts['accounts'][number]): string | undefined => {
    const b = text(a.bankId);
    const f = text(a.fundType);
    const k = ACCOUNT_KIND_NAMES[text(a.kind) ?? '']?.[lang];
    if (!f || !k || !(f in FUND_TYPE_NAMES_EN)) return undefined;
    // A bank the scenario does not list is left out (the issue about it names the id the user wrote).
    if (!b || !banks.has(b)) return zh ? `${fundType(f)}${k}` : `the ${fundType(f)} ${k}`;
    return zh ? `${bank(b)}的${fundType(f)}${k}` : `the ${fundType(f)} ${k} at ${bank(b)}`;
  };
  const account = (id: string) => {
    const a = parts.accounts.find((x) => x.id === id);
    return (a && accountText(a)) ?? (zh ? `账户 ${id}` : `account ${id}`);
  };
  const term = (months: unknown) => (typeof months === 'number' ? (zh ? ` ${months} 个月` : ` ${months}-month`) : '');
  const place = (path: ReadonlyArray<string | number>): string => {
    const p = path[0] === 'scenario' || path[0] === 'plan' ? path.slice(1) : path;
    const [key, index, sub, subIndex] = p;
    if (typeof index !== 'number') return '';
    if (key === 'banks') {
      const b = parts.banks[index];
      const name = text(b?.name) ?? text(b?.id) ?? (zh ? `第 ${index + 1} 家银行` : `bank ${index + 1}`);
      if (sub === 'quotes' && typeof subIndex === 'number') {
        const q = list<{ product?: unknown; termMonths?: unknown }>(b?.quotes)[subIndex];
        const what = q && text(q.product) ? `${zh ? '' : ' '}${product(text(q.product)!)}${term(q.termMonths)}` : '';
        return zh ? `${name}的${what ? `${what.trim()}` : `第 ${subIndex + 1} 条`}报价` : `${name}'s${what || ` quote ${subIndex + 1}`}${what ? ' quote' : ''}`;
      }
      return name;
    }
    if (key === 'accounts') {
      const a = parts.accounts[index];
      return (a && accountText(a)) ?? (zh ? `第 ${index + 1} 个账户` : `account ${index + 1}`);
    }
    if (key === 'holdings') {
      const h = parts.holdings[index];
      const kind = text(h?.product);
      const f = text(h?.fundType);
      if (!h || !kind || !f) return zh ? `第 ${index + 1} 笔存量持仓` : `holding ${index + 1}`;
      const b = text(h.bankId);
      const held = b === undefined ? bank(undefined) : banks.has(b) ? bank(b) : '';
      return zh ? `${fundType(f)}${held ? `在${held}` : ''}的${term(h.termMonths).trim()}${product(kind)}（存量持仓）` : `the ${fundType(f)} holding of a${term(h.termMonths)} ${product(kind)}${held ? ` at ${held}` : ''}`;
    }
    if (key === 'flows' || key === 'history') {
      const row = parts[key][index];
      const m = text(row?.month);
      const f = text(row?.fundType);
      const what = key === 'flows' ? (zh ? '现金流' : 'flow') : zh ? '历史数据' : 'history';
      return m && f ? (zh ? `${m} ${fundType(f)}的${what}` : `the ${m} ${fundType(f)} ${what}`) : zh ? `${what}第 ${index + 1} 行` : `${what} row ${index + 1}`;
    }
    if (key === 'placements') return zh ? `计划第 ${index + 1} 笔存放` : `placement ${index + 1} of the plan`;
    return '';
  };
  return { bank, fundType, product, account, place };
}

/**
 * Names for the catalogue from the banks' names (id → name, as a result carries them) in `lang`; an unknown id is shown
 * as itself, a bond (no bank) as 国债 / bond. Accounts and places are named only by {@link namesOf}, which has the
 * scenario.
 * @example namesFor(new Map([['icbc', '工商银行']]), 'zh').bank('icbc') //=> '工商银行'
 */
export function namesFor(banks: ReadonlyMap<string, string>, lang: Lang): Names {
  return namesWith(banks, lang, NO_PARTS);
}

/**
 * Names from a scenario, parsed or as JSON (read loosely, so that a scenario that fails validation still names its
 * banks and accounts in the issues about it): banks by name, accounts by bank, fund type and kind, and places in it.
 * Anything else (undefined, a plan) gives the names of {@link namesFor} with no banks.
 * @example namesOf(sampleScenarioJson, 'zh').account('ep-fiscal') //=> '中国工商银行示例县支行的企业职工基本养老保险基金财政专户'
 * @example namesOf(sampleScenarioJson, 'zh').place(['banks', 0, 'quotes', 4]) //=> '中国工商银行示例县支行的定期存款 3 个月报价'
 */
export function namesOf(scenario: unknown, lang: Lang): Names {
  const s = (typeof scenario === 'object' && scenario !== null ? scenario : {}) as Record<string, unknown>;
  const parts: ScenarioParts = { banks: list(s.banks), accounts: list(s.accounts), holdings: list(s.holdings), flows: list(s.flows), history: list(s.history) };
  const banks = new Map(parts.banks.flatMap((b) => (text(b.id) ? [[text(b.id)!, text(b.name) ?? text(b.id)!] as [string, string]] : [])));
  return namesWith(banks, lang, parts);
}

/** Names that are the ids themselves (for callers without a scenario at hand). */
export const ID_NAMES: Names = { bank: (id) => id ?? 'bond', fundType: (id) => id, product: (kind) => kind, account: (id) => id, place: () => '' };

/** Yuan as 万元 with thousands separators and two places, without the unit: 12,345,678.9 → "1,234.57". */
export const wanText = (d: Decimal): string => formatWan(d).replace('万', '');
