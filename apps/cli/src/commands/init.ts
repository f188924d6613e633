import { starterReadme, starterScenario } from '@fundladder/app';
import { type IsoDate, parseIsoDate } from '@fundladder/core';
import { type Command, EXIT_OK, EXIT_USAGE } from '../io';
import { parseCommandArgs } from '../args';

const HELP_ZH = `用法: fundladder init [情景.json] [--as-of 2025-12-31] [--force]
写出一个可直接运行的起始情景（默认 scenario.json）和同名说明文件 *.README.md（JSON 不能写注释，说明写在旁边）。
情景含两个险种、五家银行的报价、每个险种一个财政专户、24 个月示例收支；数字均为示例，请替换或用 fundladder import 导入。
--as-of 为余额截止日（默认上月末）。已有文件不覆盖，除非 --force。`;
const HELP_EN = `Usage: fundladder init [SCENARIO.json] [--as-of 2025-12-31] [--force]
Writes a starter scenario that runs as it is (default scenario.json) and a *.README.md beside it that explains each field
(JSON has no comments). Two fund types, five banks with quotes, one 财政专户 per fund, 24 months of example flows: every
figure is an example to replace, by hand or with fundladder import. --as-of: the balances' day (default: the end of last
month). Existing files are kept unless --force.`;

/** The last day of the month before `today` (the CLI may read the clock; core never does). */
function lastMonthEnd(today: Date): IsoDate {
  const end = new Date(Date.UTC(today.getFullYear(), today.getMonth(), 0));
  return end.toISOString().slice(0, 10) as IsoDate;
}

/** `fundladder init [FILE]`: a starter scenario and its explanation. */
export const initCommand: Command = (args, io) => {
  const parsed = parseCommandArgs(io, 'init', args, { 'as-of': { type: 'string' }, force: { type: 'boolean' } }, { zh: HELP_ZH, en: HELP_EN }, { min: 0, max: 1 });
  if (!parsed.ok) return parsed.code;
  const zh = io.lang === 'zh';
  const file = parsed.positionals[0] ?? 'scenario.json';
  const asOf = parsed.values['as-of'] === undefined ? lastMonthEnd(new Date()) : parseIsoDate(parsed.values['as-of']);
  if (!asOf) {
    io.err(zh ? `fundladder init: --as-of 为日期 YYYY-MM-DD，收到 "${parsed.values['as-of']}"` : `fundladder init: --as-of is a day YYYY-MM-DD; received "${parsed.values['as-of']}"`);
    return EXIT_USAGE;
  }
  const readme = `${file.replace(/\.json$/i, '')}.README.md`;
  const existing = [file, readme].filter((f) => {
    try {
      io.readBytes(f);
      return true;
    } catch {
      return false;
    }
  });
  if (existing.length && !parsed.values.force) {
    io.err(zh ? `fundladder init: ${existing.join('、')} 已存在；加 --force 覆盖` : `fundladder init: ${existing.join(', ')} already exist(s); add --force to overwrite`);
    return EXIT_USAGE;
  }
  const name = file.split(/[\\/]/).pop()!;
  io.writeText(file, `${JSON.stringify(starterScenario(asOf), null, 2)}\n`);
  io.writeText(readme, starterReadme(name));
  io.out(
    zh
      ? `已写入 ${file}（起始情景，截止 ${asOf}）和 ${readme}（各字段说明）。\n下一步: fundladder validate ${file}；用 fundladder import ${file} --history 收支.csv --banks 银行.xlsx … 换成本地数据。`
      : `wrote ${file} (starter scenario as of ${asOf}) and ${readme} (what each field means).\nNext: fundladder validate ${file}; replace the figures with fundladder import ${file} --history FLOWS.csv --banks BANKS.xlsx …`,
  );
  return EXIT_OK;
};
