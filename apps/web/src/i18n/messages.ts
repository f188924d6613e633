// The web app's words: Chinese first, English beside it. The Chinese catalogue defines the keys and the arguments of
// every message; the English one must have the same (a missing or extra key, or a different signature, is a type
// error) — the typed-keys idea of excalidraw's i18n.ts, without a framework. Fund types and products are named by the
// application layer's catalogue itself (`namesFor` through `@fundladder/app/wire`, engine-free; docs/web.md §1,
// "Names"); the names of caps follow packages/app/src/messages (the CLI's words).
import { FUND_TYPES, namesFor, PRODUCT_KINDS } from '@fundladder/app/wire';
import type { Lang } from '../format/money';
import { dataEn, dataZh } from '../features/data/messages';
import { forecastEn, forecastZh } from '../features/forecast/messages';
import { actualsEn, actualsZh } from '../features/actuals/messages';
import { overviewEn, overviewZh } from '../features/overview/messages';
import { planEn, planZh } from '../features/plan/messages';
import { compareEn, compareZh } from '../features/compare/messages';
import { approvalEn, approvalZh } from '../features/approval/messages';

export type { Lang };

const zh = {
  appName: '社保基金存放规划',
  appTagline: '先保支付，再求收益',
  switchLanguage: 'English',
  signOut: '退出',
  signedInAs: (name: string) => `已登录：${name}`,
  loading: '加载中…',
  retry: '重试',
  errorTitle: '出错了',
  errorDetail: (code: string, status: number) => `错误代码 ${code}${status ? `（HTTP ${status}）` : ''}`,
  networkError: '连不上服务器：请确认 npm start 仍在运行。',
  invalidResponse: '服务器返回的数据格式不对（可能前后端版本不一致）：',
  notFoundTitle: '没有这个页面',
  allFunds: '全部基金',

  signInTitle: '登录',
  signInLinkHint: '最简单的办法：在运行 npm start 的终端里打开它打印的一次性登录链接。',
  signInFormHint: '也可以用管理员为您创建的用户名和密码登录。',
  userName: '用户名',
  password: '密码',
  signInButton: '登录',
  signingIn: '正在登录…',
  badCredentials: '用户名或密码不对。',
  rateLimited: '尝试次数太多，请稍后再试。',

  fundsTitle: '基金',
  fundsEmpty: '您还没有任何基金的权限：请基金管理员为您授予角色。',
  yourRole: (role: string) => `您的角色：${role}`,

  scenariosTitle: '方案与版本',
  scenariosEmpty: '这个基金还没有方案。导入数据或通过 API 保存第一个版本后，就可以在这里为它制定存放计划。',
  versionLabel: (n: number) => `第 ${n} 版`,
  latestVersion: '最新',
  versionBy: (who: string, when: string) => `${who} · ${when}`,
  noNote: '（无说明）',
  optimize: '优化',
  optimizeHint: '为这个版本制定存放计划：先保证各险种按时足额支付，再使利息最多。',
  optionPaths: '样本外检验情景数',
  optionPlanningPaths: '规划情景数',
  optionSeed: '随机种子',
  optionDefault: (n: number) => `默认 ${n}`,
  optionsInvalid: '请填写整数：检验情景 ≥ 0，规划情景 ≥ 0，种子 ≥ 0。',
  needPlanner: '需要“规划”及以上角色才能运行。',
  reused: '同样的请求已经运行过：这是那次的结果。',

  runsTitle: '最近的运行',
  runsEmpty: '还没有运行。点某个方案版本旁的“优化”，制定第一个存放计划。',
  runId: '编号',
  runKindColumn: '类型',
  runVersions: '方案版本',
  runStateColumn: '状态',
  runBy: '提交人',
  runCreated: '提交时间',
  runFinished: '完成时间',
  viewPlan: '查看计划',
  cancel: '取消',
  cancelling: '正在取消…',
  progressLabel: (stage: string, done: number, total: number) => `${stage}：${done} / ${total}`,
  progressWaiting: '等待开始…',
  runEnded: (state: string) => `运行结束：${state}`,

  planTitle: '存放计划',
  planOf: (scenario: string) => `方案：${scenario}`,
  backToOverview: '返回基金概览',
  runNotFinished: '这个运行还没有完成，完成后这里显示计划。',
  runFailed: '这个运行没有得到结果：',
  notOptimizeRun: (kind: string) => `这是一次“${kind}”运行：它的页面还没有做好，目前只有优化运行可以在这里查看。`,
  noPlanTitle: '没有可行的计划',
  noPlanBody: '需要放宽的地方：',
  shortfallLine: (month: string, rule: string, where: string, short: string) => `${month} ${where}${rule}：缺 ${short}`,

  verdictTitle: '安全结论',
  verdictSafe: (observed: string, target: string, confidence: string) => `达到目标：样本外由计划造成缺口的概率 ${observed}，不高于目标 ${target}（置信度 ${confidence}）`,
  verdictUnsafe: (observed: string, target: string) => `未达到目标：样本外由计划造成缺口的概率 ${observed}，高于目标 ${target}`,
  verdictMeanOnly: '置信度为 0：计划只按平均流量制定，未按预测情景保障支付',
  verdictNoStress: '这个结果没有样本外检验，无法给出安全结论。',
  payoutGap: '某险种某日无法按时足额支付的概率',
  firstQuarter: '头一个季度',
  wholeHorizon: (months: number) => `整个规划期（${months} 个月）`,
  planCaused: '其中由计划造成',
  structural: '结构性缺口（即使一分钱不存放也会出现）',
  outOfSampleNote: (paths: number, distinct: number, planning: number) => `样本外检验：${paths} 条预测情景（${distinct} 条互不相同）；计划只按另外独立抽取的 ${planning} 条情景制定。`,
  inSampleNote: (paths: number) => `检验用的 ${paths} 条情景不是独立抽取的（非样本外）。`,
  byFundTypeTitle: '分险种',
  byFundTypeNote: '未列出的险种在所有检验情景中都没有缺口。',
  byFundTypeNone: '在所有检验情景中，没有任何险种出现缺口。',
  fundTypeColumn: '险种',
  colPlanCausedQ1: '由计划造成（头一个季度）',
  colPlanCaused: '由计划造成（整个规划期）',
  colStructural: '结构性缺口',
  structuralNote: (fund: string, share: string, month: string, short: string) => `${fund}自己的钱在 ${share} 的情景中不够支付（中位首次月份 ${month}，缺口中位数 ${short}）：需要调剂金或财政补助，存放计划无法弥补，也不是计划造成的。`,

  interestTitle: '利息与安全的代价',
  interestLedger: '规划期利息（精确账本）',
  interestMeanPlan: '只按平均流量制定的计划的利息',
  costOfSafety: '为安全少得的利息',
  interestExpected: '样本外情景上的期望利息',
  interestP5: '5% 分位数（较差情形）',
  annualYield: '年增殖率',
  monthsPayable: '期末可支付月数',
  monthsValue: (n: string) => `${n} 个月`,

  actionsTitle: (from: string, to: string) => `下一季度操作清单（${from} 至 ${to}）`,
  actionsNone: '下一季度没有新的存放。',
  placementsCaption: '新存放（同月、同行、同产品、同期限合并）',
  maturitiesCaption: (n: number) => `到期收回 ${n} 笔`,
  maturitiesNone: '下一季度没有到期。',
  colMonth: '月份',
  colDate: '日期',
  colBank: '银行',
  colProduct: '产品',
  colTerm: '期限',
  termMonths: (n: number) => `${n} 个月`,
  colRate: '利率',
  colAmount: (unit: string) => `金额（${unit}）`,
  colPrincipal: (unit: string) => `本金（${unit}）`,
  colInterest: (unit: string) => `利息（${unit}）`,
  colBackIn: '收回月份',
  colFunds: '险种',
  colWhy: '原因',
  reasonBestRate: (rate: string) => `该期限当月最高利率 ${rate}`,
  reasonHeldByCap: (bp: number, bank: string, cap: string) => `比最高利率低 ${bp} 个基点：利率更高的 ${bank} 受${cap}约束`,
  reasonAtCap: (bp: number) => `比最高利率低 ${bp} 个基点：利率更高的银行已用足其上限或最低起存额`,
  bondIssuer: '国债',

  ladderTitle: '流动性缺口阶梯',
  ladderNote: '按月：流入在零线以上，流出在零线以下；折线为月末流动资金（期初加各月净流入的累计），虚线为储备下限。',
  ladderEmpty: '这个结果没有逐月账本，无法画流动性阶梯。',
  seriesInflows: '缴费等收入',
  seriesMatured: '到期收回',
  seriesInterest: '利息收入',
  seriesOutflows: '待遇支出',
  seriesPlaced: '新存放',
  seriesLiquid: '月末流动资金（累计缺口）',
  seriesReserve: '储备下限',

  capsTitle: '各银行上限使用',
  capsNote: '规划期内每家银行对每个上限的最高使用率；80% 预警，100% 为上限。',
  capsEmpty: '这个结果没有上限使用数据。',
  capA: '上限A（占当月新增25%）',
  capB: '上限B（占其一般性存款20%）',
  capC: '上限C（占基金定期20%）',
  capWarn: '预警 80%',
  capAlarm: '上限 100%',
  capsAtAlarm: (banks: string) => `已到上限：${banks}`,
  capsAtWarn: (banks: string) => `超过 80%：${banks}`,

  bindingTitle: '起约束作用的规则及其代价',
  bindingNoDuals: '没有对偶解（混合整数或求解器未给出），无法给出影子价格。',
  bindingNothing: '没有规则约束结果：利率本身决定了计划。',
  bindingReserve: (months: number, cost: string) => `流动性储备在 ${months} 个月起约束作用：每多留 1 个月支出的储备，约少得 ${cost}利息`,
  bindingCap: (month: string, bank: string, cap: string, gain: string) => `${month} ${bank} 的${cap}：放宽 1 亿元约多得 ${gain}利息`,
  bindingMore: (count: number) => `另有 ${count} 条上限约束起作用`,
  chartLabel: (title: string) => `图表：${title}`,
  ...dataZh,
  ...forecastZh,
  ...actualsZh,
  ...overviewZh, ...planZh, ...compareZh, ...approvalZh,
};

