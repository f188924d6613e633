// The runs table stores every kind of job the application layer runs: the last migration that sets `runs_kind_check`
// lists exactly the app layer's JOB_KINDS, so a run the API accepts (runRequest.ts) is never refused by the database.
import { describe, expect, it } from 'vitest';
import { JOB_KINDS } from '@fundladder/app';
import { readMigrations } from './migrate';

describe('the runs table’s kinds', () => {
  it('are the application layer’s job kinds, as the last migration that checks them lists them', () => {
    const checks = readMigrations()
      .map((m) => /runs_kind_check check \(kind in \(([^)]*)\)\)/.exec(m.sql)?.[1])
      .filter((list): list is string => list !== undefined);
    expect(checks.length).toBeGreaterThan(0);
    const kinds = [...checks.at(-1)!.matchAll(/'([^']+)'/g)].map((k) => k[1]).sort();
    expect(kinds).toEqual([...JOB_KINDS].sort());
  });
});
