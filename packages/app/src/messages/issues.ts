// Every issue the engine and the apps emit, worded for people in Chinese and English (docs/app.md §3). Core emits codes
// and facts (packages/core/src/issues.ts); the words live here, once, for the CLI, the API and the web app.
import { type DomainIssue, dec, formatPath } from '@fundladder/core';
import type { ImportIssue } from '../import/importIssue';
import { importIssueText } from '../import/messages';
import { ID_NAMES, type Lang, type Names, wanText } from './names';

type Say = (issue: DomainIssue, names: Names) => string;

/** One issue's sentence in each language. */
export interface IssueWording {
  readonly zh: Say;
  readonly en: Say;
}

/** A name in both languages. */
const n = (zh: string, en: string): Record<Lang, string> => ({ zh, en });

// ── facts as text ────────────────────────────────────────────────────────────────────────────────────────────────

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** A value as zod describes it (`"2025-13"`) without the quotes. */
const bare = (text: string): string => (text.length >= 2 && text.startsWith('"') && text.endsWith('"') ? text.slice(1, -1) : text);

/** Yuan as 万元 with thousands separators: '300000000.00' → '30,000.00 万元' / '30,000.00万'; anything else as itself. */
function money(yuan: string | undefined, lang: Lang): string {
  if (yuan === undefined) return '—';
  const t = bare(yuan);
  if (!DECIMAL.test(t)) return yuan;
  const w = wanText(dec(t));
  return lang === 'zh' ? `${w} 万元` : `${w}万`;
}

/** A rate as a fraction → a percentage, at least two places, exact up to four: '0.0065' → '0.65%', '5' → '500.00%'. */
function rate(fraction: string | undefined): string {
  if (fraction === undefined) return '—';
  const t = bare(fraction);
  if (!DECIMAL.test(t)) return fraction;
  const d = dec(t).times(100);
  return `${d.toFixed(Math.min(4, Math.max(2, d.decimalPlaces())))}%`;
}

/** The gap between two rates in basis points, whole. */
function basisPoints(received: string | undefined, limit: string | undefined): string {
  if (received === undefined || limit === undefined || !DECIMAL.test(received) || !DECIMAL.test(limit)) return '—';
  return dec(limit).minus(dec(received)).times(10_000).toFixed(0);
}

/** The value received as shown to people: a missing field says so. */
function got(issue: DomainIssue, lang: Lang): string {
  const r = issue.received;
  if (r === undefined || r.startsWith('nothing')) return lang === 'zh' ? '空（缺少此字段）' : 'nothing (the field is missing)';
  return r;
}

/** Alternatives `a | b | c` as a list in `lang`, each through `name` when given. */
function alternatives(limit: string | undefined, lang: Lang, name: (id: string) => string = (id) => id): string {
  if (limit === undefined) return '—';
  return limit
    .split(/ \| |, /)
    .map(name)
    .join(lang === 'zh' ? '、' : ', ');
}

/** Fields by their names, for the issues that can only name a field (zod's, the request's). */
const FIELD_NAMES: Record<string, Record<Lang, string>> = {
  amount: { zh: '金额', en: 'the amount' },
  principal: { zh: '本金', en: 'the principal' },
  openingBalance: { zh: '期初余额', en: 'the opening balance' },
  localGeneralDeposits: { zh: '一般性存款余额', en: 'the local general deposits' },
  inflow: { zh: '收入', en: 'the inflow' },
  outflow: { zh: '支出', en: 'the outflow' },
  baseAmount: { zh: '协定存款基本额度', en: 'the agreed-deposit base' },
  minimumAmount: { zh: '起存金额', en: 'the minimum amount' },
  minimumLot: { zh: '起存金额', en: 'the minimum lot' },
  annualRate: { zh: '年利率', en: 'the annual rate' },
  demandRate: { zh: '活期利率', en: 'the demand rate' },
  minQuoteRate: { zh: '最低报价利率', en: 'the minimum quote rate' },
  month: { zh: '月份', en: 'the month' },
  period: { zh: '期间', en: 'the period' },
  startMonth: { zh: '起始月份', en: 'the start month' },
  asOf: { zh: '数据截止日', en: 'the as-of day' },
  startDate: { zh: '起息日', en: 'the start day' },
  effectiveFrom: { zh: '生效日', en: 'the effective day' },
  from: { zh: '起息日', en: 'the start day' },
  to: { zh: '结束日', en: 'the end day' },
  withdrawOn: { zh: '支取日', en: 'the withdrawal day' },
  account: { zh: '账户', en: 'the account' },
  firstDay: { zh: '起息日', en: 'the first day' },
  lastDay: { zh: '结息日', en: 'the settlement day' },
  balance: { zh: '余额', en: 'the balance' },
  balanceDays: { zh: '积数', en: 'the balance-days (积数)' },
  interestPaid: { zh: '实付利息', en: 'the interest paid' },
  actuals: { zh: '实际收支', en: 'the actual flows' },
  termMonths: { zh: '期限（月）', en: 'the term (months)' },
  horizonMonths: { zh: '规划期（月）', en: 'the horizon (months)' },
  maxTermMonths: { zh: '最长期限（月）', en: 'the maximum term (months)' },
  minBanks: { zh: '最少银行数', en: 'the minimum number of banks' },
  months: { zh: '月数', en: 'the number of months' },
  bankId: { zh: '银行', en: 'the bank' },
  fundType: { zh: '险种', en: 'the fund type' },
  fundTypes: { zh: '险种列表', en: 'the fund types' },
  product: { zh: '产品', en: 'the product' },
  kind: { zh: '类型', en: 'the kind' },
  status: { zh: '状态', en: 'the status' },
  name: { zh: '名称', en: 'the name' },
  id: { zh: '标识', en: 'the id' },
  schemaVersion: { zh: '格式版本', en: 'the schema version' },
  couponFrequency: { zh: '每年付息次数', en: 'coupons a year' },
  confidence: { zh: '置信度', en: 'the confidence' },
  quantile: { zh: '分位数', en: 'the quantile' },
  paths: { zh: '核算情景数', en: 'the number of paths' },
  planningPaths: { zh: '规划情景数', en: 'the number of planning paths' },
  seed: { zh: '随机种子', en: 'the seed' },
  placements: { zh: '存放列表', en: 'the placements' },
  banks: { zh: '银行列表', en: 'the banks' },
  accounts: { zh: '账户列表', en: 'the accounts' },
  holdings: { zh: '存量持仓', en: 'the holdings' },
  flows: { zh: '现金流', en: 'the flows' },
  history: { zh: '历史数据', en: 'the history' },
  contractRates: { zh: '协议利率', en: 'the contract rates' },
  quotes: { zh: '报价', en: 'the quotes' },
  scenarios: { zh: '情景', en: 'the scenarios' },
  scenario: { zh: '情景', en: 'the scenario' },
  columns: { zh: '比较列', en: 'the columns' },
  type: { zh: '类型', en: 'the type' },
  rating: { zh: '评级', en: 'the rating' },
  dayBasis: { zh: '计息天数规则', en: 'the day basis' },
  rateChangeMethod: { zh: '利率调整计息方式', en: 'the rate-change method' },
  vintage: { zh: '资金年度', en: 'the vintage' },
  bondKind: { zh: '国债类型', en: 'the bond kind' },
  settlement: { zh: '结算账户标记', en: 'the settlement flag' },
  rule: { zh: '规则', en: 'the rule' },
  horizonEnd: { zh: '规划期末处理方式', en: 'the horizon-end rule' },
  reading: { zh: '法定利率口径', en: 'the statutory reading' },
  allowedProducts: { zh: '允许的产品', en: 'the allowed products' },
  trancheShare: { zh: '上限A 比例', en: 'the cap A share' },
  bankLocalDepositShare: { zh: '上限B 比例', en: 'the cap B share' },
  fundTimeDepositShare: { zh: '上限C 比例', en: 'the cap C share' },
  maxBondShare: { zh: '国债占比上限', en: 'the bond-share limit' },
  liquidAtEnd: { zh: '规划期末流动资金', en: 'the liquid money at the end' },
  placementDay: { zh: '存放日', en: 'the placement day' },
  plan: { zh: '计划', en: 'the plan' },
  options: { zh: '选项', en: 'the options' },
};

const MONEY_FIELDS = new Set(['amount', 'principal', 'openingBalance', 'localGeneralDeposits', 'inflow', 'outflow', 'baseAmount', 'minimumAmount', 'minimumLot', 'minimumBase', 'minimumWithdrawal']);

/** The field a path ends at, by name ("金额", "the amount"), or the key in backticks. */
function field(path: ReadonlyArray<string | number>, lang: Lang): string {
  const last = [...path].reverse().find((p): p is string => typeof p === 'string');
  if (last === undefined) return lang === 'zh' ? '输入' : 'the input';
  return FIELD_NAMES[last]?.[lang] ?? (lang === 'zh' ? `字段 \`${last}\`` : `\`${last}\``);
}

const lastKey = (path: ReadonlyArray<string | number>): string | undefined => [...path].reverse().find((p): p is string => typeof p === 'string');

/** "中国工商银行示例县支行的活期存款报价：" — where in the scenario, when the path says more than the sentence. */
function at(issue: DomainIssue, names: Names, lang: Lang): string {
  const place = names.place(issue.path);
  return place ? (lang === 'zh' ? `${place}：` : `${place}: `) : '';
}

/** A fund type or product by its name; an id nobody knows, as the user wrote it, in backticks. */
const knownOrQuoted = (name: (id: string) => string, id: string | undefined): string => (id === undefined ? '—' : name(id) !== id ? name(id) : `\`${id}\``);

const bankOf = (issue: DomainIssue, names: Names): string => (issue.bankId ? names.bank(issue.bankId) : '');
const fundOf = (issue: DomainIssue, names: Names): string => (issue.fundType ? names.fundType(issue.fundType) : '');
const monthZh = (issue: DomainIssue): string => (issue.monthKey ? `${issue.monthKey} ` : '');
const monthEn = (issue: DomainIssue): string => (issue.monthKey ? ` in ${issue.monthKey}` : '');

