// `fundladder sweep SCENARIO --vary NAME=FROM..TO[:STEP] [--vary …]` (docs/sweep.md): one or two policy parameters over a
// grid, every point re-optimized and priced by the ledger on the same forecast paths, on every core (worker processes),
// each finished point stored as one JSON line so that a run stopped half-way resumes where it was. With
// --database-url the points go to the database's queue instead, for `fundladder worker` processes on any machine.
import { performance } from 'node:perf_hooks';
import { type ChildProcess, execFileSync, fork } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type DomainIssue, Decimal } from '@fundladder/core';
import {
  type GridPoint, type SweepPaths, type SweepPathsWire, type SweepPointResult, type SweepRequest, type SweepResult, type SweepSetup, canonicalJson, drawSweepPaths, namesOf, openSweepSession,
  parseVary, prepareSweep, runSweepPoint, sha256Hex, summarizeSweep, sweepPathsFromWire, sweepPathsToWire, sweepPointKey, sweepPointResult, sweepResult,
} from '@fundladder/app';
import { type CliIo, type Command, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE } from '../io';
import { PATHS_FLAG, SEED_FLAG, numberFlags, parseCommandArgs, refuseFlags } from '../args';
import { readJson } from '../readInput';
import { printIssue, table } from '../format';
import { progressBar } from '../progress';

const HELP_ZH = `用法: fundladder sweep 情景文件 --vary 参数=起..止[:步长] [--vary 参数=值1,值2,…] [--paths 200] [--planning-paths 1000]
  [--seed 1] [--workers N] [--out 文件夹] [--json|--csv] [--database-url postgres://…]
政策扫描：在网格上改变一个或两个政策参数，每个点重新优化（安全计划），并在同一批预测情景上用精确账本核算；输出利息与
支付缺口概率的前沿、每个点起约束作用的规则以及规则在何处变化。
参数：reserveMonths（储备月数）、confidence（安全置信度）、caps.trancheShare / caps.bankLocalDepositShare /
caps.fundTimeDepositShare（上限A/B/C，简写 caps.a|b|c、caps.fundShare）、minQuoteRate（起存利率）、maxTermMonths（最长期限）、
maxBondShare（国债占比）、eligibleBanks（可存放银行数：情景中前 N 家）。
--workers：并行计算的进程数（默认本机 CPU 数）。每完成一个点即写入 --out 文件夹的 points.jsonl（默认 fundladder-sweep-<编号>）；
中断（Ctrl-C）后以同一命令重跑，已完成的点不再计算。
--database-url：把各点放入 PostgreSQL 的任务队列，由任意台机器上的 fundladder worker 进程领取；本命令等待并随结果到达显示进度。`;
const HELP_EN = `Usage: fundladder sweep SCENARIO --vary NAME=FROM..TO[:STEP] [--vary NAME=V1,V2,…] [--paths 200] [--planning-paths 1000]
  [--seed 1] [--workers N] [--out DIR] [--json|--csv] [--database-url postgres://…]
Policy sweep: vary one or two policy parameters over a grid; every point is re-optimized (the safe plan) and priced by
the exact ledger on the same forecast paths. Prints the frontier (interest against payout-gap probability), the rules
that bind at each point and where they change.
Parameters: reserveMonths, confidence, caps.trancheShare / caps.bankLocalDepositShare / caps.fundTimeDepositShare
(caps A/B/C; short caps.a|b|c, caps.fundShare), minQuoteRate, maxTermMonths, maxBondShare, eligibleBanks (the first N
eligible banks of the scenario).
--workers: worker processes (default: this machine's CPUs). Each finished point is appended to points.jsonl in --out (default
fundladder-sweep-<id>); after an interruption (Ctrl-C) the same command resumes without redoing finished points.
--database-url: put the points on a PostgreSQL server's queue for \`fundladder worker\` processes on any machine; this
command waits and shows the results as they arrive.`;

