// `fundladder sweep` resumes after an interruption without redoing finished points (docs/sweep.md §4): each finished
// point is one line of points.jsonl keyed by scenario, values, options, paths and code version; the same command after
// Ctrl-C exits 130 and the next run computes only the points whose key is not stored. Runs one and three go through the
// CLI in-process; the interrupted run is a real process, since only a process gets a SIGINT.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { evaluatePlan, validateScenario } from '@fundladder/core';
import { drawSweepPaths, prepareSweep, sweepPathsToWire } from '@fundladder/app';
import { OWN_CORE_V8_FLAGS, SweepPool, workerV8Flags } from '../../apps/cli/src/commands/sweep';
import { ROOT, runCli } from './harness';

const SAMPLE = 'examples/county-fund/scenario.json';
const out = mkdtempSync(join(tmpdir(), 'fundladder-sweep-'));
const pointsFile = join(out, 'points.jsonl');
// The sample plans at confidence 0.99, which needs at least 200 paths of each kind (⌈2/(1 − c)⌉, docs/sweep.md): the
// fewest the command accepts. One thread keeps the points in order, so the interrupted run is stopped mid-point.
const FAST = ['--paths', '200', '--planning-paths', '200', '--workers', '1', '--out', out];
// A point's key includes the code version (package version + git commit, `-dirty` with local changes); pinned, so that
// another helper's edit in the shared checkout between two runs cannot change the keys under the test.
const CODE_VERSION = 'sweep-resume-test';

type StoredLine = { key: string; index: number; values: Record<string, string>; result: unknown };

