/**
 * Generates the sample county fund: `scenario.json` (a constructed county of about 400,000 people,
 * its eight fund types, seven banks, accounts, holdings, 48 months of history and a 36-month budget)
 * and `plan.json` (the rollover plan a fund manager would write by hand, without the tool).
 *
 * Run from the repository root: `npx tsx examples/county-fund/generate.ts`.
 * Deterministic: a seeded PRNG (mulberry32), integer fen, no clock. README.md says which figures are
 * real (with their docs/domain.md source) and which are constructed, and how.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32, planSchema, validateScenario } from '@fundladder/core';

// ---------------------------------------------------------------------------------------------
// Seeded randomness. mulberry32: 32-bit state, integer arithmetic only, same output everywhere.
// ---------------------------------------------------------------------------------------------
const SEED = 20251231;

const uniform = mulberry32(SEED);
/** Approximately standard normal (Irwin–Hall, 12 uniforms): no transcendental functions, so bit-stable. */
function gaussian(): number {
  let total = 0;
  for (let i = 0; i < 12; i++) total += uniform();
  return total - 6;
}

// ---------------------------------------------------------------------------------------------
// Months, days and money. Months are ordinals (year × 12 + month − 1); money is integer fen.
// ---------------------------------------------------------------------------------------------
type FundType =
  | 'employeePension'
  | 'residentPension'
  | 'publicSectorPension'
  | 'employeeMedical'
  | 'residentMedical'
  | 'unemployment'
  | 'workInjury'
  | 'maternity';
const FUND_TYPES: FundType[] = ['employeePension', 'residentPension', 'publicSectorPension', 'employeeMedical', 'residentMedical', 'unemployment', 'workInjury', 'maternity'];

const ord = (year: number, month1: number) => year * 12 + month1 - 1;
const yearOf = (o: number) => Math.floor(o / 12);
const monthOf = (o: number) => (o % 12) + 1;
const monthKey = (o: number) => `${yearOf(o)}-${String(monthOf(o)).padStart(2, '0')}`;

const HISTORY_FROM = ord(2022, 1);
const START = ord(2026, 1);
const HORIZON = 36;
const END = START + HORIZON - 1; // 2028-12
const BASE = ord(2022, 1); // growth is measured from 2022-01

const WAN = 1_000_000; // 1 万元 in fen
const YI = 10_000 * WAN; // 1 亿元 in fen
const UNIT = 10 * WAN; // plan amounts are whole 10 万元
const fenOf = (yuan: number) => Math.round(yuan * 100);
function money(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new Error(`money: bad fen ${fen}`);
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}
const wan = (fen: number) => (fen / WAN).toFixed(0);

/**
 * (1 + rate) compounded per whole year, linear inside the year. Plain multiplication and addition:
 * no Math.pow, so the figures do not depend on the platform's pow.
 */
function growth(rate: number, monthsSinceBase: number): number {
  let factor = 1;
  for (let y = 0; y < Math.floor(monthsSinceBase / 12); y++) factor *= 1 + rate;
  return factor * (1 + (rate * (monthsSinceBase % 12)) / 12);
}

// ---------------------------------------------------------------------------------------------
// The county's expected flows (yuan, before noise). Constructed; README.md, "Flows", explains each.
// ---------------------------------------------------------------------------------------------

/** Employee and public-sector pension raises (docs/domain.md §10.1 [R64]; 2022 constructed; 2026–2028 assumed). */
const PENSION_RAISE: Record<number, number> = { 2022: 0.04, 2023: 0.038, 2024: 0.03, 2025: 0.02, 2026: 0.02, 2027: 0.02, 2028: 0.02, 2029: 0.02 };
function pensionLevel(level2021: number, year: number): number {
  let level = level2021;
  for (let y = 2022; y <= year; y++) level *= 1 + (PENSION_RAISE[y] ?? 0);
  return level;
}
/**
 * Monthly payout of a pension whose yearly raise is announced in July and back-dated to January:
 * January–June at last year's level; July pays the new level plus the January–June arrears as one
 * lump; August–December at the new level (docs/domain.md §10.1 [R64]).
 */
function pensionOutflow(o: number, retirees: (o: number) => number, level2021: number): number {
  const year = yearOf(o);
  const month = monthOf(o);
  const oldLevel = pensionLevel(level2021, year - 1);
  const newLevel = pensionLevel(level2021, year);
  if (month < 7) return retirees(o) * oldLevel;
  if (month > 7) return retirees(o) * newLevel;
  let arrears = 0;
  for (let m = 1; m <= 6; m++) arrears += retirees(ord(year, m)) * (newLevel - oldLevel);
  return retirees(o) * newLevel + arrears;
}

/** Medical spending by calendar month: winter illness, a quiet Spring Festival, December settlement with hospitals (年终清算). */
const MEDICAL_SEASON = [1.1, 0.88, 1.04, 0.99, 0.98, 1.0, 1.03, 1.0, 0.97, 0.94, 0.99, 1.38];

interface Expected {
  /** Contributions and other inflows that carry noise in the history. */
  inflow: number;
  /** Fiscal subsidies and transfers: administrative round sums, no noise. */
  subsidy: number;
  outflow: number;
  /** Lumpy outflows (work-injury lump sums): drawn at random in the history, their mean in the budget. */
  lumpMean: number;
}

