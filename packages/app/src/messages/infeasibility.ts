// Why an infeasible scenario has no plan and what would fix it, in words: the optimizer's `explainInfeasible` gives the
// facts (the elastic model's bends, the fixes), this catalogue the sentences (docs/optimizer.md §9).
import type { InfeasibilityExplanation, InfeasibilityFix } from '@fundladder/optimizer';
import { ID_NAMES, type Lang, type Names } from './names';

/** 万元 to one place with thousands separators, as every figure of the explanation (the LP's floats): 8980.23 → "8,980.2". */
const one = (wan: number) => wan.toLocaleString('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 });

/**
 * The rules the elastic model bends, by the short names an explanation line uses ("上限C", "cap C"); the longer names
 * with their shares are `capName`'s and `ruleName`'s.
 */
const BENT_RULE_NAMES: Record<string, Record<Lang, string>> = {
  liquidityReserve: { zh: '流动性储备', en: 'the liquidity reserve' },
  bankLocalDepositCap: { zh: '上限B', en: 'cap B' },
  fundTimeDepositShareCap: { zh: '上限C', en: 'cap C' },
  trancheShareCap: { zh: '上限A', en: 'cap A' },
  cashBalance: { zh: '险种现金', en: "a fund type's cash" },
  maxBondShare: { zh: '国债占比', en: 'the bond-share limit' },
};

/**
 * A bent rule by its short name in `lang` (the rule id itself when the catalogue has none).
 * @example bentRuleName('fundTimeDepositShareCap', 'zh') //=> '上限C'
 */
export function bentRuleName(rule: string, lang: Lang): string {
  return BENT_RULE_NAMES[rule]?.[lang] ?? rule;
}

/**
 * Whether a bend of `rule` is money over a limit (a cap row) rather than money short (a reserve, a fund type's cash).
 * @example bendIsExcess('trancheShareCap') //=> true
 * @example bendIsExcess('liquidityReserve') //=> false
 */
export function bendIsExcess(rule: string): boolean {
  return rule !== 'liquidityReserve' && rule !== 'cashBalance';
}

/** The explanation lists this many bends, then how many more. */
const LISTED = 12;

/**
 * Why an infeasible scenario has no plan, line by line: the first month that cannot keep every rule with the count of
 * bends per rule, the largest shortfall or excess, the first 12 bends (万元 to one place, the LP's figures) and how many
 * more; or that the elastic model bent nothing, or did not solve.
 * @param explanation - `explainInfeasible`'s facts
 * @param names - banks and fund types by name (the jobs pass the scenario's, `namesOf`); by default their ids
 * @returns the lines in `lang`, never none
 * @example infeasibilityLines({ shortfalls: [{ monthKey: '2026-02', rule: 'liquidityReserve', shortWan: 8980.23 }], elastic: { solved: true }, fixes: [] }, 'en')
 * //=> ['Infeasible from 2026-02: the liquidity reserve in 1 month(s)', 'Largest shortfall: 2026-02, the liquidity reserve, short by 8,980.2万', '2026-02 the liquidity reserve: short by 8,980.2万']
 * @see docs/optimizer.md §9 ("Infeasibility")
 */
export function infeasibilityLines(explanation: Pick<InfeasibilityExplanation, 'shortfalls' | 'elastic'>, lang: Lang, names: Names = ID_NAMES): string[] {
  const zh = lang === 'zh';
  const { shortfalls, elastic } = explanation;
  if (!shortfalls.length) {
    if (!elastic.solved) return [zh ? `弹性模型也未求解（${elastic.termination}）。` : `The elastic model did not solve either (${elastic.termination}).`];
    return [zh ? '弹性模型无需突破任何规则：不可行来自其他约束（如现金为负的存量安排）。' : 'The elastic model bends no rule: the infeasibility comes from elsewhere.'];
  }
  const byRule = new Map<string, number>();
  for (const s of shortfalls) byRule.set(s.rule, (byRule.get(s.rule) ?? 0) + 1);
  const worst = [...shortfalls].sort((a, b) => b.shortWan - a.shortWan)[0]!;
  const rule = (id: string) => bentRuleName(id, lang);
  const lines: string[] = [];
  if (zh) {
    lines.push(`从 ${shortfalls[0]!.monthKey} 起不可行：${[...byRule].map(([r, n]) => `${rule(r)} ${n} 个月次`).join('，')}`);
    const verb = bendIsExcess(worst.rule) ? '超出' : '短缺';
    lines.push(`最大${verb}：${worst.monthKey} ${rule(worst.rule)}${worst.bankId ? `（${names.bank(worst.bankId)}）` : ''}${worst.fundType ? `（${names.fundType(worst.fundType)}）` : ''} ${verb} ${one(worst.shortWan)} 万元`);
    for (const s of shortfalls.slice(0, LISTED)) {
      lines.push(`${s.monthKey} ${rule(s.rule)}${s.bankId ? ` ${names.bank(s.bankId)}` : ''}${s.fundType ? ` ${names.fundType(s.fundType)}` : ''}：${bendIsExcess(s.rule) ? '超出' : '短缺'} ${one(s.shortWan)} 万元`);
    }
    if (shortfalls.length > LISTED) lines.push(`……另有 ${shortfalls.length - LISTED} 处`);
    return lines;
  }
  lines.push(`Infeasible from ${shortfalls[0]!.monthKey}: ${[...byRule].map(([r, n]) => `${rule(r)} in ${n} month(s)`).join(', ')}`);
  lines.push(`Largest ${bendIsExcess(worst.rule) ? 'excess' : 'shortfall'}: ${worst.monthKey}, ${rule(worst.rule)}${worst.bankId ? ` at ${names.bank(worst.bankId)}` : ''}${worst.fundType ? ` (${names.fundType(worst.fundType)})` : ''}, ${bendIsExcess(worst.rule) ? 'over' : 'short'} by ${one(worst.shortWan)}万`);
  for (const s of shortfalls.slice(0, LISTED)) {
    lines.push(`${s.monthKey} ${rule(s.rule)}${s.bankId ? ` ${names.bank(s.bankId)}` : ''}${s.fundType ? ` ${names.fundType(s.fundType)}` : ''}: ${bendIsExcess(s.rule) ? 'over' : 'short'} by ${one(s.shortWan)}万`);
  }
  if (shortfalls.length > LISTED) lines.push(`… ${shortfalls.length - LISTED} more`);
  return lines;
}

/**
 * What would fix an infeasible scenario, in one sentence per fix (万元 to one place, the LP's figures).
 * @param names - banks and fund types by name (the jobs pass the scenario's, `namesOf`); by default their ids
 * @example infeasibilityFixLine({ kind: 'reserveMonths', atMost: 1, now: 3, orExtraWan: 15, from: '2026-01' }, 'zh')
 * //=> '可行的做法：流动性储备至多 1 个月支付（现为 3 个月），或从 2026-01 起另有 15.0 万元流动资金'
 * @see docs/optimizer.md §9 ("What would fix it")
 */
export function infeasibilityFixLine(fix: InfeasibilityFix, lang: Lang, names: Names = ID_NAMES): string {
  const zh = lang === 'zh';
  switch (fix.kind) {
    case 'reserveMonths':
      return zh
        ? `可行的做法：流动性储备至多 ${fix.atMost} 个月支付（现为 ${fix.now} 个月），或从 ${fix.from} 起另有 ${one(fix.orExtraWan)} 万元流动资金`
        : `What would fix it: a reserve of at most ${fix.atMost} month${fix.atMost === 1 ? '' : 's'} of payouts (now ${fix.now}), or ${one(fix.orExtraWan)}万 more liquid money from ${fix.from} on`;
    case 'reserveAmount':
      return zh
        ? `可行的做法：${fix.monthKey} 的流动性储备要求降低 ${one(fix.lowerWan)} 万元${fix.fundType ? `（${names.fundType(fix.fundType)}）` : ''}，或另有同样多的流动资金`
        : `What would fix it: a reserve ${one(fix.lowerWan)}万 lower in ${fix.monthKey}${fix.fundType ? ` (${names.fundType(fix.fundType)})` : ''}, or that much more liquid money`;
    case 'fundTypeOwnMoney': {
      const who = fix.fundType !== undefined ? names.fundType(fix.fundType) : zh ? '某险种' : 'a fund type';
      return zh
        ? `${who}自身资金不足以支付：从 ${fix.from} 起共差 ${one(fix.shortWan)} 万元，需要调剂金或财政补助（一个险种不能用别的险种的钱），或核对收支数据`
        : `${who.charAt(0).toUpperCase()}${who.slice(1)} cannot pay its own payouts: ${one(fix.shortWan)}万 short in all from ${fix.from} on; it needs money from outside (调剂金 or a fiscal subsidy; one fund type may not pay from another's money), or its flows need checking`;
    }
    case 'relaxCap': {
      const where = `${fix.monthKey}${fix.bankId ? ` ${names.bank(fix.bankId)}` : ''}`;
      const bond = fix.rule === 'maxBondShare';
      // "a higher …" takes the rule's short name without its article ("a higher bond-share limit").
      return zh
        ? `可行的做法：放宽${bentRuleName(fix.rule, 'zh')}${bond ? '' : '或增加可存放的银行'}（${where} 超出 ${one(fix.overWan)} 万元）`
        : `What would fix it: a higher ${bentRuleName(fix.rule, 'en').replace(/^the /, '')}${bond ? '' : ' or more eligible banks'} (${where} over by ${one(fix.overWan)}万)`;
    }
  }
}

/**
 * Every fix in both languages, the shape the optimize result's `infeasibilityFix` and a sweep point's `fix` carry.
 * @example infeasibilityFixText([]) //=> { zh: [], en: [] }
 */
export function infeasibilityFixText(fixes: readonly InfeasibilityFix[], names: { zh: Names; en: Names } = { zh: ID_NAMES, en: ID_NAMES }): { zh: string[]; en: string[] } {
  return { zh: fixes.map((f) => infeasibilityFixLine(f, 'zh', names.zh)), en: fixes.map((f) => infeasibilityFixLine(f, 'en', names.en)) };
}
