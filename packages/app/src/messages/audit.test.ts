// The audit's and the replay's words (docs/audit.md): Chinese first, English beside, money in 万元 (replay) or yuan to
// the fen (audit), fund types and rules by name, no id in a Chinese sentence.
import { describe, expect, it } from 'vitest';
import { dec } from '@fundladder/core';
import scenario from '../../../../examples/audit/scenario.json' with { type: 'json' };
import { namesOf } from './names';
import { auditNoteText, auditOutcomeText, ratePercent, replayBreachLine, replayGapLine, replayHeading, replayStepLine } from './audit';

const zh = namesOf(scenario, 'zh');
const en = namesOf(scenario, 'en');

describe('audit notes', () => {
  it('a contract below the floor names the statutory rule in words', () => {
    const note = { kind: 'contractBelowStatutory', contractRate: dec('0.0065'), statutoryRate: dec('0.011'), rule: 'pensionDemandAtThreeMonth' } as const;
    expect(auditNoteText(note, 'zh')).toBe('协议利率 0.65% 低于法定 1.10%（养老基金活期按三个月定期利率计息），按法定利率复核');
    expect(auditNoteText(note, 'en')).toBe('the contract rate 0.65% is below the statutory 1.10% (pension demand money at the 3-month rate); audited at the statutory rate');
  });
  it('the bank’s own arithmetic, an unconfirmed rule, the outcome; rates exact up to four places', () => {
    expect(auditNoteText({ kind: 'bankArithmetic', statedInterest: dec('281111.11'), interestPaid: dec('278055.56') }, 'zh')).toBe('按银行自列积数与利率应为 281,111.11 元，实付 278,055.56 元');
    expect(auditNoteText({ kind: 'unconfirmedRuleAbove', rule: 'unitDemand', annualRate: dec('0.0035'), interest: dec('8944.44') }, 'zh')).toBe('未证实的规定（按单位活期利率计息）为 0.35%，据此应付 8,944.44 元：仅供参考，未计入应补');
    expect([auditOutcomeText('underpaid', 'zh'), auditOutcomeText('overpaid', 'en'), ratePercent(dec('0.01375'))]).toEqual(['少付', 'over-paid', '1.375%']);
  });
});

describe('replay lines', () => {
  it('a gap, a breach and a re-plan, in 万元 with the fund type by name', () => {
    expect(replayGapLine({ date: '2025-03-01', fundType: 'employeePension', amount: dec('20000000') }, 'zh', zh)).toBe('2025-03-01 企业职工基本养老保险基金缺 2,000.00 万元');
    expect(replayGapLine({ date: '2025-03-01', fundType: 'employeePension', amount: dec('20000000') }, 'en', en)).toBe('2025-03-01 employee pension short by 2,000.00万');
    expect(replayBreachLine({ month: '2025-02', fundType: 'workInjury', liquid: dec('0'), required: dec('20000000'), short: dec('20000000') }, 'zh', zh)).toBe('2025-02 末工伤保险基金流动资金 0.00，储备要求 2,000.00，不足 2,000.00 万元');
    expect(replayStepLine({ start: '2025-04', status: 'elastic', placements: 2, expected: 'forecast' }, 'zh')).toBe('2025-04 起：无可行计划，按最少违规的计划，新存 2 笔，依据按已发生月份重新拟合的预测');
    expect(replayHeading({ scenario: { name: '示例' }, months: { from: '2025-01', to: '2025-06', count: 6 }, droppedPlacements: 1 }, 'en')).toBe('Replay of 示例: 2025-01 to 2025-06 (6 months), amounts in 万元\n  1 placement(s) of the plan fall after the months the actuals cover and are left out');
  });
});
