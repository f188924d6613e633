import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './harness';

const BIN = join(ROOT, 'apps/cli/bin/fundladder.mjs');
const EXAMPLE = 'examples/import';
const tempDir = () => mkdtempSync(join(tmpdir(), 'fundladder-import-'));
const spawnCli = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, FUNDLADDER_LANG: 'en' } });

describe('fundladder import, end to end', () => {
  it('turns a GBK CSV (万元, thousands separators, 2025年1月) and an XLSX sheet of bank quotes into a scenario that validate accepts', () => {
    const history = readFileSync(join(ROOT, EXAMPLE, 'flows-gbk.csv'));
    // The example really is GBK: not valid UTF-8, and it holds what the import must understand.
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(history)).toThrow();
    const text = iconv.decode(history, 'gbk');
    expect(text).toContain('月份,险种,收入（万元）,支出（万元）');
    expect(text).toMatch(/2025年1月,企业职工基本养老保险基金,"\d,\d{3}\.\d{2}"/);

    const out = join(tempDir(), 'scenario.json');
    const imported = spawnCli(['import', '--history', `${EXAMPLE}/flows-gbk.csv`, '--flows', `${EXAMPLE}/budget-2026.csv`, '--banks', `${EXAMPLE}/banks.xlsx`, '--accounts', `${EXAMPLE}/accounts.csv`, '--name', 'Example county', '--horizon', '12', '--out', out]);
    expect(imported.stderr).toBe('');
    expect(imported.status).toBe(0);
    expect(imported.stdout).toContain('read examples/import/flows-gbk.csv (gb18030): 72 record(s) → history');
    expect(imported.stdout).toContain('read examples/import/banks.xlsx#银行及报价: 5 record(s) → banks');
    expect(imported.stdout).toContain('changed banks: 5 banks (new)');

    const validated = spawnCli(['validate', out]);
    expect(validated.stderr).toBe('');
    expect(validated.status).toBe(0);
    const scenario = JSON.parse(readFileSync(out, 'utf8'));
    // 2024年1月, 企业职工基本养老保险基金, "2,745.32" 万元 → 27,453,200.00 yuan exactly; the ICBC 1-year quote 0.95% → 0.0095.
    expect(scenario.history[0]).toEqual({ month: '2024-01', fundType: 'employeePension', inflow: '27453200.00', outflow: '29664400.00' });
    expect(scenario.banks[0].quotes).toContainEqual({ product: 'timeDeposit', termMonths: 12, annualRate: '0.0095', effectiveFrom: '2025-05-20' });
  });
});

