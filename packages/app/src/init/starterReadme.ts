/**
 * The explanation `fundladder init` writes beside the starter scenario (JSON has no comments, and the scenario
 * schema has no comment field: unknown keys are errors). Chinese first, then English.
 * @param scenarioFile - the scenario's file name, as the commands in the text should name it
 * @returns Markdown text
 */
export function starterReadme(scenarioFile: string): string {
  const f = scenarioFile;
  return `# ${f} — 起始情景说明 · starter scenario

## 中文

\`${f}\` 是 \`fundladder init\` 写出的起始情景，可直接运行：

    fundladder validate ${f}
    fundladder forecast ${f}
    fundladder optimize ${f}

**其中所有数字都是示例**，请逐项换成本地数据。可以手工编辑，也可以用 \`fundladder import\` 从财务系统导出的
CSV / XLSX 导入（GBK 或 UTF-8 编码、千分位、万元/亿元均可，金额单位须在表头或 \`--unit\` 中写明）：

    fundladder import ${f} --history 收支.csv --banks 银行报价.xlsx --accounts 账户.csv --holdings 存单台账.xlsx

每个 \`--history/--banks/--quotes/--accounts/--holdings\` 只替换情景中对应的部分，其余保持不变，并列出改动了多少。

| 字段 | 含义 | 要换成 |
|---|---|---|
| \`name\`、\`description\` | 情景名称、说明 | 本县/市名称 |
| \`asOf\` | 余额与持仓的截止日；\`startMonth\` 为其下一个月 | 账户余额对应的日期 |
| \`horizonMonths\` | 规划期（月） | 通常 12–36 |
| \`fundTypes\` | 险种：employeePension 企业职工基本养老保险基金、unemployment 失业保险基金 等 | 本地实际管理的险种 |
| \`banks\` | 存放银行：类型、当地一般性存款（上限 B 的基数）、状态、报价（年利率为小数，0.0095 = 0.95%） | 招标或协议银行及其报价 |
| \`accounts\` | 账户：类型（收入户/支出户/财政专户）、险种、开户行、期初余额、协议利率（示例中养老基金按三个月定期基准利率 1.10%） | 实际账户余额与协议 |
| \`holdings\` | 已有定期、大额存单、国债 | 存单台账 |
| \`policy\` | 周转金（默认 2 个月支出）、三项银行上限、至少 5 家银行、最长期限 | 本地文件规定 |
| \`history\` | 各险种逐月收入、支出（元）：预测用，至少 24 个月 | 财务系统的月度收支 |
| \`flows\` | 规划期内每月的预计收支（预算）：evaluate 与 optimize 需要覆盖整个规划期 | 年度预算按月分解 |

示例中的报价为 2025-05-20 大型银行挂牌利率（docs/domain.md §6.2；协定存款利率见 §6.4）；股份制与城商行加了几个基点，仅为示意。
收支历史与预计收支为构造数字（7 月调待并补发 1–6 月、12 月征缴高峰，预计收支比历史高 3%），不代表任何地区。

## English

\`${f}\` is a starter scenario written by \`fundladder init\`. It runs as it is (\`validate\`, \`forecast\`, \`optimize\`),
but **every figure in it is an example**: replace them by hand, or import your finance system's CSV / XLSX exports with
\`fundladder import ${f} --history FLOWS.csv --banks BANKS.xlsx --accounts ACCOUNTS.csv --holdings HOLDINGS.xlsx\`
(GBK or UTF-8, thousands separators, amounts in 元/万元/亿元 declared in the header or with \`--unit\`). Each table
replaces only its part of the scenario, and the import says what changed.

Fields: \`asOf\` is the day balances and holdings are as of (\`startMonth\` is the month after); \`fundTypes\` lists the
funds run; \`banks\` carry their type, local general deposits (the base of cap B), status and quotes (annual rates as
fractions: 0.0095 = 0.95%); \`accounts\` carry kind, fund type, bank, opening balance and contract rate; \`holdings\` are
the time deposits, CDs and bonds already held; \`policy\` sets the reserve (2 months of payouts), the three bank caps,
at least 5 banks and the longest term; \`history\` is each fund's monthly inflow and outflow in yuan (24 months or more,
for the forecast); \`flows\` are the expected flows of every month of the horizon (a budget), which evaluate and
optimize need.

The quotes are the big banks' listed rates of 2025-05-20 (docs/domain.md §6.2; agreed deposits §6.4), with a few basis points added for the
joint-stock and city banks as an illustration; the history and expected flows (3% above it) are constructed and
describe no real place.
`;
}
