import { describe, expect, it } from 'vitest';
import { auditInterestResult } from '../../api/auditResult';
import fixture from './fixtures/audit.json';
import { accountName, auditFormOf, bankNamer, differenceRows, noteText, ratePercent, ruleOf, yuanAndWan } from './auditView';
import { auditEn, auditZh } from './messages';

// The audit job's result on examples/audit/statement.csv against examples/audit/scenario.json (`fundladder
// audit-interest … --json`), as the job encodes it. The figures are docs/audit.md §2.3's: row 3 is one day short on
// 1亿 of pension demand money (281,111.11 owed, 278,055.56 paid: 3,055.55), row 5 a 0.65% contract below the pension
// floor 1.10% (56,222.22 owed, 33,222.22 paid: 23,000.00); row 4 matches.
const result = fixture as unknown as Parameters<typeof differenceRows>[0] & Parameters<typeof bankNamer>[0];
const fundType = (id: string) => ({ employeePension: '企业职工基本养老保险基金', workInjury: '工伤保险基金' })[id] ?? id;

describe('the fixture', () => {
  it('is an audit result the app layer reads back', () => {
    expect(auditInterestResult.safeDecode(fixture as never).success).toBe(true);
  });
});

describe('the upload form', () => {
  const file = new File(['账户,起息日,结息日,余额（元）,实付利息（元）\n'], 'q2.csv');
  it('sends the file and the version, and the unit and encoding only when chosen', () => {
    const plain = auditFormOf({ file, versionId: '7', unit: '', encoding: 'auto' });
    expect(plain.ok && [...plain.form.keys()]).toEqual(['statement', 'scenarioVersion']);
    expect(plain.ok && (plain.form.get('statement') as File).name).toBe('q2.csv');
    const chosen = auditFormOf({ file, versionId: '7', unit: 'wan', encoding: 'gbk' });
    expect(chosen.ok && [...chosen.form.entries()].filter(([k]) => k !== 'statement')).toEqual([['scenarioVersion', '7'], ['unit', 'wan'], ['encoding', 'gbk']]);
  });

  it('names what is missing: the file first, then the version', () => {
    expect(auditFormOf({ file: undefined, versionId: '7', unit: '', encoding: 'auto' })).toEqual({ ok: false, missing: 'file' });
    expect(auditFormOf({ file, versionId: undefined, unit: '', encoding: 'auto' })).toEqual({ ok: false, missing: 'version' });
  });
});

describe('the figures', () => {
  it('prints the total owed in 元 to the fen and in 万元, exactly', () => {
    expect(yuanAndWan('26055.55', auditZh)).toBe('26,055.55 元（2.61 万元）');
    expect(yuanAndWan('972.22', auditEn)).toBe('CNY 972.22 (0.10 万元)');
    expect(yuanAndWan('-49.99', auditZh)).toBe('-49.99 元（0.00 万元）');
  });

  it('prints rates as the report does: two places at least, exact up to four', () => {
    expect([ratePercent('0.0035'), ratePercent('0.011'), ratePercent('0.0065'), ratePercent('0.001875'), ratePercent('0.00187549'), ratePercent('0')]).toEqual(['0.35%', '1.10%', '0.65%', '0.1875%', '0.1875%', '0.00%']);
    expect(ratePercent('0.00187550')).toBe('0.1876%');
  });
});

describe('the differences', () => {
  it('lists the under-paid lines in the statement’s order, with the matching ones counted', () => {
    const { rows, matching } = differenceRows(result);
    expect(rows.map((r) => [r.row, r.line.account, r.line.interestPaid, r.line.owedInterest, r.line.difference, r.line.outcome, r.rates])).toEqual([
      [3, 'ep-fiscal', '278055.56', '281111.11', '3055.55', 'underpaid', ['1.10%']],
      [5, 'ep-expenditure', '33222.22', '56222.22', '23000.00', 'underpaid', ['1.10%']],
    ]);
    expect(matching).toBe(1);
  });

  it('names the account by its bank, fund type and kind, as the catalogue does', () => {
    const [fiscal] = differenceRows(result).rows;
    expect(accountName(fiscal!.line, bankNamer(result), fundType, auditZh)).toBe('中国工商银行示例县支行的企业职工基本养老保险基金财政专户');
    expect(accountName({ ...fiscal!.line, accountKind: 'other' }, bankNamer(result), fundType, auditZh)).toBe('ep-fiscal');
  });

  it('gives the rule applied with its source: the contract, or the statutory rule and its notice', () => {
    const [fiscal, expenditure] = differenceRows(result).rows;
    expect(ruleOf(fiscal!.line, auditZh)).toEqual({ rule: '账户协议利率', source: '存款协议（情景 accounts[].contractRates）' });
    expect(ruleOf(expenditure!.line, auditZh)).toEqual({ rule: '养老基金活期按三个月定期利率计息', source: '银发〔1997〕567号 [R3]' });
    expect(ruleOf(expenditure!.line, auditEn).rule).toBe('pension demand money at the 3-month rate');
  });

  it('words each note as the CLI does', () => {
    const [fiscal, expenditure] = differenceRows(result).rows;
    expect(fiscal!.line.notes.map((n) => noteText(n, auditZh))).toEqual(['按银行自列积数与利率应为 281,111.11 元，实付 278,055.56 元']);
    expect(expenditure!.line.notes.map((n) => noteText(n, auditZh))).toEqual(['协议利率 0.65% 低于法定 1.10%（养老基金活期按三个月定期利率计息），按法定利率复核']);
  });
});