const FLAGS = { vary: { type: 'string', multiple: true }, paths: { type: 'string' }, 'planning-paths': { type: 'string' }, seed: { type: 'string' }, workers: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' }, csv: { type: 'boolean' }, 'database-url': { type: 'string' }, solver: { type: 'string' } } as const;

// ── the code version a stored point is keyed by ──────────────────────────────────────────────────────────────────

/**
 * FUNDLADDER_CODE_VERSION when set, else the root package's version and its git commit (`-dirty` with local changes):
 * the API's `codeVersion()` rule (apps/api/src/version.ts), so a point stored by the CLI and by a worker agree.
 */
export function sweepCodeVersion(): string {
  if (process.env.FUNDLADDER_CODE_VERSION) return process.env.FUNDLADDER_CODE_VERSION;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) || (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string }).name !== 'fundladder') {
    const up = dirname(dir);
    if (up === dir) return 'unknown';
    dir = up;
  }
  const version = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  try {
    const sha = execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { cwd: dir, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: dir, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim() !== '';
    return `${version}+${sha}${dirty ? '-dirty' : ''}`;
  } catch {
    return version;
  }
}

/** The key of a whole sweep: its checked request and the code version (the out folder's default name and the database's sweep key). */
export function sweepKey(setup: SweepSetup, codeVersion: string): string {
  return sha256Hex(canonicalJson({ request: setup.request, code: codeVersion }));
}

/** Each point's storage key (docs/sweep.md §4): the scenario, the point, the options, the paths and the code. */
export function pointKeys(setup: SweepSetup, fingerprint: string, codeVersion: string): string[] {
  return setup.points.map((p) => sweepPointKey({ scenario: setup.request.scenario, values: p.values, options: setup.request.options, pathsFingerprint: fingerprint, codeVersion }));
}

// ── worker processes ─────────────────────────────────────────────────────────────────────────────────────────────

type ToWorker = { type: 'setup'; request: SweepSetup['request']; paths: SweepPathsWire } | { type: 'point'; point: GridPoint };
/** Points without a plan listed with their reason under the table (the rest: --json). */
const FAILED_SHOWN = 10;

type FromWorker = { type: 'ready' } | { type: 'result'; result: unknown } | { type: 'failed'; issues: DomainIssue[] };

/** Set in a sweep worker process's environment by {@link SweepPool}: this module then serves points over IPC. */
const WORKER_ENV = 'FUNDLADDER_SWEEP_WORKER';

/**
 * V8 options for a worker process when the pool has a core for each of its processes and no core is left over: the
 * garbage collector and the optimizing compiler work on the process's own thread instead of helper threads. With a
 * core to spare (one worker on two cores) those helper threads run there for free (a worker used 1.15–1.2 cores);
 * with every core computing points they only take time from the other workers, and the same points cost 5–11% less
 * CPU without them (docs/sweep.md §6, measured).
 */
export const OWN_CORE_V8_FLAGS: readonly string[] = ['--single-threaded-gc', '--no-concurrent-recompilation'];

/**
 * The V8 options of each worker process of a pool of `size` on a machine with `cores`: OWN_CORE_V8_FLAGS when every
 * core has a worker (or more), none when a core is left for the workers' helper threads.
 * @example
 * workerV8Flags(2, 2) //=> OWN_CORE_V8_FLAGS
 * workerV8Flags(1, 2) //=> []
 */
export function workerV8Flags(size: number, cores: number): readonly string[] {
  return size >= cores ? OWN_CORE_V8_FLAGS : [];
}

/** The worker's side: prepare once from the request and the shared paths, then run points as they come. */
function serveWorker(): void {
  let session: ReturnType<typeof openSweepSession> | undefined;
  const send = (m: FromWorker) => process.send!(m);
  // The pool that started this process is gone (closed, or killed): nothing is left to compute for.
  process.on('disconnect', () => process.exit(0));
  process.on('message', (msg: ToWorker) => {
    void (async () => {
      try {
        if (msg.type === 'setup') {
          const setup = prepareSweep(msg.request as SweepRequest);
          if (!setup.ok) return send({ type: 'failed', issues: setup.issues });
          const paths = sweepPathsFromWire(msg.paths);
          if (!paths.ok) return send({ type: 'failed', issues: paths.issues });
          session = openSweepSession(setup.value, paths.value);
          return send({ type: 'ready' });
        }
        const result = await runSweepPoint(session!, msg.point);
        send({ type: 'result', result: sweepPointResult.encode(result) });
      } catch (e) {
        send({ type: 'failed', issues: [{ code: 'internal', path: [], rule: 'internal', message: e instanceof Error ? e.message : String(e) }] });
      }
    })();
  });
}

