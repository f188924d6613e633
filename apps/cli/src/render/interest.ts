import type { InterestResult } from '@fundladder/app';
import type { CliIo } from '../io';

/** What the rule worked with, one line each: the balance-days of a demand deposit, a deposit's maturity and how it ended, a bond's coupons. */
export function interestDetailLines(r: InterestResult): string[] {
  const d = r.detail;
  switch (d.kind) {
    case 'demand':
      return [`积数 balance-days = ${r.principal.toFixed()} × ${d.days} days`];
    case 'term':
      return [`maturity ${d.maturityDate}`, d.outcome];
    case 'bond':
      return [`coupons paid: ${d.couponsPaid.join(', ') || 'none'}`];
    default:
      return [];
  }
}

/** The interest to the fen, the formula with its figures and the unrounded value, the rule and its source. */
export function printInterest(io: CliIo, r: InterestResult): void {
  const zh = io.lang === 'zh';
  io.out(`${zh ? '利息' : 'Interest'}: ${r.interest.toFixed(2)} ${zh ? '元' : 'yuan'}`);
  io.out(`${zh ? '公式' : 'Formula'}: ${r.formula} = ${r.unrounded.toDecimalPlaces(6).toString()} → ${r.interest.toFixed(2)} (${r.rounding})`);
  io.out(`${zh ? '规则' : 'Rule'}: ${r.rule}; ${zh ? '计息基准' : 'day basis'} ${r.dayBasis}; ${zh ? '来源' : 'source'}: ${r.source}`);
  for (const line of interestDetailLines(r)) io.out(`  ${line}`);
}
