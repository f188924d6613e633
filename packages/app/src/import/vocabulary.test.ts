import { describe, expect, it } from 'vitest';
import { bankFromName, parseAccountKind, parseBankType, parseProduct, parseTerm, quoteColumn } from './vocabulary';
import { newBankId } from './bankMatch';
import { matchBank } from './bankMatch';

describe('terms, products and quote columns', () => {
  it('reads terms as rate sheets write them, and a bare number only where the column says months or years', () => {
    expect(['3个月', '三个月', '6M', '1年', '一年', '两年', '2Y', '半年', '十二个月'].map((t) => parseTerm(t))).toEqual([3, 3, 6, 12, 12, 24, 24, 6, 12]);
    expect(parseTerm('12')).toBeUndefined();
    expect(parseTerm('12', 'months')).toBe(12);
    expect(parseTerm('3', 'years')).toBe(36);
  });
  it('reads products', () => {
    expect(['活期', '协定存款', '1天通知', '七天通知存款', '定期', '整存整取', '大额存单', '记账式国债', 'timeDeposit', 'largecd', '理财'].map(parseProduct)).toEqual([
      'demandDeposit', 'agreedDeposit', 'callDeposit1d', 'callDeposit7d', 'timeDeposit', 'timeDeposit', 'largeCd', 'govBond', 'timeDeposit', 'largeCd', undefined,
    ]);
  });
  it('reads the columns of a wide rate sheet', () => {
    expect(['活期', '协定存款', '7天通知', '3个月', '1年', '定期2年', '大额存单3年', '大额存单 1年', 'timeDeposit12', '银行名称', '一般性存款'].map(quoteColumn)).toEqual([
      { product: 'demandDeposit' }, { product: 'agreedDeposit' }, { product: 'callDeposit7d' }, { product: 'timeDeposit', termMonths: 3 }, { product: 'timeDeposit', termMonths: 12 },
      { product: 'timeDeposit', termMonths: 24 }, { product: 'largeCd', termMonths: 36 }, { product: 'largeCd', termMonths: 12 }, { product: 'timeDeposit', termMonths: 12 }, undefined, undefined,
    ]);
  });
  it('reads bank types and account kinds', () => {
    expect(['国有', '股份制商业银行', '城商行', '农村商业银行', '邮储', 'jointStock', '信托'].map(parseBankType)).toEqual(['stateOwned', 'jointStock', 'cityCommercial', 'ruralCommercial', 'postalSavings', 'jointStock', undefined]);
    expect(['收入户', '支出户', '财政专户', 'fiscalSpecial'].map(parseAccountKind)).toEqual(['revenue', 'expenditure', 'fiscalSpecial', 'fiscalSpecial']);
  });
});

describe('banks by name', () => {
  it('knows national and rural banks by name, not city banks', () => {
    expect(bankFromName('中国工商银行示例县支行')).toEqual({ id: 'icbc', type: 'stateOwned' });
    expect(bankFromName('中国银行示例县支行')).toEqual({ id: 'boc', type: 'stateOwned' });
    expect(bankFromName('中国农业发展银行')).toEqual({ id: 'adbc', type: 'policy' });
    expect(bankFromName('示例县农村商业银行')).toEqual({ id: 'rcb', type: 'ruralCommercial' });
    expect(bankFromName('示例市商业银行')).toBeUndefined();
  });
  it('gives new banks ids that are free', () => {
    expect(newBankId('中国建设银行示例县支行', new Set())).toBe('ccb');
    expect(newBankId('中国建设银行另一支行', new Set(['ccb']))).toBe('ccb2');
    expect(newBankId('示例市商业银行', new Set(['bank1']))).toBe('bank2');
  });
  it('finds a bank by id, full name, part of the name or short name', () => {
    const banks = [{ id: 'icbc', name: '中国工商银行示例县支行' }, { id: 'bank1', name: '示例市商业银行' }, { id: 'ccb', name: '中国建设银行示例县支行' }];
    expect(['icbc', '中国工商银行示例县支行', '工商银行', '工行', '示例市商业银行', '示例县支行', '招商银行'].map((t) => matchBank(t, banks))).toEqual(['icbc', 'icbc', 'icbc', 'icbc', 'bank1', undefined, undefined]);
  });
});
