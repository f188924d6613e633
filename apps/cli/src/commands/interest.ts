import {
  type DayBasis, type Decimal, type InterestComputation, DAY_BASES, LEDGER_ROUNDING, ZERO, accrueAgreedDeposit, accrueCallDeposit, accrueDemandDeposit,
  accrueTimeDeposit, bondAccruedInterest, bondCoupon, bondCouponDates, compareDates, parseDecimal, parseIsoDate, wholeMonthsAndOddDays, actualDaysBetween, type IsoDate,
  AMOUNT_WARN_FROM_YUAN,
} from '@fundladder/core';
import { type Command, EXIT_OK, EXIT_USAGE } from '../io';
import { numberFlags, parseCommandArgs, refuseFlags } from '../args';

const HELP_ZH = `用法: fundladder interest --product demand|time|agreed|notice|cd|bond --principal 金额 --annual-rate 年利率
        --from 起息日 --to 到期日/止息日 [--term-months 月数] [--withdraw-on 支取日] [--base-amount 基本额度]
        [--demand-rate 活期利率] [--coupon-frequency 每年付息次数] [--day-basis thirty360|actual365|actualActual] [--json]

按规则计算利息，精确到分（计算到厘，四舍五入到分），并打印所用公式，用于核对银行对账单。
  金额以元为单位；利率用小数（0.0135 即 1.35%）；日期 YYYY-MM-DD；算头不算尾。
  demand   活期（积数计息，积数 × 利率 / 360）
  time/cd  整存整取 / 大额存单（到期按合同利率；--withdraw-on 提前支取按支取日活期利率，需 --demand-rate；
           到期后未取按活期利率计逾期利息）
  agreed   协定存款（基本额度 --base-amount 按活期 --demand-rate，超额部分按协定利率 --annual-rate）
  notice   通知存款（本金 × 天数 × 支取日利率 / 360）
  bond     记账式国债（票面 × 票面利率 / 每年付息次数，--from 起息、--to 止；含区间内各期利息与应计利息）
来源: docs/domain.md §5.1 公式 F1–F6 与 §5.3 算例 E1–E6。`;

const HELP_EN = `Usage: fundladder interest --product demand|time|agreed|notice|cd|bond --principal AMOUNT --annual-rate RATE
        --from START --to END [--term-months N] [--withdraw-on DATE] [--base-amount X] [--demand-rate R]
        [--coupon-frequency N] [--day-basis thirty360|actual365|actualActual] [--json]

Computes interest by the rule, to the fen (computed to 0.001, rounded half up to 0.01), and prints the
formula, so a fund manager can check a bank statement. Amounts in yuan; rates as fractions (0.0135 = 1.35%);
days YYYY-MM-DD; first day counted, last day not.
  demand   demand deposit (accumulated method: balance-days × rate / 360)
  time/cd  time deposit / large CD (contract rate to maturity; --withdraw-on: early withdrawal at the demand
           rate of that day, needs --demand-rate; after maturity the demand rate applies)
  agreed   agreed deposit (--base-amount at --demand-rate, the excess at --annual-rate)
  notice   call deposit (principal × days × withdrawal-day rate / 360)
  bond     book-entry bond (face × coupon / frequency; coupons paid in (--from, --to] plus accrued interest)
Source: docs/domain.md §5.1 formulas F1–F6 and §5.3 worked examples E1–E6.`;

function fail(io: Parameters<Command>[1], message: string): number {
  io.err(`fundladder interest: ${message}`);
  io.err(io.lang === 'zh' ? '运行 fundladder interest --help 查看用法。' : 'Run fundladder interest --help for usage.');
  return EXIT_USAGE;
}

