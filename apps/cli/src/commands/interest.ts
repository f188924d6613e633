import { type InterestRequest, interestResult, issueDetail, issueText, runInterest } from '@fundladder/app';
import type { DomainIssue } from '@fundladder/core';
import { type Command, EXIT_OK, EXIT_USAGE } from '../io';
import { numberFlags, parseCommandArgs, refuseFlags } from '../args';
import { printInterest } from '../render/interest';

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

const FLAGS = {
  product: { type: 'string' }, principal: { type: 'string' }, 'annual-rate': { type: 'string' }, from: { type: 'string' }, to: { type: 'string' },
  'term-months': { type: 'string' }, 'withdraw-on': { type: 'string' }, 'base-amount': { type: 'string' }, 'demand-rate': { type: 'string' },
  'coupon-frequency': { type: 'string' }, 'day-basis': { type: 'string' }, json: { type: 'boolean' },
} as const;

/** The request's fields by the flag that sets them. */
const FLAG_OF: Record<string, keyof typeof FLAGS> = {
  product: 'product', principal: 'principal', annualRate: 'annual-rate', from: 'from', to: 'to', termMonths: 'term-months', withdrawOn: 'withdraw-on',
  baseAmount: 'base-amount', demandRate: 'demand-rate', couponFrequency: 'coupon-frequency', dayBasis: 'day-basis',
};

/** `fundladder interest`: flags → the interest request → the application layer → the interest, formula and rule (docs/interest-conventions.md "The rules"). */
export const interestCommand: Command = async (args, io) => {
  const parsed = parseCommandArgs(io, 'interest', args, FLAGS, { zh: HELP_ZH, en: HELP_EN }, { min: 0, max: 0 });
  if (!parsed.ok) return parsed.code;
  const o = parsed.values;
  // Terms as in scenario files (termMonthsSchema, at most 50 years); coupons at most monthly.
  const flags = numberFlags(o, { 'term-months': { kind: 'int', min: 1, max: 600 }, 'coupon-frequency': { kind: 'int', min: 0, max: 12 } });
  if (!flags.ok) return refuseFlags(io, 'interest', flags.issues);
  const request: InterestRequest = {
    kind: 'interest',
    product: o.product as InterestRequest['product'],
    principal: o.principal as string,
    annualRate: o['annual-rate'] as string,
    from: o.from as string,
    to: o.to as string,
    termMonths: flags.value['term-months'],
    withdrawOn: o['withdraw-on'],
    baseAmount: o['base-amount'],
    demandRate: o['demand-rate'],
    couponFrequency: flags.value['coupon-frequency'],
    dayBasis: o['day-basis'] as InterestRequest['dayBasis'],
  };
  const r = await runInterest(request);
  if (!r.ok) {
    // Each problem by its flag and the value typed: `--annual-rate 1.35 looks like a percentage; …`; in Chinese the
    // catalogue's sentence after the flag (`--annual-rate 1.35：利率应以小数表示 …`).
    const line = (i: DomainIssue) => {
      const flag = FLAG_OF[String(i.path[0])];
      const typed = flag ? o[flag] : undefined;
      const given = flag ? `--${flag}${typeof typed === 'string' && typed !== '' ? ` ${typed}` : ''}` : '';
      if (io.lang === 'zh') return `${given ? `${given}：` : ''}${issueText(i, 'zh')}${io.verbose ? ` [${issueDetail(i, 'zh')}]` : ''}`;
      return given ? `${given} ${i.message}` : i.message;
    };
    for (const i of r.issues) io.err(`fundladder interest: ${line(i)}`);
    io.err(io.lang === 'zh' ? '运行 fundladder interest --help 查看用法。' : 'Run fundladder interest --help for usage.');
    return EXIT_USAGE;
  }
  if (o.json) io.out(JSON.stringify(interestResult.encode(r.value), null, 2));
  else printInterest(io, r.value);
  return EXIT_OK;
};