const epRetirees = (o: number) => 10_000 * growth(0.03, o - BASE);
const epContribution = (o: number) => 29_500_000 * growth(0.045, o - BASE) * (monthOf(o) === 1 ? 0.92 : monthOf(o) === 12 ? 1.18 : 1);
const psRetirees = (o: number) => 4_500 * growth(0.025, o - BASE);
const psContribution = (o: number) => 19_000_000 * growth(0.03, o - BASE);
const rpRecipients = (o: number) => 75_000 * growth(0.02, o - BASE);
/** Residents' basic pension per recipient a month, stepped each January (constructed; see README). */
const RP_LEVEL: Record<number, number> = { 2022: 185, 2023: 190, 2024: 210, 2025: 230, 2026: 250, 2027: 270, 2028: 290, 2029: 310 };
/** Residents' annual contribution drive, March–June; the rest trickles in over the other months. */
const RP_DRIVE: Record<number, number> = { 3: 0.15, 4: 0.25, 5: 0.3, 6: 0.2 };
const rmInsured = (year: number) => 300_000 * growth(-0.01, (year - 2022) * 12);
/** Residents' medical premium per person for a year (collected the autumn before); fiscal subsidy per person. */
const RM_PREMIUM: Record<number, number> = { 2022: 350, 2023: 380, 2024: 400, 2025: 400, 2026: 400, 2027: 420, 2028: 440, 2029: 460, 2030: 480 };
const RM_SUBSIDY: Record<number, number> = { 2022: 610, 2023: 640, 2024: 670, 2025: 700, 2026: 730, 2027: 760, 2028: 790, 2029: 820 };
/** Autumn drive for next year's residents' medical premium, September–December. */
const RM_DRIVE: Record<number, number> = { 9: 0.15, 10: 0.3, 11: 0.3, 12: 0.2 };

function yearSum(year: number, f: (o: number) => number, fromMonth = 1, toMonth = 12): number {
  let total = 0;
  for (let m = fromMonth; m <= toMonth; m++) total += f(ord(year, m));
  return total;
}

function expected(ft: FundType, o: number): Expected {
  const year = yearOf(o);
  const month = monthOf(o);
  const t = o - BASE;
  switch (ft) {
    case 'employeePension': {
      const outflow = pensionOutflow(o, epRetirees, 2_950);
      // Year-end settlement of the provincial pool (按月预拨、年终清算 [003]): tops the year up to 103% of payouts.
      const subsidy = month === 12 ? Math.max(0, 1.03 * yearSum(year, (x) => pensionOutflow(x, epRetirees, 2_950)) - yearSum(year, epContribution)) : 0;
      return { inflow: epContribution(o), subsidy: Math.round(subsidy / 10_000) * 10_000, outflow, lumpMean: 0 };
    }
    case 'residentPension': {
      const outflow = rpRecipients(o) * (RP_LEVEL[year] ?? 0) * 1.02; // + funeral grants and individual-account refunds
      const contributions = 150_000 * 320 * growth(0.04, (year - 2022) * 12) * (RP_DRIVE[month] ?? 0.0125);
      // Central, provincial and county subsidies: 88% of the year's payouts, 15% each quarter's first month, 40% in December.
      const yearSubsidy = 0.88 * yearSum(year, (x) => rpRecipients(x) * (RP_LEVEL[year] ?? 0) * 1.02);
      const share = month === 12 ? 0.4 : [1, 4, 7, 10].includes(month) ? 0.15 : 0;
      return { inflow: contributions, subsidy: Math.round((yearSubsidy * share) / 10_000) * 10_000, outflow, lumpMean: 0 };
    }
    case 'publicSectorPension': {
      const outflow = pensionOutflow(o, psRetirees, 4_600);
      // Quarterly fiscal subsidy in the quarter's last month: 102% of the quarter's payouts less its contributions.
      let subsidy = 0;
      if (month % 3 === 0) {
        const quarterOut = yearSum(year, (x) => pensionOutflow(x, psRetirees, 4_600), month - 2, month);
        subsidy = Math.max(0, 1.02 * quarterOut - yearSum(year, psContribution, month - 2, month));
      }
      return { inflow: psContribution(o), subsidy: Math.round(subsidy / 10_000) * 10_000, outflow, lumpMean: 0 };
    }
    case 'employeeMedical': {
      const season = month === 1 ? 0.95 : month === 7 ? 1.03 : month === 12 ? 1.12 : 1;
      return { inflow: 15_200_000 * growth(0.05, t) * season, subsidy: 0, outflow: 13_500_000 * growth(0.06, t) * MEDICAL_SEASON[month - 1]!, lumpMean: 0 };
    }
    case 'residentMedical': {
      const drive = (RM_DRIVE[month] ?? 0) * 0.95 * rmInsured(year + 1) * (RM_PREMIUM[year + 1] ?? 0);
      const latePayers = month === 1 ? 0.03 : month === 2 ? 0.02 : 0;
      const late = latePayers * rmInsured(year) * (RM_PREMIUM[year] ?? 0);
      const subsidyShare = month === 3 ? 0.2 : month === 6 ? 0.4 : month === 12 ? 0.4 : 0;
      const subsidy = subsidyShare * rmInsured(year) * (RM_SUBSIDY[year] ?? 0);
      return { inflow: drive + late, subsidy: Math.round(subsidy / 10_000) * 10_000, outflow: 20_500_000 * growth(0.045, t) * MEDICAL_SEASON[month - 1]!, lumpMean: 0 };
    }
    case 'unemployment': {
      const benefits = 1_050_000 * growth(0.03, t) * (month === 2 ? 1.35 : month === 3 ? 1.3 : month === 4 ? 1.1 : 1);
      const jobRetention = month === 6 ? 6_500_000 * growth(0.04, t) : 0; // 稳岗返还, paid once a year
      return { inflow: 2_050_000 * growth(0.04, t) * (month === 12 ? 1.1 : 1), subsidy: 0, outflow: benefits + jobRetention, lumpMean: 0 };
    }
    case 'workInjury':
      // One-off disability or death grants: 18% of months, 400,000–1,300,000 yuan (mean 850,000).
      return { inflow: 1_180_000 * growth(0.04, t), subsidy: 0, outflow: 820_000 * growth(0.05, t), lumpMean: 0.18 * 850_000 };
    case 'maternity':
      // Merged into employee medical insurance from 2019 (国办发〔2019〕10号): no flows of its own.
      return { inflow: 0, subsidy: 0, outflow: 0, lumpMean: 0 };
  }
}

