import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { watchRun } from '../../api/events';
import { FINISHED, type Issue, type Run, type RunProgress, type RunState } from '../../api/schemas';

export interface LiveRun {
  readonly state: RunState;
  readonly progress: RunProgress | null;
  readonly issues: readonly Issue[];
  /** An event of the wrong shape stopped the watch. */
  readonly invalid?: string;
}

/** A run's state and progress, followed over its event stream until it ends (nothing to follow once it has). */
export function useRunProgress(run: Run, onEnd?: (state: RunState) => void): LiveRun {
  const [live, setLive] = useState<LiveRun>({ state: run.state, progress: run.progress, issues: run.issues ?? [] });
  const finished = FINISHED.includes(run.state);
  // The stream is per run: a new onEnd callback does not restart it.
  const ended = useRef(onEnd);
  useLayoutEffect(() => {
    ended.current = onEnd;
  });
  const { fundId, id } = run;
  useEffect(() => {
    if (finished) return;
    return watchRun(fundId, id, {
      onProgress: (state, progress) => setLive((l) => ({ ...l, state, progress })),
      onEnd: (state, issues) => {
        setLive((l) => ({ ...l, state, issues }));
        ended.current?.(state);
      },
      onInvalid: (message) => setLive((l) => ({ ...l, invalid: message })),
    });
  }, [fundId, id, finished]);
  return live;
}
