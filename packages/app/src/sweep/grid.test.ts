// The grid syntax of docs/sweep.md §1 ("--vary NAME=FROM..TO[:STEP] | NAME=V1,V2,…"), with the issue's own examples
// (docs/sweep.md §1: `--vary reserveMonths=1..6 --vary caps.fundShare=0.1..0.4:0.05`).
import { describe, expect, it } from 'vitest';
import { expandGrid, parseVary } from './grid';

const values = (text: string) => {
  const r = parseVary(text);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value.values;
};
const issue = (text: string) => {
  const r = parseVary(text);
  if (r.ok) throw new Error(`accepted ${text}`);
  return r.issues[0]!;
};

describe('parseVary', () => {
  it('reads the issue example reserveMonths=1..6 as six whole months', () => {
    expect(parseVary('reserveMonths=1..6')).toEqual({ ok: true, value: { name: 'reserveMonths', values: ['1', '2', '3', '4', '5', '6'] } });
  });
  it('steps 0.1..0.4:0.05 in exact decimals, both ends included, every value with the same decimals', () => {
    expect(values('caps.fundShare=0.1..0.4:0.05')).toEqual(['0.10', '0.15', '0.20', '0.25', '0.30', '0.35', '0.40']);
  });
  it('stops at the last step at or below TO when the step does not land on it', () => {
    expect(values('x=1..2:0.3')).toEqual(['1.0', '1.3', '1.6', '1.9']);
  });
  it('reads a list as given, in its order', () => {
    expect(values('maxTermMonths=60,12,36')).toEqual(['60', '12', '36']);
  });
  it('takes a single value as a one-point line', () => {
    expect(values('confidence=0.99')).toEqual(['0.99']);
  });
  it('refuses a range that runs downwards, naming the flag and the rule', () => {
    expect(issue('reserveMonths=6..1')).toMatchObject({ path: ['--vary'], rule: 'varySyntax', received: 'reserveMonths=6..1' });
  });
  it('refuses a zero or negative step, text that is not a number, a missing name or values, and a value listed twice', () => {
    expect(issue('x=1..2:0').message).toContain('the step is above 0');
    expect(issue('x=1..2:-1').rule).toBe('varySyntax');
    expect(issue('x=1..abc').message).toContain('TO "abc" is not a plain decimal number');
    expect(issue('x=1e3').message).toContain('"1e3" is not a plain decimal number');
    expect(issue('=1..2').message).toContain('name');
    expect(issue('x=').message).toContain('no values');
    expect(issue('reserveMonths').message).toContain('NAME=FROM..TO');
    expect(issue('x=1..2..3').message).toContain('a range is FROM..TO');
    expect(issue('x=0.1,0.10').rule).toBe('varyDistinctValues');
  });
  it('refuses more than 1,000 values for one parameter before making them', () => {
    expect(issue('x=0..1:0.0001')).toMatchObject({ rule: 'varyTooManyValues', limit: '1000' });
  });
});

describe('expandGrid', () => {
  it('crosses two parameters, the first outermost, keys in the order given', () => {
    const r = expandGrid([{ name: 'reserveMonths', values: ['1', '2'] }, { name: 'caps.fundTimeDepositShare', values: ['0.1', '0.2', '0.3'] }]);
    expect(r.ok && r.value.map((p) => [p.index, Object.entries(p.values)])).toEqual([
      [0, [['reserveMonths', '1'], ['caps.fundTimeDepositShare', '0.1']]],
      [1, [['reserveMonths', '1'], ['caps.fundTimeDepositShare', '0.2']]],
      [2, [['reserveMonths', '1'], ['caps.fundTimeDepositShare', '0.3']]],
      [3, [['reserveMonths', '2'], ['caps.fundTimeDepositShare', '0.1']]],
      [4, [['reserveMonths', '2'], ['caps.fundTimeDepositShare', '0.2']]],
      [5, [['reserveMonths', '2'], ['caps.fundTimeDepositShare', '0.3']]],
    ]);
  });
  it('gives the issue example 6 × 7 = 42 points', () => {
    const r = expandGrid([{ name: 'reserveMonths', values: values('reserveMonths=1..6') }, { name: 'caps.fundShare', values: values('caps.fundShare=0.1..0.4:0.05') }]);
    expect(r.ok && r.value.length).toBe(42);
  });
  it('refuses no parameter, three, one named twice, and a grid over 10,000 points', () => {
    const axis = (name: string, n = 2) => ({ name, values: Array.from({ length: n }, (_, i) => String(i)) });
    expect(expandGrid([])).toMatchObject({ ok: false, issues: [{ rule: 'varyCount' }] });
    expect(expandGrid([axis('a'), axis('b'), axis('c')])).toMatchObject({ ok: false, issues: [{ rule: 'varyCount', received: '3' }] });
    expect(expandGrid([axis('a'), axis('a')])).toMatchObject({ ok: false, issues: [{ rule: 'varyDistinctParameters', received: 'a' }] });
    expect(expandGrid([axis('a', 101), axis('b', 100)])).toMatchObject({ ok: false, issues: [{ rule: 'gridTooLarge', received: '10100' }] });
  });
});
