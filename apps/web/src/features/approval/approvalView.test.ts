import { describe, expect, it } from 'vitest';
import { actionsFor, chainState, fourEyesBlocks } from './approvalView';

// The rules are the API's (apps/api/src/decisions/rules.ts checkDecision); these cases follow its TSDoc.
const base = { user: 'wang', role: 'approver', proposer: 'li', createdBy: 'li', runDone: true } as const;

describe('what the approval screen offers', () => {
  it('offers proposing a finished run to a planner or above, again after a rejection or withdrawal, never to a viewer', () => {
    expect(actionsFor({ ...base, state: 'none', user: 'li', role: 'planner', proposer: null })).toEqual(['propose']);
    expect(actionsFor({ ...base, state: 'rejected' })).toEqual(['propose']);
    expect(actionsFor({ ...base, state: 'none', role: 'viewer', proposer: null })).toEqual([]);
    expect(actionsFor({ ...base, state: 'none', proposer: null, runDone: false })).toEqual([]);
  });

  it('offers review, approve and reject to a second approver only (four eyes); withdraw to the proposer; nothing after approval', () => {
    expect(actionsFor({ ...base, state: 'proposed' })).toEqual(['review', 'approve', 'reject']);
    expect(actionsFor({ ...base, state: 'proposed', user: 'li' })).toEqual(['withdraw']);
    expect(actionsFor({ ...base, state: 'proposed', user: 'zhao', createdBy: 'zhao' })).toEqual([]);
    expect(actionsFor({ ...base, state: 'proposed', role: 'planner' })).toEqual([]);
    expect(actionsFor({ ...base, state: 'approved' })).toEqual([]);
    expect(fourEyesBlocks({ ...base, state: 'proposed', user: 'li' })).toBe(true);
    expect(fourEyesBlocks({ ...base, state: 'proposed' })).toBe(false);
  });

  it('states the chain: empty, verified with its head, or broken at an entry', () => {
    const entry = { id: '1', runId: '3', action: 'propose' as const, userName: 'li', comment: null, createdAt: '2026-01-01T00:00:00Z', prevHash: '0', hash: 'ab12' };
    expect(chainState({ decisions: [], verified: true, firstBroken: null })).toEqual({ kind: 'empty' });
    expect(chainState({ decisions: [entry], verified: true, firstBroken: null })).toEqual({ kind: 'verified', entries: 1, head: 'ab12' });
    expect(chainState({ decisions: [entry], verified: false, firstBroken: { id: '1', reason: 'hash', expected: 'x', stored: 'ab12' } })).toEqual({ kind: 'broken', at: '1', reason: 'hash' });
  });
});
