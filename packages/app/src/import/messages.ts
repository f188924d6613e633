import type { Expected, ImportIssue } from './importIssue';
import type { ImportChange } from './mergeScenario';

type Lang = 'zh' | 'en';

/** What each kind of cell should hold, worded for people (zh, en). */
export const EXPECTED_TEXT: Record<Expected, { zh: string; en: string }> = {
  amount: { zh: '金额（如 1,234.56）', en: 'an amount like 1,234.56' },
  month: { zh: '月份（如 2025-01、2025/1、2025年1月、2025-01-01、2025.01）', en: 'a month like 2025-01, 2025/1, 2025年1月, 2025-01-01 or 2025.01' },
  period: { zh: '月份（如 2025-01、2025年1月）或年份（如 2025）', en: 'a month like 2025-01 or 2025年1月, or a year like 2025' },
  day: { zh: '日期（如 2025-01-15、2025/1/15、2025年1月15日）', en: 'a date like 2025-01-15, 2025/1/15 or 2025年1月15日' },
  fundType: { zh: '险种（如 企业职工基本养老保险基金、失业、工伤，或 employeePension 等标识）', en: 'a fund type: a name like 企业职工基本养老保险基金, 失业 or 工伤, or an id like employeePension' },
  rate: { zh: '年利率（如 1.35%）', en: 'an annual rate like 1.35%' },
  term: { zh: '期限（如 3个月、1年、三年）', en: 'a term like 3个月, 1年 or 三年' },
  product: { zh: '产品（活期、协定存款、1天通知、7天通知、定期、大额存单、国债，或 timeDeposit 等标识）', en: 'a product: 活期, 协定存款, 1天通知, 7天通知, 定期, 大额存单, 国债, or an id like timeDeposit' },
  bankType: { zh: '银行类型（国有、股份制、城商行、农商行、邮储、政策性、外资、其他）', en: 'a bank type: 国有, 股份制, 城商行, 农商行, 邮储, 政策性, 外资, 其他 or an id like stateOwned' },
  bankStatus: { zh: '状态（正常 或 暂停）', en: 'a status: 正常/eligible or 暂停/suspended' },
  accountKind: { zh: '账户类型（收入户、支出户、财政专户）', en: 'an account kind: 收入户/revenue, 支出户/expenditure or 财政专户/fiscalSpecial' },
  vintage: { zh: '资金年度（当年、结转、财政专户）', en: 'a vintage: 当年/currentYear, 结转/carriedOver or 财政专户/fiscalSpecial' },
  bondKind: { zh: '国债类型（记账式）', en: 'a bond kind: 记账式/bookEntry' },
  couponFrequency: { zh: '每年付息次数（0、1、2、4、12）', en: 'coupons a year: 0, 1, 2, 3, 4, 6 or 12' },
  boolean: { zh: '是 或 否', en: 'yes or no (是/否)' },
  number: { zh: '非负数（如 1,234）', en: 'a number of at least 0, like 1,234' },
  id: { zh: '标识（英文字母开头，字母、数字、- 或 _）', en: 'an id: letters, digits, - or _, starting with a letter' },
  text: { zh: '非空文字', en: 'some text' },
  bank: { zh: '银行表或情景中已有的银行（名称或标识）', en: 'a bank in the banks table or the scenario (by name or id)' },
  unit: { zh: '金额单位（元、万元、亿元）', en: 'an amount unit (元/yuan, 万元/wan, 亿元/yi)' },
  rateUnit: { zh: '利率单位（%）', en: 'a rate unit (%)' },
  column: { zh: '列', en: 'a column' },
  encoding: { zh: '文本编码（UTF-8 或 GBK/GB18030）', en: 'a text encoding (UTF-8 or GBK/GB18030)' },
  xlsx: { zh: '.xlsx 工作簿', en: 'an .xlsx workbook' },
  sheet: { zh: '工作表', en: 'a sheet' },
  cellCount: { zh: '与表头相同的列数', en: 'as many cells as the header' },
  uniqueRow: { zh: '每个月份和险种只有一行', en: 'one row per month and fund type' },
  scenarioPart: { zh: '情景的必要部分', en: 'a required part of the scenario' },
};

const quoted = (text: string | undefined): string => JSON.stringify(text ?? '');

/**
 * The text of an import issue without its place, in Chinese or English.
 * @param issue - the issue
 * @param lang - 'zh' or 'en'
 * @returns e.g. `expected an amount like 1,234.56, got "n/a"`
 * @example importIssueText({ code: 'invalid_cell', expected: 'amount', received: 'n/a', … }, 'zh') //=> '应为金额（如 1,234.56），实为 "n/a"'
 */
