import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

/** Something being loaded: loading, failed with an error, or there. */
export type Loaded<T> = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ok'; value: T };

/**
 * Loads with `load` whenever `key` changes; `reload()` loads again (showing the loading state), `refresh()` loads again
 * quietly (the old value stays on screen until the new one is there). An answer that arrives after the key changed or
 * the component went away is dropped (its request is aborted).
 */
export function useLoad<T>(key: string, load: (signal: AbortSignal) => Promise<T>): { state: Loaded<T>; reload(): void; refresh(): void } {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  const [round, setRound] = useState({ n: 0, quiet: false });
  const latest = useRef(load);
  useLayoutEffect(() => {
    latest.current = load;
  });
  useEffect(() => {
    const controller = new AbortController();
    if (!round.quiet) setState({ status: 'loading' });
    latest.current(controller.signal).then(
      (value) => {
        if (!controller.signal.aborted) setState({ status: 'ok', value });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [key, round]);
  const reload = useCallback(() => setRound((r) => ({ n: r.n + 1, quiet: false })), []);
  const refresh = useCallback(() => setRound((r) => ({ n: r.n + 1, quiet: true })), []);
  return { state, reload, refresh };
}