/** Values of the scenario's enumerations by name, so that a list of what is allowed reads in the reader's language. */
const VALUE_NAMES: Record<string, Record<Lang, string>> = {
  stateOwned: n('国有银行', 'state-owned bank'),
  jointStock: n('股份制银行', 'joint-stock bank'),
  cityCommercial: n('城市商业银行', 'city commercial bank'),
  ruralCommercial: n('农村商业银行', 'rural commercial bank'),
  postalSavings: n('邮政储蓄银行', 'postal savings bank'),
  policy: n('政策性银行', 'policy bank'),
  foreign: n('外资银行', 'foreign bank'),
  other: n('其他', 'other'),
  revenue: n('收入户', 'revenue account'),
  expenditure: n('支出户', 'expenditure account'),
  fiscalSpecial: n('财政专户', 'fiscal special account'),
  currentYear: n('当年资金', 'this year’s money'),
  carriedOver: n('结转资金', 'carried-over money'),
  bookEntry: n('记账式国债', 'book-entry bond'),
  savings: n('储蓄国债', 'savings bond'),
  eligible: n('正常', 'eligible'),
  suspended: n('暂停新增存款', 'suspended'),
  segmented: n('分段计息', 'segmented'),
  settlementDateRate: n('按结息日利率', 'settlement-day rate'),
  accrue: n('按应计利息计入', 'accrue'),
  matureWithin: n('须在规划期内到期', 'mature within'),
  benchmark: n('2015 年基准利率', 'the 2015 benchmark'),
  listed: n('银行挂牌利率', 'the listed rates'),
};

/**
 * An allowed value as the user must write it, in backticks, with its name where there is one:
 * "`employeePension`（企业职工基本养老保险基金）".
 */
function valueText(id: string, names: Names, lang: Lang): string {
  const name = VALUE_NAMES[id]?.[lang] ?? (names.fundType(id) !== id ? names.fundType(id) : names.product(id) !== id ? names.product(id) : undefined);
  return name === undefined ? `\`${id}\`` : lang === 'zh' ? `\`${id}\`（${name}）` : `\`${id}\` (${name})`;
}

/** Types as zod names them, worded. */
const TYPE_NAMES: Record<string, Record<Lang, string>> = {
  string: { zh: '文本', en: 'text' },
  number: { zh: '数字', en: 'a number' },
  int: { zh: '整数', en: 'a whole number' },
  boolean: { zh: 'true 或 false', en: 'true or false' },
  object: { zh: '对象（{ … }）', en: 'an object ({ … })' },
  array: { zh: '列表（[ … ]）', en: 'a list ([ … ])' },
};

const STAGE_NAMES: Record<string, Record<Lang, string>> = {
  paths: { zh: '抽取预测情景', en: 'drawing paths' },
  nothingPlaced: { zh: '样本外核算（不存放）', en: 'the check with nothing placed' },
  check: { zh: '样本外核算', en: 'the out-of-sample check' },
  meanCheck: { zh: '平均流量计划核算', en: 'the mean-flow plan check' },
  frontier: { zh: '置信度—利息前沿', en: 'the frontier' },
  rolling: { zh: '按季滚动重排', en: 'the rolling re-plans' },
  optimize: { zh: '优化', en: 'optimizing' },
  forecast: { zh: '预测', en: 'forecasting' },
  backtest: { zh: '回测', en: 'the backtest' },
  calibration: { zh: '情景校准', en: 'the path calibration' },
};

const SIDE_NAMES: Record<string, Record<Lang, string>> = { inflow: { zh: '收入', en: 'inflow' }, outflow: { zh: '支出', en: 'outflow' } };

/** Where each statutory demand rate comes from (docs/domain.md §2.1), and whether it is confirmed for the fund type. */
function statutorySource(rule: string, fundType: string | undefined, lang: Lang): string {
  const zh = lang === 'zh';
  switch (rule) {
    case 'pensionDemandAtThreeMonth':
      return fundType === 'publicSectorPension' ? (zh ? '银发〔1997〕567号 [R3]，按适用于全部基本养老保险基金理解，待确认' : '银发〔1997〕567号 [R3], read as covering all basic pension funds; unconfirmed') : '银发〔1997〕567号 [R3]';
    case 'residentPensionOneYear':
      return zh ? '仅见 [000]，待确认' : '[000] only; unconfirmed';
    case 'medicalFiscalSpecialThreeYearInstallment':
    case 'medicalCarriedOverThreeMonth':
    case 'medicalCurrentYearDemand':
      return fundType === 'residentMedical' ? (zh ? '国发〔1998〕44号 [R6]，参照职工医保适用于居民医保，待确认' : '国发〔1998〕44号 [R6], applied to the resident medical fund by analogy; unconfirmed') : '国发〔1998〕44号 [R6]';
    case 'unitDemand':
      return zh ? '未找到专门规定，按单位活期利率，待确认' : 'no specific rule found: the unit demand rate; unconfirmed';
    case 'unitDepositRules':
      return '银货政〔1999〕131号 [R5]';
    case 'agencyAccountsThreeMonthBenchmark':
      return zh ? '社会保险基金财务制度，转引自 [000]，未见条文，待确认' : '社会保险基金财务制度 as quoted in [000], clause not seen; unconfirmed';
    default:
      return '';
  }
}

// ── rule names ───────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Every rule by its name as a fund manager would say it. The rule ids stay in the issues (`--json`, `--verbose`);
 * people read these. Includes the optimizer's row kinds, the interest rules and the reserve kinds, so that no rule id
 * reaches a reader in any table either.
 */
