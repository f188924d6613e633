import ExcelJS from 'exceljs';
import { type Decimal, type DomainIssue, sum } from '@fundladder/core';
import { type ForecastPeriod, type ForecastValue, capFindingLines } from '@fundladder/app';
import { MONEY_FORMAT, RATE_PERCENT_FORMAT, SHARE_FORMAT, moneyCellValue, rateCellValue } from './format';
import { bankAllocation, bindingLines, capBLimitOf, exportNames, planRows, riskByFundType, verdictOf } from './figures';
import type { ExportInput } from './input';

/** The workbook's sheets, in order (docs/exports.md "The workbook"). */
export const SHEET_NAMES = ['假设', '预测', '计划', '分存方案', '分月台账', '指标', '约束', '压力测试'] as const;

/** A cell as the tables write it: text, a whole number, or a typed figure that carries its number format. */
type Cell = string | number | undefined | { money: Decimal } | { rate: Decimal } | { share: number | Decimal };

const money = (d: Decimal | undefined): Cell => (d === undefined ? undefined : { money: d });
const rate = (d: Decimal | undefined): Cell => (d === undefined ? undefined : { rate: d });
const share = (d: number | Decimal | undefined): Cell => (d === undefined ? undefined : { share: d });

/** The header row of every sheet: the run, the scenario version and the code version the figures belong to. */
const META_ROW = 1;
/** The row of each sheet's (first) column headers; the rows down to it stay frozen. */
const HEADER_ROW = 2;

function writeRow(ws: ExcelJS.Worksheet, cells: readonly Cell[], bold = false): ExcelJS.Row {
  const row = ws.addRow(cells.map((c) => {
    if (c === undefined || typeof c === 'string' || typeof c === 'number') return c ?? null;
    if ('money' in c) return moneyCellValue(c.money);
    if ('rate' in c) return rateCellValue(c.rate);
    return typeof c.share === 'number' ? c.share : Number(c.share.toFixed());
  }));
  cells.forEach((c, i) => {
    if (c === undefined || typeof c !== 'object') return;
    row.getCell(i + 1).numFmt = 'money' in c ? MONEY_FORMAT : 'rate' in c ? RATE_PERCENT_FORMAT : SHARE_FORMAT;
  });
  if (bold) row.font = { bold: true };
  return row;
}

