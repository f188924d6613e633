import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCK_FILE, lockFolder } from './folderLock';

const dirs: string[] = [];
const folder = () => {
  const d = mkdtempSync(join(tmpdir(), 'fundladder-lock-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** The id of a process that has exited (and been reaped). */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', '0']);
  return r.pid!;
}

describe('lockFolder', () => {
  it('takes a free folder, writing its pid and host, and gives it back on release', () => {
    const dir = folder();
    const held = lockFolder(dir);
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toBe(`${process.pid} ${hostname()}\n`);
    held.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    lockFolder(dir).release();
  });

  it('refuses a folder a live process holds, naming it and the way out', () => {
    const dir = folder();
    const held = lockFolder(dir);
    expect(() => lockFolder(dir)).toThrow(`the data folder ${dir} is in use by process ${process.pid} on ${hostname()}`);
    expect(() => lockFolder(dir)).toThrow(`delete ${join(dir, LOCK_FILE)}`);
    held.release();
  });

  it('takes over the lock of a process that died (kill -9 leaves it behind)', () => {
    const dir = folder();
    writeFileSync(join(dir, LOCK_FILE), `${deadPid()} ${hostname()}\n`);
    const held = lockFolder(dir);
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toBe(`${process.pid} ${hostname()}\n`);
    held.release();
  });

  it('refuses a lock held on another host (its process cannot be checked from here)', () => {
    const dir = folder();
    writeFileSync(join(dir, LOCK_FILE), `${deadPid()} another-host\n`);
    expect(() => lockFolder(dir)).toThrow(/in use by process \d+ on another-host/);
  });

  it('refuses an unreadable lock while it may still be being written, and takes it over once old', () => {
    const dir = folder();
    writeFileSync(join(dir, LOCK_FILE), '');
    expect(() => lockFolder(dir)).toThrow('in use by a process starting up');
    const old = new Date(Date.now() - 60_000);
    utimesSync(join(dir, LOCK_FILE), old, old);
    lockFolder(dir).release();
  });

  it('leaves a lock alone on release once another process holds it', () => {
    const dir = folder();
    const held = lockFolder(dir);
    writeFileSync(join(dir, LOCK_FILE), `1 ${hostname()}\n`);
    held.release();
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toBe(`1 ${hostname()}\n`);
  });
});