const RULE_NAMES: Record<string, Record<Lang, string>> = {
  // zod's own checks (core/schemas/zodIssues.ts RULE_BY_ZOD_CODE, and the codes it passes through)
  type: n('类型', 'type'),
  format: n('格式', 'format'),
  allowedValue: n('取值范围', 'allowed values'),
  minimum: n('下限', 'minimum'),
  maximum: n('上限', 'maximum'),
  knownKeys: n('字段名须为已知字段', 'known keys only'),
  oneOf: n('取值形式', 'one of the allowed forms'),
  multipleOf: n('整数倍', 'multiple of'),
  custom: n('输入检查', 'input check'),
  invalid_key: n('键的取值', 'keys'),
  invalid_element: n('元素的取值', 'elements'),
  // the scenario's and the plan's primitives (core/schemas/primitives.ts)
  nonNegativeAmount: n('金额不得为负', 'amounts are not negative'),
  toTheFen: n('金额精确到分', 'amounts to the fen'),
  nonNegativeRate: n('利率不得为负', 'rates are not negative'),
  rateAsFraction: n('利率以小数表示', 'rates as fractions'),
  shareAsFraction: n('比例以小数表示', 'shares as fractions'),
  monthKey: n('月份格式', 'month format'),
  isoDate: n('日期格式', 'date format'),
  identifier: n('标识格式', 'id format'),
  couponFrequency: n('每年付息次数', 'coupons a year'),
  // the scenario's cross-references (core/schemas/validateScenario.ts)
  uniqueId: n('标识不得重复', 'unique ids'),
  knownBank: n('银行须在情景中', 'banks in the scenario'),
  knownFundType: n('险种须在情景中', 'fund types in the scenario'),
  oneSettlementAccount: n('每个险种一个结算账户', 'one settlement account per fund type'),
  accountPerFundType: n('每个险种须有账户', 'an account per fund type'),
  depositAtBank: n('存款须注明银行', 'deposits name their bank'),
  noSavingsBonds: n('机构不得购买储蓄国债', 'no savings bonds'),
  quoteTerm: n('报价须注明期限', 'quotes name their term'),
  oneRowPerMonthAndFund: n('每月每险种一行', 'one row per month and fund type'),
  flowInHorizon: n('现金流月份须在规划期内', 'flows within the horizon'),
  flowsCoverHorizon: n('现金流须覆盖规划期', 'flows cover the horizon'),
  agreedDepositMinimumBase: n('协定存款基本额度下限', 'agreed-deposit minimum base'),
  // the plan's rules (core/rules, core/schemas/resolvePlan.ts)
  placementInHorizon: n('存放月份须在规划期内', 'placements within the horizon'),
  keepFundTypesApart: n('险种分账', 'fund types kept apart'),
  knownRate: n('须有利率（报价或计划给定）', 'a rate for every placement'),
  suspendedBankNoNewMoney: n('暂停银行不得新增存款', 'no new money to a suspended bank'),
  largeCdMinimumLot: n('大额存单起存金额', 'large-CD minimum lot'),
  largeCdLotIncrement: n('大额存单递增金额', 'large-CD lot increment'),
  timeDepositMinimum: n('定期存款起存金额', 'time-deposit minimum'),
  callDepositMinimum: n('通知存款起存金额', 'call-deposit minimum'),
  productAllowed: n('产品须为政策允许', 'products the policy allows'),
  maxTerm: n('最长期限', 'maximum term'),
  matureWithinHorizon: n('新存放须在规划期内到期', 'new placements mature within the horizon'),
  liquidAtEnd: n('规划期末流动资金', 'liquid money at the horizon end'),
  standardTerm: n('产品提供的期限', 'offered terms'),
  minQuoteRate: n('最低报价利率', 'minimum quote rate'),
  trancheShareCap: n('上限A（单家银行占当月新增定期的比例）', 'cap A (a bank’s share of the month’s tranche)'),
  bankLocalDepositCap: n('上限B（占该行一般性存款的比例）', 'cap B (a share of the bank’s local deposits)'),
  fundTimeDepositShareCap: n('上限C（单家银行占基金定期的比例）', 'cap C (a bank’s share of the fund’s time deposits)'),
  minimumBankCount: n('最少存放银行数', 'minimum number of banks'),
  liquidityReserve: n('流动性储备（周转金）', 'liquidity reserve'),
  cashNotNegative: n('险种现金不得为负', 'no fund type’s cash below zero'),
  maxBondShare: n('国债占比上限', 'the bond-share limit'),
  // the optimizer's rows (optimizer/src/model, verify.ts)
  cashBalance: n('险种现金收支平衡', 'each fund type’s cash balance'),
  bankCap: n('单家银行上限', 'bank cap'),
  definition: n('汇总定义', 'definition row'),
  variableBound: n('变量上下界', 'variable bounds'),
  integrality: n('整数约束', 'whole lots'),
  objective: n('目标值', 'objective'),
  // the ledger's findings (core/ledger)
  holdingMaturedBeforeStart: n('存量持仓已在期初前到期', 'holding matured before the start'),
  contractRateInForce: n('账户须有执行中的协议利率', 'a contract rate in force'),
  // the interest audit (core/audit)
  contractRate: n('账户协议利率', "the account's contract rate"),
  knownAccount: n('账户须在情景中', 'accounts in the scenario'),
  interestPeriodOrder: n('结息日不早于起息日', 'the settlement day not before the first day'),
  balanceOrBalanceDays: n('须有余额或积数', 'a balance or the balance-days'),
  segmentedNeedsBalance: n('分段计息须有每日余额', 'a split period needs the daily balance'),
  actualActualNeedsBalance: n('跨年按实际天数计息须有每日余额', 'a period across a year end on actual/actual needs the daily balance'),
  statementRateInForce: n('计息期内须有执行中的协议利率', 'a contract rate in force in the period'),
  // the replay (app/jobs/replay.ts)
  actualsFromStart: n('实际收支须从情景首月起、每个险种都有', "actuals from the scenario's first month, for every fund type"),
  replayRequest: n('回放请求的格式', 'the replay request'),
  pensionDemandAtThreeMonth: n('养老基金活期按三个月定期利率计息', 'pension demand money at the 3-month rate'),
  residentPensionOneYear: n('城乡居民养老基金按一年期定期利率计息', 'resident pension at the 1-year rate'),
  medicalFiscalSpecialThreeYearInstallment: n('医疗基金财政专户按三年期零存整取利率计息', 'medical money in the fiscal special account at the 3-year installment rate'),
  medicalCarriedOverThreeMonth: n('医疗基金结转资金按三个月定期利率计息', 'carried-over medical money at the 3-month rate'),
  medicalCurrentYearDemand: n('医疗基金当年资金按活期利率计息', 'this year’s medical money at the demand rate'),
  unitDemand: n('按单位活期利率计息', 'the unit demand rate'),
  unitDepositRules: n('按单位存款规定计息', 'the unit-deposit rules'),
  agencyAccountsThreeMonthBenchmark: n('收入户、支出户按三个月定期基准利率计息', 'revenue and expenditure accounts at the 3-month benchmark'),
  plausibleRate: n('利率是否合理（疑似按百分数录入）', 'plausible rates'),
  plausibleAmount: n('金额是否合理（10¹⁵ 元以上）', 'plausible amounts'),
  // interest rules (core/interest) and reserve kinds (policy.reserve.rule)
  callDeposit: n('通知存款计息', 'call-deposit interest'),
  agreedDeposit: n('协定存款计息', 'agreed-deposit interest'),
  accumulatedMethod: n('积数计息法', 'the balance-days method'),
  monthsOfPayouts: n('按月支出倍数留储备', 'a reserve of months of payouts'),
  fixedAmount: n('固定金额储备', 'a fixed reserve'),
  // the application layer (packages/app)
  cancelled: n('已取消', 'cancelled'),
  compareRequest: n('比较请求', 'the compare request'),
  optimizeRequest: n('优化请求', 'the optimize request'),
  resultSchema: n('结果格式自检', 'the result’s own schema'),
  interestInput: n('利息计算参数', 'the interest inputs'),
  jobKind: n('任务类型', 'job kind'),
  horizonWithinScenario: n('规划期不超过情景', 'a horizon within the scenario'),
  historyPerFundType: n('每个险种须有历史数据', 'history for every fund type'),
  historyBeforeStart: n('历史数据须在规划期前结束', 'history before the start'),
  shockText: n('冲击参数格式', 'the shock’s form'),
  // the optimizer's safety and solving (optimizer/src)
  confidenceRange: n('置信度范围', 'confidence range'),
  safetyHorizon: n('安全期不超过规划期', 'a safety horizon within the horizon'),
  pathsForConfidence: n('情景数须足以支撑置信度', 'enough paths for the confidence'),
  outOfSample: n('样本外核算', 'out-of-sample check'),
  feasibility: n('可行性', 'feasibility'),
  solverStatus: n('求解器状态', 'solver status'),
  solverSizeLimit: n('求解器规模上限', 'solver size limit'),
  lpAgreesWithLedger: n('线性规划与精确账本一致', 'the LP agrees with the ledger'),
  // the forecast (forecast/src)
  periodLabel: n('期间格式', 'period format'),
  oneFrequency: n('同一数据频率', 'one frequency'),
  onePeriodPerFundType: n('每险种每期一行', 'one row per period and fund type'),
  periodsInOrder: n('期间递增排列', 'periods in order'),
  contiguousPeriods: n('期间连续', 'contiguous periods'),
  twoSeasons: n('历史至少两个季节周期', 'two seasons of history'),
  threeYears: n('年度历史至少三年', 'three years of annual history'),
  sigmaFloor: n('年度区间宽度下限', 'the floor of an annual band'),
  samePeriodsEveryFundType: n('各险种期间相同', 'the same periods for every fund type'),
  oneSeason: n('历史至少一个季节周期', 'a season of history'),
  multiplicativeNeedsPositive: n('乘法季节模型须为正值', 'positive values for a multiplicative model'),
  leastSquares: n('最小二乘求解', 'least squares'),
  cohortInputsComplete: n('队列模型输入完整', 'complete cohort inputs'),
  fallbackModel: n('备用模型', 'fallback model'),
  cohortModel: n('队列模型', 'cohort model'),
  bandsFromBacktest: n('区间取自回测误差', 'bands from backtest errors'),
  pathsFromResiduals: n('情景取自残差', 'paths from residuals'),
  shockPeriod: n('冲击期间', 'shock period'),
  shockFundType: n('冲击险种', 'shock fund type'),
  // the command line (apps/cli)
  parseJson: n('JSON 格式', 'JSON syntax'),
  readable: n('文件可读', 'a readable file'),
  writableOutput: n('输出文件可写', 'a writable output'),
  wholeNumberFlag: n('参数须为范围内的整数', 'a whole number in range'),
  numberFlag: n('参数须为范围内的数值', 'a number in range'),
  // the tender (core/tender, app/jobs/tender.ts; docs/tender.md)
  tenderWeightsSumToOne: n('评分权重之和为 1', 'tender weights sum to 1'),
  tenderBusinessWeight: n('经营状况权重不低于 40%', 'business condition weighs at least 40%'),
  tenderMarkRange: n('评分在 0 到 100 之间', 'marks from 0 to 100'),
  oneBidPerBank: n('每家银行一份投标', 'one bid per bank'),
  tenderInHorizon: n('招标月份须在规划期内', 'the tender month within the horizon'),
  tenderSection: n('情景须有招标设置', 'a tender section in the scenario'),
  tenderNeedsOptimizerPlan: n('须有优化器计划作比较', 'an optimizer plan to compare with'),
  tenderTotal: n('招标总额', 'the tender total'),
  tenderTotalWithinLiquidity: n('招标总额不得超过存期内的流动资金', 'a tender total within the liquid money over its term'),
  tenderRequest: n('招标请求', 'the tender request'),
  tenderRegulatoryRating: n('监管评级（四项中任一项 4 级及以下）暂停新增存款', 'a regulatory rating at level 4 or worse suspends new deposits'),
  tenderPbocRating: n('人民银行评级 C 级及以下暂停新增存款', 'a PBOC rating of C or worse suspends new deposits'),
  tenderQuoteMissing: n('须有报价利率', 'a quoted rate'),
  // the policy sweep (app/sweep, app/jobs/sweep.ts; docs/sweep.md)
  varySyntax: n('--vary 的写法（参数=起..止[:步长] 或 参数=值,值）', '--vary syntax (name=from..to[:step] or name=a,b)'),
  varyTooManyValues: n('一个参数的取值个数上限', 'the most values one parameter may take'),
  varyDistinctValues: n('取值不得重复', 'values must differ'),
  varyCount: n('变动一到两个参数', 'one or two parameters varied'),
  varyDistinctParameters: n('两个变动参数须不同', 'two different parameters'),
  gridTooLarge: n('网格点数上限', 'the most grid points'),
  sweepParameter: n('可变动的政策参数', 'a policy parameter a sweep may vary'),
  sweepValue: n('参数取值须符合情景规则', 'a value the scenario rules allow'),
  scenarioObject: n('情景须为 JSON 对象', 'the scenario is a JSON object'),
  sweepEligibleBanks: n('可选银行数在 1 与合格银行数之间', 'eligible banks between 1 and the banks eligible'),
  samePaths: n('各点使用同一批预测情景', 'every point on the same forecast paths'),
  sweepRequest: n('扫描请求', 'the sweep request'),
  databaseUrl: n('数据库地址（--database-url 或 DATABASE_URL）', 'the database address (--database-url or DATABASE_URL)'),
  sweepStored: n('扫描须已存入数据库', 'the sweep stored in the database'),
  internal: n('内部错误', 'an internal error'),
};

/**
 * A rule by its name in `lang` ("上限A（单家银行占当月新增定期的比例）"); a rule the catalogue does not know by its id.
 * @example ruleName('rateAsFraction', 'zh') //=> '利率以小数表示'
 */
export function ruleName(rule: string, lang: Lang): string {
  return RULE_NAMES[rule]?.[lang] ?? rule;
}

// ── sentences by code ────────────────────────────────────────────────────────────────────────────────────────────

const w = (zh: Say, en: Say): IssueWording => ({ zh, en });

/** The money in a cap issue: "30,000.00 万元，超过…允许的 7,525.00 万元（超出 22,475.00 万元）". */
const overZh = (i: DomainIssue, what: string) => `${money(i.received, 'zh')}，超过${what}允许的 ${money(i.limit, 'zh')}（超出 ${money(i.amount, 'zh')}）`;
const overEn = (i: DomainIssue, what: string) => `${money(i.received, 'en')}, above the ${money(i.limit, 'en')} ${what} allows (over by ${money(i.amount, 'en')})`;

/**
 * Every code's sentence. A code several rules share words the rule by its name; where a rule needs its own sentence
 * it is in {@link RULE_TEXT}.
 */