/** Noise (standard deviation) on history: contributions, payouts. */
const NOISE: Record<FundType, { inflow: number; outflow: number }> = {
  employeePension: { inflow: 0.03, outflow: 0.008 },
  residentPension: { inflow: 0.06, outflow: 0.008 },
  publicSectorPension: { inflow: 0.02, outflow: 0.008 },
  employeeMedical: { inflow: 0.03, outflow: 0.06 },
  residentMedical: { inflow: 0.05, outflow: 0.06 },
  unemployment: { inflow: 0.04, outflow: 0.1 },
  workInjury: { inflow: 0.04, outflow: 0.08 },
  maternity: { inflow: 0, outflow: 0 },
};
const noisy = (value: number, sd: number) => (value === 0 ? 0 : Math.max(0, value * (1 + sd * gaussian())));

interface FlowRow { month: string; fundType: FundType; inflowFen: number; outflowFen: number }

const history: FlowRow[] = [];
for (let o = HISTORY_FROM; o < START; o++) {
  for (const ft of FUND_TYPES) {
    const e = expected(ft, o);
    let outflow = noisy(e.outflow, NOISE[ft].outflow);
    if (ft === 'workInjury' && uniform() < 0.18) outflow += 400_000 + 900_000 * uniform();
    const inflow = noisy(e.inflow, NOISE[ft].inflow) + e.subsidy;
    history.push({ month: monthKey(o), fundType: ft, inflowFen: fenOf(inflow), outflowFen: fenOf(outflow) });
  }
}

/** The budget: expected values rounded to the yuan. Also defined past the horizon (for the plan's reserve look-ahead). */
function budget(ft: FundType, o: number): { inflowFen: number; outflowFen: number } {
  const e = expected(ft, o);
  return { inflowFen: Math.round(e.inflow + e.subsidy) * 100, outflowFen: Math.round(e.outflow + e.lumpMean) * 100 };
}
const flows: FlowRow[] = [];
for (let o = START; o <= END; o++) for (const ft of FUND_TYPES) flows.push({ month: monthKey(o), fundType: ft, ...budget(ft, o) });

// ---------------------------------------------------------------------------------------------
// Banks and quotes. Big-bank figures are the 2025-05-20 listed rates (docs/domain.md §6.2); the rest are
// constructed a little higher, as README.md's bank table says.
// ---------------------------------------------------------------------------------------------
type BankId = 'icbc' | 'ccb' | 'psbc' | 'cib' | 'citic' | 'city' | 'rural';
interface QuoteSet {
  from: string;
  demand: string;
  call1d: string;
  call7d: string;
  agreed: string;
  time: Record<number, string>;
  cd: Record<number, string>;
}
const BIG_BANK: QuoteSet = {
  from: '2025-05-20',
  demand: '0.0005',
  call1d: '0.0010',
  call7d: '0.0030',
  agreed: '0.0050',
  time: { 3: '0.0065', 6: '0.0085', 12: '0.0095', 24: '0.0105', 36: '0.0125', 60: '0.0130' },
  cd: { 3: '0.0075', 6: '0.0095', 12: '0.0105', 24: '0.0115', 36: '0.0140' },
};
const QUOTES: Record<BankId, QuoteSet> = {
  icbc: BIG_BANK,
  ccb: BIG_BANK,
  psbc: { ...BIG_BANK, agreed: '0.0055', time: { ...BIG_BANK.time, 6: '0.0086', 12: '0.0098' }, cd: { 12: '0.0110', 36: '0.0145' } },
  cib: {
    from: '2025-05-20', demand: '0.0005', call1d: '0.0015', call7d: '0.0035', agreed: '0.0075',
    time: { 3: '0.0075', 6: '0.0095', 12: '0.0110', 24: '0.0120', 36: '0.0140', 60: '0.0145' },
    cd: { 3: '0.0085', 6: '0.0105', 12: '0.0120', 24: '0.0135', 36: '0.0155' },
  },
  citic: {
    from: '2025-05-21', demand: '0.0005', call1d: '0.0015', call7d: '0.0035', agreed: '0.0070',
    time: { 3: '0.0075', 6: '0.0095', 12: '0.0110', 24: '0.0120', 36: '0.0145', 60: '0.0150' },
    cd: { 3: '0.0085', 6: '0.0105', 12: '0.0125', 24: '0.0135', 36: '0.0160' },
  },
  city: {
    from: '2025-06-01', demand: '0.0005', call1d: '0.0020', call7d: '0.0040', agreed: '0.0090',
    time: { 3: '0.0085', 6: '0.0105', 12: '0.0125', 24: '0.0135', 36: '0.0160', 60: '0.0165' },
    cd: { 3: '0.0095', 6: '0.0115', 12: '0.0135', 24: '0.0150', 36: '0.0175' },
  },
  rural: {
    from: '2025-11-01', demand: '0.0005', call1d: '0.0020', call7d: '0.0045', agreed: '0.0050',
    time: { 3: '0.0090', 6: '0.0115', 12: '0.0140', 24: '0.0150', 36: '0.0175', 60: '0.0180' },
    cd: { 3: '0.0095', 12: '0.0150' },
  },
};
function quotesOf(q: QuoteSet) {
  const out: Array<{ product: string; termMonths?: number; annualRate: string; effectiveFrom: string }> = [
    { product: 'demandDeposit', annualRate: q.demand, effectiveFrom: q.from },
    { product: 'agreedDeposit', annualRate: q.agreed, effectiveFrom: q.from },
    { product: 'callDeposit1d', annualRate: q.call1d, effectiveFrom: q.from },
    { product: 'callDeposit7d', annualRate: q.call7d, effectiveFrom: q.from },
  ];
  for (const [term, rate] of Object.entries(q.time)) out.push({ product: 'timeDeposit', termMonths: Number(term), annualRate: rate, effectiveFrom: q.from });
  for (const [term, rate] of Object.entries(q.cd)) out.push({ product: 'largeCd', termMonths: Number(term), annualRate: rate, effectiveFrom: q.from });
  return out;
}

