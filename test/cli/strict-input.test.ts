// Strict input through the CLI, in-process (one spawn, for what only a real process shows: a closed pipe and the
// global --lang before the command). Each test is a reproducer of a defect found by trying the CLI as a new user.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './harness';

const SAMPLE = 'examples/county-fund/scenario.json';
const PLAN = 'examples/county-fund/plan.json';
const dir = mkdtempSync(join(tmpdir(), 'fundladder-strict-'));

/** The sample scenario edited as JSON and written to a temp file (with a BOM when asked). */
function variant(name: string, edit: (json: ReturnType<typeof JSON.parse>) => void, bom = false): string {
  const json = JSON.parse(readFileSync(join(ROOT, SAMPLE), 'utf8'));
  edit(json);
  const path = join(dir, name);
  writeFileSync(path, `${bom ? '\uFEFF' : ''}${JSON.stringify(json, null, 2)}`);
  return path;
}

describe('fundladder validate: strict input', () => {
  it('a misspelt key exits 1, naming its path and the key meant (it used to be dropped, the 2-month default applying)', async () => {
    const file = variant('typo.json', (json) => {
      json.policy.reserv = json.policy.reserve;
      delete json.policy.reserve;
    });
    const en = await runCli(['validate', file]);
    expect(en.code).toBe(1);
    expect(en.err).toContain('✖ unknown key `policy.reserv`; did you mean `reserve`? → at policy.reserv');
    const zh = await runCli(['validate', file], 'zh');
    expect(zh.err).toContain('✖ 未知字段 `policy.reserv`，是否应为 `reserve`？ → 位置 policy.reserv');
    // The rule id and the value received are kept for --verbose (and --json), not shown in the sentence.
    expect(zh.err).not.toContain('knownKeys');
    expect((await runCli(['validate', file, '--verbose'])).err).toContain('→ at policy.reserv [knownKeys · unknown_key; received reserv;');
  });

  it('a percent-style rate warns and still exits 0; --json carries it under warnings', async () => {
    const file = variant('percent.json', (json) => void (json.accounts[0].contractRates[0].annualRate = '0.05'));
    const r = await runCli(['validate', file]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('valid scenario (1 warning(s))');
    expect(r.err).toMatch(/^⚠ the employee pension fiscal special account at 中国工商银行示例县支行: a rate of 0\.05 is 5\.00% a year, above the plausible 3\.00%: rates are fractions; did you mean 0\.0005 \(0\.05%\)\? → at accounts\[0\]\.contractRates\[0\]\.annualRate$/m);
    expect((await runCli(['validate', file], 'zh')).err).toContain('⚠ 中国工商银行示例县支行的企业职工基本养老保险基金财政专户：利率 0.05 即年利率 5.00%，高于合理上限 3.00%：利率以小数表示，是否应为 0.0005（0.05%）？ → 位置 accounts[0].contractRates[0].annualRate');
    const json = JSON.parse((await runCli(['validate', file, '--json'])).out);
    expect(json).toMatchObject({ ok: true, issues: [], warnings: [{ rule: 'plausibleRate', severity: 'warning', suggestion: '0.0005' }] });
  });

  it('reads a file that starts with a UTF-8 BOM (Notepad, Excel)', async () => {
    const r = await runCli(['validate', variant('bom.json', () => undefined, true)]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  });

  it('a fund type with no history: validate says so, and optimize refuses with the same words instead of a stack trace', async () => {
    const file = variant('no-history.json', (json) => void (json.history = json.history.filter((f: { fundType: string }) => f.fundType !== 'maternity')));
    const validate = await runCli(['validate', file]);
    expect(validate.code).toBe(1);
    expect(validate.err).toContain('maternity has no history');
    const optimize = await runCli(['optimize', file, '--paths', '200', '--planning-paths', '200']);
    expect(optimize.code).toBe(1);
    expect(optimize.err).toContain('maternity has no history');
    expect(optimize.err).not.toContain('not a complete flow path');
  });

  it('flows missing for the horizon: validate exits 1, optimize refuses before any work', async () => {
    const file = variant('no-flows.json', (json) => void (json.flows = json.flows.filter((f: { fundType: string }) => f.fundType !== 'maternity')));
    const validate = await runCli(['validate', file]);
    expect(validate.code).toBe(1);
    expect(validate.err).toContain("no flows for maternity in 36 of the horizon's 36 months (the first is 2026-01)");
    expect((await runCli(['validate', file], 'zh')).err).toContain('生育保险基金在规划期内缺少 36 个月的现金流（规划期 36 个月，只有 0 个月；第一个缺少的月份为 2026-01）');
    const optimize = await runCli(['optimize', file, '--confidence', '0', '--paths', '0']);
    expect(optimize.code).toBe(1);
    expect(optimize.err).toContain('no flows for maternity');
  });

  it('existing holdings over a cap: validate says which bank, until when, and what the optimizer does; still valid', async () => {
    const file = variant('over-cap.json', (json) => {
      json.holdings.push({ id: 'big', fundType: 'employeePension', product: 'timeDeposit', bankId: 'icbc', principal: '900000000.00', annualRate: '0.015', startDate: '2025-06-01', termMonths: 12 });
    });
    const r = await runCli(['validate', file]);
    expect(r.code).toBe(0);
    // Banks by name (the scenario's), not id.
    expect(r.out).toContain("中国工商银行示例县支行's existing time deposits are 70,540.00万 over cap C (20% of the fund's time deposits) at the end of 2026-01, counting the existing holdings alone: no new money there through 2026-05; new money from 2026-06.");
  });
});

describe('fundladder evaluate', () => {
  it('exits 1 on a plan that breaks a rule, as validate does (it exited 0 with 167 rule breaks)', async () => {
    const plan = JSON.parse(readFileSync(join(ROOT, PLAN), 'utf8'));
    plan.placements[0].amount = '84000000.00';
    const file = join(dir, 'bad-plan.json');
    writeFileSync(file, JSON.stringify(plan));
    const r = await runCli(['evaluate', SAMPLE, '--plan', file]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/✖ The plan breaks rules in \d+ place\(s\)/);
    expect((await runCli(['evaluate', SAMPLE, '--plan', file, '--json'])).code).toBe(1);
  });
});

describe('number flags and output paths are checked before the work starts', () => {
  it('--paths 1e9 and --paths "" are refused with the allowed range (exit 2); they ran out of memory and became 0', async () => {
    const big = await runCli(['optimize', SAMPLE, '--paths', '1e9']);
    expect(big.code).toBe(2);
    expect(big.err).toContain('--paths is a whole number from 0 to 20,000; received "1e9"');
    const empty = await runCli(['forecast', SAMPLE, '--paths', '']);
    expect(empty.code).toBe(2);
    expect(empty.err).toContain('--paths is a whole number from 0 to 20,000; received ""');
    const seed = await runCli(['compare', SAMPLE, PLAN, '--seed', '1.5'], 'zh');
    expect(seed.code).toBe(2);
    expect(seed.err).toContain('--seed 须为整数，范围 [0, 4294967295]，收到 "1.5"');
    expect((await runCli(['backtest', SAMPLE, '--windows', '0'])).code).toBe(2);
    expect((await runCli(['interest', '--product', 'time', '--principal', '1000000', '--annual-rate', '0.015', '--from', '2025-01-01', '--to', '2026-01-01', '--term-months', '12x'])).code).toBe(2);
  });

  it('--out into a folder that does not exist is refused before optimizing; so is --paths-out', async () => {
    const missing = join(dir, 'no-such-folder', 'plan.json');
    const r = await runCli(['optimize', SAMPLE, '--out', missing]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`--out ${missing}: the folder ${join(dir, 'no-such-folder')} does not exist`);
    expect(r.out).toBe('');
    expect((await runCli(['forecast', SAMPLE, '--paths', '10', '--paths-out', missing])).code).toBe(2);
  });
});

describe('a real process', () => {
  it('`fundladder --lang en forecast … | head -1`: runs the command in English and ends quietly when the pipe closes', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'apps/cli/bin/fundladder.mjs'), '--lang', 'en', 'forecast', SAMPLE, '--csv', '--horizon', '120'], { cwd: ROOT });
    let err = '';
    child.stderr.on('data', (d: Buffer) => void (err += d.toString()));
    const firstLine = await new Promise<string>((resolve) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('\n')) {
          child.stdout.destroy();
          resolve(out.split('\n')[0]!);
        }
      });
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(firstLine).toMatch(/^period,fundType,/);
    expect(err).toContain('note: no cohort columns');
    expect(err).not.toMatch(/EPIPE|at .*\(node:/);
    expect(code).toBe(0);
  }, 60_000);
});