/** Every line of points.jsonl, parsed (a line that does not parse fails the test: the file must stay intact). */
function storedLines(): StoredLine[] {
  if (!existsSync(pointsFile)) return [];
  return readFileSync(pointsFile, 'utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as StoredLine);
}

/** The number of complete lines of points.jsonl (those ended by a newline), without parsing. */
function completeLines(): number {
  return existsSync(pointsFile) ? readFileSync(pointsFile, 'utf8').split('\n').length - 1 : 0;
}

beforeAll(() => void vi.stubEnv('FUNDLADDER_CODE_VERSION', CODE_VERSION));
afterAll(() => void vi.unstubAllEnvs());

describe('fundladder sweep: stop and resume (docs/sweep.md §4)', () => {
  it('reserveMonths=1..2 to the end: two stored points, two rows of CSV, two points in sweep.json', async () => {
    const r = await runCli(['sweep', SAMPLE, '--vary', 'reserveMonths=1..2', ...FAST, '--csv']);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain(`2 points, 0 already done (${pointsFile}), 2 to go on 1 worker`);
    // The wall time and how busy the worker was: the points follow one another without the worker waiting on the main process.
    const busy = /2 points in \d+:\d{2} \(min:s, [\d.]+ points\/s\); each worker busy (\d+\.\d)% of the time/.exec(r.err);
    expect(busy, r.err).not.toBeNull();
    expect(Number(busy![1])).toBeGreaterThan(50);
    const lines = storedLines();
    expect(lines.map((l) => [l.index, l.values])).toEqual([[0, { reserveMonths: '1' }], [1, { reserveMonths: '2' }]]);
    expect(lines.every((l) => /^[0-9a-f]{64}$/.test(l.key))).toBe(true);
    const csv = r.out.trim().split('\n');
    expect(csv[0]).toMatch(/^index,reserveMonths,status,interest_yuan,/);
    expect(csv.slice(1).map((row) => row.split(',').slice(0, 3))).toEqual([['0', '1', 'optimal'], ['1', '2', 'optimal']]);
    const json = JSON.parse(readFileSync(join(out, 'sweep.json'), 'utf8')) as { points: Array<{ index: number; values: Record<string, string> }> };
    expect(json.points.map((p) => [p.index, p.values])).toEqual([[0, { reserveMonths: '1' }], [1, { reserveMonths: '2' }]]);
  }, 60_000);

  it('reserveMonths=1..4 in a process, SIGINT once a third point is stored: reuses the two, exits 130, the file intact', async () => {
    const before = readFileSync(pointsFile, 'utf8');
    const child = spawn(process.execPath, [join(ROOT, 'apps/cli/bin/fundladder.mjs'), '--lang', 'en', 'sweep', SAMPLE, '--vary', 'reserveMonths=1..4', ...FAST, '--json'], { cwd: ROOT, env: { ...process.env, FUNDLADDER_CODE_VERSION: CODE_VERSION } });
    let err = '';
    child.stderr.on('data', (d: Buffer) => void (err += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    // Point 3 stored, point 4 under way on the one thread (a point takes a second or more): stop it now.
    let stopped = false;
    const poll = setInterval(() => {
      if (!stopped && completeLines() >= 3) {
        stopped = true;
        child.kill('SIGINT');
      }
    }, 25);
    const code = await exited.finally(() => clearInterval(poll));
    expect(stopped, err).toBe(true);
    expect(code, err).toBe(130);
    expect(err).toContain(`4 points, 2 already done (${pointsFile}), 2 to go on 1 worker`);
    expect(err).toContain(`interrupted: 3 of 4 points are stored in ${pointsFile}; run the same command again to resume`);
    // The two stored lines are untouched, one line was appended, and every line parses.
    const after = readFileSync(pointsFile, 'utf8');
    expect(after.startsWith(before)).toBe(true);
    expect(after.endsWith('\n')).toBe(true);
    expect(storedLines().map((l) => [l.index, l.values])).toEqual([[0, { reserveMonths: '1' }], [1, { reserveMonths: '2' }], [2, { reserveMonths: '3' }]]);
  }, 60_000);

  it('the same command again: computes only the fourth point, each key stored once, four points in the output', async () => {
    const before = readFileSync(pointsFile, 'utf8');
    const r = await runCli(['sweep', SAMPLE, '--vary', 'reserveMonths=1..4', ...FAST, '--json']);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain(`4 points, 3 already done (${pointsFile}), 1 to go on 1 worker`);
    const after = readFileSync(pointsFile, 'utf8');
    expect(after.startsWith(before)).toBe(true);
    const lines = storedLines();
    expect(lines.map((l) => l.index)).toEqual([0, 1, 2, 3]);
    expect(new Set(lines.map((l) => l.key)).size).toBe(4);
    const json = JSON.parse(r.out) as { points: Array<{ index: number; values: Record<string, string>; status: string }> };
    expect(json.points.map((p) => [p.index, p.values.reserveMonths, p.status])).toEqual([[0, '1', 'optimal'], [1, '2', 'optimal'], [2, '3', 'optimal'], [3, '4', 'optimal']]);
  }, 60_000);
});

describe('fundladder sweep: a point without a plan says why', () => {
  it('reserveMonths=5 on the sample is infeasible: the months, the rule and the shortfalls, which the ledger confirms with nothing placed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fundladder-sweep-why-'));
    const r = await runCli(['sweep', SAMPLE, '--vary', 'reserveMonths=5', '--vary', 'confidence=0', '--paths', '200', '--planning-paths', '200', '--workers', '1', '--out', dir], 'zh');
    expect(r.code, r.err).toBe(0);
    const line = r.out.split('\n').find((l) => l.startsWith('  reserveMonths=5, confidence=0'));
    expect(line).toMatch(/^ {2}reserveMonths=5, confidence=0：不可行 — 从 2026-01 起不可行：流动性储备 3 个月次；最大短缺：2026-02 流动性储备 短缺 [\d,.]+ 万元；可行的做法：流动性储备至多 4 个月支付（现为 5 个月），或从 2026-01 起另有 [\d,.]+ 万元流动资金$/);
    // The elastic LP's shortfalls against the ledger's with nothing placed (all money as liquid as it can be): the
    // same three months short, each within 3% of the ledger's amount (the LP's cash rows leave out the demand interest
    // the ledger credits on 2026-03-20, about 60万, and may earn a little on call deposits). Before the reserve rows
    // counted existing deposits maturing after the placement day (6 × 1,000万 on 2026-01-16), the LP said 12,769.6万
    // short in 2026-01 against the ledger's 6,297.0万.
    const sample = JSON.parse(readFileSync(join(ROOT, SAMPLE), 'utf8')) as { policy: Record<string, unknown> };
    const five = validateScenario({ ...sample, policy: { ...sample.policy, reserve: { rule: 'monthsOfPayouts', months: 5 } } });
    if (!five.ok) throw new Error(JSON.stringify(five.issues));
    const ev = evaluatePlan(five.value, { schemaVersion: 1, name: 'nothing placed', placements: [] });
    if (!ev.ok) throw new Error(JSON.stringify(ev.issues));
    const ledgerShort = new Map(ev.value.report.months.filter((m) => m.reserveRequired.gt(m.closingLiquid)).map((m) => [m.month as string, m.reserveRequired.minus(m.closingLiquid).div(10_000)]));
    expect([...ledgerShort.keys()]).toEqual(['2026-01', '2026-02', '2026-03']);
    const json = JSON.parse(readFileSync(join(dir, 'sweep.json'), 'utf8')) as { points: Array<{ status: string; why?: { zh: string[]; en: string[] }; fix?: { zh: string[]; en: string[] } }> };
    expect(json.points[0]?.status).toBe('infeasible');
    expect(json.points[0]?.why?.en[0]).toBe('Infeasible from 2026-01: the liquidity reserve in 3 month(s)');
    // What would fix it: the most months of payouts the money covers in those months, 4 — and reserveMonths=4 has a
    // plan (the resume test above ends with it optimal).
    expect(json.points[0]?.fix?.en[0]).toMatch(/^What would fix it: a reserve of at most 4 months of payouts \(now 5\), or 8,980\.2万 more liquid money from 2026-01 on$/);
    const lpShort = new Map(json.points[0]!.why!.zh.flatMap((l) => {
      const m = /^(\d{4}-\d{2}) 流动性储备：短缺 ([\d,.]+) 万元$/.exec(l);
      return m ? [[m[1]!, Number(m[2]!.replace(/,/g, ''))] as const] : [];
    }));
    expect([...lpShort.keys()]).toEqual([...ledgerShort.keys()]);
    for (const [month, wan] of lpShort) {
      expect(Math.abs(wan - ledgerShort.get(month)!.toNumber()), month).toBeLessThanOrEqual(ledgerShort.get(month)!.toNumber() * 0.03);
    }
  }, 60_000);
});