if (process.env[WORKER_ENV] === '1' && typeof process.send === 'function') {
  delete process.env[WORKER_ENV];
  serveWorker();
}

/**
 * A worker process running this module: the bundle (dist/main.mjs, which only defines the CLI when imported) as it is,
 * or the TypeScript source through tsx's loader (a developer's checkout, the bench, a test). Processes rather than
 * threads because V8 options (OWN_CORE_V8_FLAGS) are set per process: a worker thread cannot have its own.
 */
function startWorker(v8Flags: readonly string[]): ChildProcess {
  const self = fileURLToPath(import.meta.url);
  const loader = self.endsWith('.ts') ? ['--import', import.meta.resolve('tsx/esm')] : [];
  return fork(self, [], { execArgv: [...loader, ...v8Flags], env: { ...process.env, [WORKER_ENV]: '1' }, serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

/**
 * A pool of worker processes each holding one sweep's setup and paths; `run(point)` gives the point to the next free
 * worker. With as many workers as cores (or more) each runs with OWN_CORE_V8_FLAGS ({@link workerV8Flags}).
 */
export class SweepPool {
  private readonly workers: { child: ChildProcess; busy: boolean; ready: Promise<void>; busyMs: number }[] = [];
  private readonly waiting: (() => void)[] = [];
  /** The V8 options each worker runs with ({@link workerV8Flags}). */
  readonly v8Flags: readonly string[];

  /** `cores`: the machine's (default `availableParallelism()`), for the choice of V8 options. */
  constructor(size: number, request: SweepSetup['request'], paths: SweepPathsWire, options: { cores?: number } = {}) {
    this.v8Flags = workerV8Flags(size, options.cores ?? availableParallelism());
    for (let k = 0; k < size; k++) {
      const child = startWorker(this.v8Flags);
      const ready = new Promise<void>((resolve, reject) => {
        // A worker that ended while starting (Ctrl-C closes the pool) settles this too, or the command would never finish.
        const onExit = () => reject(new Error('the worker ended before its setup was done'));
        const onMessage = (m: FromWorker) => {
          child.off('message', onMessage);
          child.off('exit', onExit);
          if (m.type === 'ready') resolve();
          else reject(new Error(m.type === 'failed' ? m.issues.map((i) => i.message).join('; ') : 'unexpected message'));
        };
        child.on('message', onMessage);
        child.once('error', reject);
        child.once('exit', onExit);
      });
      // A worker that failed to start has rejected `ready`; the pool's user sees that, not an unhandled rejection here.
      ready.catch(() => undefined);
      child.send({ type: 'setup', request, paths } satisfies ToWorker);
      this.workers.push({ child, busy: false, ready, busyMs: 0 });
    }
  }

  /** Waits until every worker has its setup (each draws nothing: the paths come with the setup). */
  async ready(): Promise<void> {
    await Promise.all(this.workers.map((t) => t.ready));
  }

  /** Runs one point on a free worker; the wire form of its result (sweepPointResult). */
  async run(point: GridPoint): Promise<unknown> {
    let worker = this.workers.find((t) => !t.busy);
    while (!worker) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
      worker = this.workers.find((t) => !t.busy);
    }
    worker.busy = true;
    const t = worker;
    const started = performance.now();
    try {
      return await new Promise<unknown>((resolve, reject) => {
        const onMessage = (m: FromWorker) => {
          t.child.off('message', onMessage);
          t.child.off('error', reject);
          t.child.off('exit', onExit);
          if (m.type === 'result') resolve(m.result);
          else reject(new Error(m.type === 'failed' ? m.issues.map((i) => i.message).join('; ') : 'unexpected message'));
        };
        const onExit = () => reject(new Error('the worker ended before the point was done'));
        t.child.on('message', onMessage);
        t.child.once('error', reject);
        t.child.once('exit', onExit);
        t.child.send({ type: 'point', point } satisfies ToWorker);
      });
    } finally {
      t.busy = false;
      t.busyMs += performance.now() - started;
      this.waiting.shift()?.();
    }
  }

  /** The workers' process ids. */
  get pids(): number[] {
    return this.workers.flatMap((t) => (t.child.pid === undefined ? [] : [t.child.pid]));
  }

  /** Each worker's time on points so far, in ms (the bench takes the share of a round from two readings). */
  get busyMs(): number[] {
    return this.workers.map((t) => t.busyMs);
  }

  /** Each worker's time working on points, as a share of `wallMs` (evidence that every worker was kept busy). */
  busyShares(wallMs: number): number[] {
    return this.workers.map((t) => (wallMs > 0 ? Math.min(1, t.busyMs / wallMs) : 0));
  }

  /** Ends every worker at once (a point half-done is lost; it was not stored). */
  async close(): Promise<void> {
    await Promise.all(this.workers.map(({ child }) => new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill();
    })));
  }
}