export function importIssueText(issue: ImportIssue, lang: Lang): string {
  const zh = lang === 'zh';
  const expected = EXPECTED_TEXT[issue.expected][lang];
  const got = quoted(issue.received);
  const list = (issue.candidates ?? []).join(zh ? '、' : ', ');
  switch (issue.code) {
    case 'invalid_cell':
      return zh ? `应为${expected}，实为 ${got}` : `expected ${expected}, got ${got}`;
    case 'missing_cell':
      return zh ? `应为${expected}，此格为空` : `expected ${expected}, the cell is empty`;
    case 'negative_amount':
      return zh ? `金额不能为负，实为 ${got}` : `expected an amount of at least 0, got ${got}`;
    case 'too_precise':
      return zh ? `换算为元后精度超过分：${got} = ${issue.limit} 元` : `finer than a fen once converted to yuan: ${got} = ${issue.limit} yuan`;
    case 'implausible_rate':
      return zh ? `利率 ${got} 即年利率 ${issue.limit}，不合理：百分数请加 %（如 1.35%），或在表头写明（%）` : `a rate of ${got} is ${issue.limit} a year: write percentages with % (1.35%) or declare the column in % (利率（%）)`;
    case 'ambiguous':
      return zh ? `${got} 可指多个${expected}：${list}；请写全称` : `${got} fits more than one: ${list}; write the full name`;
    case 'ambiguous_number_date':
      return zh
        ? `数值格 ${got} 可能是 1 月，也可能是 Excel 去掉末尾 0 后的 10 月：请把该列设为文本，或写成 2025-01`
        : `the number ${got} may be January or October (Excel drops the 0 of 2025.10): format the column as text or write 2025-01`;
    case 'missing_unit':
      return zh
        ? `没有声明金额单位：请在表头写明（如"收入（万元）"），或在表头上方注明"单位：万元"，或用 --unit 元|万元|亿元`
        : `no amount unit declared for this column: write it in the header (收入（万元）, inflow (wan)), put 单位：万元 above the header, or pass --unit yuan|wan|yi`;
    case 'missing_rate_unit':
      return zh
        ? `没有声明利率单位：请在表头写明"利率（%）"，或在每个利率后加 %；小数形式的利率请用列名 annualRate`
        : `no rate unit declared for this column: write the header as 利率（%） or rate (%), put % after each rate, or name the column annualRate for fractions`;
    case 'missing_column':
      return zh ? `缺少列：${issue.limit}` : `missing column: ${issue.limit}`;
    case 'unknown_column':
      return zh ? `无法识别的列 ${got}；可用的列：${issue.limit}` : `unknown column ${got}; expected columns: ${issue.limit}`;
    case 'duplicate_column':
      return zh ? `列 ${got} 与第 ${issue.limit} 列含义相同` : `column ${got} means the same as column ${issue.limit}`;
    case 'wrong_cell_count':
      return zh ? `此行有 ${issue.received} 格，表头有 ${issue.limit} 列` : `this row has ${issue.received} cells; the header has ${issue.limit}`;
    case 'duplicate_row':
      return zh ? `重复：${got} 已在第 ${issue.limit} 行出现` : `duplicate: ${got} already at row ${issue.limit}`;
    case 'unknown_bank':
      return zh ? `找不到银行 ${got}：应为${expected}` : `no bank ${got}: expected ${expected}`;
    case 'bad_encoding':
      return zh ? `文件不是有效的 ${issue.limit} 文本` : `the file is not valid ${issue.limit} text`;
    case 'invalid_csv':
      return zh ? `无法解析 CSV：${issue.received}` : `not a readable CSV: ${issue.received}`;
    case 'xls_binary':
      return zh ? '这是 .xls（Excel 97–2003）工作簿：请另存为 .xlsx 或 CSV' : 'an .xls (Excel 97–2003) workbook: save it as .xlsx or CSV';
    case 'invalid_xlsx':
      return zh ? `无法读取 .xlsx 工作簿：${issue.received}` : `not a readable .xlsx workbook: ${issue.received}`;
    case 'unknown_sheet':
      return zh ? `没有工作表 ${got}；工作簿中有：${issue.limit}` : `no sheet ${got}; the workbook has: ${issue.limit}`;
    case 'no_header':
      return zh ? `找不到表头行：应含列 ${issue.limit}` : `no header row found: expected columns ${issue.limit}`;
    case 'no_rows':
      return zh ? '表头下没有数据行' : 'no data rows under the header';
    case 'missing_part':
      return zh ? `新建情景需要${issue.limit}：请一并导入，或用 fundladder init 生成起始情景后再导入` : `a new scenario needs ${issue.limit}: import it too, or start from \`fundladder init\` and import into that`;
    case 'scenario_invalid':
      return zh ? `导入后的情景未通过检查：${issue.limit}${issue.received !== undefined ? `（收到 ${got}）` : ''}` : `the imported scenario does not validate: ${issue.limit}${issue.received !== undefined ? ` (received ${got})` : ''}`;
    case 'flows_incomplete':
      return zh
        ? `预计收支只覆盖规划期 ${issue.limit} 个月中的 ${issue.received} 个月（每月须有每个险种）：evaluate 和 optimize 需要整个规划期，请用 --flows 导入预算`
        : `expected flows cover ${issue.received} of the horizon's ${issue.limit} months (every fund type each month): evaluate and optimize need them all; import a budget with --flows`;
    case 'skipped_total':
      return zh ? `跳过合计行 ${got}` : `skipped the total row ${got}`;
    case 'default_taken':
      return zh ? `未给出，取 ${issue.limit}` : `not given: took ${issue.limit}`;
    case 'unit_used':
      return zh ? `金额单位：${issue.limit}` : `amounts read in ${issue.limit}`;
    default:
      return zh ? `应为${expected}，实为 ${got}` : `expected ${expected}, got ${got}`;
  }
}