const CODE_TEXT: Record<string, IssueWording> = {
  // ── the plan breaks a rule (core/rules) ──
  bank_cap_exceeded: w(
    (i, names) => `${monthZh(i)}末${bankOf(i, names)}存放的基金定期 ${overZh(i, ruleName(i.rule, 'zh'))}`,
    (i, names) => `${bankOf(i, names)} holds ${money(i.received, 'en')} of the fund's time deposits${monthEn(i)}, above the ${money(i.limit, 'en')} ${ruleName(i.rule, 'en')} allows (over by ${money(i.amount, 'en')})`,
  ),
  holding_over_cap: w(
    (i, names) => `${monthZh(i)}末${bankOf(i, names)}的期初存量定期 ${overZh(i, ruleName(i.rule, 'zh'))}：这是期初持仓，计划未向该行新存`,
    (i, names) => `${bankOf(i, names)}'s existing time deposits${monthEn(i)} are ${overEn(i, ruleName(i.rule, 'en'))}: the starting position, the plan adds no money there`,
  ),
  holdings_too_few_banks: w(
    (i) => `${monthZh(i)}末只有 ${i.received} 家银行持有定期存款，政策要求至少 ${i.limit} 家：期初持仓本身过于集中，不是计划所致`,
    (i) => `${i.received} bank(s) hold time deposits${monthEn(i)}; the policy wants at least ${i.limit}: the starting position is that concentrated, not the plan`,
  ),
  too_few_banks: w(
    (i) => `${monthZh(i)}末只有 ${i.received} 家银行持有定期存款，政策要求至少 ${i.limit} 家`,
    (i) => `${i.received} bank(s) hold time deposits${monthEn(i)}; the policy wants at least ${i.limit}`,
  ),
  reserve_breached: w(
    (i, names) => `${monthZh(i)}末${i.fundType ? `${fundOf(i, names)}的` : ''}流动资金 ${money(i.received, 'zh')}，低于流动性储备要求 ${money(i.limit, 'zh')}（短缺 ${money(i.amount, 'zh')}）`,
    (i, names) => `${i.fundType ? `${fundOf(i, names)}: ` : ''}liquid money ${money(i.received, 'en')}${monthEn(i)} is below the reserve of ${money(i.limit, 'en')} (short by ${money(i.amount, 'en')})`,
  ),
  cash_negative: w(
    (i, names) => `${i.date ?? i.monthKey ?? ''} ${fundOf(i, names)}的现金为 ${money(i.received, 'zh')}：计划动用了并不存在的 ${money(i.amount, 'zh')}`,
    (i, names) => `${fundOf(i, names)}'s cash is ${money(i.received, 'en')} on ${i.date ?? i.monthKey ?? '—'}: the plan spends ${money(i.amount, 'en')} it does not have`,
  ),
  suspended_bank: w(
    (i, names) => `${at(i, names, 'zh')}${monthZh(i)}向已暂停新增存款的${bankOf(i, names)}存放 ${money(i.amount, 'zh')}`,
    (i, names) => `${at(i, names, 'en')}${money(i.amount, 'en')} placed${monthEn(i)} with ${bankOf(i, names)}, which is suspended and may not receive new money`,
  ),
  too_long: w(
    (i, names) => `${at(i, names, 'zh')}期限 ${i.received} 个月，超过政策最长期限 ${i.limit} 个月`,
    (i, names) => `${at(i, names, 'en')}a term of ${i.received} months exceeds the policy's maximum of ${i.limit}`,
  ),
  forbidden: w(
    (i, names) => `${at(i, names, 'zh')}政策不允许${knownOrQuoted(names.product, i.received)}（允许：${alternatives(i.limit, 'zh', names.product)}）`,
    (i, names) => `${at(i, names, 'en')}the policy does not allow ${knownOrQuoted(names.product, i.received)} (allowed: ${alternatives(i.limit, 'en', names.product)})`,
  ),
  below_minimum: w(
    (i, names) => `${at(i, names, 'zh')}${monthZh(i)}${ruleName(i.rule, 'zh')}：${money(i.received, 'zh')} 低于下限 ${money(i.limit, 'zh')}`,
    (i, names) => `${at(i, names, 'en')}${money(i.received, 'en')}${monthEn(i)} is below the minimum of ${money(i.limit, 'en')} (${ruleName(i.rule, 'en')})`,
  ),
  not_multiple: w(
    (i, names) => `${at(i, names, 'zh')}${monthZh(i)}大额存单 ${money(i.received, 'zh')}：超过起存金额的部分须为 ${money(i.limit, 'zh')} 的整数倍`,
    (i, names) => `${at(i, names, 'en')}a large CD of ${money(i.received, 'en')}${monthEn(i)}: above the minimum it goes up in steps of ${money(i.limit, 'en')}`,
  ),
  matures_after_horizon: w(
    (i, names) => `${at(i, names, 'zh')}${monthZh(i)}存放${i.bankId ? `于${bankOf(i, names)}` : ''}的存款于 ${i.received} 到期，晚于规划期末 ${i.limit}：政策要求新存放在规划期内到期`,
    (i, names) => `${at(i, names, 'en')}placed${monthEn(i)}${i.bankId ? ` with ${bankOf(i, names)}` : ''}, it matures on ${i.received}, after the horizon end ${i.limit}: the policy wants new placements to mature within the horizon`,
  ),
  liquid_at_end_short: w(
    (i) => `规划期末（${i.monthKey} 末）流动资金 ${money(i.received, 'zh')}，低于政策要求的 ${money(i.limit, 'zh')}（短缺 ${money(i.amount, 'zh')}）`,
    (i) => `liquid money at the horizon end (${i.monthKey}) ${money(i.received, 'en')} is below the policy's ${money(i.limit, 'en')} (short by ${money(i.amount, 'en')})`,
  ),
  share_exceeded: w(
    (i) => `${monthZh(i)}末国债 ${overZh(i, ruleName(i.rule, 'zh'))}`,
    (i) => `bonds${monthEn(i)} are ${overEn(i, ruleName(i.rule, 'en'))}`,
  ),
  // ── the ledger's findings (core/ledger) ──
  below_statutory_rate: w(
    (i, names) => `${i.subject ? names.account(i.subject) : `${bankOf(i, names)}的${fundOf(i, names)}账户`}执行利率 ${rate(i.received)}，低于法定 ${rate(i.limit)}，差 ${basisPoints(i.received, i.limit)} 个基点（依据：${ruleName(i.rule, 'zh')}；${statutorySource(i.rule, i.fundType, 'zh')}）`,
    (i, names) => `${i.subject ? names.account(i.subject) : `the ${fundOf(i, names)} account at ${bankOf(i, names)}`} earns ${rate(i.received)}, ${basisPoints(i.received, i.limit)} bp below the statutory ${rate(i.limit)} (${ruleName(i.rule, 'en')}; ${statutorySource(i.rule, i.fundType, 'en')})`,
  ),
  needs_balance: w(
    (i, names) => `${at(i, names, 'zh')}${i.rule === 'segmentedNeedsBalance' ? `计息期内协议利率于 ${i.limit} 调整，银行分段计息` : `计息期跨年（${i.limit}），按当年实际天数计息`}：整段的积数无法拆分，请给出每日余额，或按段分行列示`,
    (i, names) => `${at(i, names, 'en')}${i.rule === 'segmentedNeedsBalance' ? `the contract rate changes on ${i.limit} inside the period and the bank splits it there` : `the period crosses a year end (${i.limit}) on actual/actual`}: one 积数 for the whole period cannot be split; give the daily balance, or one line per part`,
  ),
  missing_rate: w(
    (i, names) => `${at(i, names, 'zh')}${ruleName(i.rule, 'zh')}：没有可用利率`,
    (i, names) => `${at(i, names, 'en')}no rate (${ruleName(i.rule, 'en')})`,
  ),
  stale_holding: w(
    (i, names) => `${at(i, names, 'zh')}已于 ${i.received} 到期，早于规划期开始，已忽略（其资金应计入账户余额）`,
    (i, names) => `${at(i, names, 'en')}matured on ${i.received}, before the horizon starts; it is ignored (its money should be in an account balance)`,
  ),
  // ── the scenario and the plan as input (core/schemas) ──
  unknown_reference: w(
    (i, names) => `${at(i, names, 'zh')}找不到引用的对象 \`${got(i, 'zh')}\`（${ruleName(i.rule, 'zh')}）`,
    (i, names) => `${at(i, names, 'en')}nothing named \`${got(i, 'en')}\` (${ruleName(i.rule, 'en')})`,
  ),
  out_of_range: w(
    (i, names) => `${at(i, names, 'zh')}${field(i.path, 'zh')} ${got(i, 'zh')} 超出范围${i.limit !== undefined ? `（${i.limit}）` : ''}`,
    (i, names) => `${at(i, names, 'en')}${field(i.path, 'en')} ${got(i, 'en')} is out of range${i.limit !== undefined ? ` (${i.limit})` : ''}`,
  ),
  missing: w(
    (i, names) => `${at(i, names, 'zh')}缺少${field(i.path, 'zh')}（${ruleName(i.rule, 'zh')}）`,
    (i, names) => `${at(i, names, 'en')}${field(i.path, 'en')} is missing (${ruleName(i.rule, 'en')})`,
  ),
  duplicate: w(
    (i, names) => `${at(i, names, 'zh')}重复：${got(i, 'zh')}（${ruleName(i.rule, 'zh')}）`,
    (i, names) => `${at(i, names, 'en')}a duplicate: ${got(i, 'en')} (${ruleName(i.rule, 'en')})`,
  ),
  unknown_key: w(
    (i) => `未知字段 \`${formatPath(i.path)}\`${i.suggestion ? `，是否应为 \`${i.suggestion}\`？` : i.limit ? `；此处可用的字段：${alternatives(i.limit, 'zh')}` : ''}`,
    (i) => `unknown key \`${formatPath(i.path)}\`${i.suggestion ? `; did you mean \`${i.suggestion}\`?` : i.limit ? `; the keys known here: ${alternatives(i.limit, 'en')}` : ''}`,
  ),
  implausible_rate: w(
    (i, names) => `${at(i, names, 'zh')}利率 ${i.received} 即年利率 ${rate(i.received)}，高于合理上限 ${rate(i.limit)}：利率以小数表示，是否应为 ${i.suggestion}（${rate(i.suggestion)}）？`,
    (i, names) => `${at(i, names, 'en')}a rate of ${i.received} is ${rate(i.received)} a year, above the plausible ${rate(i.limit)}: rates are fractions; did you mean ${i.suggestion} (${rate(i.suggestion)})?`,
  ),
  implausible_amount: w(
    (i, names) => `${at(i, names, 'zh')}金额 ${money(i.received, 'zh')} 达到 10¹⁵ 元（1000 万亿元）以上，超过全国存款总额：是否按分录入或多输了位数？`,
    (i, names) => `${at(i, names, 'en')}${money(i.received, 'en')} is 10¹⁵ yuan or more, more than all deposits in China: was it typed in 分 or with extra digits?`,
  ),
  // ── zod's codes, kept by parseInput and the request schemas ──
  invalid_type: w(
    (i, names) => `${at(i, names, 'zh')}${field(i.path, 'zh')}应为${MONEY_FIELDS.has(lastKey(i.path) ?? '') ? '以元为单位的小数文本（如 "1234.56"）' : (TYPE_NAMES[i.limit ?? '']?.zh ?? '另一种类型')}，收到 ${got(i, 'zh')}`,
    (i, names) => `${at(i, names, 'en')}${field(i.path, 'en')} should be ${MONEY_FIELDS.has(lastKey(i.path) ?? '') ? 'a decimal string in yuan, e.g. "1234.56"' : (TYPE_NAMES[i.limit ?? '']?.en ?? 'of another type')}; received ${got(i, 'en')}`,
  ),
  invalid_format: w(
    (i, names) => `${at(i, names, 'zh')}${field(i.path, 'zh')}格式不对${MONEY_FIELDS.has(lastKey(i.path) ?? '') || lastKey(i.path)?.endsWith('Rate') ? '（应为普通小数文本，不用科学计数法、不加千分位）' : ''}，收到 ${got(i, 'zh')}`,
    (i, names) => `${at(i, names, 'en')}${field(i.path, 'en')} is not in the right form${MONEY_FIELDS.has(lastKey(i.path) ?? '') || lastKey(i.path)?.endsWith('Rate') ? ' (a plain decimal string: no exponent, no thousands separators)' : ''}; received ${got(i, 'en')}`,
  ),
  invalid_value: w(
    (i, names) => `${at(i, names, 'zh')}${field(i.path, 'zh')}应为以下之一：${alternatives(i.limit, 'zh', (id) => valueText(id, names, 'zh'))}；收到 ${got(i, 'zh')}`,
    (i, names) => `${at(i, names, 'en')}${field(i.path, 'en')} should be one of ${alternatives(i.limit, 'en', (id) => valueText(id, names, 'en'))}; received ${got(i, 'en')}`,
  ),
  too_small: w(
    (i, names) => `${at(i, names, 'zh')}${field(i.path, 'zh')}不得小于 ${i.limit}，收到 ${got(i, 'zh')}`,
    (i, names) => `${at(i, names, 'en')}${field(i.path, 'en')} may not be below ${i.limit}; received ${got(i, 'en')}`,
  ),
  too_big: w(
    (i, names) => `${at(i, names, 'zh')}${field(i.path, 'zh')}不得大于 ${i.limit}${i.received !== undefined ? `，收到 ${got(i, 'zh')}` : ''}`,
    (i, names) => `${at(i, names, 'en')}${field(i.path, 'en')} may not be above ${i.limit}${i.received !== undefined ? `; received ${got(i, 'en')}` : ''}`,
  ),
  not_multiple_of: w(
    (i, names) => `${at(i, names, 'zh')}${field(i.path, 'zh')}不是所要求的整数倍，收到 ${got(i, 'zh')}`,
    (i, names) => `${at(i, names, 'en')}${field(i.path, 'en')} is not a multiple of the step; received ${got(i, 'en')}`,
  ),
  invalid_union: w(
    (i, names) => `${at(i, names, 'zh')}${field(i.path, 'zh')}不是任何一种允许的形式，收到 ${got(i, 'zh')}`,
    (i, names) => `${at(i, names, 'en')}${field(i.path, 'en')} matches none of the allowed forms; received ${got(i, 'en')}`,
  ),
  invalid_key: w(
    (i, names) => `${at(i, names, 'zh')}${field(i.path, 'zh')}中有不允许的键`,
    (i, names) => `${at(i, names, 'en')}${field(i.path, 'en')} has a key that is not allowed`,
  ),
  invalid_element: w(
    (i, names) => `${at(i, names, 'zh')}${field(i.path, 'zh')}中有不允许的元素`,
    (i, names) => `${at(i, names, 'en')}${field(i.path, 'en')} has an element that is not allowed`,
  ),
  custom: w(
    (i, names) => `${at(i, names, 'zh')}${field(i.path, 'zh')}不符合要求${i.received !== undefined ? `，收到 ${got(i, 'zh')}` : ''}`,
    (i, names) => `${at(i, names, 'en')}${field(i.path, 'en')} is not accepted${i.received !== undefined ? `; received ${got(i, 'en')}` : ''}`,
  ),
  // ── the application layer (packages/app) ──
  cancelled: w(
    (i) => `已取消（在${STAGE_NAMES[i.received ?? '']?.zh ?? '计算'}阶段）`,
    (i) => `cancelled during ${STAGE_NAMES[i.received ?? '']?.en ?? i.received ?? 'the job'}`,
  ),
  internal: w(
    (i) => `内部错误：结果未通过自身的格式检查（${formatPath(i.path)}）；请报告此问题`,
    (i) => `internal error: the result fails its own schema (${formatPath(i.path)}); please report it`,
  ),
  invalid: w(
    (i) => `${ruleName(i.rule, 'zh')}：收到 ${got(i, 'zh')}`,
    (i) => `${ruleName(i.rule, 'en')}: received ${got(i, 'en')}`,
  ),
  // ── the optimizer (optimizer/src) ──
  // No pointer to an explanation: the sentence is shown where one follows (optimize, replay) and where none does
  // (a sweep point's issues, a stored result); each front end gives the explanation its own heading.
  infeasible: w(
    () => '没有任何计划能在此情景下满足全部规则',
    () => 'no plan keeps every rule with this scenario',
  ),
  solver_failed: w(
    (i) => `求解器未能得出结果（终止状态 ${i.received}）：${i.received === 'timeLimit' ? '所需时间超过限制，请放宽时间，或减少月份、银行' : '通常是某条规则几乎没有余地，例如上限（policy.caps）的取值使可存银行的份额刚好凑满（6 家可存银行时取 0.16835，而 0.17 留有余地），或储备、期末流动资金要求刚好能满足：请取一个留有余地的整数值'}`,
    (i) => `the solver stopped without a result (${i.received}): ${i.received === 'timeLimit' ? 'it needs more time: allow more, or plan fewer months or banks' : "a rule leaves almost no room — a cap (policy.caps) at which the eligible banks' shares only just add up (0.16835 with 6 eligible banks, where 0.17 leaves room), or a reserve or liquid-at-end amount the fund can only just meet: try a round value with some room"}`,
  ),
  model_too_large: w(
    (i) => `模型有 ${i.received} 个变量，所选求解器只支持 ${i.limit} 个以内：请用 --solver highs`,
    (i) => `the model has ${i.received} variables; the solver chosen takes at most ${i.limit}: use --solver highs`,
  ),
  lp_ledger_mismatch: w(
    (i) => `线性规划与精确账本算出的利息相差 ${money(i.received, 'zh')}，超过容差 ${money(i.limit, 'zh')}`,
    (i) => `the LP's interest and the ledger's differ by ${money(i.received, 'en')}, more than the tolerance of ${money(i.limit, 'en')}`,
  ),
  // ── the forecast (forecast/src) ──
  negative_amount: w(
    (i, names) => `${fundOf(i, names)}${field(i.path, 'zh')}不能为负，收到 ${i.received}`,
    (i, names) => `${fundOf(i, names)}: ${field(i.path, 'en')} may not be negative; received ${i.received}`,
  ),
  mixed_frequency: w(
    (i) => `期间 ${i.received} 与第一行的频率不同：全部期间须为${i.limit === 'monthly' ? ' YYYY-MM（按月）' : ' YYYY（按年）'}`,
    (i) => `the period ${i.received} is not like the first row's: every period must be ${i.limit === 'monthly' ? 'YYYY-MM (monthly)' : 'YYYY (annual)'}`,
  ),
  out_of_order: w(
    (i, names) => `${fundOf(i, names)}的期间 ${i.received} 排在 ${i.limit} 之后：期间须按时间递增排列`,
    (i, names) => `${fundOf(i, names)}: ${i.received} comes after ${i.limit}; periods must be in increasing order`,
  ),
  gap: w(
    (i, names) => `${fundOf(i, names)}缺少 ${i.limit} 起至 ${i.received} 之前的数据：期间须连续`,
    (i, names) => `${fundOf(i, names)}: no rows from ${i.limit} until ${i.received}; periods must be contiguous`,
  ),
  misaligned: w(
    (i, names) => `${fundOf(i, names)}的数据期间为 ${i.received}，与第一个险种的 ${i.limit} 不同：各险种须覆盖相同期间`,
    (i, names) => `${fundOf(i, names)} runs ${i.received} but the first fund type runs ${i.limit}; every fund type needs the same periods`,
  ),
  too_short: w(
    (i, names) => `${i.fundType ? `${fundOf(i, names)}` : '序列'}只有 ${i.received} 期数据，至少需要 ${i.limit} 期（${ruleName(i.rule, 'zh')}）`,
    (i, names) => `${i.fundType ? fundOf(i, names) : 'the series'} has ${i.received} periods of data; at least ${i.limit} are needed (${ruleName(i.rule, 'en')})`,
  ),
  not_positive: w(
    (i) => `乘法季节模型要求数据全部为正，最小值为 ${i.received}：改用其他模型`,
    (i) => `the multiplicative model needs strictly positive values; the smallest is ${i.received}: another model is used`,
  ),
  singular: w(
    () => '线性趋势季节模型无法求解（正规方程奇异）：改用其他模型',
    () => 'the linear trend-seasonal model cannot be fitted (singular normal equations): another model is used',
  ),
  cohort_input_missing: w(
    (i, names) => `${fundOf(i, names)}的队列模型缺少或不能使用 ${i.limit} 列：改用时间序列模型`,
    (i, names) => `the cohort model for ${fundOf(i, names)}: the ${i.limit} column is missing or unusable; the time-series models are used`,
  ),
  fit_failed: w(
    (i, names) => `${fundOf(i, names)}${SIDE_NAMES[String(i.path[1])]?.zh ?? ''}：所选模型无法在全部历史上重新拟合，改用基准模型`,
    (i, names) => `${fundOf(i, names)} ${SIDE_NAMES[String(i.path[1])]?.en ?? ''}: the chosen model could not be refitted on the whole history; the baseline is used`,
  ),
  override: w(
    (i, names) => `${fundOf(i, names)}${SIDE_NAMES[String(i.path[1])]?.zh ?? ''}：均值取自队列模型，区间取自所选时间序列模型的回测误差`,
    (i, names) => `${fundOf(i, names)} ${SIDE_NAMES[String(i.path[1])]?.en ?? ''}: the mean from the cohort model, the bands from the backtest errors of the time-series model`,
  ),
  few_backtest_windows: w(
    (i) => `回测窗口太少（${i.received} 个，至少需要 ${i.limit} 个）：部分步长的区间是模型的残差区间，合计的区间是各部分界限之和（不一致）`,
    (i) => `too few backtest windows (${i.received}; ${i.limit} are needed) for empirical bands at some steps: those bands are the models' residual bands and the totals there are sums of the parts' bounds (not coherent)`,
  ),
  band_floor: w(
    (i, names) => `${i.fundType ? fundOf(i, names) : '合计'}的逐年变化几乎相同：区间宽度取下限（每年水平的 1%），不是估计值`,
    (i, names) => `${i.fundType ? fundOf(i, names) : 'the total'}: the year-on-year changes are (nearly) all equal, so the band is the floor of 1% of the level a year, not an estimate`,
  ),
  paths_in_sample: w(
    (i) => `部分序列的回测误差少于 ${i.limit} 个：其模拟情景只用样本内残差，可能偏窄`,
    (i) => `fewer than ${i.limit} backtest errors for some series: their simulated paths use in-sample residuals only and are likely too narrow`,
  ),
  unknown: w(
    (i, names) => `预测中没有险种 ${knownOrQuoted(names.fundType, i.received)}（现有：${alternatives(i.limit, 'zh', names.fundType)}）`,
    (i, names) => `the forecast has no fund type ${knownOrQuoted(names.fundType, i.received)} (it has ${alternatives(i.limit, 'en', names.fundType)})`,
  ),
  // ── the tender (core/tender, app/jobs/tender.ts) ──
  weights_not_one: w(
    (i) => `招标评分权重之和为 ${i.received}，应恰好为 ${i.limit}（按小数精确相加）`,
    (i) => `the tender's weights add up to ${i.received}; they must be exactly ${i.limit} (added as decimals)`,
  ),
  weight_too_low: w(
    (i) => `经营状况的权重为 ${i.received}，深圳办法要求不低于 ${i.limit}（40%）`,
    (i) => `the business condition weighs ${i.received}; the Shenzhen rules want at least ${i.limit} (40%)`,
  ),
  no_plan: w(
    (i) => `优化器没有得出计划（${STATUS_NAMES[i.received ?? '']?.zh ?? i.received ?? '—'}），无法与招标分配比较`,
    (i) => `the optimizer found no plan (${STATUS_NAMES[i.received ?? '']?.en ?? i.received ?? '—'}) to compare the tender with`,
  ),
  nothing_to_allocate: w(
    (i) => `优化器在 ${i.monthKey ?? '该月'} 没有新增定期存款，也未给出招标总额：请在情景的 tender.totalAmount 或 --total 中给出`,
    (i) => `the optimizer places no time deposit in ${i.monthKey ?? 'that month'} and no total is given: set tender.totalAmount or --total`,
  ),
  // ── the command line (apps/cli) ──
  invalid_flag: w(
    (i) => `${i.path[0]} 须为${i.rule === 'wholeNumberFlag' ? '整数' : '数值'}，范围 ${i.limit}，收到 ${i.received}`,
    (i) => i.message,
  ),
  unwritable: w(
    (i) => `${i.path[0]} ${i.received}：无法写入（文件夹不存在、没有写权限，或这是一个文件夹）`,
    (i) => i.message,
  ),
  unreadable: w(
    (i) => `无法读取 ${i.received}：文件不存在或没有读取权限`,
    (i) => i.message,
  ),
  invalid_json: w(
    (i) => `${i.received} 不是有效的 JSON：请检查括号、引号和逗号（--verbose 显示解析器给出的位置）`,
    (i) => i.message,
  ),
};