// ── the stored points (resume) ───────────────────────────────────────────────────────────────────────────────────

/** One line of points.jsonl: the point's key, index and values, and its result's wire form. */
interface StoredLine {
  readonly key: string;
  readonly index: number;
  readonly result: unknown;
}

/**
 * The points already finished in `file` whose key is one of this sweep's (a stored point of another scenario, options,
 * paths or code is not this point and is computed anew). A line cut short by a kill is skipped (it is computed again).
 */
export function readStoredPoints(file: string, keys: readonly string[]): Map<number, SweepPointResult> {
  const out = new Map<number, SweepPointResult>();
  if (!existsSync(file)) return out;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    let stored: StoredLine;
    try {
      stored = JSON.parse(line) as StoredLine;
    } catch {
      continue;
    }
    if (keys[stored.index] !== stored.key) continue;
    const decoded = sweepPointResult.safeDecode(stored.result as never);
    if (decoded.success && decoded.data.index === stored.index) out.set(stored.index, decoded.data);
  }
  return out;
}

// ── output ───────────────────────────────────────────────────────────────────────────────────────────────────────

const RULE_LABELS: Record<string, { zh: string; en: string }> = {
  liquidityReserve: { zh: '储备', en: 'reserve' },
  trancheShareCap: { zh: '上限A', en: 'cap A' },
  bankLocalDepositCap: { zh: '上限B', en: 'cap B' },
  fundTimeDepositShareCap: { zh: '上限C', en: 'cap C' },
  maxBondShare: { zh: '国债占比', en: 'bond share' },
  liquidAtEnd: { zh: '期末流动资金', en: 'liquid at end' },
  safetyFloor: { zh: '安全底线', en: 'safety floor' },
};
const STATUS_LABELS: Record<string, { zh: string; en: string }> = {
  optimal: { zh: '最优', en: 'optimal' },
  infeasible: { zh: '不可行', en: 'infeasible' },
  error: { zh: '出错', en: 'error' },
  invalid: { zh: '参数无效', en: 'invalid' },
};
const wan = (yuan: Decimal | undefined) => (yuan ? yuan.div(10_000).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber().toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) : '—');
const pct = (p: number | undefined) => (p === undefined ? '—' : `${(p * 100).toFixed(1)}%`);

