import { mkdirSync, linkSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** The lock's file inside a PGlite data folder (PGlite leaves files it does not know alone). */
export const LOCK_FILE = 'fundladder.lock';

/** A lock file without a readable holder younger than this may still be being written by its creator. */
const UNREADABLE_GRACE_MS = 5_000;

/** Who holds a folder: the process id and the host it runs on. */
export interface FolderHolder {
  readonly pid: number;
  readonly host: string;
}

/**
 * Holds a PGlite data folder for this process (docs/api.md §9). PGlite takes no lock of its own: two processes opening
 * one folder both start and both acknowledge writes, and the folder keeps only one's (measured: 10 + 10 acknowledged
 * scenario writes from two `serve` processes, 10 left after both stopped). So `lockFolder` creates `dir/fundladder.lock`
 * holding this process's id and host, and refuses, naming the holder, while a live process holds it. A lock left by a
 * process that died (`kill -9`, a power cut) is taken over; of two processes taking over the same stale lock at once,
 * one wins (the stale file is renamed aside, which only one rename can do).
 *
 * @param dir the data folder (created when absent)
 * @returns `release()`, which removes the lock if it is still this process's
 * @example
 * const held = lockFolder('/srv/fundladder-data');
 * lockFolder('/srv/fundladder-data');
 * //=> throws: the data folder /srv/fundladder-data is in use by process 4242 on host-a …
 * held.release();
 */
export function lockFolder(dir: string, me: FolderHolder = { pid: process.pid, host: hostname() }): { release(): void } {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, LOCK_FILE);
  const mine = `${me.pid} ${me.host}\n`;
  const release = () => {
    try {
      if (readFileSync(path, 'utf8') === mine) unlinkSync(path);
    } catch {
      // already gone
    }
  };
  for (let attempt = 0; attempt < 10; attempt++) {
    try {
      writeFileSync(path, mine, { flag: 'wx' });
      return { release };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    let held: string;
    let age: number;
    try {
      held = readFileSync(path, 'utf8');
      age = Date.now() - statSync(path).mtimeMs;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw e;
    }
    const holder = parseHolder(held);
    if (holder ? holder.host !== me.host || processAlive(holder.pid) : age < UNREADABLE_GRACE_MS) {
      throw new Error(
        `the data folder ${dir} is in use by ${holder ? `process ${holder.pid} on ${holder.host}` : 'a process starting up'}: PGlite serves one process per folder ` +
          `(a second one loses writes). Stop that process, or use a PostgreSQL server (DATABASE_URL) for several. ` +
          `If no fundladder process holds it, delete ${path}.`,
      );
    }
    // Its process is gone (or it never got written): take it over, against another process doing the same.
    const aside = `${path}.stale-${me.pid}`;
    try {
      renameSync(path, aside);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw e;
    }
    if (readFileSync(aside, 'utf8') !== held) {
      // Another process replaced the stale lock between our read and our rename: that lock is live; put it back.
      try {
        linkSync(aside, path);
      } catch {
        // a third process holds the path now; it is theirs
      }
    }
    unlinkSync(aside);
  }
  throw new Error(`could not take the lock ${path}: other processes keep taking and leaving it`);
}

function parseHolder(text: string): FolderHolder | undefined {
  const m = /^(\d+) (\S+)\n$/.exec(text);
  return m ? { pid: Number(m[1]), host: m[2]! } : undefined;
}

/**
 * Whether a process with this id runs on this host (EPERM: it does, as another user). A zombie does not: a killed
 * server whose parent is gone can stay one until PID 1 reaps it, and its folder is free.
 */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^[ZX]/.test(stat.slice(stat.lastIndexOf(')') + 2));
  } catch {
    return true; // no /proc (not Linux): trust kill(pid, 0)
  }
}
