// What the Approval screen offers, by pure functions (tested beside this file). The API decides (apps/api/src/
// decisions/rules.ts `checkDecision`: roles, one open proposal, four eyes, withdraw by the proposer); the screen offers
// only the actions it would allow, so that a refusal is the exception, not the way to learn the rules.
import type { ApprovalState, Chain, DecisionAction } from '../../api/approvalSchemas';
import { type Role, roleAtLeast } from '../../api/schemas';

const NEEDS: Record<DecisionAction, Role> = { propose: 'planner', withdraw: 'planner', review: 'approver', approve: 'approver', reject: 'approver' };

/**
 * The actions `user` (with `role` in the fund) may take on a finished run in `state`, proposed by `proposer` and
 * created by `createdBy`, in the order the screen shows them.
 * @example actionsFor({ state: 'proposed', user: 'wang', role: 'approver', proposer: 'li', createdBy: 'li', runDone: true }) //=> ['review', 'approve', 'reject']
 * @example actionsFor({ state: 'proposed', user: 'li', role: 'approver', proposer: 'li', createdBy: 'li', runDone: true }) //=> ['withdraw']
 */
export function actionsFor(input: { state: ApprovalState; user: string; role: string | undefined; proposer: string | null; createdBy: string | null; runDone: boolean }): DecisionAction[] {
  const may = (a: DecisionAction) => roleAtLeast(input.role, NEEDS[a]);
  if (input.state === 'none' || input.state === 'rejected' || input.state === 'withdrawn') return input.runDone && may('propose') ? ['propose'] : [];
  if (input.state !== 'proposed') return [];
  const out: DecisionAction[] = [];
  const fourEyes = input.user !== input.proposer && input.user !== input.createdBy;
  if (fourEyes) for (const a of ['review', 'approve', 'reject'] as const) if (may(a)) out.push(a);
  if (input.user === input.proposer && may('withdraw')) out.push('withdraw');
  return out;
}

/** Why someone cannot approve, when that is the reason the button is missing (for the text beside the buttons). */
export function fourEyesBlocks(input: { state: ApprovalState; user: string; role: string | undefined; proposer: string | null; createdBy: string | null }): boolean {
  return input.state === 'proposed' && (input.role === 'approver' || input.role === 'admin') && (input.user === input.proposer || input.user === input.createdBy);
}

/**
 * The chain's state in a word: intact, broken at an entry, or empty.
 * @example chainState({ decisions: [], verified: true, firstBroken: null }) //=> { kind: 'empty' }
 */
export function chainState(chain: Chain): { kind: 'empty' } | { kind: 'verified'; entries: number; head: string } | { kind: 'broken'; at: string; reason: string } {
  if (chain.firstBroken) return { kind: 'broken', at: chain.firstBroken.id, reason: chain.firstBroken.reason };
  if (chain.decisions.length === 0) return { kind: 'empty' };
  return { kind: 'verified', entries: chain.decisions.length, head: chain.decisions.at(-1)!.hash };
}