describe('fundladder import, in process', () => {
  it('writes nothing and names file, row and column of each bad cell, in Chinese by default', async () => {
    const dir = tempDir();
    const flows = join(dir, 'flows.csv');
    writeFileSync(flows, iconv.encode('月份,险种,收入（万元）,支出\n2025年1月,养老,n/a,1\n2025年13月,失业,1,1\n', 'gbk'));
    const r = await runCli(['import', 'examples/county-fund/scenario.json', '--history', flows], 'zh');
    expect(r.code).toBe(1);
    expect(r.err.split('\n').filter(Boolean)).toEqual([
      '导入未完成，未写入任何文件：4 个问题',
      `✖ ${flows}:支出: 没有声明金额单位：请在表头写明（如"收入（万元）"），或在表头上方注明"单位：万元"，或用 --unit 元|万元|亿元`,
      `✖ ${flows}:2:险种: "养老" 可指多个险种（如 企业职工基本养老保险基金、失业、工伤，或 employeePension 等标识）：企业职工基本养老保险基金 employeePension、城乡居民基本养老保险基金 residentPension、机关事业单位养老保险基金 publicSectorPension；请写全称`,
      `✖ ${flows}:2:收入（万元）: 应为金额（如 1,234.56），实为 "n/a"`,
      `✖ ${flows}:3:月份: 应为月份（如 2025-01、2025/1、2025年1月、2025-01-01、2025.01），实为 "2025年13月"`,
    ]);
  });
  it('updates a scenario: replaces only the quotes of the bank it names and counts them (--dry-run writes nothing)', async () => {
    const quotes = join(tempDir(), 'quotes.csv');
    writeFileSync(quotes, '银行,产品,期限,利率（%）,生效日期\n兴业银行,定期,1年,1.15%,2026-01-05\n');
    const r = await runCli(['import', 'examples/county-fund/scenario.json', '--quotes', quotes, '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('changed quotes: 99 → 85 quotes (quotes replaced for 1 bank(s))');
    expect(r.out).toContain('(--dry-run: nothing written)');
  });
  it('refuses a unit it does not know and a call without any table', async () => {
    expect((await runCli(['import', '--history', 'x.csv', '--unit', 'kg'])).err).toContain('--unit is yuan, wan or yi');
    expect((await runCli(['import', 'examples/county-fund/scenario.json'])).code).toBe(2);
  });
});

describe('fundladder init', () => {
  it('writes a starter and its README, and keeps existing files', async () => {
    const file = join(tempDir(), 'county.json');
    const r = await runCli(['init', file, '--as-of', '2025-12-31']);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`wrote ${file} (starter scenario as of 2025-12-31) and ${file.replace(/\.json$/, '')}.README.md`);
    expect((await runCli(['init', 'examples/county-fund/scenario.json'])).err).toContain('already exist');
  });
});

describe('one flows CSV format for forecast, backtest and evaluate', () => {
  it('forecast reads period/month/月份 headers, yuan or 万元, UTF-8 or GBK alike', async () => {
    const dir = tempDir();
    const rows = Array.from({ length: 30 }, (_, k) => [`${2023 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`, 1_000_000 + 10_000 * k, 900_000 + 5_000 * (k % 12)]);
    const write = (name: string, text: string, gbk = false) => {
      writeFileSync(join(dir, name), gbk ? iconv.encode(text, 'gbk') : text);
      return join(dir, name);
    };
    const files = [
      write('period.csv', ['period,fundType,inflow,outflow', ...rows.map(([m, i, o]) => `${m},unemployment,${i}.00,${o}.00`)].join('\n')),
      write('month.csv', ['month,fundType,inflow,outflow', ...rows.map(([m, i, o]) => `${m},unemployment,${i}.00,${o}.00`)].join('\n')),
      write('zh.csv', ['月份,险种,收入（万元）,支出（万元）', ...rows.map(([m, i, o]) => `${String(m).replace(/-0?/, '年')}月,失业保险基金,"${(Number(i) / 10_000).toFixed(2)}",${(Number(o) / 10_000).toFixed(1)}`)].join('\n'), true),
    ];
    const forecasts = await Promise.all(files.map((f) => runCli(['forecast', f, '--horizon', '3', '--json'])));
    expect(forecasts.map((r) => r.code)).toEqual([0, 0, 0]);
    const strip = (out: string) => ({ ...JSON.parse(out), file: undefined });
    expect(strip(forecasts[1]!.out)).toEqual(strip(forecasts[0]!.out));
    expect(strip(forecasts[2]!.out)).toEqual(strip(forecasts[0]!.out));
  });
  it('evaluate --flows takes the scenario flows written with Chinese headers in 万元 and GBK, and gives the same result', async () => {
    const scenario = JSON.parse(readFileSync(join(ROOT, 'examples/county-fund/scenario.json'), 'utf8')) as { flows: { month: string; fundType: string; inflow: string; outflow: string }[] };
    const wan = (yuan: string) => (Number(yuan.replace('.', '')) / 1_000_000).toFixed(6);
    const text = ['月份,险种,收入（万元）,支出（万元）', ...scenario.flows.map((f) => `${f.month.replace('-', '/')},${f.fundType},${wan(f.inflow)},${wan(f.outflow)}`)].join('\r\n');
    const flows = join(tempDir(), 'flows.csv');
    writeFileSync(flows, iconv.encode(text, 'gbk'));
    const plain = await runCli(['evaluate', 'examples/county-fund/scenario.json', '--plan', 'examples/county-fund/plan.json', '--json']);
    const viaCsv = await runCli(['evaluate', 'examples/county-fund/scenario.json', '--plan', 'examples/county-fund/plan.json', '--flows', flows, '--json']);
    expect(viaCsv.err).toBe(plain.err);
    expect(JSON.parse(viaCsv.out)).toEqual(JSON.parse(plain.out));
  });
});