/** The sweep as text: one row per point, then the frontier and where binding rules change. */
export function sweepText(result: SweepResult, lang: 'zh' | 'en'): string {
  const zh = lang === 'zh';
  const label = (m: { zh: string; en: string } | undefined, fallback: string) => (m ? (zh ? m.zh : m.en) : fallback);
  const names = result.parameters.map((p) => p.name);
  const onFront = new Set(result.frontier);
  const head = [...names, zh ? '状态' : 'status', zh ? '利息（万元）' : 'interest (万元)', zh ? '计划造成缺口' : 'plan-caused gap', zh ? '任一缺口' : 'any gap', zh ? '5%分位利息' : 'P5 interest', zh ? '约束规则' : 'binding', zh ? '前沿' : 'front'];
  const rows = result.points.map((p) => [
    ...names.map((n) => p.values[n] ?? ''),
    label(STATUS_LABELS[p.status], p.status),
    wan(p.interest),
    pct(p.risk?.planCausedShortProbability),
    pct(p.risk?.payoutShortProbability),
    wan(p.risk?.p5Interest),
    p.binding.map((b) => `${label(RULE_LABELS[b.rule], b.rule)}×${b.count}`).join(' ') || '—',
    onFront.has(p.index) ? '◆' : '',
  ]);
  const lines = [
    zh
      ? `政策扫描 ${result.scenario.name}：${result.points.length} 个点；每点在同一批 ${result.paths.check} 条预测情景上核算（${result.paths.distinct} 条互不相同；规划情景 ${result.paths.planning} 条；种子 ${result.paths.seed}；情景指纹 ${result.paths.fingerprint.slice(0, 12)}）`
      : `Policy sweep of ${result.scenario.name}: ${result.points.length} points, each checked on the same ${result.paths.check} forecast paths (${result.paths.distinct} distinct; ${result.paths.planning} planning paths; seed ${result.paths.seed}; paths fingerprint ${result.paths.fingerprint.slice(0, 12)})`,
    table([head, ...rows]),
    '',
    zh ? '前沿（利息与计划造成的支付缺口概率，没有别的点在两方面都更好；风险从低到高）：' : 'Frontier (interest against the plan-caused payout-gap probability; no other point is better on both; least risk first):',
    ...result.frontier.map((i) => {
      const p = result.points[i]!;
      return `  ◆ ${names.map((n) => `${n}=${p.values[n]}`).join(', ')}: ${pct(p.risk?.planCausedShortProbability)} → ${wan(p.interest)} ${zh ? '万元' : '万元'}`;
    }),
  ];
  if (result.changes.length) {
    lines.push('', zh ? '约束规则的变化：' : 'Where binding rules change:');
    for (const c of result.changes) {
      const rules = (rs: readonly string[]) => rs.map((r) => label(RULE_LABELS[r], r)).join('、');
      const other = result.parameters.filter((p) => p.name !== c.parameter).map((p) => `${p.name}=${result.points[c.toIndex]!.values[p.name]}`);
      const where = `${c.parameter} ${c.fromValue} → ${c.toValue}${other.length ? ` (${other.join(', ')})` : ''}`;
      const what = [c.starts.length ? (zh ? `开始约束：${rules(c.starts)}` : `starts binding: ${rules(c.starts)}`) : '', c.stops.length ? (zh ? `不再约束：${rules(c.stops)}` : `stops binding: ${rules(c.stops)}`) : ''].filter(Boolean).join(zh ? '；' : '; ');
      lines.push(`  • ${where}: ${what}`);
    }
  } else {
    lines.push('', zh ? '各点起约束作用的规则相同。' : 'The same rules bind at every point.');
  }
  const failed = result.points.filter((p) => p.status !== 'optimal');
  if (failed.length) {
    lines.push('', zh ? `没有计划的点：${failed.length} 个` : `Points without a plan: ${failed.length}`);
    // Each with why: an infeasible point's explanation (its first two lines) and what would fix it, else its first issue.
    for (const p of failed.slice(0, FAILED_SHOWN)) {
      const why = p.why ? [...(zh ? p.why.zh : p.why.en).slice(0, 2), ...((zh ? p.fix?.zh : p.fix?.en) ?? [])].join(zh ? '；' : '; ') : (p.issues[0]?.message ?? '');
      lines.push(`  ${names.map((n) => `${n}=${p.values[n]}`).join(', ')}${zh ? '：' : ': '}${label(STATUS_LABELS[p.status], p.status)}${why ? ` — ${why}` : ''}`);
    }
    if (failed.length > FAILED_SHOWN) lines.push(zh ? `  ……另有 ${failed.length - FAILED_SHOWN} 个（--json 查看原因）` : `  … ${failed.length - FAILED_SHOWN} more (--json for why)`);
  }
  return lines.join('\n');
}