// ── sentences by rule (where the code's sentence is not enough) ─────────────────────────────────────────────────

/** A placement's product minimum: which product, how much, the minimum. */
const MINIMUM_PRODUCT: Record<string, string> = { largeCdMinimumLot: 'largeCd', timeDepositMinimum: 'timeDeposit', callDepositMinimum: 'callDeposit7d' };
const minimumZh: Say = (i, names) => `${at(i, names, 'zh')}${monthZh(i)}${i.bankId ? `存放于${bankOf(i, names)}的` : ''}${i.rule === 'callDepositMinimum' ? '通知存款' : names.product(MINIMUM_PRODUCT[i.rule] ?? '')}只有 ${money(i.received, 'zh')}，低于起存金额 ${money(i.limit, 'zh')}`;
const minimumEn: Say = (i, names) => `${at(i, names, 'en')}a ${i.rule === 'callDepositMinimum' ? 'call deposit' : names.product(MINIMUM_PRODUCT[i.rule] ?? '')} of ${money(i.received, 'en')}${monthEn(i)}${i.bankId ? ` at ${bankOf(i, names)}` : ''} is below the minimum of ${money(i.limit, 'en')}`;

/** The zod refinements of the primitives: the rule says it all; where the path says where, it is said first. */
const refinement = (zh: (i: DomainIssue) => string, en: (i: DomainIssue) => string): IssueWording => w(
  (i, names) => `${at(i, names, 'zh')}${zh(i)}`,
  (i, names) => `${at(i, names, 'en')}${en(i)}`,
);