/** `fundladder interest`: the interest calculator, one rule per product (docs/interest-conventions.md "The rules"). */
export const interestCommand: Command = (args, io) => {
  const parsed = parseCommandArgs(
    io,
    'interest',
    args,
    {
      product: { type: 'string' }, principal: { type: 'string' }, 'annual-rate': { type: 'string' }, from: { type: 'string' }, to: { type: 'string' },
      'term-months': { type: 'string' }, 'withdraw-on': { type: 'string' }, 'base-amount': { type: 'string' }, 'demand-rate': { type: 'string' },
      'coupon-frequency': { type: 'string' }, 'day-basis': { type: 'string' }, json: { type: 'boolean' },
    },
    { zh: HELP_ZH, en: HELP_EN },
    { min: 0, max: 0 },
  );
  if (!parsed.ok) return parsed.code;
  const o = parsed.values;
  // Terms as in scenario files (termMonthsSchema, at most 50 years); coupons at most monthly.
  const flags = numberFlags(o, { 'term-months': { kind: 'int', min: 1, max: 600 }, 'coupon-frequency': { kind: 'int', min: 0, max: 12 } });
  if (!flags.ok) return refuseFlags(io, 'interest', flags.issues);
  type Problem = { problem: string };
  const isProblem = (v: unknown): v is Problem => typeof v === 'object' && v !== null && 'problem' in v;
  const money = (name: string, v: string | undefined, required = true): Decimal | undefined | Problem => {
    if (v === undefined) return required ? { problem: `--${name} is required` } : undefined;
    const d = parseDecimal(v);
    if (!d) return { problem: `--${name} must be a plain decimal number, got '${v}'` };
    if (d.lt(0)) return { problem: `--${name} may not be negative` };
    if (d.gte(AMOUNT_WARN_FROM_YUAN)) return { problem: `--${name} must be below 10^15 yuan (more than all deposits in China), got '${v}'` };
    return d;
  };
  const rate = (name: string, v: string | undefined, required = true): Decimal | undefined | Problem => {
    const d = money(name, v, required);
    if (isProblem(d) || d === undefined) return d;
    if (d.gt('0.2')) return { problem: `--${name} ${v} looks like a percentage; rates are fractions (0.0135 = 1.35%)` };
    return d;
  };
  const day = (name: string, v: string | undefined, required = true): IsoDate | undefined | Problem => {
    if (v === undefined) return required ? { problem: `--${name} is required` } : undefined;
    return parseIsoDate(v) ?? { problem: `--${name} must be a day YYYY-MM-DD, got '${v}'` };
  };
  const values = {
    principal: money('principal', o.principal),
    annualRate: rate('annual-rate', o['annual-rate']),
    from: day('from', o.from),
    to: day('to', o.to),
    withdrawOn: day('withdraw-on', o['withdraw-on'], false),
    baseAmount: money('base-amount', o['base-amount'], false),
    demandRate: rate('demand-rate', o['demand-rate'], false),
  };
  for (const v of Object.values(values)) if (isProblem(v)) return fail(io, v.problem);
  const principal = values.principal as Decimal;
  const annualRate = values.annualRate as Decimal;
  const from = values.from as IsoDate;
  const to = values.to as IsoDate;
  if (compareDates(to, from) <= 0) return fail(io, '--to must be after --from');
  const basis = (o['day-basis'] ?? 'thirty360') as DayBasis;
  if (!DAY_BASES.includes(basis)) return fail(io, `--day-basis must be one of ${DAY_BASES.join(', ')}`);
  const withdrawOn = values.withdrawOn as IsoDate | undefined;
  const demandRate = values.demandRate as Decimal | undefined;

  let result: InterestComputation & { notes?: string[] };
  switch (o.product) {
    case 'demand':
      result = {
        ...accrueDemandDeposit({ spans: [{ from, to, balance: principal }], rates: [{ effectiveFrom: from, annualRate }], basis, rateChangeMethod: 'segmented', settlementDate: to }),
        notes: [`积数 balance-days = ${principal.toFixed()} × ${actualDaysBetween(from, to)} days`],
      };
      break;
    case 'time':
    case 'cd': {
      const termMonths = flags.value['term-months'] ?? wholeMonthsAndOddDays(from, to).months;
      if (termMonths < 1) return fail(io, '--term-months must be a whole number of months ≥ 1');
      const r = accrueTimeDeposit({ principal, annualRate, startDate: from, termMonths, basis, endDate: withdrawOn ?? to, ...(demandRate ? { demandRate } : {}) });
      if (r.needsDemandRate) return fail(io, `${r.outcome === 'earlyWithdrawal' ? 'early withdrawal' : 'money left after maturity'} is paid at the demand rate: give --demand-rate`);
      result = { ...r, notes: [`maturity ${r.maturityDate}`, r.outcome] };
      break;
    }
    case 'agreed': {
      const baseAmount = values.baseAmount as Decimal | undefined;
      if (!baseAmount) return fail(io, '--base-amount is required for an agreed deposit');
      if (!demandRate) return fail(io, '--demand-rate is required for an agreed deposit (the base earns it)');
      result = accrueAgreedDeposit({ spans: [{ from, to, balance: principal }], baseAmount, agreedRate: annualRate, demandRate, basis });
      break;
    }
    case 'notice':
      result = accrueCallDeposit({ principal, withdrawalDayRate: annualRate, startDate: from, endDate: to, basis });
      break;
    case 'bond': {
      const frequency = flags.value['coupon-frequency'] ?? 1;
      if (![0, 1, 2, 4, 12].includes(frequency)) return fail(io, '--coupon-frequency must be 0 (at maturity), 1, 2, 4 or 12');
      const termMonths = flags.value['term-months'] ?? Math.max(wholeMonthsAndOddDays(from, to).months, 1);
      const dates = bondCouponDates(from, termMonths, frequency);
      const paid = dates.filter((d) => compareDates(d, to) <= 0);
      const coupon = frequency === 0 ? { interest: principal.times(annualRate).times(termMonths).div(12), formula: `${principal.toFixed()} × ${annualRate.times(100).toFixed()}% × ${termMonths}/12` } : bondCoupon({ face: principal, couponRate: annualRate, couponFrequency: frequency });
      const next = dates.find((d) => compareDates(d, to) > 0);
      const last = paid.at(-1) ?? from;
      const accrued = next && frequency > 0 ? bondAccruedInterest({ face: principal, couponRate: annualRate, couponFrequency: frequency, lastCouponDate: last, nextCouponDate: next, onDate: to }) : { interest: ZERO, formula: '0' };
      const couponFen = LEDGER_ROUNDING.apply(coupon.interest);
      result = {
        interest: couponFen.times(paid.length).plus(accrued.interest),
        formula: `${paid.length} × (${coupon.formula})${accrued.interest.isZero() ? '' : ` + ${accrued.formula}`}`,
        rule: 'govBond/coupon',
        source: 'docs/domain.md §4.6 记账式国债, §5.3 E6; accrued: CFFEX 2013-09-03 (actual/actual)',
        notes: [`coupons paid: ${paid.join(', ') || 'none'}`],
      };
      break;
    }
    default:
      return fail(io, `--product must be one of demand, time, agreed, notice, cd, bond (got '${o.product ?? ''}')`);
  }
  const interest = LEDGER_ROUNDING.apply(result.interest);
  if (o.json) {
    io.out(JSON.stringify({ interest: interest.toFixed(2), unrounded: result.interest.toString(), formula: result.formula, rule: result.rule, rounding: LEDGER_ROUNDING.name, dayBasis: basis, source: result.source, ...(result.notes ? { notes: result.notes } : {}) }, null, 2));
  } else {
    const zh = io.lang === 'zh';
    io.out(`${zh ? '利息' : 'Interest'}: ${interest.toFixed(2)} ${zh ? '元' : 'yuan'}`);
    io.out(`${zh ? '公式' : 'Formula'}: ${result.formula} = ${result.interest.toDecimalPlaces(6).toString()} → ${interest.toFixed(2)} (${LEDGER_ROUNDING.name})`);
    io.out(`${zh ? '规则' : 'Rule'}: ${result.rule}; ${zh ? '计息基准' : 'day basis'} ${basis}; ${zh ? '来源' : 'source'}: ${result.source}`);
    for (const n of result.notes ?? []) io.out(`  ${n}`);
  }
  return EXIT_OK;
};