const banks = [
  { id: 'icbc', name: '中国工商银行示例县支行', type: 'stateOwned', rating: '监管评级2级（构造）', localGeneralDeposits: money(95 * YI), status: 'eligible', conventions: { dayBasis: 'thirty360', rateChangeMethod: 'segmented' }, quotes: quotesOf(QUOTES.icbc) },
  { id: 'ccb', name: '中国建设银行示例县支行', type: 'stateOwned', rating: '监管评级2级（构造）', localGeneralDeposits: money(88 * YI), status: 'eligible', conventions: { dayBasis: 'thirty360', rateChangeMethod: 'segmented' }, quotes: quotesOf(QUOTES.ccb) },
  { id: 'psbc', name: '中国邮政储蓄银行示例县支行', type: 'postalSavings', rating: '监管评级2级（构造）', localGeneralDeposits: money(120 * YI), status: 'eligible', conventions: { dayBasis: 'thirty360', rateChangeMethod: 'segmented' }, quotes: quotesOf(QUOTES.psbc) },
  { id: 'cib', name: '兴业银行示例县支行', type: 'jointStock', rating: '监管评级2级（构造）', localGeneralDeposits: money(45 * YI), status: 'eligible', conventions: { dayBasis: 'thirty360', rateChangeMethod: 'settlementDateRate' }, quotes: quotesOf(QUOTES.cib) },
  { id: 'citic', name: '中信银行示例县支行', type: 'jointStock', rating: '监管评级2级（构造）', localGeneralDeposits: money(32 * YI), status: 'eligible', conventions: { dayBasis: 'thirty360', rateChangeMethod: 'segmented' }, quotes: quotesOf(QUOTES.citic) },
  { id: 'city', name: '示例市商业银行示例县支行', type: 'cityCommercial', rating: '监管评级3级（构造）', localGeneralDeposits: money(60 * YI), status: 'eligible', conventions: { dayBasis: 'actual365', rateChangeMethod: 'segmented' }, quotes: quotesOf(QUOTES.city) },
  {
    id: 'rural', name: '示例县农村商业银行', type: 'ruralCommercial', rating: '监管评级4级（2025-09 下调，构造）', localGeneralDeposits: money(150 * YI), status: 'suspended',
    suspendedReason: '2025-09 监管评级降至4级，按深圳办法 [004]（docs/domain.md §8.3）暂停新增定期存款；已有存款到期收回。构造情形。 Regulatory rating fell to level 4 in 2025-09: no new time deposits under the Shenzhen rules [004]; existing deposits run off. Constructed.',
    conventions: { dayBasis: 'thirty360', rateChangeMethod: 'segmented' }, quotes: quotesOf(QUOTES.rural),
  },
];
const ELIGIBLE: BankId[] = ['icbc', 'ccb', 'psbc', 'cib', 'citic', 'city'];

// ---------------------------------------------------------------------------------------------
// Accounts. All of a fund type's balances sit in its 财政专户 (settlement) except the 支出户 周转金.
// ---------------------------------------------------------------------------------------------
const accounts = [
  { id: 'ep-fiscal', kind: 'fiscalSpecial', fundType: 'employeePension', bankId: 'icbc', openingBalance: money(12_000 * WAN + 3_468_215), settlement: true, contractRates: [{ effectiveFrom: '2024-10-18', annualRate: '0.0080' }, { effectiveFrom: '2025-05-20', annualRate: '0.0065' }] },
  { id: 'ep-expenditure', kind: 'expenditure', fundType: 'employeePension', bankId: 'ccb', openingBalance: money(1_000 * WAN + 51_730), contractRates: [{ effectiveFrom: '2025-05-20', annualRate: '0.0065' }] },
  { id: 'rp-fiscal', kind: 'fiscalSpecial', fundType: 'residentPension', bankId: 'psbc', openingBalance: money(6_500 * WAN + 2_917_406), settlement: true, contractRates: [{ effectiveFrom: '2025-05-20', annualRate: '0.0098' }] },
  { id: 'rp-expenditure', kind: 'expenditure', fundType: 'residentPension', bankId: 'rural', openingBalance: money(500 * WAN + 1_204_559), contractRates: [{ effectiveFrom: '2025-05-20', annualRate: '0.0005' }] },
  { id: 'ps-fiscal', kind: 'fiscalSpecial', fundType: 'publicSectorPension', bankId: 'ccb', openingBalance: money(8_000 * WAN + 1_882_640), settlement: true, contractRates: [{ effectiveFrom: '2025-05-20', annualRate: '0.0065' }] },
  { id: 'em-fiscal', kind: 'fiscalSpecial', fundType: 'employeeMedical', bankId: 'city', vintage: 'fiscalSpecial', openingBalance: money(8_000 * WAN + 4_533_908), settlement: true, contractRates: [{ effectiveFrom: '2024-01-01', annualRate: '0.0130' }] },
  { id: 'em-expenditure', kind: 'expenditure', fundType: 'employeeMedical', bankId: 'icbc', vintage: 'currentYear', openingBalance: money(800 * WAN + 611_825), contractRates: [{ effectiveFrom: '2025-05-20', annualRate: '0.0005' }] },
  { id: 'rm-fiscal', kind: 'fiscalSpecial', fundType: 'residentMedical', bankId: 'icbc', vintage: 'fiscalSpecial', openingBalance: money(12_000 * WAN + 5_120_077), settlement: true, contractRates: [{ effectiveFrom: '2025-05-20', annualRate: '0.0065' }] },
  { id: 'rm-expenditure', kind: 'expenditure', fundType: 'residentMedical', bankId: 'city', vintage: 'currentYear', openingBalance: money(600 * WAN + 98_310), contractRates: [{ effectiveFrom: '2025-06-01', annualRate: '0.0005' }] },
  {
    id: 'ui-fiscal', kind: 'fiscalSpecial', fundType: 'unemployment', bankId: 'cib', openingBalance: money(3_000 * WAN + 774_921), settlement: true, contractRates: [{ effectiveFrom: '2025-05-20', annualRate: '0.0005' }],
    agreed: { baseAmount: '1000000.00', agreedRates: [{ effectiveFrom: '2025-05-20', annualRate: '0.0075' }] },
  },
  { id: 'wi-fiscal', kind: 'fiscalSpecial', fundType: 'workInjury', bankId: 'citic', openingBalance: money(1_800 * WAN + 366_512), settlement: true, contractRates: [{ effectiveFrom: '2025-05-21', annualRate: '0.0005' }] },
  { id: 'ma-fiscal', kind: 'fiscalSpecial', fundType: 'maternity', bankId: 'ccb', openingBalance: money(326_845), settlement: true, contractRates: [{ effectiveFrom: '2025-05-20', annualRate: '0.0005' }] },
];