/** Every message the app shows, with its arguments (the Chinese catalogue's shape). */
export type Messages = typeof zh;

const en: Messages = {
  appName: 'Fund deposit planning',
  appTagline: 'Payouts safe first, then interest',
  switchLanguage: '中文',
  signOut: 'Sign out',
  signedInAs: (name) => `Signed in: ${name}`,
  loading: 'Loading…',
  retry: 'Retry',
  errorTitle: 'Something went wrong',
  errorDetail: (code, status) => `error code ${code}${status ? ` (HTTP ${status})` : ''}`,
  networkError: 'Cannot reach the server: is npm start still running?',
  invalidResponse: 'The server’s answer has an unexpected shape (the app and the API may be of different versions):',
  notFoundTitle: 'No such page',
  allFunds: 'All funds',

  signInTitle: 'Sign in',
  signInLinkHint: 'The easy way: open the one-time sign-in link that npm start printed in its terminal.',
  signInFormHint: 'Or sign in with the name and password an administrator created for you.',
  userName: 'Name',
  password: 'Password',
  signInButton: 'Sign in',
  signingIn: 'Signing in…',
  badCredentials: 'Unknown name or wrong password.',
  rateLimited: 'Too many attempts: wait a while and try again.',

  fundsTitle: 'Funds',
  fundsEmpty: 'You hold no role in any fund yet: ask a fund administrator to give you one.',
  yourRole: (role) => `Your role: ${role}`,

  scenariosTitle: 'Scenarios and versions',
  scenariosEmpty: 'This fund has no scenario yet. Import data or save a first version through the API, then plan it here.',
  versionLabel: (n) => `version ${n}`,
  latestVersion: 'latest',
  versionBy: (who, when) => `${who} · ${when}`,
  noNote: '(no note)',
  optimize: 'Optimize',
  optimizeHint: 'Plan this version: every fund type pays every payout on its day first, then the most interest.',
  optionPaths: 'Check paths (out of sample)',
  optionPlanningPaths: 'Planning paths',
  optionSeed: 'Seed',
  optionDefault: (n) => `default ${n}`,
  optionsInvalid: 'Whole numbers please: check paths ≥ 0, planning paths ≥ 0, seed ≥ 0.',
  needPlanner: 'Running needs the planner role or above.',
  reused: 'The same request ran before: this is its run.',

  runsTitle: 'Latest runs',
  runsEmpty: 'No runs yet. Press “Optimize” beside a scenario version to make the first plan.',
  runId: 'No.',
  runKindColumn: 'Kind',
  runVersions: 'Scenario version',
  runStateColumn: 'State',
  runBy: 'By',
  runCreated: 'Submitted',
  runFinished: 'Finished',
  viewPlan: 'View plan',
  cancel: 'Cancel',
  cancelling: 'Cancelling…',
  progressLabel: (stage, done, total) => `${stage}: ${done} / ${total}`,
  progressWaiting: 'Waiting to start…',
  runEnded: (state) => `Run ended: ${state}`,

  planTitle: 'Deposit plan',
  planOf: (scenario) => `Scenario: ${scenario}`,
  backToOverview: 'Back to the fund',
  runNotFinished: 'This run has not finished; its plan appears here when it has.',
  runFailed: 'This run gave no result:',
  notOptimizeRun: (kind) => `This is a “${kind}” run: its screen is not built yet; only optimize runs can be viewed here so far.`,
  noPlanTitle: 'No feasible plan',
  noPlanBody: 'Where the rules must bend:',
  shortfallLine: (month, rule, where, short) => `${month} ${where}${rule}: short by ${short}`,

  verdictTitle: 'Safety verdict',
  verdictSafe: (observed, target, confidence) => `Target met: out of sample the plan causes a gap with probability ${observed}, within the target ${target} (confidence ${confidence})`,
  verdictUnsafe: (observed, target) => `Target missed: out of sample the plan causes a gap with probability ${observed}, above the target ${target}`,
  verdictMeanOnly: 'Confidence 0: the plan follows the mean flows only; payouts are not protected on the forecast paths',
  verdictNoStress: 'This result has no out-of-sample check: no verdict can be given.',
  payoutGap: 'Probability that some fund type cannot pay in full on the day',
  firstQuarter: 'First quarter',
  wholeHorizon: (months) => `Whole horizon (${months} months)`,
  planCaused: 'of which caused by the plan',
  structural: 'Structural gap (even with nothing placed)',
  outOfSampleNote: (paths, distinct, planning) => `Out of sample: ${paths} forecast paths (${distinct} distinct); the plan was fitted to ${planning} other, independently drawn paths.`,
  inSampleNote: (paths) => `The ${paths} check paths were not drawn apart from the planning paths (not out of sample).`,
  byFundTypeTitle: 'By fund type',
  byFundTypeNote: 'Fund types not listed had no gap on any check path.',
  byFundTypeNone: 'No fund type had a gap on any check path.',
  fundTypeColumn: 'Fund type',
  colPlanCausedQ1: 'Caused by the plan, first quarter',
  colPlanCaused: 'Caused by the plan, whole horizon',
  colStructural: 'Structural gap',
  structuralNote: (fund, share, month, short) => `${fund}'s own money falls short on ${share} of paths (median first month ${month}, median gap ${short}) even with nothing placed: a transfer from the adjustment fund or a fiscal subsidy is needed; no placement cures it, and the plan did not cause it.`,

  interestTitle: 'Interest and the cost of safety',
  interestLedger: 'Interest over the horizon (exact ledger)',
  interestMeanPlan: 'Interest of the mean-flow plan',
  costOfSafety: 'Interest given up for safety',
  interestExpected: 'Expected interest on the check paths',
  interestP5: '5th percentile (a bad case)',
  annualYield: 'Annual yield',
  monthsPayable: 'Months of payouts held at the end',
  monthsValue: (n) => `${n} months`,

  actionsTitle: (from, to) => `Next quarter, to do (${from} to ${to})`,
  actionsNone: 'No new placements next quarter.',
  placementsCaption: 'New placements (same month, bank, product and term together)',
  maturitiesCaption: (n) => `${n} deposit(s) or bond(s) come back`,
  maturitiesNone: 'Nothing matures next quarter.',
  colMonth: 'Month',
  colDate: 'Date',
  colBank: 'Bank',
  colProduct: 'Product',
  colTerm: 'Term',
  termMonths: (n) => `${n} months`,
  colRate: 'Rate',
  colAmount: (unit) => `Amount (${unit})`,
  colPrincipal: (unit) => `Principal (${unit})`,
  colInterest: (unit) => `Interest (${unit})`,
  colBackIn: 'Back in',
  colFunds: 'Fund types',
  colWhy: 'Why',
  reasonBestRate: (rate) => `the best rate for this term that month, ${rate}`,
  reasonHeldByCap: (bp, bank, cap) => `${bp} bp below the best: ${bank}, which pays more, is held by ${cap}`,
  reasonAtCap: (bp) => `${bp} bp below the best: the banks that pay more are at a cap or a minimum`,
  bondIssuer: 'government bond',

  ladderTitle: 'Liquidity gap ladder',
  ladderNote: 'By month: inflows above zero, outflows below; the line is the month-end liquid money (the opening balance plus the cumulative net flow), the dashed line the reserve floor.',
  ladderEmpty: 'This result has no monthly ledger: no ladder to draw.',
  seriesInflows: 'Contributions and other inflows',
  seriesMatured: 'Maturities',
  seriesInterest: 'Interest received',
  seriesOutflows: 'Payouts',
  seriesPlaced: 'New placements',
  seriesLiquid: 'Month-end liquid money (cumulative gap)',
  seriesReserve: 'Reserve floor',

  capsTitle: 'Each bank’s use of its caps',
  capsNote: 'Each bank’s highest use of each cap over the horizon; warning at 80%, the cap at 100%.',
  capsEmpty: 'This result carries no cap use.',
  capA: 'cap A (25% of the month’s tranche)',
  capB: 'cap B (20% of its local deposits)',
  capC: 'cap C (20% of the fund’s time deposits)',
  capWarn: 'warning 80%',
  capAlarm: 'cap 100%',
  capsAtAlarm: (banks) => `At the cap: ${banks}`,
  capsAtWarn: (banks) => `Above 80%: ${banks}`,

  bindingTitle: 'Rules that bind, and what they cost',
  bindingNoDuals: 'No duals (a MIP, or the solver gave none): no shadow prices to report.',
  bindingNothing: 'No rule binds: the rates alone decide the plan.',
  bindingReserve: (months, cost) => `The liquidity reserve binds in ${months} month(s): each extra month of payouts kept in reserve costs about ${cost} of interest`,
  bindingCap: (month, bank, cap, gain) => `${cap} at ${bank} in ${month}: raising it by CNY 100 m would add about ${gain} of interest`,
  bindingMore: (count) => `${count} more binding cap rows`,
  chartLabel: (title) => `Chart: ${title}`,
  ...dataEn,
  ...forecastEn,
  ...actualsEn,
  ...overviewEn, ...planEn, ...compareEn, ...approvalEn,
};