const RULE_TEXT: Partial<Record<string, IssueWording>> = {
  tenderTotalWithinLiquidity: w(
    (i, names) => `招标总额 ${money(i.received, 'zh')} 锁定整个存期，超过了${i.fundType ? `${names.fundType(i.fundType)}自有` : '基金'}在 ${i.monthKey ?? ''} 月末的全部流动资金：至多只有 ${money(i.limit, 'zh')} 可存放（其余月份按优化器计划）`,
    (i, names) => `a tender total of ${money(i.received, 'en')} locked up for its term is more than ${i.fundType ? `the ${names.fundType(i.fundType)} fund's own` : "the fund's"} liquid money at the end of ${i.monthKey ?? ''}: at most ${money(i.limit, 'en')} exists to place (the other months as the optimizer plans them)`,
  ),
  trancheShareCap: w(
    (i, names) => `${monthZh(i)}${bankOf(i, names)}新增定期 ${overZh(i, ruleName(i.rule, 'zh'))}`,
    (i, names) => `${bankOf(i, names)} takes ${money(i.received, 'en')} of the ${i.monthKey ?? ''} tranche of new time deposits, above the ${money(i.limit, 'en')} ${ruleName(i.rule, 'en')} allows (over by ${money(i.amount, 'en')})`,
  ),
  noSavingsBonds: w(
    (i, names) => `${at(i, names, 'zh')}机构不得购买储蓄国债，只能购买记账式国债`,
    (i, names) => `${at(i, names, 'en')}institutions may not buy savings bonds (储蓄国债), only book-entry bonds (记账式国债)`,
  ),
  minQuoteRate: w(
    (i, names) => `${at(i, names, 'zh')}${monthZh(i)}${i.bankId ? `${bankOf(i, names)}的` : ''}利率 ${rate(i.received)} 低于政策要求的最低报价利率 ${rate(i.limit)}`,
    (i, names) => `${at(i, names, 'en')}the rate ${rate(i.received)}${monthEn(i)}${i.bankId ? ` at ${bankOf(i, names)}` : ''} is below the minimum quote rate ${rate(i.limit)}`,
  ),
  largeCdMinimumLot: w(minimumZh, minimumEn),
  timeDepositMinimum: w(minimumZh, minimumEn),
  callDepositMinimum: w(minimumZh, minimumEn),
  agreedDepositMinimumBase: w(
    (i, names) => `${at(i, names, 'zh')}协定存款基本额度 ${money(i.received, 'zh')} 低于下限 ${money(i.limit, 'zh')}`,
    (i, names) => `${at(i, names, 'en')}the agreed-deposit base of ${money(i.received, 'en')} is below the minimum of ${money(i.limit, 'en')}`,
  ),
  standardTerm: w(
    (i, names) => `${at(i, names, 'zh')}${monthZh(i)}存放期限 ${i.received} 个月，该产品没有这一期限（可选 ${alternatives(i.limit, 'zh')} 个月）`,
    (i, names) => `${at(i, names, 'en')}the product is not offered for ${i.received} months${monthEn(i)} (offered: ${alternatives(i.limit, 'en')} months)`,
  ),
  contractRateInForce: w(
    (i, names) => `${names.place(i.path) || `${bankOf(i, names)}的${fundOf(i, names)}账户`}在规划期开始时没有执行中的协议利率：协议利率生效前，其活期利息按零计`,
    (i, names) => `${names.place(i.path) || `the ${fundOf(i, names)} account at ${bankOf(i, names)}`} has no contract rate in force at the start; its demand interest is zero until one starts`,
  ),
  knownRate: w(
    (i, names) => `${at(i, names, 'zh')}没有可用利率：${i.bankId ? `${bankOf(i, names)}` : '该行'}没有该产品该期限在存放日的报价（国债则无该期限的收益率），计划也未给出利率`,
    (i, names) => `${at(i, names, 'en')}no rate: ${i.bankId ? bankOf(i, names) : 'the bank'} quotes no such product and term on the day (for a bond: no yield for the term), and the plan gives none`,
  ),
  knownBank: w(
    (i, names) => `${at(i, names, 'zh')}情景中没有标识为 \`${got(i, 'zh')}\` 的银行`,
    (i, names) => `${at(i, names, 'en')}no bank with the id \`${got(i, 'en')}\` in the scenario`,
  ),
  knownFundType: w(
    (i, names) => `${at(i, names, 'zh')}险种 ${knownOrQuoted(names.fundType, i.received)} 不在情景的险种列表中`,
    (i, names) => `${at(i, names, 'en')}the fund type ${knownOrQuoted(names.fundType, i.received)} is not among the scenario's fund types`,
  ),
  uniqueId: w(
    (i, names) => {
      const id = valueText(got(i, 'zh'), names, 'zh');
      return `${at(i, names, 'zh')}标识 ${id}${id.endsWith('）') ? '' : ' '}重复`;
    },
    (i, names) => `${at(i, names, 'en')}the id ${valueText(got(i, 'en'), names, 'en')} is used twice`,
  ),
  oneRowPerMonthAndFund: w(
    (i, names) => {
      const [month, ft] = (i.received ?? '').split('/');
      return `${month} ${names.fundType(ft ?? '')}的${i.path[0] === 'history' ? '历史数据' : '现金流'}重复：每月每险种只能有一行`;
    },
    (i, names) => {
      const [month, ft] = (i.received ?? '').split('/');
      return `${month} ${names.fundType(ft ?? '')} appears twice in the ${i.path[0] === 'history' ? 'history' : 'flows'}: one row per month and fund type`;
    },
  ),
  oneSettlementAccount: w(
    (i, names) => `${fundOf(i, names)}有不止一个结算账户`,
    (i, names) => `${fundOf(i, names)} has more than one settlement account`,
  ),
  accountPerFundType: w(
    (i, names) => `${fundOf(i, names)}没有账户`,
    (i, names) => `${fundOf(i, names)} has no account`,
  ),
  depositAtBank: w(
    (i, names) => `${at(i, names, 'zh')}存款须注明银行（bankId）`,
    (i, names) => `${at(i, names, 'en')}a deposit must name its bank (bankId)`,
  ),
  keepFundTypesApart: w(
    (i, names) => `${at(i, names, 'zh')}政策要求各险种分账，每笔存放须注明险种（fundType）`,
    (i, names) => `${at(i, names, 'en')}the policy keeps fund types apart, so each placement must name its fund type (fundType)`,
  ),
  quoteTerm: w(
    (i, names) => `${at(i, names, 'zh')}报价须注明期限（termMonths）`,
    (i, names) => `${at(i, names, 'en')}the quote needs its term (termMonths)`,
  ),
  placementInHorizon: w(
    (i, names) => `${at(i, names, 'zh')}存放月份 ${got(i, 'zh')} 不在规划期内`,
    (i, names) => `${at(i, names, 'en')}the month ${got(i, 'en')} is outside the horizon`,
  ),
  flowInHorizon: w(
    (i, names) => `${at(i, names, 'zh')}现金流月份 ${got(i, 'zh')} 不在规划期内`,
    (i, names) => `${at(i, names, 'en')}the flow month ${got(i, 'en')} is outside the horizon`,
  ),
  flowsCoverHorizon: w(
    (i, names) => (i.path[0] === 'checkPaths'
      ? `第 ${Number(i.path[1]) + 1} 条核算情景不是完整的现金流路径：每月每个险种都须有现金流`
      : `${fundOf(i, names)}在规划期内缺少 ${Number(i.limit) - Number(i.received)} 个月的现金流（规划期 ${i.limit} 个月，只有 ${i.received} 个月；第一个缺少的月份为 ${i.monthKey}）：evaluate（未给 --flows 时）和 optimize 需要每月每个险种的现金流`),
    (i, names) => (i.path[0] === 'checkPaths'
      ? `check path ${Number(i.path[1]) + 1} is not a complete flow path: every month needs a flow for every fund type`
      : `no flows for ${fundOf(i, names)} in ${Number(i.limit) - Number(i.received)} of the horizon's ${i.limit} months (the first is ${i.monthKey}): evaluate (without --flows) and optimize need a flow for every month and fund type`),
  ),
  historyPerFundType: w(
    (i, names) => `${fundOf(i, names)}没有历史数据：无法预测其现金流情景，optimize 与 compare 不能据此保障支付（请补充与其他险种相同的 ${i.limit} 个月历史，或使用 optimize --confidence 0 --paths 0）`,
    (i, names) => `${fundOf(i, names)} has no history: the forecast cannot draw its flows, so optimize and compare cannot plan or check payouts on forecast paths (give it the same ${i.limit} months of history as the other fund types, or run optimize --confidence 0 --paths 0)`,
  ),
  historyBeforeStart: w(
    (i) => `历史数据到 ${i.received} 为止，已进入规划期：历史数据须在起始月份之前结束`,
    (i) => `the history runs to ${i.received}, into the horizon: it must end before the start month`,
  ),
  outOfSample: w(
    () => '计划须在与制定计划所用情景不同的另一批情景上核算',
    () => 'the plan must be checked on paths drawn apart from those it was fitted to',
  ),
  confidenceRange: w(
    (i) => `置信度 ${i.received} 应在 0（含）与 1（不含）之间，如 0.99；0 表示只按平均流量制定计划`,
    (i) => `a confidence of ${i.received} is not in [0, 1): it is a share of paths, e.g. 0.99 (0 = plan on the mean flows)`,
  ),
  safetyHorizon: w(
    (i) => `安全期 ${i.received} 个月长于情景的规划期 ${i.limit} 个月`,
    (i) => `the safety horizon of ${i.received} months is longer than the scenario's ${i.limit}`,
  ),
  horizonWithinScenario: w(
    (i) => `规划期 ${i.received} 个月长于情景的 ${i.limit} 个月`,
    (i) => `a horizon of ${i.received} months is longer than the scenario's ${i.limit}`,
  ),
  pathsForConfidence: w(
    (i) => `${i.path[0] === 'planningPaths' ? '规划' : '核算'}情景 ${i.received} 条太少：该置信度至少需要 ${i.limit} 条（2/(1 − c)）`,
    (i) => `${i.received} ${i.path[0] === 'planningPaths' ? 'planning paths' : 'paths to check on'} are too few: this confidence needs at least ${i.limit} (2/(1 − c))`,
  ),
  jobKind: w(
    (i) => `未知的任务类型 \`${i.received}\``,
    (i) => `unknown job kind \`${i.received}\``,
  ),
  interestInput: w(
    (i) => {
      const f = String(i.path[0]);
      if (f === 'to') return `结束日 ${i.received} 不晚于起息日`;
      if (f === 'termMonths') return '需要期限（termMonths）：起息日到结束日不足一个整月';
      if (f === 'baseAmount') return '协定存款需要基本额度（baseAmount）';
      if (f === 'demandRate') return '需要活期利率（demandRate）：提前支取、到期后未取的部分和协定存款的基本额度按活期利率计息';
      return `利息计算参数 ${f} 不符合要求${i.received !== undefined ? `，收到 ${i.received}` : ''}`;
    },
    (i) => `${String(i.path[0])} ${i.message}`,
  ),
  shockText: w(
    (i) => `${String(i.path[0]).startsWith('--') ? i.path[0] : `冲击参数 ${String(i.path[1])}`} 应为 ${i.limit} 的形式，收到 ${i.received}`,
    (i) => `${String(i.path[0]).startsWith('--') ? i.path[0] : `the shock ${String(i.path[1])}`} is ${i.limit}; received ${i.received}`,
  ),
  plausibleAmount: w(
    (i, names) => (i.code === 'implausible_amount' ? CODE_TEXT.implausible_amount!.zh(i, names) : `${at(i, names, 'zh')}${field(i.path, 'zh')} ${got(i, 'zh')} 元达到 10¹⁵ 元（1000 万亿元）以上，超过全国存款总额：是否按分录入或多输了位数？`),
    (i, names) => (i.code === 'implausible_amount' ? CODE_TEXT.implausible_amount!.en(i, names) : `${at(i, names, 'en')}${field(i.path, 'en')} ${got(i, 'en')} is 10¹⁵ yuan or more, more than all deposits in China: was it typed in 分 or with extra digits?`),
  ),
  shockPeriod: w(
    (i) => (i.code === 'out_of_range' ? `冲击期间 ${i.received} 不在预测期 ${i.limit} 内，不起作用` : `冲击期间 ${i.received} 与预测的频率（按月或按年）不符`),
    (i) => (i.code === 'out_of_range' ? `a shock in ${i.received} is outside the forecast's ${i.limit} and would change nothing` : `the shock's period ${i.received} does not match the forecast's frequency`),
  ),
  periodLabel: w(
    (i) => `期间 ${i.received} 应为 YYYY-MM（按月）或 YYYY（按年）`,
    (i) => `the period ${i.received} is neither YYYY-MM (monthly) nor YYYY (annual)`,
  ),
  onePeriodPerFundType: w(
    (i, names) => `${fundOf(i, names)}的期间 ${i.received} 出现两次`,
    (i, names) => `${fundOf(i, names)} has ${i.received} twice`,
  ),
  twoSeasons: w(
    (i, names) => (i.path[0] === 'series'
      ? `序列只有 ${i.received} 个观测值，该模型至少需要 ${i.limit} 个`
      : `${i.fundType ? fundOf(i, names) : '每个险种'}只有 ${i.received} 期历史数据，至少需要两个季节周期（${i.limit} 期）`),
    (i, names) => (i.path[0] === 'series'
      ? `the series has ${i.received} observations; the model needs at least ${i.limit}`
      : `${i.fundType ? fundOf(i, names) : 'each fund type'} has ${i.received} periods of history; at least two seasons (${i.limit}) are needed`),
  ),
  threeYears: w(
    (i, names) => `${i.fundType ? fundOf(i, names) : '每个险种'}只有 ${i.received} 年历史数据，至少需要 ${i.limit} 年（两个逐年变化，年度区间才能估计）`,
    (i, names) => `${i.fundType ? fundOf(i, names) : 'each fund type'} has ${i.received} years of history; at least ${i.limit} are needed (two year-on-year changes, the fewest an annual band can be estimated from)`,
  ),
  oneSeason: w(
    (i) => `序列只有 ${i.received} 个观测值，至少需要一个季节周期（${i.limit} 个）`,
    (i) => `the series has ${i.received} observations; at least one season (${i.limit}) is needed`,
  ),
  nonNegativeAmount: w(
    (i, names) => (i.code === 'negative_amount' ? CODE_TEXT.negative_amount!.zh(i, names) : `${at(i, names, 'zh')}金额不能为负，收到 ${got(i, 'zh')}`),
    (i, names) => (i.code === 'negative_amount' ? CODE_TEXT.negative_amount!.en(i, names) : `${at(i, names, 'en')}an amount of money may not be negative; received ${got(i, 'en')}`),
  ),
  toTheFen: refinement((i) => `金额最多两位小数（精确到分），收到 ${got(i, 'zh')}`, (i) => `money has at most 2 decimal places (分); received ${got(i, 'en')}`),
  nonNegativeRate: refinement((i) => `利率不能为负，收到 ${got(i, 'zh')}`, (i) => `a rate may not be negative; received ${got(i, 'en')}`),
  rateAsFraction: refinement(
    (i) => `利率应以小数表示，不是百分数：收到 ${got(i, 'zh')}，即年利率 ${rate(i.received)}；年利率 1.35% 应写作 0.0135`,
    (i) => `rates are fractions, not percentages: ${got(i, 'en')} means ${rate(i.received)} a year; write 0.0135 for 1.35%`,
  ),
  shareAsFraction: refinement((i) => `比例应为 0 到 1 之间的小数（0.25 即 25%），收到 ${got(i, 'zh')}`, (i) => `a share is a fraction between 0 and 1 (0.25 = 25%); received ${got(i, 'en')}`),
  monthKey: refinement((i) => `月份应为 YYYY-MM（月份 01–12），收到 ${got(i, 'zh')}`, (i) => `a month is YYYY-MM with a month 01..12; received ${got(i, 'en')}`),
  isoDate: refinement((i) => `日期应为 YYYY-MM-DD，且须是日历上存在的日子，收到 ${got(i, 'zh')}`, (i) => `a day is YYYY-MM-DD and must exist in the calendar; received ${got(i, 'en')}`),
  identifier: refinement((i) => `标识应为 1–64 个英文字母、数字、- 或 _，以字母开头，收到 ${got(i, 'zh')}`, (i) => `an id is 1–64 letters, digits, - or _, starting with a letter; received ${got(i, 'en')}`),
  couponFrequency: refinement((i) => `每年付息次数应为 0（到期一次付息）或 1、2、3、4、6、12，收到 ${got(i, 'zh')}`, (i) => `coupons a year are 0 (at maturity) or 1, 2, 3, 4, 6 or 12; received ${got(i, 'en')}`),
  tenderMarkRange: refinement((i) => `评分应在 0 到 100 之间，收到 ${got(i, 'zh')}`, (i) => `a mark is between 0 and 100; received ${got(i, 'en')}`),
  oneBidPerBank: w(
    (i, names) => `${at(i, names, 'zh')}${valueText(got(i, 'zh'), names, 'zh')}已投过标：每家银行只能有一份投标`,
    (i, names) => `${at(i, names, 'en')}${valueText(got(i, 'en'), names, 'en')} has already bid: one bid per bank`,
  ),
  tenderInHorizon: w(
    (i) => `招标月份 ${got(i, 'zh')} 不在规划期内`,
    (i) => `the tender's month ${got(i, 'en')} is outside the horizon`,
  ),
  tenderSection: w(
    () => '情景中没有招标设置（tender：权重与各行投标），无法评分与分配',
    () => 'the scenario has no tender section (tender: weights and bids) to score and allocate',
  ),
};

