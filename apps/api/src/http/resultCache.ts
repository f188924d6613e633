/**
 * Finished runs' results as JSON text, kept in memory (docs/api.md §10). A result never changes once stored: only the
 * worker holding a running run can write it (`finishRun`), and a done run is never running again. So the text can be
 * served for every later read without fetching the large jsonb from the store, parsing it and serialising it again
 * (on PGlite that was most of a read's time). Least recently used entries go first once the texts exceed `maxBytes`.
 *
 * @example
 * const cache = new ResultCache(1024);
 * cache.set('7', '{"kind":"optimize"}');
 * cache.get('7');
 * //=> '{"kind":"optimize"}'
 */
export class ResultCache<T = string> {
  private readonly texts = new Map<string, T>();
  private bytes = 0;

  /**
   * @param maxBytes the most the texts may hold together (UTF-16 code units × 2, as V8 keeps them at worst)
   * @param sizeOf the memory one kept value takes (default: a string's or a byte array's, {@link sizeOfText})
   */
  constructor(
    readonly maxBytes: number,
    private readonly sizeOf: (value: T) => number = sizeOfText as (value: T) => number,
  ) {}

  /** The result text of run `id`, refreshed as most recently used; undefined when not kept. */
  get(id: string): T | undefined {
    const text = this.texts.get(id);
    if (text !== undefined) {
      this.texts.delete(id);
      this.texts.set(id, text);
    }
    return text;
  }

  /** Keeps run `id`'s result text (a text larger than the whole cache is not kept), evicting the least recently used. */
  set(id: string, text: T): void {
    const size = this.sizeOf(text);
    if (size > this.maxBytes) return;
    const old = this.texts.get(id);
    if (old !== undefined) {
      this.bytes -= this.sizeOf(old);
      this.texts.delete(id);
    }
    this.texts.set(id, text);
    this.bytes += size;
    for (const [oldest, t] of this.texts) {
      if (this.bytes <= this.maxBytes) break;
      this.texts.delete(oldest);
      this.bytes -= this.sizeOf(t);
    }
  }

  /** How many results and bytes are kept. */
  get size(): { entries: number; bytes: number } {
    return { entries: this.texts.size, bytes: this.bytes };
  }
}

/** Memory a kept value takes: a string's UTF-16 code units × 2 (as V8 keeps them at worst), bytes as they are. */
export function sizeOfText(v: string | Uint8Array): number {
  return typeof v === 'string' ? v.length * 2 : v.byteLength;
}