// ---------------------------------------------------------------------------------------------
// Holdings: past tranches, each split equally over the six eligible banks (as the county's past
// tenders did), one deposit at the now-suspended rural bank, and one book-entry bond.
// Rates are constructed tender rates of their time (README.md, "Holdings").
// ---------------------------------------------------------------------------------------------
interface Holding { id: string; fundType: FundType; product: 'timeDeposit' | 'largeCd' | 'govBond'; bankId?: BankId; principalFen: number; annualRate: string; startDate: string; termMonths: number; couponFrequency?: number; bondKind?: 'bookEntry' }
interface PastTranche { tag: string; fundType: FundType; product: 'timeDeposit' | 'largeCd'; start: string; termMonths: number; rateBp: number; perBankWan: number }
const PAST_TRANCHES: PastTranche[] = [
  { tag: 'ep2301', fundType: 'employeePension', product: 'timeDeposit', start: '2023-01-16', termMonths: 36, rateBp: 260, perBankWan: 1_000 },
  { tag: 'rp2303', fundType: 'residentPension', product: 'timeDeposit', start: '2023-03-20', termMonths: 36, rateBp: 255, perBankWan: 800 },
  { tag: 'em2405', fundType: 'employeeMedical', product: 'timeDeposit', start: '2024-05-15', termMonths: 24, rateBp: 185, perBankWan: 700 },
  { tag: 'ep2406', fundType: 'employeePension', product: 'largeCd', start: '2024-06-18', termMonths: 24, rateBp: 190, perBankWan: 1_000 },
  { tag: 'ui2504', fundType: 'unemployment', product: 'timeDeposit', start: '2025-04-15', termMonths: 12, rateBp: 125, perBankWan: 200 },
  { tag: 'rm2507', fundType: 'residentMedical', product: 'timeDeposit', start: '2025-07-10', termMonths: 12, rateBp: 120, perBankWan: 600 },
  { tag: 'wi2508', fundType: 'workInjury', product: 'timeDeposit', start: '2025-08-18', termMonths: 6, rateBp: 105, perBankWan: 100 },
  { tag: 'ps2509', fundType: 'publicSectorPension', product: 'timeDeposit', start: '2025-09-15', termMonths: 12, rateBp: 115, perBankWan: 400 },
  { tag: 'rp2510', fundType: 'residentPension', product: 'timeDeposit', start: '2025-10-20', termMonths: 12, rateBp: 115, perBankWan: 500 },
  { tag: 'em2512', fundType: 'employeeMedical', product: 'timeDeposit', start: '2025-12-01', termMonths: 12, rateBp: 110, perBankWan: 500 },
];
/** Joint-stock and city banks won the same tenders 5 bp higher (constructed). */
const TENDER_SPREAD_BP: Record<BankId, number> = { icbc: 0, ccb: 0, psbc: 0, cib: 5, citic: 5, city: 5, rural: 10 };
const rateOfBp = (bp: number) => (bp / 10_000).toFixed(4);

const holdings: Holding[] = [];
for (const t of PAST_TRANCHES) {
  for (const bankId of ELIGIBLE) {
    holdings.push({ id: `h-${t.tag}-${bankId}`, fundType: t.fundType, product: t.product, bankId, principalFen: t.perBankWan * WAN, annualRate: rateOfBp(t.rateBp + TENDER_SPREAD_BP[bankId]), startDate: t.start, termMonths: t.termMonths });
  }
}
holdings.push({ id: 'h-rp2502-rural', fundType: 'residentPension', product: 'timeDeposit', bankId: 'rural', principalFen: 2_500 * WAN, annualRate: '0.0160', startDate: '2025-02-20', termMonths: 12 });
holdings.push({ id: 'h-rp2404-bond', fundType: 'residentPension', product: 'govBond', principalFen: 3_000 * WAN, annualRate: '0.0193', startDate: '2024-04-15', termMonths: 24, couponFrequency: 1, bondKind: 'bookEntry' });

function maturityOf(h: { startDate: string; termMonths: number }): { o: number; d: number } {
  const [y, m, d] = h.startDate.split('-').map(Number) as [number, number, number];
  return { o: ord(y, m) + h.termMonths, d };
}

// ---------------------------------------------------------------------------------------------
// The manager's plan (no optimiser): each quarter's first month (Jan/Apr/Jul/Oct), each fund keeps
// the next 3 months of payouts liquid (more than the 2 months the rules ask for, [R9]) and places
// what is left, in whole 10 万元, if it is at least 300 万元: residents' pension and employee
// medical half in 3 years and half in 1 year, residents' medical 6 months (its money comes in each
// autumn and drains until August), every other fund 1 year. Each (month, term) batch
// is split over the six eligible banks 19/19/16/16/15/15 % (higher quotes first, none above 19%,
// under the 20% and 25% caps) and filled fund by fund. A piece of ≥ 1,000 万元 at a bank quoting a
// large CD for that term becomes a large CD.
// ---------------------------------------------------------------------------------------------
const PLACEMENT_MONTHS = [1, 4, 7, 10];
const OWN_RESERVE_MONTHS = 3;
const MIN_PLACEMENT = 300 * WAN;
const LONG_FUNDS: FundType[] = ['residentPension', 'employeeMedical'];
/** Residents' medical money comes in each autumn and drains until August: 6-month deposits fit its cycle. */
const HALF_YEAR_FUNDS: FundType[] = ['residentMedical'];
const BANK_SHARES: Array<[BankId, number]> = [['city', 0.19], ['cib', 0.19], ['citic', 0.16], ['psbc', 0.16], ['icbc', 0.15], ['ccb', 0.15]];