// With a worker on every core the pool's processes run without V8's helper threads for garbage collection and
// compiling (docs/sweep.md §6: with every core computing points they only take time from the other workers); with a
// core to spare they keep them. Read from each worker process's command line (Linux /proc).
describe('fundladder sweep: worker processes and their V8 options', () => {
  it('workerV8Flags: the options when the workers fill the cores, none with a core to spare', () => {
    expect(workerV8Flags(2, 2)).toEqual(['--single-threaded-gc', '--no-concurrent-recompilation']);
    expect(workerV8Flags(3, 2)).toBe(OWN_CORE_V8_FLAGS);
    expect(workerV8Flags(1, 2)).toEqual([]);
  });

  it('a pool of two on two cores starts two processes with the options; a pool of one on two cores, one without', async () => {
    const setup = prepareSweep({ kind: 'sweep', scenario: JSON.parse(readFileSync(join(ROOT, SAMPLE), 'utf8')), vary: [{ name: 'reserveMonths', values: ['1', '2'] }], options: { paths: 200, planningPaths: 200 } });
    if (!setup.ok) throw new Error(JSON.stringify(setup.issues));
    const paths = drawSweepPaths(setup.value);
    if (!paths.ok) throw new Error(JSON.stringify(paths.issues));
    const cmdline = (pid: number) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    for (const [size, flags] of [[2, OWN_CORE_V8_FLAGS], [1, []]] as const) {
      const pool = new SweepPool(size, setup.value.request, sweepPathsToWire(paths.value), { cores: 2 });
      try {
        await pool.ready();
        expect(pool.pids).toHaveLength(size);
        for (const pid of pool.pids) {
          const args = cmdline(pid);
          expect(args.filter((a) => a.startsWith('--single') || a.startsWith('--no-concurrent'))).toEqual([...flags]);
          expect(pid).not.toBe(process.pid);
        }
        // A worker computes a point: the wire form of an optimal result.
        const result = (await pool.run(setup.value.points[0]!)) as { status: string; index: number };
        expect([result.index, result.status]).toEqual([0, 'optimal']);
      } finally {
        await pool.close();
      }
      for (const pid of pool.pids) expect(existsSync(`/proc/${pid}`) && readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]![0] !== 'Z', `worker ${pid} still running after close`).toBe(false);
    }
  }, 120_000);
});
