import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The code version every run records: FUNDLADDER_CODE_VERSION when set (a release build), else the package version
 * and the git commit it runs from (`0.1.0+a1b2c3d`, `-dirty` with uncommitted changes), else the package version.
 */
export function codeVersion(): string {
  if (process.env.FUNDLADDER_CODE_VERSION) return process.env.FUNDLADDER_CODE_VERSION;
  const root = join(import.meta.dirname, '..', '..', '..');
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  try {
    const sha = execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim() !== '';
    return `${version}+${sha}${dirty ? '-dirty' : ''}`;
  } catch {
    return version;
  }
}