/** The sweep as CSV: one row per point; money in yuan to the fen, probabilities as fractions. */
export function sweepCsv(result: SweepResult): string {
  const names = result.parameters.map((p) => p.name);
  const onFront = new Set(result.frontier);
  const head = ['index', ...names, 'status', 'interest_yuan', 'plan_caused_gap', 'plan_caused_gap_first_quarter', 'any_gap', 'structural_gap', 'reserve_breach', 'expected_interest_yuan', 'p5_interest_yuan', 'binding', 'on_frontier', 'ms'];
  const rows = result.points.map((p) => [
    String(p.index), ...names.map((n) => p.values[n] ?? ''), p.status, p.interest?.toFixed(2) ?? '',
    ...(p.risk ? [p.risk.planCausedShortProbability, p.risk.planCausedShortFirstQuarterProbability, p.risk.payoutShortProbability, p.risk.structuralShortProbability, p.risk.reserveBreachProbability].map(String) : ['', '', '', '', '']),
    p.risk?.expectedInterest.toFixed(2) ?? '', p.risk?.p5Interest.toFixed(2) ?? '',
    p.binding.map((b) => `${b.rule}:${b.count}`).join(' '), onFront.has(p.index) ? '1' : '0', String(p.ms),
  ]);
  return [head, ...rows].map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n');
}

function printResult(io: CliIo, result: SweepResult, as: { json?: boolean; csv?: boolean }): void {
  if (as.json) io.out(JSON.stringify(sweepResult.encode(result), null, 2));
  else if (as.csv) io.out(sweepCsv(result));
  else io.out(sweepText(result, io.lang));
}

// ── the command ──────────────────────────────────────────────────────────────────────────────────────────────────

/** The sweep's request from the flags: the scenario as read, each --vary parsed, the per-point options. */
function requestFrom(io: CliIo, scenario: unknown, values: { vary?: string[]; paths?: number; planning?: number; seed?: number; solver?: string }): { ok: true; request: SweepRequest } | { ok: false; issues: DomainIssue[] } {
  const issues: DomainIssue[] = [];
  const vary = (values.vary ?? []).flatMap((text) => {
    const r = parseVary(text);
    if (r.ok) return [r.value];
    issues.push(...r.issues);
    return [];
  });
  if (!values.vary?.length) issues.push({ code: 'missing', path: ['--vary'], rule: 'varyCount', message: 'a sweep varies at least one parameter (--vary NAME=FROM..TO)', received: '0', limit: '2' });
  if (issues.length) return { ok: false, issues };
  void io;
  return {
    ok: true,
    request: {
      kind: 'sweep',
      scenario,
      vary: vary.map((v) => ({ name: v.name, values: [...v.values] })),
      options: { ...(values.paths !== undefined ? { paths: values.paths } : {}), ...(values.planning !== undefined ? { planningPaths: values.planning } : {}), ...(values.seed !== undefined ? { seed: values.seed } : {}), ...(values.solver === 'jsls' ? { solver: 'jsls' as const } : {}) },
    },
  };
}