export const MESSAGES: Record<Lang, Messages> = { zh, en };

/** Names of things the API sends by id: fund types, products, caps, run kinds, states and progress stages. */
export interface NameTables {
  fundType: Record<string, string>;
  product: Record<string, string>;
  capRule: Record<string, string>;
  runKind: Record<string, string>;
  runState: Record<string, string>;
  stage: Record<string, string>;
  role: Record<string, string>;
}

/**
 * Fund types and products in `lang` as the application layer's catalogue names them (packages/app/src/messages/names.ts,
 * the CLI's words; the fund types' Chinese names are core's statutory ones), one entry per id the app layer knows.
 * @example catalogueNames('zh').product.timeDeposit //=> '定期存款'
 */
function catalogueNames(lang: Lang): Pick<NameTables, 'fundType' | 'product'> {
  const names = namesFor(new Map(), lang);
  return { fundType: Object.fromEntries(FUND_TYPES.map((id) => [id, names.fundType(id)])), product: Object.fromEntries(PRODUCT_KINDS.map((kind) => [kind, names.product(kind)])) };
}

export const NAMES: Record<Lang, NameTables> = {
  zh: {
    ...catalogueNames('zh'),
    capRule: { trancheShareCap: zh.capA, bankLocalDepositCap: zh.capB, fundTimeDepositShareCap: zh.capC, maxBondShare: '国债占比上限' },
    runKind: { optimize: '优化', evaluate: '评估', forecast: '预测', backtest: '回测', compare: '比较', interest: '计息', validate: '校验', tender: '招标分配', replay: '复盘', auditInterest: '利息复核' },
    runState: { queued: '排队中', running: '运行中', done: '已完成', failed: '失败', cancelled: '已取消' },
    stage: { paths: '生成预测情景', optimize: '求解', nothingPlaced: '不存放时的基准检验', check: '样本外检验', meanCheck: '平均流量计划的检验', frontier: '置信度前沿', rolling: '滚动规划', forecast: '预测', backtest: '回测', calibration: '校准', actual: '在实际收支上重算', hindsight: '事后最优' },
    role: { viewer: '查看', planner: '规划', approver: '审批', admin: '管理' },
  },
  en: {
    ...catalogueNames('en'),
    capRule: { trancheShareCap: en.capA, bankLocalDepositCap: en.capB, fundTimeDepositShareCap: en.capC, maxBondShare: 'the bond-share limit' },
    runKind: { optimize: 'optimize', evaluate: 'evaluate', forecast: 'forecast', backtest: 'backtest', compare: 'compare', interest: 'interest', validate: 'validate', tender: 'tender', replay: 'replay', auditInterest: 'interest audit' },
    runState: { queued: 'queued', running: 'running', done: 'done', failed: 'failed', cancelled: 'cancelled' },
    stage: { paths: 'drawing forecast paths', optimize: 'solving', nothingPlaced: 'checking with nothing placed', check: 'out-of-sample check', meanCheck: 'checking the mean-flow plan', frontier: 'confidence frontier', rolling: 'rolling re-planning', forecast: 'forecast', backtest: 'backtest', calibration: 'calibration', actual: 'recomputing on the actual flows', hindsight: 'hindsight' },
    role: { viewer: 'viewer', planner: 'planner', approver: 'approver', admin: 'admin' },
  },
};

/** A name from a table, or the id itself when the table has none (a new kind the app does not know yet). */
export function nameOf(table: Record<string, string>, id: string): string {
  return table[id] ?? id;
}
