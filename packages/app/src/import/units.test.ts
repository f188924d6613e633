import { describe, expect, it } from 'vitest';
import { parseUnit, splitHeader, unitNote } from './units';

describe('splitHeader', () => {
  it.each([
    ['收入（万元）', '收入', 'wan'],
    ['收入(万元)', '收入', 'wan'],
    ['支出【亿元】', '支出', 'yi'],
    ['收入/元', '收入', 'yuan'],
    ['收入 万元', '收入', 'wan'],
    ['收入万元', '收入', 'wan'],
    ['inflow (wan)', 'inflow', 'wan'],
    ['inflow (10k yuan)', 'inflow', 'wan'],
    ['outflow (100m yuan)', 'outflow', 'yi'],
    ['inflowWan', 'inflow', 'wan'],
    ['inflow_yuan', 'inflow', 'yuan'],
    ['一般性存款（单位：亿元）', '一般性存款', 'yi'],
  ])('%s → name %s, unit %s', (header, name, unit) => {
    expect(splitHeader(header)).toMatchObject({ name, unit });
  });
  it('reads a percent declaration', () => {
    expect(splitHeader('年利率（%）')).toMatchObject({ name: '年利率', percent: true });
    expect(splitHeader('rate (%)')).toMatchObject({ name: 'rate', percent: true });
    expect(splitHeader('利率%')).toMatchObject({ name: '利率', percent: true });
  });
  it('declares nothing when the header says nothing', () => {
    expect(splitHeader('收入')).toEqual({ text: '收入', name: '收入', label: '收入' });
    expect(splitHeader('inflow')).toEqual({ text: 'inflow', name: 'inflow', label: 'inflow' });
    expect(splitHeader('期限（月）')).toEqual({ text: '期限（月）', name: '期限(月)', label: '期限(月)' });
  });
  it('does not take 元 out of a word that merely ends the name', () => {
    expect(splitHeader('企业职工基本养老保险基金').unit).toBeUndefined();
  });
});

describe('parseUnit and unitNote', () => {
  it('reads units as written', () => {
    expect(['元', '万元', '亿元', '万', '亿', 'yuan', 'WAN', 'yi', '单位：万元', '金额单位:亿元', '%', ''].map(parseUnit)).toEqual(['yuan', 'wan', 'yi', 'wan', 'yi', 'yuan', 'wan', 'yi', 'wan', 'yi', undefined, undefined]);
  });
  it('finds 单位：万元 in a title row and not in 编制单位', () => {
    expect(unitNote('编制单位：示例县社会保险事业管理局      单位：万元')).toBe('wan');
    expect(unitNote('金额单位：亿元')).toBe('yi');
    expect(unitNote('Unit: wan')).toBe('wan');
    expect(unitNote('编制单位：示例县社保局')).toBeUndefined();
  });
});
