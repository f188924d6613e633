import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, encodingName } from './decodeText';

const TEXT = '月份,险种,收入（万元）\n2025年1月,企业职工基本养老保险基金,"1,234.56"\n';

describe('decodeText', () => {
  it('reads UTF-8 without a BOM', () => {
    expect(decodeText(new TextEncoder().encode(TEXT))).toEqual({ text: TEXT, encoding: 'utf8' });
  });
  it('drops a UTF-8 BOM (Excel "CSV UTF-8")', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(TEXT)]);
    expect(decodeText(bytes)).toEqual({ text: TEXT, encoding: 'utf8' });
  });
  it('falls back to GB18030 when the bytes are not UTF-8 (a GBK export)', () => {
    expect(decodeText(iconv.encode(TEXT, 'gbk'))).toEqual({ text: TEXT, encoding: 'gb18030' });
  });
  it('reads GB18030 characters outside GBK', () => {
    const rare = '𠀀';
    expect(decodeText(iconv.encode(rare, 'gb18030'), 'gb18030')?.text).toBe(rare);
  });
  it('refuses GBK bytes when told the file is UTF-8', () => {
    expect(decodeText(iconv.encode(TEXT, 'gbk'), 'utf8')).toBeUndefined();
  });
  it('reads GBK when told so even if the bytes happen to be valid UTF-8', () => {
    expect(decodeText(new TextEncoder().encode('month,fundType'), 'gb18030')).toEqual({ text: 'month,fundType', encoding: 'gb18030' });
  });
  it('reads UTF-16 with a BOM (Excel "Unicode text")', () => {
    const body = Buffer.from('月份\t收入', 'utf16le');
    expect(decodeText(new Uint8Array([0xff, 0xfe, ...body]))).toEqual({ text: '月份\t收入', encoding: 'utf16le' });
  });
  it('refuses bytes that are neither UTF-8 nor GB18030', () => {
    expect(decodeText(new Uint8Array([0x81, 0x20, 0xff]))).toBeUndefined();
  });
});

describe('encodingName', () => {
  it('maps the names people type', () => {
    expect(['GBK', 'gb2312', 'GB18030', 'cp936', 'UTF-8', 'utf8', 'auto', 'latin1'].map(encodingName)).toEqual(['gb18030', 'gb18030', 'gb18030', 'gb18030', 'utf8', 'utf8', 'auto', undefined]);
  });
});
