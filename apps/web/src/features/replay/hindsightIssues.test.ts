import { describe, expect, it } from 'vitest';
import { replayResult } from '../../api/results';
import { issueSentence } from '../../api/schemas';
import fixture from './fixtures/replayNoHindsight.json';
import stored from './fixtures/replay.json';

// The hand-worked replay of examples/audit/replay (1亿 in the fund) with 2亿 paid out in March instead: no plan pays
// that from the fund's own money, so there is no hindsight plan, only the optimizer's issue. Made by runReplay (rolling
// off) and encoded with replayResult.encode, as the API stores it (packages/app/src/jobs/replay.test.ts, "2亿 paid out in
// March"). The screen shows each issue with issueSentence: the catalogue's words the result carries, in its language.
describe('a replay without a hindsight plan', () => {
  it('says why in the reader’s language, from the words the result carries, not the engine’s English message', () => {
    const decoded = replayResult.safeDecode(fixture as never);
    expect(decoded.success).toBe(true);
    const issues = decoded.data!.hindsightIssues ?? [];
    expect(issues.map((i) => issueSentence(i, 'zh'))).toEqual(['没有任何计划能在此情景下满足全部规则']);
    expect(issues.map((i) => issueSentence(i, 'en'))).toEqual(['no plan keeps every rule with this scenario']);
    expect(decoded.data!.hindsight).toBeUndefined();
    // And why no plan keeps every rule on the actual flows, in both languages, the fund type by its name.
    expect(decoded.data!.hindsightWhy?.zh[1]).toBe('最大短缺：2025-02 险种现金（企业职工基本养老保险基金） 短缺 10,000.0 万元');
    expect(decoded.data!.hindsightWhy?.en[1]).toBe("Largest shortfall: 2025-02, a fund type's cash (employee pension), short by 10,000.0万");
  });

  it('a result stored before the issues carried words still reads, and its warnings fall back to the message', () => {
    const decoded = replayResult.safeDecode(stored as never);
    expect(decoded.success).toBe(true);
    expect(decoded.data!.warnings.every((w) => w.text === undefined)).toBe(true);
    expect(decoded.data!.hindsightWhy).toBeUndefined();
  });
});
