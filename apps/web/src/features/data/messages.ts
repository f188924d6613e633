// The Data screen's words, Chinese first; merged into the app's catalogue (src/i18n/messages.ts). The English object
// must have the same keys and signatures (a type error otherwise; messages.test.ts checks the keys at run time too).
import type { FieldError } from './scenarioEdit';

const fieldProblemZh = (e: FieldError): string => {
  switch (e.problem) {
    case 'empty':
      return '必填';
    case 'notANumber':
      return '不是数字（可写 1,234.56，或带单位 12.5万、3.2亿）';
    case 'tooPrecise':
      return `最多 ${e.maxPlaces ?? 2} 位小数（金额精确到分）`;
    case 'negative':
      return '不能为负数';
    case 'notAnInteger':
      return '应为整数';
    case 'outOfRange':
      return `应在 ${e.min ?? ''} 到 ${e.max ?? ''} 之间`;
    case 'notADate':
      return '应为日期，如 2026-01-31';
    case 'notAChoice':
      return '不在可选范围内';
  }
};

const fieldProblemEn = (e: FieldError): string => {
  switch (e.problem) {
    case 'empty':
      return 'required';
    case 'notANumber':
      return 'not a number (write 1,234.56, or with a unit: 12.5万, 3.2亿)';
    case 'tooPrecise':
      return `at most ${e.maxPlaces ?? 2} decimals (money is exact to the fen)`;
    case 'negative':
      return 'cannot be negative';
    case 'notAnInteger':
      return 'a whole number';
    case 'outOfRange':
      return `from ${e.min ?? ''} to ${e.max ?? ''}`;
    case 'notADate':
      return 'a date such as 2026-01-31';
    case 'notAChoice':
      return 'not one of the choices';
  }
};

export const dataZh = {
  navFund: '基金内页面',
  navOverview: '概览',
  navData: '数据',
  dataTitle: '数据：导入与编辑',
  dataIntro: '导入财务系统导出的表格，或直接修改银行、报价、持仓和政策。每次保存都生成方案的一个新版本；旧版本不变，已有的运行仍以它们为准。',
  dataScenario: '方案',
  dataLatest: (n: number) => `最新为第 ${n} 版`,
  dataEmpty: '这个基金还没有方案：在下方导入表格，新建第一个方案。',
  dataNeedPlanner: '需要“规划”及以上角色才能导入或修改；您可以查看。',

  importTitle: '导入 CSV / XLSX',
  importHint: '表格按财务系统导出的样子直接上传（GBK 或 UTF-8，表头注明万元/亿元，2025年1月 这样的月份均可）。先预览将要发生的改动，确认后再保存。',
  importInto: '导入到',
  importNewScenario: '新建方案',
  importNewName: '新方案名称',
  importPart: { history: '收支历史', flows: '预计收支（预算）', banks: '银行及报价', quotes: '报价', accounts: '账户', holdings: '持仓' } as Record<string, string>,
  importUnit: '未注明单位的金额列按',
  importUnitAuto: '表头注明的单位',
  unitName: { wan: '万元', yi: '亿元', yuan: '元' } as Record<string, string>,
  importPreview: '预览改动',
  importReading: '正在读取…',
  importSave: '保存为新版本',
  importSaving: '正在保存…',
  importNoFiles: '请至少选择一个文件。',
  importNoName: '请为新方案取一个名称。',
  importChanged: '文件或选项已改动：请重新预览后再保存。',
  importChangesTitle: '将要发生的改动',
  importTablesTitle: '读到的表',
  importTableLine: (part: string, file: string, records: number) => `${part}：${file}，${records} 行`,
  importNotesTitle: '说明（未阻止导入）',
  importRefused: (n: number) => `没有保存任何内容：${n} 处问题，按文件和行列出。改好文件后重新选择并预览。`,
  importRow: (file: string, row: number) => `${file} 第 ${row} 行`,
  importFile: (file: string) => `${file}（整个文件）`,
  importColumn: (column: string) => `列“${column}”`,
  importRowAsFiled: '文件中的这一行：',
  importSaved: (n: number) => `已保存为第 ${n} 版。`,

  editTitle: '修改',
  editHint: '金额按万元（银行一般性存款按亿元）输入，可带千分位；利率按 % 输入。改过的格子有标记；保存前逐格检查，保存时由服务器按方案规则再检查，问题标在对应的格子上。',
  editTabs: '要修改的部分',
  editBanks: '银行',
  editQuotes: '报价',
  editHoldings: '持仓',
  editPolicy: '政策',
  colBankId: '标识',
  colBankName: '名称',
  colStatus: '状态',
  bankStatus: { eligible: '可存放', suspended: '暂停新增' } as Record<string, string>,
  colLocalDeposits: '一般性存款（亿元）',
  colQuoteCount: '报价数',
  quotesOfBank: '银行',
  colEffectiveFrom: '生效日期',
  colRatePercent: '年利率（%）',
  colHoldingId: '编号',
  colPrincipalWan: '本金（万元）',
  colStartDate: '起存日',
  colTermMonths: '期限（月）',
  policyName: {
    reserveMonths: '流动性储备：留足几个月的支出',
    reserveAmount: '流动性储备（万元）',
    trancheShare: '上限A：单家银行占当月新增定期（%）',
    bankLocalDepositShare: '上限B：占该行一般性存款（%）',
    fundTimeDepositShare: '上限C：占基金定期存款（%）',
    minBanks: '最少存放银行数',
    maxTermMonths: '最长期限（月）',
  } as Record<string, string>,
  editNote: '修改说明（记入新版本）',
  editNoteDefault: '在网页上修改',
  editSave: '保存为新版本',
  editSaving: '正在保存…',
  editDiscard: '放弃修改',
  editChangesTitle: '本次修改',
  editCount: (n: number) => (n === 0 ? '还没有修改。' : `已修改 ${n} 处。`),
  editFixFirst: (n: number) => `${n} 处输入无法读取，已标在格子旁：请先改正。`,
  editRefused: '服务器按方案规则拒绝了这次保存，什么都没有保存。问题已标在对应的格子上：',
  editElsewhere: '其他问题：',
  editStale: (latest: string) => `别人已经修改了这个方案（最新为第 ${latest} 版），您的修改没有保存。请重新加载最新版本后再改。`,
  editReload: '重新加载',
  editSaved: (n: number) => `已保存为第 ${n} 版。`,
  edited: '已修改',
  fieldProblem: fieldProblemZh,
};

