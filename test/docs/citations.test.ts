// Every citation resolves inside the repository (docs/conventions.md §7). A clone must be able to follow each one:
// a cited doc exists, its section (`docs/domain.md §8.1`) or quoted heading (`docs/ledger.md "Findings"`) exists,
// every source key ([R16], [004]) is listed in docs/domain.md §11, and nothing points at files outside the repository
// or at the project's issue tracker, which is not public.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SELF = relative(ROOT, fileURLToPath(import.meta.url));
const SCANNED = ['packages', 'apps', 'bench', 'test', 'docs', 'examples', 'README.md', 'eslint.config.js', 'vitest.config.ts'];
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'coverage', '.git']);
const TEXT_FILE = /\.(ts|tsx|js|mjs|cjs|md|json|sh)$/;

interface Source {
  readonly path: string;
  readonly lines: readonly string[];
}

function walk(path: string, out: string[]): void {
  const full = join(ROOT, path);
  if (!existsSync(full)) return;
  if (statSync(full).isDirectory()) {
    for (const name of readdirSync(full)) if (!SKIPPED_DIRS.has(name)) walk(join(path, name), out);
  } else if (TEXT_FILE.test(path) && path !== SELF) {
    out.push(path);
  }
}

function sources(): Source[] {
  const paths: string[] = [];
  for (const entry of SCANNED) walk(entry, paths);
  return paths.map((path) => ({ path, lines: readFileSync(join(ROOT, path), 'utf8').split('\n') }));
}

/** A doc's headings: their section numbers ("5.3" from "### 5.3 算例 …") and their texts. */
function headings(docPath: string): { numbers: Set<string>; texts: string[] } {
  const numbers = new Set<string>();
  const texts: string[] = [];
  let fenced = false;
  for (const line of readFileSync(join(ROOT, docPath), 'utf8').split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    const heading = !fenced && /^#{1,6}\s+(.*)$/.exec(line);
    if (!heading) continue;
    texts.push(heading[1]!);
    const number = /^(\d+(?:\.\d+)*)[.\s]/.exec(heading[1]!);
    if (number) numbers.add(number[1]!);
  }
  return { numbers, texts };
}

/** Where a cited doc name points from the citing file: `docs/x.md` from the root; a bare `x.md` only from inside docs/. */
function resolveDoc(name: string, citingPath: string): string | undefined {
  if (name.startsWith('docs/')) return name;
  if (citingPath.startsWith('docs/')) return join(dirname(citingPath), name);
  return undefined;
}

/** `§8.1`, `§5.4–§5.6`, `§2.1, §6.1 and §8`: the sections one citation names (both ends of a range). */
function sectionsIn(chain: string): string[] {
  return [...chain.matchAll(/§?\s?(\d+(?:\.\d+)*)/g)].map((m) => m[1]!);
}

// A doc name followed by one section, then more joined by ",", ";", "and", "or", 和, 与, 、 (each with its §) or a range ("–").
const DOC_SECTIONS = /(?<![\w/.-])((?:docs\/)?[a-z][\w-]*\.md)\)?\s*(§\s?\d+(?:\.\d+)*(?:\s*[–-]\s*§?\s?\d+(?:\.\d+)*|\s*(?:,|;|and|or|和|与|、)\s*§\s?\d+(?:\.\d+)*)*)/g;
const DOC_HEADING = /(?<![\w/.-])((?:docs\/)?[a-z][\w-]*\.md)\)?\s+"([^"]+)"/g;
const SECTION = /§\s?(\d+(?:\.\d+)*)(?:\s*[–-]\s*§?\s?(\d+(?:\.\d+)*))?/g;
const DOCS_OWN_SECTIONS = ['docs/domain.md', 'docs/solver-notes.md', 'docs/conventions.md', 'docs/optimizer.md'];

