import { Decimal, type IsoDate, type MonthKey, addMonthsToKey, monthParts } from '@fundladder/core';

type Json = Record<string, unknown>;

/** Rates every starter bank quotes: the big banks' listed rates after the 2025-05-20 cut (docs/domain.md §6.2 [R16][R17]; agreed deposits §6.4). */
const LISTED_2025_05_20: ReadonlyArray<[string, number | undefined, string]> = [
  ['demandDeposit', undefined, '0.0005'],
  ['agreedDeposit', undefined, '0.0050'],
  ['callDeposit7d', undefined, '0.0030'],
  ['timeDeposit', 3, '0.0065'],
  ['timeDeposit', 6, '0.0085'],
  ['timeDeposit', 12, '0.0095'],
  ['timeDeposit', 24, '0.0105'],
  ['timeDeposit', 36, '0.0125'],
  ['timeDeposit', 60, '0.0130'],
];

/** Starter banks: five, as cap C (≤20% of the fund's time deposits per bank) needs at least five [004]. A joint-stock or city bank quotes a little more. */
const BANKS: ReadonlyArray<{ id: string; name: string; type: string; depositsYi: number; upliftBp: number }> = [
  { id: 'icbc', name: '中国工商银行××县支行（示例，请替换）', type: 'stateOwned', depositsYi: 95, upliftBp: 0 },
  { id: 'ccb', name: '中国建设银行××县支行（示例，请替换）', type: 'stateOwned', depositsYi: 88, upliftBp: 0 },
  { id: 'psbc', name: '中国邮政储蓄银行××县支行（示例，请替换）', type: 'postalSavings', depositsYi: 120, upliftBp: 3 },
  { id: 'cib', name: '兴业银行××县支行（示例，请替换）', type: 'jointStock', depositsYi: 45, upliftBp: 15 },
  { id: 'city', name: '××市商业银行××县支行（示例，请替换）', type: 'cityCommercial', depositsYi: 60, upliftBp: 30 },
];

/** A rate raised by basis points, exactly. @example withUplift('0.0095', 15) //=> '0.0110' */
const withUplift = (rate: string, upliftBp: number): string => new Decimal(rate).plus(new Decimal(upliftBp).div(10_000)).toFixed(4);

/**
 * A starter scenario that validates: two fund types (企业职工基本养老保险, 失业保险), five banks quoting the
 * 2025-05-20 listed rates, one 财政专户 per fund type, 24 months of illustrative history up to `asOf` and expected
 * flows over the 24-month horizon, so that `validate`, `forecast` and `optimize` run on it at once. Every figure is to be replaced, by hand or with
 * `fundladder import`; {@link starterReadme} says which.
 * @param asOf - the day the figures are as of (the scenario starts the month after)
 * @returns scenario JSON
 * @example starterScenario('2025-12-31').startMonth //=> '2026-01'
 */
export function starterScenario(asOf: IsoDate): Json {
  const asOfMonth = asOf.slice(0, 7) as MonthKey;
  const history: Json[] = [];
  const flows: Json[] = [];
  // History: the 24 months up to asOf. Expected flows: the 24 months of the horizon, the same pattern 3% higher.
  for (let k = -23; k <= 24; k++) {
    const month = addMonthsToKey(asOfMonth, k);
    const rows = k <= 0 ? history : flows;
    const grow = (yuan: number): string => `${k <= 0 ? yuan : Math.round(yuan * 1.03)}.00`;
    const { month: m } = monthParts(month);
    // Illustrative: pensions raised in July and paid back to January; contributions peak in December.
    const pensionIn = 30_000_000 + (m === 12 ? 6_000_000 : 0);
    const pensionOut = 29_000_000 + (m >= 7 ? 600_000 : 0) + (m === 7 ? 3_500_000 : 0);
    rows.push({ month, fundType: 'employeePension', inflow: grow(pensionIn), outflow: grow(pensionOut) });
    rows.push({ month, fundType: 'unemployment', inflow: grow(m === 12 ? 2_400_000 : 1_600_000), outflow: grow(m === 2 ? 1_100_000 : 700_000) });
  }
  return {
    schemaVersion: 1,
    name: '××县社会保险基金（起始情景） ×× County social-insurance funds (starter)',
    description: '由 fundladder init 生成的起始情景：所有数字均为示例，请逐项替换（见同名 .README.md）。 Written by fundladder init: every figure is an example to replace (see the .README.md beside it).',
    asOf,
    startMonth: addMonthsToKey(asOfMonth, 1),
    horizonMonths: 24,
    fundTypes: ['employeePension', 'unemployment'],
    banks: BANKS.map((b) => ({
      id: b.id,
      name: b.name,
      type: b.type,
      localGeneralDeposits: `${b.depositsYi * 100_000_000}.00`,
      status: 'eligible',
      quotes: LISTED_2025_05_20.map(([product, termMonths, rate]) => ({
        product,
        ...(termMonths !== undefined ? { termMonths } : {}),
        annualRate: product === 'demandDeposit' ? rate : withUplift(rate, b.upliftBp),
        effectiveFrom: '2025-05-20',
      })),
    })),
    accounts: [
      // Pension demand money earns the 3-month time rate, 1.10% read as the 2015 benchmark (docs/domain.md §2.1 and §6.1 [R3][R14]).
      { id: 'ep-fiscal', kind: 'fiscalSpecial', fundType: 'employeePension', bankId: 'icbc', openingBalance: '120000000.00', settlement: true, contractRates: [{ effectiveFrom: '2025-05-20', annualRate: '0.0110' }] },
      { id: 'un-fiscal', kind: 'fiscalSpecial', fundType: 'unemployment', bankId: 'ccb', openingBalance: '30000000.00', settlement: true, contractRates: [{ effectiveFrom: '2025-05-20', annualRate: '0.0065' }] },
    ],
    holdings: [],
    policy: { reserve: { rule: 'monthsOfPayouts', months: 2 }, minBanks: 5, maxTermMonths: 60 },
    history,
    flows,
  };
}