/** `fundladder sweep SCENARIO --vary …`: flags → the sweep request → shared paths → every point on every core → the frontier. */
export const sweepCommand: Command = async (args, io) => {
  const parsed = parseCommandArgs(io, 'sweep', args, FLAGS, { zh: HELP_ZH, en: HELP_EN }, { min: 1, max: 1 });
  if (!parsed.ok) return parsed.code;
  const { positionals, values } = parsed;
  const flags = numberFlags(values, { paths: { ...PATHS_FLAG, min: 1 }, 'planning-paths': { ...PATHS_FLAG, min: 1 }, seed: SEED_FLAG, workers: { kind: 'int', min: 1, max: 256 } });
  if (!flags.ok) return refuseFlags(io, 'sweep', flags.issues);
  if (values.json && values.csv) {
    io.err('fundladder sweep: --json and --csv exclude each other');
    return EXIT_USAGE;
  }
  if (values.solver !== undefined && values.solver !== 'highs' && values.solver !== 'jsls') {
    io.err('fundladder sweep: --solver is highs or jsls');
    return EXIT_USAGE;
  }
  const scenario = readJson(io, positionals[0]!);
  if (!scenario.ok) {
    for (const i of scenario.issues) io.err(printIssue(i, io));
    return EXIT_PROBLEMS;
  }
  const built = requestFrom(io, scenario.value, { ...(values.vary ? { vary: values.vary } : {}), ...(flags.value.paths !== undefined ? { paths: flags.value.paths } : {}), ...(flags.value['planning-paths'] !== undefined ? { planning: flags.value['planning-paths'] } : {}), ...(flags.value.seed !== undefined ? { seed: flags.value.seed } : {}), ...(values.solver ? { solver: values.solver } : {}) });
  if (!built.ok) return refuseFlags(io, 'sweep', built.issues);
  const setup = prepareSweep(built.request);
  if (!setup.ok) {
    const names = namesOf(scenario.value, io.lang);
    for (const i of setup.issues) io.err(printIssue(i, io, names));
    return EXIT_PROBLEMS;
  }
  const codeVersion = sweepCodeVersion();
  const note = (zh: string, en: string) => io.err(io.lang === 'zh' ? zh : en);
  note(`抽取预测情景（${setup.value.request.options.paths} 条核算、${setup.value.safe ? setup.value.request.options.planningPaths : 0} 条规划），各点共用…`, `drawing the forecast paths every point shares (${setup.value.request.options.paths} to check, ${setup.value.safe ? setup.value.request.options.planningPaths : 0} to plan on)…`);
  const paths = drawSweepPaths(setup.value);
  if (!paths.ok) {
    for (const i of paths.issues) io.err(printIssue(i, io));
    return EXIT_PROBLEMS;
  }
  const keys = pointKeys(setup.value, paths.value.fingerprint, codeVersion);
  const key = sweepKey(setup.value, codeVersion);
  if (values['database-url']) return sweepOnQueue(io, values['database-url'], setup.value, paths.value, keys, key, codeVersion, values);

  // Local: every core, each finished point appended to points.jsonl.
  const out = resolve(values.out ?? `fundladder-sweep-${key.slice(0, 12)}`);
  mkdirSync(out, { recursive: true });
  const file = join(out, 'points.jsonl');
  const stored = readStoredPoints(file, keys);
  const todo = setup.value.points.filter((p) => !stored.has(p.index));
  const workers = Math.max(1, Math.min(flags.value.workers ?? availableParallelism(), todo.length || 1));
  note(
    `${setup.value.points.length} 个点，已完成 ${stored.size} 个（${file}），待算 ${todo.length} 个，${workers} 个进程；Ctrl-C 可中断，重跑同一命令即继续`,
    `${setup.value.points.length} points, ${stored.size} already done (${file}), ${todo.length} to go on ${workers} worker${workers === 1 ? '' : 's'}; Ctrl-C stops, the same command resumes`,
  );
  const results = new Map(stored);
  if (todo.length) {
    const pool = new SweepPool(workers, setup.value.request, sweepPathsToWire(paths.value));
    const bar = progressBar(io, io.lang === 'zh' ? '个点' : 'points');
    let interrupted = false;
    const onSignal = () => {
      interrupted = true;
      void pool.close();
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
      try {
        await pool.ready();
      } catch (e) {
        // Interrupted while the workers were starting: nothing new is stored; say so below.
        if (!interrupted) throw e;
      }
      if (!interrupted) bar(results.size, setup.value.points.length);
      const started = performance.now();
      let next = 0;
      const lane = async () => {
        while (!interrupted && next < todo.length) {
          const point = todo[next++]!;
          let wire: unknown;
          try {
            wire = await pool.run(point);
          } catch (e) {
            if (interrupted) return;
            throw e;
          }
          appendFileSync(file, `${JSON.stringify({ key: keys[point.index], index: point.index, values: point.values, result: wire })}\n`);
          results.set(point.index, sweepPointResult.decode(wire as never));
          bar(results.size, setup.value.points.length);
        }
      };
      await Promise.all(Array.from({ length: workers }, lane));
      if (!interrupted) {
        const wallMs = performance.now() - started;
        const shares = pool.busyShares(wallMs).map((b) => `${(b * 100).toFixed(1)}%`);
        const minutes = `${Math.floor(wallMs / 60_000)}:${String(Math.round((wallMs % 60_000) / 1000)).padStart(2, '0')}`;
        const rate = (todo.length / (wallMs / 1000)).toFixed(2);
        note(
          `${todo.length} 个点用时 ${minutes}（分:秒，每秒 ${rate} 点）；各进程计算时间占比 ${shares.join('、')}`,
          `${todo.length} points in ${minutes} (min:s, ${rate} points/s); each worker busy ${shares.join(', ')} of the time`,
        );
      }
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      await pool.close();
    }
    if (interrupted) {
      note(`已中断：${results.size}/${setup.value.points.length} 个点已保存在 ${file}；重跑同一命令即从这里继续`, `interrupted: ${results.size} of ${setup.value.points.length} points are stored in ${file}; run the same command again to resume`);
      return 130;
    }
  }
  const result = summarizeSweep(setup.value, paths.value, [...results.values()]);
  writeFileSync(join(out, 'sweep.json'), `${JSON.stringify(sweepResult.encode(result), null, 2)}\n`);
  printResult(io, result, values);
  return EXIT_OK;
};

