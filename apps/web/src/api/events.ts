// A run's progress as server-sent events (`GET /api/funds/{fundId}/runs/{runId}/events`, docs/api.md §3): `progress`
// events with `{state, progress}` whenever they change, then one `end`. Each event is checked with zod; the browser's
// EventSource sends the session cookie (same origin) and reconnects by itself if the stream drops before `end`.
import type { z } from 'zod';
import { endEventSchema, type Issue, progressEventSchema, type RunProgress, type RunState } from './schemas';
import { fundPath } from './client';

export interface RunWatch {
  onProgress(state: RunState, progress: RunProgress | null): void;
  onEnd(state: RunState, issues: readonly Issue[]): void;
  /** An event of the wrong shape (the stream is closed). */
  onInvalid(message: string): void;
}

/** Follows a run until its `end` event; returns a function that stops following. */
export function watchRun(fundId: string, runId: string, watch: RunWatch): () => void {
  const source = new EventSource(fundPath(fundId, `/runs/${encodeURIComponent(runId)}/events`));
  const read = <S extends z.ZodType>(event: Event, schema: S): z.output<S> | undefined => {
    let json: unknown;
    try {
      json = JSON.parse((event as MessageEvent<string>).data);
    } catch {
      json = undefined;
    }
    const r = schema.safeParse(json);
    if (!r.success) {
      source.close();
      watch.onInvalid(`${event.type}: ${r.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
    }
    return r.success ? r.data : undefined;
  };
  source.addEventListener('progress', (event) => {
    const e = read(event, progressEventSchema);
    if (e) watch.onProgress(e.state, e.progress);
  });
  source.addEventListener('end', (event) => {
    const e = read(event, endEventSchema);
    source.close();
    if (e) watch.onEnd(e.state, e.issues ?? []);
  });
  return () => source.close();
}