export type DataMessages = typeof dataZh;

export const dataEn: DataMessages = {
  navFund: 'Fund pages',
  navOverview: 'Overview',
  navData: 'Data',
  dataTitle: 'Data: import and edit',
  dataIntro: 'Import the tables your finance system exports, or change banks, quotes, holdings and policy here. Every save makes a new version of the scenario; the old version stays as it was, and the runs made on it still stand.',
  dataScenario: 'Scenario',
  dataLatest: (n) => `latest: version ${n}`,
  dataEmpty: 'This fund has no scenario yet: import tables below to make the first one.',
  dataNeedPlanner: 'Importing and editing need the planner role or above; you can look.',

  importTitle: 'Import CSV / XLSX',
  importHint: 'Upload the tables as your finance system exports them (GBK or UTF-8, 万元/亿元 declared in the header, months like 2025年1月). Preview what changes first, then save.',
  importInto: 'Import into',
  importNewScenario: 'a new scenario',
  importNewName: 'Name of the new scenario',
  importPart: { history: 'Flow history', flows: 'Expected flows (budget)', banks: 'Banks and quotes', quotes: 'Quotes', accounts: 'Accounts', holdings: 'Holdings' },
  importUnit: 'Amount columns without a unit are in',
  importUnitAuto: 'the unit the header declares',
  unitName: { wan: '万元 (10,000 yuan)', yi: '亿元 (100 million yuan)', yuan: 'yuan' },
  importPreview: 'Preview changes',
  importReading: 'Reading…',
  importSave: 'Save as a new version',
  importSaving: 'Saving…',
  importNoFiles: 'Choose at least one file.',
  importNoName: 'Name the new scenario.',
  importChanged: 'The files or options changed: preview again before saving.',
  importChangesTitle: 'What will change',
  importTablesTitle: 'Tables read',
  importTableLine: (part, file, records) => `${part}: ${file}, ${records} rows`,
  importNotesTitle: 'Notes (did not stop the import)',
  importRefused: (n) => `Nothing was saved: ${n} problem(s), listed by file and row. Fix the files, choose them again and preview.`,
  importRow: (file, row) => `${file}, row ${row}`,
  importFile: (file) => `${file} (the whole file)`,
  importColumn: (column) => `column “${column}”`,
  importRowAsFiled: 'The row in the file:',
  importSaved: (n) => `Saved as version ${n}.`,

  editTitle: 'Edit',
  editHint: 'Amounts in 万元 (a bank’s local deposits in 亿元), thousands separators welcome; rates in %. Edited cells are marked; each is checked as you type, and on saving the server checks the scenario’s rules and marks any problem at its cell.',
  editTabs: 'Part to edit',
  editBanks: 'Banks',
  editQuotes: 'Quotes',
  editHoldings: 'Holdings',
  editPolicy: 'Policy',
  colBankId: 'Id',
  colBankName: 'Name',
  colStatus: 'Status',
  bankStatus: { eligible: 'eligible', suspended: 'suspended' },
  colLocalDeposits: 'Local general deposits (亿元)',
  colQuoteCount: 'Quotes',
  quotesOfBank: 'Bank',
  colEffectiveFrom: 'Effective from',
  colRatePercent: 'Annual rate (%)',
  colHoldingId: 'Id',
  colPrincipalWan: 'Principal (万元)',
  colStartDate: 'Start',
  colTermMonths: 'Term (months)',
  policyName: {
    reserveMonths: 'Liquidity reserve: months of payouts kept liquid',
    reserveAmount: 'Liquidity reserve (万元)',
    trancheShare: 'Cap A: one bank’s share of a month’s new time deposits (%)',
    bankLocalDepositShare: 'Cap B: share of the bank’s local general deposits (%)',
    fundTimeDepositShare: 'Cap C: share of the fund’s time deposits (%)',
    minBanks: 'Fewest banks holding deposits',
    maxTermMonths: 'Longest term (months)',
  },
  editNote: 'Note (kept with the new version)',
  editNoteDefault: 'edited in the web app',
  editSave: 'Save as a new version',
  editSaving: 'Saving…',
  editDiscard: 'Discard changes',
  editChangesTitle: 'Changes to save',
  editCount: (n) => (n === 0 ? 'No changes yet.' : `${n} change(s).`),
  editFixFirst: (n) => `${n} entr(ies) do not read; each is marked at its cell: fix them first.`,
  editRefused: 'The server refused the save under the scenario’s rules; nothing was saved. Each problem is marked at its cell:',
  editElsewhere: 'Other problems:',
  editStale: (latest) => `Someone else changed this scenario (the latest is version ${latest}); your changes were not saved. Reload the latest version and edit that.`,
  editReload: 'Reload',
  editSaved: (n) => `Saved as version ${n}.`,
  edited: 'edited',
  fieldProblem: fieldProblemEn,
};