interface PlanPosition { fundType: FundType; amountFen: number; startO: number; maturityO: number }
const planned: PlanPosition[] = [];
const settlementOpening = new Map<FundType, number>();
for (const a of accounts) if (a.settlement) settlementOpening.set(a.fundType as FundType, Number(a.openingBalance.replace('.', '')));

/**
 * Projected settlement cash of one fund, month by month from START to END + 3, with the decisions
 * made so far and no new ones. `day1` is the cash after the day-1 events (plan maturities, flows,
 * placements); `end` adds the holdings that mature later in the month. Interest is left out, so the
 * projection errs on the safe side.
 */
function project(ft: FundType): Map<number, { day1: number; end: number; reserve: number }> {
  const out = new Map<number, { day1: number; end: number; reserve: number }>();
  let cash = settlementOpening.get(ft)!;
  for (let o = START; o <= END + 3; o++) {
    const flow = budget(ft, o);
    cash += planned.filter((p) => p.fundType === ft && p.maturityO === o).reduce((s, p) => s + p.amountFen, 0);
    cash += flow.inflowFen - flow.outflowFen;
    cash -= planned.filter((p) => p.fundType === ft && p.startO === o).reduce((s, p) => s + p.amountFen, 0);
    const day1 = cash;
    cash += holdings.filter((h) => h.fundType === ft && maturityOf(h).o === o).reduce((s, h) => s + h.principalFen, 0);
    let reserve = 0;
    for (let k = 1; k <= OWN_RESERVE_MONTHS; k++) reserve += budget(ft, o + k).outflowFen;
    out.set(o, { day1, end: cash, reserve });
  }
  return out;
}
/** The most `ft` can lock up from month `o` for `termMonths` without breaking its own cash and reserve rule. */
function placeable(ft: FundType, o: number, termMonths: number): number {
  const path = project(ft);
  let room = Infinity;
  for (let s = o; s <= Math.min(o + termMonths - 1, END); s++) {
    const p = path.get(s)!;
    room = Math.min(room, p.day1, p.end - p.reserve);
  }
  return Math.max(0, Math.floor(room / UNIT) * UNIT);
}

interface PlanRow { month: string; product: 'timeDeposit' | 'largeCd'; termMonths: number; bankId: BankId; fundType: FundType; amount: string; note: string }
const planRows: PlanRow[] = [];
/** Splits `units` over the banks by BANK_SHARES (floors, then one unit each to the smallest shares); equal split if that would pass 19.5%. */
function bankTargets(units: number): { targets: Map<BankId, number>; equal: boolean } {
  const targets = new Map<BankId, number>(BANK_SHARES.map(([b, share]) => [b, Math.floor(share * units)]));
  let left = units - [...targets.values()].reduce((s, v) => s + v, 0);
  for (const [b] of [...BANK_SHARES].reverse()) {
    if (left > 0) {
      targets.set(b, targets.get(b)! + 1);
      left--;
    }
  }
  if (![...targets.values()].some((v) => v > 0.195 * units)) return { targets, equal: false };
  BANK_SHARES.forEach(([b], i) => targets.set(b, Math.floor(units / 6) + (i >= 6 - (units % 6) ? 1 : 0)));
  return { targets, equal: true };
}
function placeBatch(o: number, termMonths: number, amounts: Array<[FundType, number]>): void {
  const units = amounts.reduce((s, [, a]) => s + a / UNIT, 0);
  if (units === 0) return;
  const { targets: capacity, equal } = bankTargets(units);
  const term = termMonths === 6 ? '6个月' : termMonths === 12 ? '1年期' : '3年期';
  const note = `${monthKey(o)} ${term}批次，共${units * 10}万元，${equal ? '平均分存六家' : '按19/19/16/16/15/15%分存六家'}`;
  let bankIndex = 0;
  for (const [ft, amount] of amounts) {
    let need = amount / UNIT;
    while (need > 0) {
      const [bankId] = BANK_SHARES[bankIndex]!;
      const take = Math.min(need, capacity.get(bankId)!);
      if (take > 0) {
        const fen = take * UNIT;
        const cd = fen >= 1_000 * WAN && QUOTES[bankId].cd[termMonths] !== undefined;
        planRows.push({ month: monthKey(o), product: cd ? 'largeCd' : 'timeDeposit', termMonths, bankId, fundType: ft, amount: money(fen), note });
        capacity.set(bankId, capacity.get(bankId)! - take);
        need -= take;
      }
      if (capacity.get(bankId) === 0) bankIndex++;
    }
    planned.push({ fundType: ft, amountFen: amount, startO: o, maturityO: o + termMonths });
  }
}
for (let o = START; o <= END; o++) {
  if (!PLACEMENT_MONTHS.includes(monthOf(o))) continue;
  const long: Array<[FundType, number]> = [];
  for (const ft of LONG_FUNDS) {
    const oneYear = placeable(ft, o, 12);
    if (oneYear < 2 * MIN_PLACEMENT) continue;
    const threeYears = Math.min(Math.floor(oneYear / 2 / UNIT) * UNIT, placeable(ft, o, 36));
    if (threeYears >= MIN_PLACEMENT) long.push([ft, threeYears]);
  }
  placeBatch(o, 36, long); // records the 3-year positions, so the 1-year sizing below sees them
  const halfYear: Array<[FundType, number]> = [];
  for (const ft of HALF_YEAR_FUNDS) {
    const amount = placeable(ft, o, 6);
    if (amount >= MIN_PLACEMENT) halfYear.push([ft, amount]);
  }
  placeBatch(o, 6, halfYear);
  const short: Array<[FundType, number]> = [];
  for (const ft of FUND_TYPES.filter((f) => !HALF_YEAR_FUNDS.includes(f))) {
    const amount = placeable(ft, o, 12);
    if (amount >= MIN_PLACEMENT) short.push([ft, amount]);
  }
  placeBatch(o, 12, short);
}

