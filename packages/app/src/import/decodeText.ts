import type IconvLite from 'iconv-lite';
import { lazyRequire } from './lazyRequire';

const iconv = lazyRequire<typeof IconvLite>('iconv-lite');

/** Encodings a text file may be read in. `auto`: UTF-8 if the bytes are valid UTF-8, else GB18030. */
export const TEXT_ENCODINGS = ['auto', 'utf8', 'gb18030'] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

/**
 * Maps the names people type for an encoding to one of {@link TEXT_ENCODINGS}: GBK and GB2312 are read as
 * GB18030, which contains both (GB 18030-2005 is a superset of GBK).
 * @example encodingName('GBK') //=> 'gb18030'
 * @example encodingName('utf-8') //=> 'utf8'
 * @example encodingName('latin1') //=> undefined
 */
export function encodingName(text: string): TextEncoding | undefined {
  const key = text.trim().toLowerCase().replace(/[-_\s]/g, '');
  if (key === 'auto') return 'auto';
  if (key === 'utf8') return 'utf8';
  if (['gbk', 'gb2312', 'gb18030', 'cp936', 'gb'].includes(key)) return 'gb18030';
  return undefined;
}

/**
 * Decodes a text file's bytes. A UTF-8 or UTF-16 byte-order mark decides; otherwise `auto` tries strict UTF-8 and
 * falls back to GB18030 (what Chinese Excel and finance systems save as "ANSI"). The BOM is not part of the text.
 * @param bytes - the file's bytes
 * @param encoding - `auto` (default), `utf8` or `gb18030`
 * @returns the text and the encoding used, or `undefined` when the bytes are not valid in the encoding asked for
 * @example decodeText(new Uint8Array([0xc4, 0xea])) //=> { text: '年', encoding: 'gb18030' }
 * @see GB 18030-2005; WHATWG Encoding (TextDecoder `fatal`)
 */
export function decodeText(bytes: Uint8Array, encoding: TextEncoding = 'auto'): { text: string; encoding: 'utf8' | 'utf16le' | 'utf16be' | 'gb18030' } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf && encoding !== 'gb18030') {
    const text = strictUtf8(bytes.subarray(3));
    return text === undefined ? undefined : { text, encoding: 'utf8' };
  }
  if (encoding === 'auto' && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf16le' };
  if (encoding === 'auto' && bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf16be' };
  if (encoding !== 'gb18030') {
    const text = strictUtf8(bytes);
    if (text !== undefined) return { text, encoding: 'utf8' };
    if (encoding === 'utf8') return undefined;
  }
  const text = iconv().decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030');
  // iconv-lite puts U+FFFD where a byte sequence is not GB18030: the file is in some other encoding.
  return text.includes('\uFFFD') ? undefined : { text, encoding: 'gb18030' };
}

function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
