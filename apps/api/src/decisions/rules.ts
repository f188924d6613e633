// Who may do what to a run in the decision log (docs/api.md, "Decision log"). Pure: the route reads the run, the caller's role and
// the run's entries, asks here, and appends only what this allows.
import type { DomainIssue } from '@fundladder/core';
import { type Role, roleAtLeast } from '../auth/access';
import type { DecisionAction } from '../repo/decisions';

/** Where a run stands in the log: nothing yet, proposed (reviews may follow), or settled by approve/reject/withdraw. */
export type ApprovalState = 'none' | 'proposed' | 'approved' | 'rejected' | 'withdrawn';

/** The least role each action needs (viewer < planner < approver < admin). */
export const ACTION_ROLE: Record<DecisionAction, Role> = { propose: 'planner', withdraw: 'planner', review: 'approver', approve: 'approver', reject: 'approver' };

/**
 * A run's state from its entries, oldest first, with the user who made the proposal in force (the latest `propose`).
 * A rejected or withdrawn run may be proposed again; an approved one is final.
 *
 * @example approvalState([{ action: 'propose', userName: 'li' }, { action: 'review', userName: 'wang' }]) //=> { state: 'proposed', proposer: 'li' }
 */
export function approvalState(entries: readonly { action: DecisionAction; userName: string }[]): { state: ApprovalState; proposer?: string } {
  let state: ApprovalState = 'none';
  let proposer: string | undefined;
  for (const e of entries) {
    if (e.action === 'propose') {
      state = 'proposed';
      proposer = e.userName;
    } else if (e.action === 'approve') state = 'approved';
    else if (e.action === 'reject') state = 'rejected';
    else if (e.action === 'withdraw') state = 'withdrawn';
  }
  return proposer === undefined ? { state } : { state, proposer };
}

/** Why an action is refused: the HTTP status, the error code and the issue naming the rule. */
export interface Refusal {
  readonly status: 403 | 409;
  readonly code: string;
  readonly issue: DomainIssue;
}

/**
 * Whether `user` (holding `role` in the fund) may take `action` on a run in `runState`, created by `createdBy`, whose
 * log so far is `entries`. The rules, in the order they are checked:
 * - the role the action needs ({@link ACTION_ROLE}; `roleForAction`, 403);
 * - propose: only a `done` run (`proposeFinishedRun`, 409), not one already proposed or approved (`oneOpenProposal`, 409);
 * - review, approve, reject, withdraw: only a run whose proposal is in force (`decideAfterPropose`, 409);
 * - review, approve, reject: never by the user who proposed the run or created it (`fourEyes`, 403);
 * - withdraw: only by the proposer (`withdrawByProposer`, 403).
 *
 * @example checkDecision({ action: 'approve', user: 'li', role: 'approver', runState: 'done', createdBy: 'li', entries: [{ action: 'propose', userName: 'li' }] })?.issue.rule //=> 'fourEyes'
 */
export function checkDecision(input: { action: DecisionAction; user: string; role: Role; runState: string; createdBy: string | null; entries: readonly { action: DecisionAction; userName: string }[] }): Refusal | undefined {
  const { action, user, role } = input;
  const needs = ACTION_ROLE[action];
  if (!roleAtLeast(role, needs)) return { status: 403, code: 'forbidden', issue: { code: 'role_too_low', path: ['action'], rule: 'roleForAction', message: `${action} needs the ${needs} role; you are ${role}`, received: role, limit: needs } };
  const { state, proposer } = approvalState(input.entries);
  if (action === 'propose') {
    if (input.runState !== 'done') return { status: 409, code: 'run_not_done', issue: { code: 'run_not_done', path: ['action'], rule: 'proposeFinishedRun', message: `only a finished run can be proposed; this run is ${input.runState}`, received: input.runState, limit: 'done' } };
    if (state === 'proposed' || state === 'approved') return { status: 409, code: 'already_' + state, issue: { code: 'already_' + state, path: ['action'], rule: 'oneOpenProposal', message: state === 'approved' ? 'this run is approved: an approval is final' : `this run is already proposed (by ${proposer}); withdraw it first`, received: state } };
    return undefined;
  }
  if (state !== 'proposed') return { status: 409, code: 'not_proposed', issue: { code: 'not_proposed', path: ['action'], rule: 'decideAfterPropose', message: `${action} needs a proposal in force; this run is ${state === 'none' ? 'not proposed' : state}`, received: state, limit: 'proposed' } };
  if (action === 'withdraw') {
    if (user !== proposer) return { status: 403, code: 'not_proposer', issue: { code: 'not_proposer', path: ['action'], rule: 'withdrawByProposer', message: `only ${proposer}, who proposed this run, can withdraw it`, received: user, limit: proposer! } };
    return undefined;
  }
  if (user === proposer || user === input.createdBy) {
    const why = user === proposer && user === input.createdBy ? 'created and proposed' : user === proposer ? 'proposed' : 'created';
    return { status: 403, code: 'four_eyes', issue: { code: 'four_eyes', path: ['action'], rule: 'fourEyes', message: `you ${why} this run: another approver must ${action} it (四眼原则)`, received: user } };
  }
  return undefined;
}
