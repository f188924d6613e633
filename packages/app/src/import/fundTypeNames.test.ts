import { describe, expect, it } from 'vitest';
import { FUND_TYPES } from '@fundladder/core';
import { resolveFundType } from './fundTypeNames';

const id = (text: string, among?: string[]) => {
  const r = resolveFundType(text, among);
  return r.ok ? r.fundType : r.problem;
};

// 来源: docs/domain.md §1.1 (the fund types, their Chinese names and ids).
describe('resolveFundType', () => {
  it.each([
    ['企业职工基本养老保险基金', 'employeePension'],
    ['城乡居民基本养老保险基金', 'residentPension'],
    ['机关事业单位养老保险基金', 'publicSectorPension'],
    ['职工基本医疗保险基金', 'employeeMedical'],
    ['城镇职工基本医疗保险基金', 'employeeMedical'],
    ['城乡居民基本医疗保险基金', 'residentMedical'],
    ['失业保险基金', 'unemployment'],
    ['工伤保险基金', 'workInjury'],
    ['生育保险基金', 'maternity'],
  ])('%s → %s', (name, fundType) => expect(id(name)).toBe(fundType));
  it('reads short forms that fit one fund type', () => {
    expect(['失业', '工伤', '生育', '失业保险', '工伤险', '企业养老', '居民养老', '机关养老', '职工医保', '居民医保', ' 企业职工 基本养老保险 '].map((t) => id(t))).toEqual([
      'unemployment', 'workInjury', 'maternity', 'unemployment', 'workInjury', 'employeePension', 'residentPension', 'publicSectorPension', 'employeeMedical', 'residentMedical', 'employeePension',
    ]);
  });
  it('reads the ids, in any case', () => {
    for (const f of FUND_TYPES) expect(id(f)).toBe(f);
    expect(id('EMPLOYEEPENSION')).toBe('employeePension');
  });
  it('refuses 养老 and 医疗 when several fund types fit, and resolves them when the scenario has only one', () => {
    expect(resolveFundType('养老')).toEqual({ ok: false, problem: 'ambiguous', candidates: ['employeePension', 'residentPension', 'publicSectorPension'] });
    expect(id('养老保险', ['employeePension', 'unemployment'])).toBe('employeePension');
    expect(id('医疗', ['residentMedical'])).toBe('residentMedical');
    expect(id('医疗', ['employeeMedical', 'residentMedical'])).toBe('ambiguous');
  });
  it('says unknown for anything else', () => {
    expect(id('住房公积金')).toBe('unknown');
    expect(id('')).toBe('unknown');
  });
});
