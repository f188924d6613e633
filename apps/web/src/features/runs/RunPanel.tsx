import { useState } from 'react';
import { ApiError, answer, api } from '../../api/client';
import { FINISHED, issueSentence, type Run, type RunState, runSchema } from '../../api/schemas';
import { useI18n } from '../../i18n/I18n';
import { nameOf } from '../../i18n/messages';
import { routePath } from '../../routes';
import { Link } from '../../ui/Link';
import { ProgressBar } from '../../ui/ProgressBar';
import { ErrorPanel } from '../../ui/states';
import { useRunProgress } from './useRunProgress';

/**
 * One run as it goes: its progress bar from the event stream, a cancel button while it can be stopped, and when it has
 * ended, the way to its plan or why it has none.
 */
export function RunPanel({ run, canCancel, onEnd, reused = false }: { run: Run; canCancel: boolean; onEnd?: (state: RunState) => void; reused?: boolean }) {
  const { m, lang, names } = useI18n();
  const live = useRunProgress(run, onEnd);
  const [cancel, setCancel] = useState<{ status: 'idle' | 'sending' } | { status: 'error'; error: unknown }>({ status: 'idle' });
  const ended = FINISHED.includes(live.state);
  const stage = live.progress ? nameOf(names.stage, live.progress.stage) : '';
  const label = live.progress ? m.progressLabel(stage, live.progress.done, live.progress.total) : m.progressWaiting;

  const doCancel = async () => {
    setCancel({ status: 'sending' });
    try {
      await answer(api.api.funds[':fundId'].runs[':runId'].cancel.$post({ param: { fundId: run.fundId, runId: run.id } }), runSchema);
      setCancel({ status: 'idle' });
    } catch (error) {
      setCancel({ status: 'error', error });
    }
  };

  return (
    <section className="card run-panel" aria-labelledby={`run-${run.id}-title`} data-testid="run-panel">
      <h3 id={`run-${run.id}-title`}>
        #{run.id} · {nameOf(names.runKind, run.kind)} · <span className={`badge badge-${live.state}`}>{nameOf(names.runState, live.state)}</span>
      </h3>
      {reused && <p className="muted">{m.reused}</p>}
      {!ended && <ProgressBar done={live.progress?.done ?? 0} total={live.progress?.total ?? 0} label={label} />}
      {!ended && canCancel && (
        <button type="button" className="secondary" onClick={doCancel} disabled={cancel.status === 'sending' || run.cancelRequested}>
          {cancel.status === 'sending' ? m.cancelling : m.cancel}
        </button>
      )}
      {cancel.status === 'error' && <ErrorPanel error={cancel.error} />}
      {live.invalid && <ErrorPanel error={new ApiError(200, 'invalid_response', live.invalid)} />}
      {ended && live.state === 'done' && run.kind === 'optimize' && (
        <p>
          <Link className="button" to={routePath({ screen: 'plan', fundId: run.fundId, runId: run.id })}>
            {m.viewPlan}
          </Link>
        </p>
      )}
      {ended && live.state !== 'done' && (
        <div role="status">
          <p>{m.runEnded(nameOf(names.runState, live.state))}</p>
          {live.issues.length > 0 && (
            <ul className="issues">
              {live.issues.map((i, k) => (
                <li key={k}>{issueSentence(i, lang)}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
