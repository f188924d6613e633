import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIMIZE_FORM, optimizeRequest } from './optimizeRequest';

describe('the optimize request of the Overview’s button', () => {
  it('sends the stored version by reference with 500 check paths and seed 7 by default', () => {
    expect(optimizeRequest('12', DEFAULT_OPTIMIZE_FORM)).toEqual({ ok: true, body: { kind: 'optimize', scenario: { scenarioVersion: '12' }, options: { paths: 500, seed: 7 } } });
  });

  it('adds planning paths when given, trimming spaces', () => {
    expect(optimizeRequest('1', { paths: ' 200 ', planningPaths: '300', seed: '7' })).toEqual({ ok: true, body: { kind: 'optimize', scenario: { scenarioVersion: '1' }, options: { paths: 200, planningPaths: 300, seed: 7 } } });
  });

  it('leaves empty fields to the application layer’s defaults', () => {
    expect(optimizeRequest('1', { paths: '', planningPaths: '', seed: '' })).toEqual({ ok: true, body: { kind: 'optimize', scenario: { scenarioVersion: '1' }, options: {} } });
  });

  it('names every field that is not a whole number within its bound', () => {
    expect(optimizeRequest('1', { paths: '-1', planningPaths: '2.5', seed: 'seven' })).toEqual({ ok: false, fields: ['paths', 'planningPaths', 'seed'] });
    expect(optimizeRequest('1', { paths: '20001', planningPaths: '20000', seed: '4294967296' })).toEqual({ ok: false, fields: ['paths', 'seed'] });
  });
});
