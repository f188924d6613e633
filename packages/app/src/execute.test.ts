// One entry point for every job (docs/app.md §1): the request's kind picks the job; results go to the wire and back.
import { describe, expect, it } from 'vitest';
import { tinyPlan, tinyScenario } from '@fundladder/core/testing';
import { decodeResult, encodeResult, execute } from './execute';

describe('execute', () => {
  it('runs the job the kind names, and its result survives encode → JSON → decode', async () => {
    const r = await execute({ kind: 'evaluate', scenario: tinyScenario(), plan: tinyPlan() });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.kind).toBe('evaluate');
    const back = decodeResult(JSON.parse(JSON.stringify(encodeResult(r.value))));
    expect(back).toEqual({ ok: true, value: r.value });
    const v = await execute({ kind: 'validate', document: tinyScenario() });
    expect(v.ok && v.value.kind === 'validate' && v.value.target).toBe('scenario');
  });

  it('an unknown kind is an issue naming the field, not a throw; so is a wire result of no known kind', async () => {
    const r = await execute({ kind: 'sweep' } as never);
    expect(r).toEqual({ ok: false, issues: [expect.objectContaining({ path: ['kind'], rule: 'jobKind', received: 'sweep' })] });
    expect(decodeResult({ kind: 'nope' }).ok).toBe(false);
  });

  it('a wire result with a bad figure is refused at its path', async () => {
    const r = await execute({ kind: 'evaluate', scenario: tinyScenario(), plan: tinyPlan() });
    if (!r.ok) throw new Error('no result');
    const wire = JSON.parse(JSON.stringify(encodeResult(r.value))) as { evaluation: { interest: string } };
    wire.evaluation.interest = '1.234';
    const back = decodeResult(wire);
    expect(back.ok).toBe(false);
    if (!back.ok) expect(back.issues[0]!.path).toEqual(['evaluation', 'interest']);
  });
});