// ---------------------------------------------------------------------------------------------
// Self-check: replay the plan against the rules the exact ledger checks, on the settlement cash only
// (the 支出户 周转金 is not counted) and without interest. Throws on any break.
// ---------------------------------------------------------------------------------------------
function selfCheck(): string[] {
  const problems: string[] = [];
  const cash = new Map(settlementOpening);
  interface Open { bankId: BankId; amountFen: number; endO: number; endDay: number }
  const open: Open[] = holdings.filter((h) => h.bankId).map((h) => ({ bankId: h.bankId!, amountFen: h.principalFen, endO: maturityOf(h).o, endDay: maturityOf(h).d }));
  const bankLocal = new Map(banks.map((b) => [b.id, Number(b.localGeneralDeposits.replace('.', ''))]));
  const totalOpen = () => open.reduce((s, p) => s + p.amountFen, 0);
  const byBank = () => {
    const m = new Map<string, number>();
    for (const p of open) m.set(p.bankId, (m.get(p.bankId) ?? 0) + p.amountFen);
    return m;
  };
  if (byBank().size < 5) problems.push('opening: fewer than 5 banks');
  for (const [b, amt] of byBank()) if (amt > 0.2 * totalOpen()) problems.push(`opening: cap C at ${b}`);
  for (let o = START; o <= END; o++) {
    for (const ft of FUND_TYPES) {
      const f = budget(ft, o);
      const back = planned.filter((p) => p.fundType === ft && p.maturityO === o).reduce((s, p) => s + p.amountFen, 0);
      const out = planRows.filter((r) => r.fundType === ft && r.month === monthKey(o)).reduce((s, r) => s + Number(r.amount.replace('.', '')), 0);
      const c = cash.get(ft)! + back + f.inflowFen - f.outflowFen - out;
      if (c < 0) problems.push(`${monthKey(o)} ${ft}: cash below zero on day 1 (${c})`);
      cash.set(ft, c + holdings.filter((h) => h.fundType === ft && maturityOf(h).o === o).reduce((s, h) => s + h.principalFen, 0));
    }
    for (let i = open.length - 1; i >= 0; i--) if (open[i]!.endO === o) open.splice(i, 1);
    const tranche = new Map<string, number>();
    for (const r of planRows.filter((x) => x.month === monthKey(o))) {
      const fen = Number(r.amount.replace('.', ''));
      if (r.bankId === 'rural') problems.push(`${r.month}: new money at the suspended bank`);
      if (r.product === 'largeCd' && fen < 1_000 * WAN) problems.push(`${r.month}: CD below 10,000,000`);
      if (r.product === 'timeDeposit' && fen < 10_000 * 100) problems.push(`${r.month}: time deposit below 10,000`);
      if (!(r.product === 'largeCd' ? QUOTES[r.bankId].cd : QUOTES[r.bankId].time)[r.termMonths]) problems.push(`${r.month}: ${r.bankId} quotes no ${r.product} ${r.termMonths}m`);
      tranche.set(r.bankId, (tranche.get(r.bankId) ?? 0) + fen);
      open.push({ bankId: r.bankId, amountFen: fen, endO: o + r.termMonths, endDay: 1 });
    }
    const trancheTotal = [...tranche.values()].reduce((s, v) => s + v, 0);
    for (const [b, v] of tranche) if (v > 0.25 * trancheTotal) problems.push(`${monthKey(o)}: cap A at ${b}`);
    const total = totalOpen();
    const perBank = byBank();
    for (const [b, v] of perBank) {
      if (v > 0.2 * total) problems.push(`${monthKey(o)}: cap C at ${b} (${((100 * v) / total).toFixed(1)}%)`);
      if (v > 0.2 * bankLocal.get(b)!) problems.push(`${monthKey(o)}: cap B at ${b}`);
    }
    if (total > 0 && perBank.size < 5) problems.push(`${monthKey(o)}: only ${perBank.size} banks`);
    const liquid = [...cash.values()].reduce((s, v) => s + v, 0);
    let need = 0;
    for (let k = 1; k <= 2 && o + k <= END; k++) for (const ft of FUND_TYPES) need += budget(ft, o + k).outflowFen;
    if (liquid < need) problems.push(`${monthKey(o)}: reserve ${liquid} < ${need}`);
  }
  return problems;
}
const problems = selfCheck();
if (problems.length) throw new Error(`the plan breaks rules:\n${problems.join('\n')}`);

