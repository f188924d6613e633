import { type Command, EXIT_OK, EXIT_USAGE, nodeIo } from './io';
import { interestCommand } from './commands/interest';
import { schemaCommand } from './commands/schema';
import { validateCommand } from './commands/validate';
import { evaluateCommand } from './commands/evaluate';
import { forecastCommand } from './commands/forecast';
import { backtestCommand } from './commands/backtest';
import { optimizeCommand } from './commands/optimize';
import { compareCommand } from './commands/compare';
import { importCommand } from './commands/import';
import { initCommand } from './commands/init';
import { tenderCommand } from './commands/tender';
import { sweepCommand } from './commands/sweep';
import { workerCommand } from './commands/worker';
import { auditInterestCommand } from './commands/auditInterest';
import { replayCommand } from './commands/replay';

/** The commands, with one line of help each (zh, en). */
export const COMMANDS: Record<string, { run: Command; zh: string; en: string }> = {
  validate: { run: validateCommand, zh: '检查情景或计划文件，逐条列出问题', en: 'check a scenario or plan file, listing every problem' },
  schema: { run: schemaCommand, zh: '打印情景与计划文件的 JSON Schema', en: 'print the JSON Schema of scenario and plan files' },
  interest: { run: interestCommand, zh: '利息计算器：按规则算到分并给出公式', en: 'interest calculator: to the fen, with the formula' },
  evaluate: { run: evaluateCommand, zh: '用精确账本运行计划：逐月账本、KPI、违规', en: 'run a plan through the exact ledger: months, KPIs, rule breaks' },
  forecast: { run: forecastCommand, zh: '预测各险种逐月收支及不确定区间、模拟路径', en: 'forecast monthly inflows/outflows per fund type with bands and paths' },
  optimize: { run: optimizeCommand, zh: '优化存放计划（线性规划 + 精确账本核对 + 解释）', en: 'optimize the placement plan (LP, checked by the exact ledger, explained)' },
  compare: { run: compareCommand, zh: '并列比较情景或计划：同一批预测情景上的风险、KPI 与差额（万元）', en: 'compare scenarios or plans side by side: risk on the same paths, KPIs and differences in 万元' },
  init: { run: initCommand, zh: '写出可直接运行的起始情景及字段说明', en: 'write a starter scenario that runs, with a note on each field' },
  import: { run: importCommand, zh: '从财务系统导出的 CSV/XLSX（GBK、万元、千分位）建立或更新情景', en: 'build or update a scenario from CSV/XLSX exports (GBK, 万元, thousands separators)' },
  replay: { run: replayCommand, zh: '回放：在实际收支上用精确账本重跑过去的计划（利息、缺口、储备不足），并与事后最优和按季滚动重排比较少赚的利息（万元）', en: 'replay a past plan on the actual flows in the exact ledger (interest, gaps, reserve breaches) against hindsight and quarterly rolling re-plans: interest forgone in 万元' },
  'audit-interest': { run: auditInterestCommand, zh: '利息复核：逐行重算银行结息清单（协议利率与法定优惠利率取高），列出差额与依据，输出复核表（XLSX、HTML）', en: "interest audit: recompute a bank's interest statement line by line (the higher of contract and statutory rate), list every difference with its rule, write the report (XLSX, HTML)" },
  sweep: { run: sweepCommand, zh: '政策扫描：在网格上改变一两个政策参数，同一批预测情景上重新优化并核算，给出利息—缺口前沿与约束规则的变化', en: 'policy sweep: vary one or two policy parameters over a grid, re-optimize and price each point on the same forecast paths; the interest–gap frontier and where binding rules change' },
  worker: { run: workerCommand, zh: '领取 PostgreSQL 队列中的扫描点并计算（可多台机器、多个进程）', en: 'take sweep points from a PostgreSQL queue and compute them (any number of processes and machines)' },
  backtest: { run: backtestCommand, zh: '滚动回测各模型（MAPE、MASE、区间覆盖率）', en: 'rolling-origin backtest of every model (MAPE, MASE, band coverage)' },
  tender: { run: tenderCommand, zh: '招标评分与分配：按权重评分、列出暂停银行、在上限内按得分分配，并与优化器计划比较', en: 'tender scoring and allocation: weighted scores, suspensions, split by score within the caps, against the optimizer’s plan' },
};

function help(lang: 'zh' | 'en'): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)} ${lang === 'zh' ? `${c.zh}  (${c.en})` : c.en}`);
  return lang === 'zh'
    ? `fundladder — 社保基金资金存放与流动性管理\n\n用法: fundladder <命令> [参数]   （--lang en 显示英文；--verbose 在每条问题后显示规则标识与原始数值；每个命令有 --help）\n\n命令:\n${lines.join('\n')}`
    : `fundladder — liquidity and deposit laddering for social-insurance funds\n\nUsage: fundladder <command> [options]   (--lang zh for Chinese; --verbose shows each problem's rule id and raw values; every command has --help)\n\nCommands:\n${lines.join('\n')}`;
}

/** Picks the language: --lang wins, then FUNDLADDER_LANG, then Chinese. */
export function pickLang(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): 'zh' | 'en' {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const value = i < 0 ? env.FUNDLADDER_LANG : argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
  return value === 'en' ? 'en' : 'zh';
}

/** Whether issues show their rule and code ids and raw facts: --verbose anywhere, or FUNDLADDER_VERBOSE=1. */
export function pickVerbose(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): boolean {
  return argv.includes('--verbose') || env.FUNDLADDER_VERBOSE === '1';
}

/**
 * The command and its arguments, past the global options written before it: `--lang en`, `--lang=en`, `--verbose`
 * (the command reads them from `pickLang` and `pickVerbose` too). `fundladder --lang en optimize …` used to print the
 * global help.
 * @example commandArgs(['--lang', 'en', 'optimize', 's.json']) //=> ['optimize', 's.json']
 * @example commandArgs(['optimize', 's.json', '--lang', 'en']) //=> ['optimize', 's.json', '--lang', 'en']
 */
export function commandArgs(argv: readonly string[]): string[] {
  let i = 0;
  while (i < argv.length) {
    if (argv[i] === '--lang') i += 2;
    else if (argv[i]!.startsWith('--lang=') || argv[i] === '--verbose') i += 1;
    else break;
  }
  return argv.slice(i);
}

/** Entry point: returns the exit code (0 ok, 1 problems found, 2 usage). */
export async function main(argv: string[]): Promise<number> {
  const io = nodeIo(pickLang(argv), pickVerbose(argv));
  const [name, ...rest] = commandArgs(argv);
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(help(io.lang));
    return argv.length ? EXIT_OK : EXIT_USAGE;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`fundladder: unknown command '${name}'\n\n${help(io.lang)}`);
    return EXIT_USAGE;
  }
  return command.run(rest, io);
}
