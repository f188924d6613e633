// The export's formatting rules: money at the cell, text into HTML and CSS (docs/exports.md).
import { describe, expect, it } from 'vitest';
import { dec, formatWan } from '@fundladder/core';
import { chartWan, cssString, escapeHtml, moneyCellValue, rateCellValue, shareText, wan } from './format';

describe('moneyCellValue', () => {
  it('is the Decimal’s text to the fen, read back to the same text', () => {
    for (const text of ['0.00', '0.01', '33706384.16', '945213569.48', '-3124179.91', '9999999999999.99']) {
      expect(String(moneyCellValue(dec(text)).toFixed(2))).toBe(text);
    }
  });
  it('rounds a finer figure half up to the fen', () => {
    expect(moneyCellValue(dec('1.005'))).toBe(1.01);
  });
});

describe('rates and shares', () => {
  it('a rate cell is the exact percent: 0.01415 → 1.415', () => {
    expect(rateCellValue(dec('0.01415'))).toBe(1.415);
    expect(rateCellValue(dec('0.0065'))).toBe(0.65);
  });
  it('a cap share is written as the rules write it', () => {
    expect([shareText(dec('0.25')), shareText(dec('0.125'))]).toEqual(['25%', '12.5%']);
  });
});

describe('万元', () => {
  it('the report’s 万元 text is core’s formatWan without the unit; the chart’s number is the same figure', () => {
    const yuan = dec('33706384.16');
    expect(`${wan(yuan)}万`).toBe(formatWan(yuan));
    expect(chartWan(yuan).toLocaleString('en-US', { minimumFractionDigits: 2 })).toBe(wan(yuan));
  });
});

describe('escaping', () => {
  it('HTML: & < > " \' are escaped, CJK untouched', () => {
    expect(escapeHtml(`<b>"工行" & '建行'</b>`)).toBe('&lt;b&gt;&quot;工行&quot; &amp; &#39;建行&#39;&lt;/b&gt;');
  });
  it('CSS: quotes, backslashes, newlines and </style> cannot end the string', () => {
    const css = cssString('a"b\\c\n</style>运行');
    expect(css.slice(1, -1)).not.toMatch(/["\\\n<>/](?![0-9a-f]+ )/);
    expect(css).toBe('"a\\22 b\\5c c\\a \\3c \\2f style\\3e 运行"');
  });
});
