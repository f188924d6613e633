// The page of one run a screen of one kind follows (Tender, Replay, Interest audit): the run loaded with the caller's
// role, then one of its states — not of this kind, still going (the progress bar, and cancel for a planner or above),
// ended without a result (the failure) — or the screen's own result view. Each screen keeps its own words, what its
// failure adds, and its result. Sweep's page is not one of them: a sweep is not a run but its own resource, read again
// every second for the points changed since, with its own progress bar and cancel (docs/sweep.md §8).
import type { ReactNode } from 'react';
import type { z } from 'zod';
import { loadRunOfKind } from '../api/runOfKind';
import { FINISHED, type Run, roleAtLeast } from '../api/schemas';
import { RunPanel } from '../features/runs/RunPanel';
import { Empty, ErrorPanel, Loading } from './states';
import { useLoad } from './useLoad';

/** The screen's sentences for the states before its result. */
export interface RunViewWords {
  /** The run is of another kind (its id was typed into this screen's address). */
  readonly notKind: string;
  /** Above the progress bar while the run is queued or running. */
  readonly running: string;
  /** The failure's title: the run ended without a result of this kind. */
  readonly failed: string;
}

/**
 * What a screen adds to a failed run: the run as its panel shows it (some of its issues shown elsewhere), more under
 * the failure's title, and what follows the failure (the form again).
 */
export interface FailedRunView {
  readonly panel?: Run;
  readonly detail?: ReactNode;
  readonly after?: ReactNode;
}

/**
 * The run `runId` of the fund as a screen of `kind` shows it: loading, an error with retry, `words.notKind`, the running
 * run (`words.running` and its panel; when it ends the run is loaded again), the failure (the ended run's panel and
 * `words.failed` in `{name}-failed`, with what `failed(run)` adds), else `children(result)` with the result checked
 * by `schema`.
 * @example <RunView fundId="sample" runId="12" kind="replay" schema={replayResult} name="replay" words={{ notKind: t.notReplay, running: t.running, failed: t.failed }}>{(result) => <ReplayBody result={result} />}</RunView>
 * //=> <ReplayBody …/> once run 12 is a done replay; <div data-testid="replay-failed">… when it ended without one
 */
export function RunView<S extends z.ZodType>({ fundId, runId, kind, schema, name, words, failed, children }: { fundId: string; runId: string; kind: string; schema: S; name: string; words: RunViewWords; failed?: (run: Run) => FailedRunView; children: (result: z.input<S>) => ReactNode }) {
  const data = useLoad(`${kind}:${fundId}:${runId}`, (signal) => loadRunOfKind(fundId, runId, kind, schema, signal));
  if (data.state.status === 'loading') return <Loading />;
  if (data.state.status === 'error') return <ErrorPanel error={data.state.error} onRetry={data.reload} />;
  const { run, role, result } = data.state.value;
  if (run.kind !== kind) return <Empty>{words.notKind}</Empty>;
  if (!FINISHED.includes(run.state)) {
    return (
      <>
        <p className="muted">{words.running}</p>
        <RunPanel run={run} canCancel={roleAtLeast(role, 'planner')} onEnd={data.reload} />
      </>
    );
  }
  if (!result) {
    const more = failed?.(run) ?? {};
    return (
      <>
        <RunPanel run={more.panel ?? run} canCancel={false} />
        <div className="state state-error" role="alert" data-testid={`${name}-failed`}>
          <strong>{words.failed}</strong>
          {more.detail}
        </div>
        {more.after}
      </>
    );
  }
  return children(result);
}