// ── the catalogue's surface ─────────────────────────────────────────────────────────────────────────────────────

/** What the catalogue words: every rule's name and every code's sentence (for the completeness test and for docs). */
export const issueCatalogue: { readonly rules: Readonly<Record<string, Record<Lang, string>>>; readonly codes: Readonly<Record<string, IssueWording>> } = { rules: RULE_NAMES, codes: CODE_TEXT };

const isImportIssue = (issue: DomainIssue): issue is ImportIssue => typeof (issue as { expected?: unknown }).expected === 'string';

/**
 * An issue in one sentence in `lang`, with banks, fund types, products and accounts by name, money in 万元 with
 * thousands separators and rates as percentages; no rule id (that is for `--json` and {@link issueDetail}). An import
 * issue is worded by the import's own catalogue.
 * @param names - from the scenario ({@link namesOf}); ids are shown where it is left out
 * @example issueText({ code: 'invalid_format', rule: 'rateAsFraction', path: ['banks', 0, 'quotes', 0, 'annualRate'], received: '5', message: '…' }, 'zh', namesOf(sample, 'zh'))
 * //=> '中国工商银行示例县支行的活期存款报价：利率应以小数表示，不是百分数：收到 5，即年利率 500.00%；年利率 1.35% 应写作 0.0135'
 */