// ---------------------------------------------------------------------------------------------
// Output.
// ---------------------------------------------------------------------------------------------
const flowJson = (r: FlowRow) => ({ month: r.month, fundType: r.fundType, inflow: money(r.inflowFen), outflow: money(r.outflowFen) });
const scenario = {
  schemaVersion: 1,
  name: '示例县社会保险基金（构造样例） Example County social-insurance funds (constructed sample)',
  description:
    '约40万人口的示例县，八个险种基金合计约9.2亿元，七家银行（一家农商行暂停新增存款）。银行挂牌利率、国债收益率、调待幅度等为公开数据（见 README.md），县级余额、收支、持仓与协议利率均为构造。 A county of about 400,000 people, eight funds totalling about 920 million yuan, seven banks (one rural bank suspended). Listed rates, bond yields and pension raises are real (see README.md); the county\'s balances, flows, holdings and contract rates are constructed.',
  asOf: '2025-12-31',
  startMonth: monthKey(START),
  horizonMonths: HORIZON,
  fundTypes: FUND_TYPES,
  banks,
  accounts,
  holdings: holdings.map(({ principalFen, ...h }) => ({ ...h, principal: money(principalFen) })),
  products: {
    timeDeposit: { termsMonths: [3, 6, 12, 24, 36, 60], minimumAmount: '10000.00' },
    largeCd: { termsMonths: [1, 3, 6, 9, 12, 18, 24, 36, 60], minimumLot: '10000000.00' },
    callDeposit: { minimumAmount: '500000.00', minimumWithdrawal: '100000.00' },
    agreedDeposit: { minimumBase: '10000.00' },
    govBond: { termsMonths: [12, 24, 36, 60, 84, 120] },
  },
  bondYields: [
    { termMonths: 12, annualRate: '0.0140', couponFrequency: 0, effectiveFrom: '2025-09-05' },
    { termMonths: 24, annualRate: '0.01415', couponFrequency: 1, effectiveFrom: '2025-09-05' },
    { termMonths: 36, annualRate: '0.0143', couponFrequency: 1, effectiveFrom: '2025-09-05' },
    { termMonths: 60, annualRate: '0.0161', couponFrequency: 1, effectiveFrom: '2025-09-05' },
    { termMonths: 84, annualRate: '0.01674', couponFrequency: 1, effectiveFrom: '2025-09-05' },
    { termMonths: 120, annualRate: '0.0177', couponFrequency: 2, effectiveFrom: '2025-09-05' },
  ],
  policy: {
    reserve: { rule: 'monthsOfPayouts', months: 2 },
    caps: { trancheShare: '0.25', bankLocalDepositShare: '0.20', fundTimeDepositShare: '0.20' },
    minBanks: 5,
    maxTermMonths: 60,
    keepFundTypesApart: false,
  },
  statutory: { reading: 'benchmark' },
  timing: { flowDay: 1, placementDay: 1 },
  history: history.map(flowJson),
  flows: flows.map(flowJson),
};
const plan = {
  schemaVersion: 1,
  name: '季度滚存：各险种留足3个月支出，余款1年期（城乡居民养老、职工医保一半3年期）按19/19/16/16/15/15%分存六家银行 Quarterly rollover: keep 3 months of payouts, place the rest for 1 year (half for 3 years in two funds) over six banks',
  placements: planRows,
};

const checked = validateScenario(JSON.parse(JSON.stringify(scenario)));
if (!checked.ok) throw new Error(`validateScenario failed:\n${JSON.stringify(checked.issues, null, 2)}`);
const planChecked = planSchema.safeParse(JSON.parse(JSON.stringify(plan)));
if (!planChecked.success) throw new Error(`plan does not parse: ${planChecked.error.message}`);

/** JSON with two-space indent, but every object without nested objects or arrays on one line. */
function format(value: unknown): string {
  return `${JSON.stringify(value, null, 2).replace(/\{\n\s+([^{}[\]]*?)\n\s+\}/g, (_m, body: string) => `{ ${body.split('\n').map((l) => l.trim()).join(' ')} }`)}\n`;
}
const here = dirname(fileURLToPath(import.meta.url));
writeFileSync(join(here, 'scenario.json'), format(scenario));
writeFileSync(join(here, 'plan.json'), format(plan));

// ---------------------------------------------------------------------------------------------
// Summary (万元).
// ---------------------------------------------------------------------------------------------
const lines: string[] = [];
const pad = (s: string, n: number) => s.padStart(n);
lines.push(`seed ${SEED}; ${history.length / FUND_TYPES.length} months of history, ${HORIZON} months of flows`);
lines.push(`${'fund type'.padEnd(20)}${pad('accounts', 10)}${pad('holdings', 10)}${pad('total', 10)}${pad('out/mo26', 10)}${pad('in 2026', 10)}${pad('out 2026', 10)}${pad('placed*', 10)}${pad('#', 5)}`);
let grand = 0;
let grandHoldings = 0;
for (const ft of FUND_TYPES) {
  const acc = accounts.filter((a) => a.fundType === ft).reduce((s, a) => s + Number(a.openingBalance.replace('.', '')), 0);
  const hold = holdings.filter((h) => h.fundType === ft).reduce((s, h) => s + h.principalFen, 0);
  const year2026 = flows.filter((f) => f.fundType === ft && f.month.startsWith('2026'));
  const inflow = year2026.reduce((s, f) => s + f.inflowFen, 0);
  const outflow = year2026.reduce((s, f) => s + f.outflowFen, 0);
  const rows = planRows.filter((r) => r.fundType === ft);
  const placed = rows.reduce((s, r) => s + Number(r.amount.replace('.', '')), 0);
  grand += acc + hold;
  grandHoldings += hold;
  lines.push(`${ft.padEnd(20)}${pad(wan(acc), 10)}${pad(wan(hold), 10)}${pad(wan(acc + hold), 10)}${pad(wan(outflow / 12), 10)}${pad(wan(inflow), 10)}${pad(wan(outflow), 10)}${pad(wan(placed), 10)}${pad(String(rows.length), 5)}`);
}
const monthly2026 = flows.filter((f) => f.month.startsWith('2026')).reduce((s, f) => s + f.outflowFen, 0) / 12;
lines.push('* placed = all placements over 2026–2028, rollovers counted each time');
lines.push(`opening total ${wan(grand)} 万元 (holdings ${wan(grandHoldings)} 万元); 2026 payouts ${wan(monthly2026)} 万元 a month on average`);
lines.push(`plan: ${planRows.length} placements (${planRows.filter((r) => r.product === 'largeCd').length} large CDs), ${wan(planRows.reduce((s, r) => s + Number(r.amount.replace('.', '')), 0))} 万元 in all; validateScenario ok`);
console.log(lines.join('\n'));