/**
 * The place of an issue, as `file:row:column` (a workbook's sheet after `#`).
 * @example importLocationText({ file: 'flows.csv', row: 17, column: '收入（万元）' }) //=> 'flows.csv:17:收入（万元）'
 */
export function importLocationText(at: { file: string; sheet?: string; row?: number; column?: string }): string {
  return [at.sheet === undefined ? at.file : `${at.file}#${at.sheet}`, at.row, at.column].filter((p) => p !== undefined).join(':');
}

/**
 * One line per issue: its place, then what was expected and what was found.
 * @example formatImportIssue(issue, 'en') //=> 'flows.csv:17:收入（万元）: expected an amount like 1,234.56, got "n/a"'
 */
export function formatImportIssue(issue: ImportIssue, lang: Lang): string {
  return `${importLocationText(issue)}: ${importIssueText(issue, lang)}`;
}

const PART_NAMES: Record<ImportChange['part'], { zh: string; en: string; unitZh: string; unitEn: string }> = {
  history: { zh: '收支历史', en: 'history', unitZh: '行', unitEn: 'rows' },
  flows: { zh: '预计收支', en: 'expected flows', unitZh: '行', unitEn: 'rows' },
  banks: { zh: '银行', en: 'banks', unitZh: '家', unitEn: 'banks' },
  quotes: { zh: '报价', en: 'quotes', unitZh: '条', unitEn: 'quotes' },
  accounts: { zh: '账户', en: 'accounts', unitZh: '个', unitEn: 'accounts' },
  holdings: { zh: '存量持仓', en: 'holdings', unitZh: '笔', unitEn: 'holdings' },
  fundTypes: { zh: '险种', en: 'fund types', unitZh: '个', unitEn: 'fund types' },
  name: { zh: '名称', en: 'name', unitZh: '', unitEn: '' },
  asOf: { zh: '数据截止日', en: 'asOf', unitZh: '', unitEn: '' },
  startMonth: { zh: '起始月', en: 'startMonth', unitZh: '', unitEn: '' },
  horizonMonths: { zh: '规划期（月）', en: 'horizonMonths', unitZh: '', unitEn: '' },
};

/**
 * One line saying what an import changed in a part, counted.
 * @example changeText({ part: 'history', before: 36, after: 48 }, 'zh') //=> '收支历史：36 → 48 行'
 * @example changeText({ part: 'banks', before: null, after: 5, added: [...], removed: [] }, 'en') //=> 'banks: 5 banks (new)'
 */
export function changeText(change: ImportChange, lang: Lang): string {
  const zh = lang === 'zh';
  const names = PART_NAMES[change.part];
  const unit = zh ? names.unitZh : names.unitEn;
  const label = zh ? names.zh : names.en;
  const sep = zh ? '：' : ': ';
  const span = change.before === null ? `${change.after}${unit ? (zh ? ` ${unit}` : ` ${unit}`) : ''}${zh ? '（新建）' : ' (new)'}` : `${change.before} → ${change.after}${unit ? ` ${unit}` : ''}`;
  const extra: string[] = [];
  if (change.part === 'quotes' && change.added?.length) extra.push(zh ? `更新了 ${change.added.length} 家银行的报价` : `quotes replaced for ${change.added.length} bank(s)`);
  else if (change.before !== null || change.part === 'fundTypes') {
    if (change.added?.length) extra.push(`${zh ? '新增' : 'added'} ${change.added.join(zh ? '、' : ', ')}`);
    if (change.removed?.length) extra.push(`${zh ? '移除' : 'removed'} ${change.removed.join(zh ? '、' : ', ')}`);
  }
  return `${label}${sep}${span}${extra.length ? (zh ? `（${extra.join('；')}）` : ` (${extra.join('; ')})`) : ''}`;
}