/** A sheet with the meta row, its column headers frozen under it, and column widths. */
function addSheet(wb: ExcelJS.Workbook, name: (typeof SHEET_NAMES)[number], input: ExportInput, header: readonly string[], widths: readonly number[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
  const meta = writeRow(ws, ['运行编号', input.runId, '情景版本', input.scenarioVersion, '代码版本', input.codeVersion, '基金', input.fundName, '情景', input.scenarioName]);
  for (const i of [1, 3, 5, 7, 9]) meta.getCell(i).font = { bold: true };
  if (ws.rowCount !== META_ROW) throw new Error('the meta row is the first row');
  writeRow(ws, header, true);
  ws.columns = widths.map((width) => ({ width }));
  return ws;
}

function assumptionsSheet(wb: ExcelJS.Workbook, input: ExportInput): void {
  const { scenario, optimize } = input;
  const names = exportNames(input);
  const policy = scenario.policy;
  const ws = addSheet(wb, '假设', input, ['项目', '值', '说明'], [26, 30, 16, 16, 22, 18, 20, 20, 40]);
  const reserve = policy.reserve.rule === 'monthsOfPayouts'
    ? ['流动性储备', `${policy.reserve.months} 个月支出`, '国发〔1997〕26号']
    : ['流动性储备（固定金额，元）', money(policy.reserve.amount), ''];
  const rows: Cell[][] = [
    ['情景', input.scenarioName, ''],
    ['情景版本', input.scenarioVersion, ''],
    ['情景文件中的名称', scenario.name, ''],
    ['基准日', scenario.asOf, ''],
    ['规划起始月', optimize.scenario.startMonth, ''],
    ['规划期（月）', optimize.scenario.horizonMonths, ''],
    ['险种', scenario.fundTypes.map((ft) => names.fundType(ft)).join('、'), ''],
    reserve,
    ['上限A：单家银行占当月新增定期', share(policy.caps.trancheShare), '[004]'],
    ['上限B：定期占该行一般性存款', share(policy.caps.bankLocalDepositShare), '[004]'],
    ['上限C：单家银行占基金定期', share(policy.caps.fundTimeDepositShare), '[004]'],
    ['最少存放银行数', policy.minBanks, ''],
    ['最长期限（月）', policy.maxTermMonths, ''],
    ['国债占比上限', share(policy.maxBondShare), ''],
    ['各险种分账存放', policy.keepFundTypesApart ? '是' : '否', ''],
    ['安全置信度（情景设定）', share(policy.safety.confidence), '按时足额支付的情景占比'],
    ['安全置信度（本次运行）', share(optimize.safety.confidence), ''],
    ['安全约束月数', optimize.safety.safetyMonths ?? '—', ''],
    ['规划情景数', optimize.safety.planningPaths ?? 0, '计划按这些情景制定'],
    ['样本外核验情景数', optimize.stress?.paths ?? 0, '另行抽取，计划未见过'],
    ...(policy.reserveForecast ? [['按预测的储备分位数', share(policy.reserveForecast.quantile), `未来 ${policy.reserveForecast.months} 个月净流出`] as Cell[]] : []),
  ];
  for (const r of rows) writeRow(ws, r);
  writeRow(ws, []);
  writeRow(ws, ['银行编号', '银行', '类型', '状态', '评级', '一般性存款（元）', '上限B额度（元）', '日计息基础', '暂停原因'], true);
  for (const b of scenario.banks) {
    writeRow(ws, [b.id, b.name, b.type, b.status === 'eligible' ? '可新存' : '暂停新存', b.rating ?? '', money(b.localGeneralDeposits), money(capBLimitOf(b.localGeneralDeposits, policy.caps.bankLocalDepositShare)), b.conventions.dayBasis, b.suspendedReason ?? '']);
  }
  writeRow(ws, []);
  writeRow(ws, ['银行', '产品', '期限（月）', '年利率（%）', '生效日', '来源'], true);
  for (const b of scenario.banks) for (const q of b.quotes) writeRow(ws, [b.name, names.product(q.product), q.termMonths ?? '—', rate(q.annualRate), q.effectiveFrom, q.source ?? '']);
  for (const y of scenario.bondYields) writeRow(ws, [names.bank(undefined), names.product('govBond'), y.termMonths, rate(y.annualRate), y.effectiveFrom, y.source ?? '']);
}

function forecastSheet(wb: ExcelJS.Workbook, input: ExportInput): void {
  const f = input.forecast;
  const names = exportNames(input);
  const levels = f.levels;
  const bandHeads = levels.flatMap((l) => [`${l}%区间下限（元）`, `${l}%区间上限（元）`]);
  const ws = addSheet(wb, '预测', input, ['险种', '月份', '项目', '模型', '均值（元）', ...bandHeads], [26, 10, 8, 22, 18, ...bandHeads.map(() => 18)]);
  const quantities = [['inflow', '收入'], ['outflow', '支出'], ['net', '净额']] as const;
  const write = (who: string, periods: readonly ForecastPeriod[], models?: { inflow: string; outflow: string }) => {
    for (const p of periods) {
      for (const [key, label] of quantities) {
        const v: ForecastValue = p[key];
        const bands = levels.flatMap((l) => {
          const band = v.bands.find((b) => b.level === l);
          return [money(band?.lo), money(band?.hi)];
        });
        writeRow(ws, [who, p.period, label, key === 'net' || !models ? '' : models[key], money(v.mean), ...bands]);
      }
    }
  };
  for (const ft of f.fundTypes) write(names.fundType(ft.fundType), ft.periods, ft.models);
  write('合计（联合情景）', f.total);
}

function planSheet(wb: ExcelJS.Workbook, input: ExportInput): void {
  const ws = addSheet(wb, '计划', input, ['月份', '险种', '银行', '产品', '期限（月）', '年利率（%）', '金额（元）'], [10, 26, 26, 14, 10, 12, 18]);
  const rows = planRows(input);
  for (const r of rows) writeRow(ws, [r.month, r.fundType, r.bank, r.product, r.termMonths, rate(r.annualRate), money(r.amount)]);
  writeRow(ws, ['合计', '', '', '', '', '', money(sum(rows.map((r) => r.amount)))], true);
}

function allocationSheet(wb: ExcelJS.Workbook, input: ExportInput): void {
  const months = input.optimize.rollover.months;
  const ws = addSheet(wb, '分存方案', input, ['银行', '状态', `下一季度新存放（元，${months[0]}至${months.at(-1)}）`, '占下一季度比例', '规划期新存放合计（元）', '占规划期比例', '实收利息（元）', '上限B额度（元）', '上限A最高使用率', '上限B最高使用率', '上限C最高使用率'], [26, 10, 22, 14, 20, 14, 18, 20, 14, 14, 14]);
  const status = { eligible: '可新存', suspended: '暂停新存', bond: '国债' } as const;
  for (const r of bankAllocation(input)) {
    writeRow(ws, [r.name, status[r.status], money(r.nextQuarter), share(r.nextQuarterShare), money(r.horizon), share(r.horizonShare), money(r.interest), money(r.capBLimit), share(r.capUse?.tranche), share(r.capUse?.localDeposits), share(r.capUse?.fundShare)]);
  }
  writeRow(ws, []);
  writeRow(ws, ['说明：新存放为计划金额之和；规划期合计把每次续存各算一次。实收利息为精确账本中该行全部账户与存放在规划期内收到的利息（国债行为国债利息）。使用率为账本在规划期内的最高值，100% 即达上限。']);
}

function ledgerSheet(wb: ExcelJS.Workbook, input: ExportInput): void {
  const ev = input.optimize.evaluation;
  const ws = addSheet(wb, '分月台账', input, ['月份', '期初合计（元）', '收入（元）', '支出（元）', '新存放（元）', '到期收回（元）', '实收利息（元）', '期末流动资金（元）', '储备要求（元）', '期末定期/存单（元）', '期末国债（元）', '期末合计（元）'], [10, ...Array(11).fill(18)]);
  for (const m of ev.months) {
    writeRow(ws, [m.month, money(m.openingTotal), money(m.inflows), money(m.outflows), money(m.placed), money(m.matured), money(m.interestReceived), money(m.closingLiquid), money(m.reserveRequired), money(m.closingTimeDeposits), money(m.closingBonds), money(m.closingTotal)]);
  }
  const t = ev.totals;
  writeRow(ws, ['规划期合计', money(t.openingTotal), money(t.inflows), money(t.outflows), '', '', money(t.interestReceived), '', '', '', '', money(t.closingTotal)], true);
}

/** The label of the plan's interest in the 指标 sheet (the tests find the cell by it). */
export const INTEREST_EARNED_LABEL = '规划期内赚取利息（精确账本）';

function kpiSheet(wb: ExcelJS.Workbook, input: ExportInput): void {
  const { optimize } = input;
  const names = exportNames(input);
  const t = optimize.evaluation.totals;
  const k = optimize.evaluation.kpis;
  const ws = addSheet(wb, '指标', input, ['指标', '值', '单位', '来源'], [34, 20, 10, 40]);
  const rows: Cell[][] = [
    [INTEREST_EARNED_LABEL, money(optimize.interest), '元', '账本：期内实收 + 期末应计 − 期初前已应计'],
    ['期内实收利息 I1', money(t.interestReceived), '元', '账本'],
    ['期末应计未付利息', money(t.accruedAtEnd), '元', '账本'],
    ['期初前已应计（存量）', money(t.accruedAtStart), '元', '账本'],
    ['期末持有存单全期利息 I2', money(t.realisableOnOpenPositions), '元', '账本'],
    ['期初资金', money(t.openingTotal), '元', '账本'],
    ['收入', money(t.inflows), '元', '账本（情景流量）'],
    ['支出', money(t.outflows), '元', '账本（情景流量）'],
    ['期末资金', money(t.closingTotal), '元', '账本'],
    ['安全代价（较只按平均流量的计划少得利息）', money(optimize.safety.costOfSafety), '元', '账本，两计划同口径'],
    ['只按平均流量的计划利息', money(optimize.safety.meanFlowPlan?.interest), '元', '账本'],
    ['样本外情景利息期望', money(optimize.stress?.expectedInterest), '元', '账本逐条情景核算'],
    ['样本外情景利息 5% 分位', money(optimize.stress?.p5Interest), '元', '账本逐条情景核算'],
    ['线性规划估计利息（仅供对照）', money(optimize.lpInterest), '元', '线性规划目标，以账本为准'],
    ['年增殖率', share(k.annualYieldRate), '', '账本 KPI'],
    ['结算户流转天数', k.settlementDays === undefined ? '—' : Number(k.settlementDays.toFixed(2)), '天', '账本 KPI'],
    ['活期平均收益率', share(k.averageDemandYield), '', '账本 KPI'],
    ['期末定期存款占比', share(k.timeDepositShare), '', '账本 KPI'],
    ['计划利率较基准上浮', share(k.rateUplift?.relative), '', `账本 KPI${k.rateUplift ? `（${k.rateUplift.basisPoints.toFixed(1)} 个基点）` : ''}`],
    ['期末可支付月数', k.monthsPayable === undefined ? '—' : Number(k.monthsPayable.toFixed(2)), '月', '账本 KPI'],
  ];
  for (const r of rows) writeRow(ws, r);
  for (const [term, s] of k.tierShare) writeRow(ws, [`期末 ${term} 个月档定期占比`, share(s), '', '账本 KPI']);
  writeRow(ws, []);
  writeRow(ws, ['实收利息分类', '金额（元）', '', '来源'], true);
  for (const [key, v] of t.interestByProduct) writeRow(ws, [`产品：${names.product(key)}`, money(v), '元', '账本']);
  for (const [key, v] of t.interestByBank) writeRow(ws, [`银行：${names.bank(key)}`, money(v), '元', '账本']);
  for (const [key, v] of t.interestByFundType) writeRow(ws, [`险种：${names.fundType(key)}`, money(v), '元', '账本']);
}

function issueRow(kind: string, i: DomainIssue, bankName: (id: string | undefined) => string): Cell[] {
  return [kind, i.rule, i.monthKey ?? '', i.bankId ? bankName(i.bankId) : '', i.message];
}

function rulesSheet(wb: ExcelJS.Workbook, input: ExportInput): void {
  const { optimize } = input;
  const names = exportNames(input);
  const ws = addSheet(wb, '约束', input, ['类别', '内容'], [18, 120]);
  for (const line of bindingLines(optimize.binding, names)) writeRow(ws, ['起约束作用的规则', line]);
  for (const line of capFindingLines(optimize.capFindings, 'zh', names)) writeRow(ws, ['银行上限的影响', line]);
  writeRow(ws, []);
  writeRow(ws, ['类别', '规则', '月份', '银行', '原文（英文）'], true);
  for (const e of optimize.exclusions) writeRow(ws, ['不能使用', e.rule, '', e.bankId ? names.bank(e.bankId) : '', e.reason]);
  for (const i of optimize.evaluation.issues) writeRow(ws, issueRow('计划违反规则', i, names.bank));
  for (const i of optimize.evaluation.findings) writeRow(ws, issueRow('账本发现（非计划违规）', i, names.bank));
}

function stressSheet(wb: ExcelJS.Workbook, input: ExportInput): void {
  const st = input.optimize.stress;
  const ws = addSheet(wb, '压力测试', input, ['项目', '值', '说明'], [34, 16, 60]);
  if (!st) {
    writeRow(ws, ['未做压力测试', '—', '本次运行没有预测情景']);
    return;
  }
  const verdict = { safe: '达到置信度', unsafe: '未达到置信度', meanFlows: '置信度为 0：只按平均流量', unchecked: '未核验' }[verdictOf(input)];
  const rows: Cell[][] = [
    ['样本外', st.outOfSample ? '是' : '否', '核验情景与制定计划的情景分别抽取'],
    ['情景数', st.paths, `互不相同 ${st.distinctPaths} 条`],
    ['结论', verdict, `目标：由计划造成缺口的概率不高于 ${((1 - input.optimize.safety.confidence) * 100).toFixed(1)}%`],
    ['任一险种支付缺口概率（全期）', share(st.payoutShortProbability), '某险种某日无法按时足额支付'],
    ['任一险种支付缺口概率（头一个季度）', share(st.payoutShortFirstQuarterProbability), ''],
    ['由计划造成的缺口概率（全期）', share(st.planCausedShortProbability), '不存放就不会出现的缺口'],
    ['由计划造成的缺口概率（头一个季度）', share(st.planCausedShortFirstQuarterProbability), ''],
    ['结构性缺口概率', share(st.structuralShortProbability), '一分钱不存放也会出现：需调剂金或财政补助'],
    ['结算账户透支概率', share(st.shortProbability), ''],
    ['流动性储备不足概率', share(st.reserveBreachProbability), ''],
    ['首次支付缺口月份（中位）', st.medianFirstPayoutShortMonth ?? '—', ''],
    ['最常见的首次透支月份', st.mostCommonShortMonth ? st.mostCommonShortMonth.month : '—', st.mostCommonShortMonth ? `${st.mostCommonShortMonth.paths} 条情景` : ''],
    ['最大缺口（元）', money(st.largestShort), ''],
    ['利息期望（元）', money(st.expectedInterest), '账本逐条情景核算'],
    ['利息 5% 分位（元）', money(st.p5Interest), ''],
  ];
  for (const r of rows) writeRow(ws, r);
  writeRow(ws, []);
  writeRow(ws, ['险种', '由计划造成缺口（全期）', '由计划造成缺口（头一个季度）', '结构性缺口', '结构性缺口中位数（元）', '结构性缺口首次月份（中位）'], true);
  for (const r of riskByFundType(input)) writeRow(ws, [r.name, share(r.planCaused), share(r.planCausedFirstQuarter), share(r.structural), money(r.structuralMedianShort), r.structuralMedianFirstMonth ?? '—']);
}

/**
 * The workbook a finance bureau attaches to a rollover request (续存/转存申请): eight sheets (假设, 预测, 计划, 分存方案,
 * 分月台账, 指标, 约束, 压力测试), each with the run id, scenario version and code version in its first row and its
 * column headers frozen beneath. Money cells hold yuan to the fen (`#,##0.00`) taken from the ledger's Decimals; rates
 * are percent cells, probabilities share cells. Nothing is recomputed: every figure is the app layer's.
 * @param input - the export's input ({@link exportInputFor})
 * @returns the .xlsx file
 * @example (await ExcelJS.Workbook().xlsx.load(await buildWorkbook(input))).worksheets.map((s) => s.name) //=> ['假设', '预测', '计划', …]
 * @see docs/exports.md "The workbook"
 */
export async function buildWorkbook(input: ExportInput): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'fundladder';
  wb.title = `${input.fundName} ${input.scenarioName} 运行 ${input.runId}`;
  assumptionsSheet(wb, input);
  forecastSheet(wb, input);
  planSheet(wb, input);
  allocationSheet(wb, input);
  ledgerSheet(wb, input);
  kpiSheet(wb, input);
  rulesSheet(wb, input);
  stressSheet(wb, input);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
