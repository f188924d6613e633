// A closed pipe (`fundladder forecast … | head -1`) ends quietly instead of printing an EPIPE stack trace.
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { endQuietlyOnClosedPipe } from './io';

describe('endQuietlyOnClosedPipe', () => {
  const stream = () => new EventEmitter() as unknown as NodeJS.WritableStream;
  it('ends with exit code 0 when the reader has gone (EPIPE), printing nothing', () => {
    const out = stream();
    const exit = vi.fn();
    endQuietlyOnClosedPipe(out, exit);
    out.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    expect(exit).toHaveBeenCalledWith(0);
  });
  it('throws any other write error, as before', () => {
    const out = stream();
    const exit = vi.fn();
    endQuietlyOnClosedPipe(out, exit);
    expect(() => out.emit('error', Object.assign(new Error('no space'), { code: 'ENOSPC' }))).toThrow('no space');
    expect(exit).not.toHaveBeenCalled();
  });
  it('installs its listener once per stream', () => {
    const out = stream();
    endQuietlyOnClosedPipe(out, vi.fn());
    endQuietlyOnClosedPipe(out, vi.fn());
    expect((out as unknown as EventEmitter).listenerCount('error')).toBe(1);
  });
});