/** The queue module of the API (a PostgreSQL server's `sweep_points`), loaded only for --database-url. */
export async function loadSweepQueue(): Promise<typeof import('@fundladder/api/sweep')> {
  // The bundle (dist/main.mjs) has no TypeScript loader: register tsx's first. A variable specifier keeps esbuild from
  // bundling the API's database driver into every `fundladder` start.
  if (!import.meta.url.endsWith('.ts')) (await import('tsx/esm/api')).register();
  const specifier = '@fundladder/api/sweep';
  return (await import(specifier)) as typeof import('@fundladder/api/sweep');
}

/** --database-url: queue the points (once: the same sweep again finds its stored points) and show them as they arrive. */
async function sweepOnQueue(io: CliIo, url: string, setup: SweepSetup, paths: SweepPaths, keys: readonly string[], key: string, codeVersion: string, as: { json?: boolean; csv?: boolean }): Promise<number> {
  const queue = await loadSweepQueue();
  const store = await queue.openSweepQueue(url);
  try {
    const { sweep, created } = await queue.enqueueSweep(store, { key, request: setup.request, pathsFingerprint: paths.fingerprint, codeVersion, points: setup.points.map((p) => ({ index: p.index, values: { ...p.values }, key: keys[p.index]! })) });
    io.err(io.lang === 'zh' ? `扫描 ${sweep.id}（${created ? '新建' : '已存在'}）：${sweep.points} 个点在队列中，由 fundladder worker --database-url … 领取；Ctrl-C 只停止等待` : `sweep ${sweep.id} (${created ? 'new' : 'found'}): ${sweep.points} points on the queue for \`fundladder worker --database-url …\`; Ctrl-C only stops waiting`);
    const bar = progressBar(io, io.lang === 'zh' ? '个点' : 'points');
    let stop = false;
    const onSignal = () => void (stop = true);
    process.once('SIGINT', onSignal);
    try {
      for (;;) {
        const progress = await queue.sweepProgress(store, sweep.id);
        bar(progress.done + progress.failed, sweep.points);
        if (progress.done + progress.failed === sweep.points) break;
        if (stop) {
          io.err(io.lang === 'zh' ? `已停止等待：${progress.done} 个点已完成，其余仍在队列中` : `stopped waiting: ${progress.done} points done, the rest stay on the queue`);
          return 130;
        }
        await new Promise((r) => setTimeout(r, 500));
      }
    } finally {
      process.off('SIGINT', onSignal);
    }
    const finished = await queue.finishedPoints(store, sweep.id);
    const points = finished.map((f): SweepPointResult => (f.state === 'done' ? sweepPointResult.decode(f.result as never) : { index: f.index, values: { ...setup.points[f.index]!.values }, status: 'error', binding: [], issues: f.issues ?? [], ms: 0 }));
    const result = summarizeSweep(setup, paths, points);
    printResult(io, result, as);
    return EXIT_OK;
  } finally {
    await store.close();
  }
}