const OUTSIDE: ReadonlyArray<[RegExp, string]> = [
  [/\.\.\/shared\/|\/work\//, 'points outside the repository'],
  [/\b(STYLE|DEVELOPERS)\.md\b/, 'names a file that is not in the repository (house rules: docs/conventions.md)'],
  [/stack-notes/, 'names a file that is not in the repository'],
  [/\b[Ii]ssues? \d/, 'cites the issue tracker, which is not public: say what the issue asked for, or cite the doc section'],
  [/\bseeds? 00\d/, 'cites a seed text by file: use its source key, e.g. [001] (docs/domain.md §11.1)'],
];

describe('citations resolve inside the repository', () => {
  const files = sources();
  const docs = new Map<string, ReturnType<typeof headings>>();
  const docHeadings = (path: string) => {
    if (!docs.has(path)) docs.set(path, headings(path));
    return docs.get(path)!;
  };

  it('scans the code, tests, benchmarks, docs and examples', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.some((f) => f.path === 'docs/domain.md')).toBe(true);
  });

  it('names no file outside the repository and no issue number', () => {
    const failures: string[] = [];
    for (const { path, lines } of files) {
      lines.forEach((line, i) => {
        for (const [pattern, why] of OUTSIDE) if (pattern.test(line)) failures.push(`${path}:${i + 1}: ${why}: ${line.trim().slice(0, 120)}`);
      });
    }
    expect(failures).toEqual([]);
  });

  it('cites a doc by its path from the root (docs/x.md) outside docs/, and every cited doc exists', () => {
    const failures: string[] = [];
    const docNames = new Set(readdirSync(join(ROOT, 'docs')).filter((n) => n.endsWith('.md')));
    for (const { path, lines } of files) {
      lines.forEach((line, i) => {
        for (const m of line.matchAll(/(?<![\w.-])((?:[\w.-]+\/)*)([\w-]+\.md)\b/g)) {
          const [prefix, name] = [m[1]!, m[2]!];
          if (prefix.includes('://') || line.slice(0, m.index).endsWith('://')) continue;
          if (prefix === '' && docNames.has(name) && !path.startsWith('docs/')) failures.push(`${path}:${i + 1}: cite docs/${name}, not ${name}`);
          if (prefix === 'docs/' && !existsSync(join(ROOT, 'docs', name))) failures.push(`${path}:${i + 1}: docs/${name} does not exist`);
        }
        if (path.endsWith('.md')) {
          for (const m of line.matchAll(/\]\(([^)#\s]+\.md)(?:#[^)]*)?\)/g)) {
            if (!/^[a-z]+:/.test(m[1]!) && !existsSync(join(ROOT, dirname(path), m[1]!))) failures.push(`${path}:${i + 1}: link to ${m[1]} does not resolve`);
          }
        }
      });
    }
    expect(failures).toEqual([]);
  });

  it('every cited section (§N.M) and quoted heading exists in the cited doc', () => {
    const failures: string[] = [];
    for (const { path, lines } of files) {
      lines.forEach((line, i) => {
        let rest = line;
        for (const m of line.matchAll(DOC_SECTIONS)) {
          rest = rest.replace(m[0], '');
          const doc = resolveDoc(m[1]!, path);
          if (!doc || !existsSync(join(ROOT, doc))) continue; // reported by the test above
          for (const section of sectionsIn(m[2]!)) {
            if (!docHeadings(doc).numbers.has(section)) failures.push(`${path}:${i + 1}: ${doc} has no §${section}`);
          }
        }
        for (const m of line.matchAll(DOC_HEADING)) {
          const doc = resolveDoc(m[1]!, path);
          if (!doc || !existsSync(join(ROOT, doc))) continue;
          if (!docHeadings(doc).texts.some((t) => t.includes(m[2]!))) failures.push(`${path}:${i + 1}: ${doc} has no heading "${m[2]}"`);
        }
        // Inside a doc with numbered sections, a bare §N is a section of that doc.
        if (DOCS_OWN_SECTIONS.includes(path)) {
          for (const m of rest.matchAll(SECTION)) {
            for (const section of [m[1], m[2]]) {
              if (section && !docHeadings(path).numbers.has(section)) failures.push(`${path}:${i + 1}: no §${section} in this doc`);
            }
          }
        }
      });
    }
    expect(failures).toEqual([]);
  });

  it('every source key ([R16], [004]) used anywhere is listed in docs/domain.md §11', () => {
    const listed = new Set<string>();
    for (const line of readFileSync(join(ROOT, 'docs/domain.md'), 'utf8').split('\n')) {
      const row = /^\|\s*`?\[?(R\d+|00\d)\]?`?\s*\|/.exec(line);
      if (row) listed.add(row[1]!);
    }
    expect(listed.size).toBeGreaterThan(70);
    const failures: string[] = [];
    for (const { path, lines } of files) {
      lines.forEach((line, i) => {
        for (const m of line.matchAll(/\[(R\d+|00\d)\]/g)) if (!listed.has(m[1]!)) failures.push(`${path}:${i + 1}: [${m[1]}] is not in docs/domain.md §11`);
      });
    }
    expect(failures).toEqual([]);
  });
});