export function issueText(issue: DomainIssue, lang: Lang, names: Names = ID_NAMES): string {
  if (isImportIssue(issue)) return importIssueText(issue, lang);
  const wording = RULE_TEXT[issue.rule] ?? CODE_TEXT[issue.code];
  if (wording) return wording[lang](issue, names);
  // Not in the catalogue (the completeness test keeps this for codes from outside the engine, e.g. the API's own).
  return lang === 'zh' ? `${ruleName(issue.rule, 'zh')}${issue.received !== undefined ? `：收到 ${issue.received}` : ''}` : issue.message;
}

/**
 * The facts behind an issue for a `--verbose` view and for debugging: the rule and code ids, the value received,
 * the limit, and core's English message.
 * @example issueDetail({ code: 'invalid_format', rule: 'rateAsFraction', received: '5', message: 'rates are fractions …', path: [] }, 'zh')
 * //=> 'rateAsFraction · invalid_format；收到 5；core: rates are fractions …'
 */
export function issueDetail(issue: DomainIssue, lang: Lang): string {
  const zh = lang === 'zh';
  return [
    `${issue.rule} · ${issue.code}`,
    issue.received !== undefined ? `${zh ? '收到' : 'received'} ${issue.received}` : undefined,
    issue.limit !== undefined ? `${zh ? '限值' : 'limit'} ${issue.limit}` : undefined,
    issue.message ? `core: ${issue.message}` : undefined,
  ].filter(Boolean).join(zh ? '；' : '; ');
}

/**
 * One issue on one line, zod-style: `✖ sentence → 位置 path` (`⚠` for a warning; no place for an issue about the whole
 * input); `verbose` adds the facts in brackets ({@link issueDetail}).
 * @example issueLine(rateIssue, 'en', names) //=> "✖ 中国工商银行示例县支行's demand deposit quote: rates are fractions, not percentages: … → at banks[0].quotes[0].annualRate"
 */
export function issueLine(issue: DomainIssue, lang: Lang, names: Names = ID_NAMES, options: { verbose?: boolean } = {}): string {
  const where = issue.path.length ? ` → ${lang === 'zh' ? '位置' : 'at'} ${formatPath(issue.path)}` : '';
  const detail = options.verbose ? ` [${issueDetail(issue, lang)}]` : '';
  return `${issue.severity === 'warning' ? '⚠' : '✖'} ${issueText(issue, lang, names)}${where}${detail}`;
}

/**
 * The issue with its sentence in both languages ({@link issueText}) as `text`, for a result whose issues a front end
 * without the catalogue shows (the web app reads `text`, as on the API's problems).
 * @param names - from the scenario ({@link namesOf}) in each language; ids are shown where they are left out
 * @example wordIssue({ code: 'infeasible', path: ['scenario'], rule: 'feasibility', message: 'no plan keeps every rule …' }).text.zh
 * //=> '没有任何计划能在此情景下满足全部规则'
 */
export function wordIssue<T extends DomainIssue>(issue: T, names: Readonly<Record<Lang, Names>> = { zh: ID_NAMES, en: ID_NAMES }): T & { readonly text: { readonly zh: string; readonly en: string } } {
  return { ...issue, text: { zh: issueText(issue, 'zh', names.zh), en: issueText(issue, 'en', names.en) } };
}

/** Why a bank or product gets no new money (the optimizer's exclusions), as the result carries it. */
export interface ExclusionFacts {
  readonly bankId?: string;
  readonly product?: string;
  readonly termMonths?: number;
  readonly rule: string;
  readonly received?: string;
  readonly limit?: string;
  readonly reason: string;
}

/**
 * An exclusion in words: which bank or product and term, and the rule that rules it out.
 * @example exclusionLine({ product: 'govBond', termMonths: 84, rule: 'maxTerm', limit: '60', reason: '…' }, 'zh', names) //=> '84 个月的国债：超过政策最长期限 60 个月'
 */
export function exclusionLine(e: ExclusionFacts, lang: Lang, names: Names = ID_NAMES): string {
  const zh = lang === 'zh';
  const what = e.bankId !== undefined
    ? names.bank(e.bankId)
    : e.product !== undefined
      ? zh ? `${e.termMonths !== undefined ? `${e.termMonths} 个月的` : ''}${names.product(e.product)}` : `${e.termMonths !== undefined ? `${e.termMonths}-month ` : ''}${names.product(e.product)}`
      : '';
  const why = ((): string => {
    switch (e.rule) {
      case 'maxTerm':
        return zh ? `超过政策最长期限${e.limit ? ` ${e.limit} 个月` : ''}` : `longer than the policy's maximum${e.limit ? ` of ${e.limit} months` : ''}`;
      case 'matureWithinHorizon':
        return zh
          ? `${e.received ? `${e.received} 之后` : '任何月份'}存放都将在规划期末 ${e.limit ?? ''} 之后到期（政策要求规划期内到期）`
          : `placed ${e.received ? `after ${e.received}` : 'in any month'} it would mature after the horizon end ${e.limit ?? ''} (the policy wants maturity within the horizon)`;
      case 'productAllowed':
        return zh ? '政策不允许该产品' : 'the policy does not allow it';
      case 'suspendedBankNoNewMoney':
        return zh ? '已暂停新增存款，不向其新存' : 'suspended: no new money';
      case 'minQuoteRate':
        return zh ? `${e.received ?? ''} 条报价低于最低报价利率 ${rate(e.limit)}，不用这些报价` : `${e.received ?? ''} quote(s) below the minimum quote rate ${rate(e.limit)} are not used`;
      default:
        return ruleName(e.rule, lang);
    }
  })();
  return `${what}${zh ? '：' : ': '}${why}`;
}

/** A plan's status (optimal, infeasible …) in words. */
const STATUS_NAMES: Record<string, Record<Lang, string>> = {
  optimal: n('最优', 'optimal'),
  infeasible: n('不可行（没有计划能满足全部规则）', 'infeasible (no plan keeps every rule)'),
  error: n('出错', 'error'),
  tooFewPaths: n('情景数不足', 'too few paths'),
  timeLimit: n('超时', 'time limit'),
  unbounded: n('无界', 'unbounded'),
};

/**
 * A solve's status in words; an unknown status as itself.
 * @example statusName('infeasible', 'zh') //=> '不可行（没有计划能满足全部规则）'
 */
export function statusName(status: string, lang: Lang): string {
  return STATUS_NAMES[status]?.[lang] ?? status;
}
