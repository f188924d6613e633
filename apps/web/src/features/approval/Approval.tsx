// Approval and export of a run: where it stands in the decision log, the actions the signed-in user may take (propose,
// review, approve or reject with a comment, withdraw; four eyes: a second approver approves), the run's decisions as
// read-only history, the fund's hash chain and whether it verifies, and the downloads for the finance bureau.
import { useState } from 'react';
import { answer, api, fundPath, withSignal } from '../../api/client';
import { type DecisionAction, chainSchema, decidedSchema, runDecisionsSchema } from '../../api/approvalSchemas';
import { fundSchema, runSchema, sessionSchema } from '../../api/schemas';
import { localDateTime } from '../../format/dates';
import { useI18n } from '../../i18n/I18n';
import { nameOf } from '../../i18n/messages';
import { routePath } from '../../routes';
import { Link } from '../../ui/Link';
import { ErrorPanel, Loading } from '../../ui/states';
import { useLoad } from '../../ui/useLoad';
import { actionsFor, chainState, fourEyesBlocks } from './approvalView';
import { APPROVAL_NAMES } from './messages';

async function loadApproval(fundId: string, runId: string, signal: AbortSignal) {
  const [session, fund, run, mine, chain] = await Promise.all([
    answer(api.api.session.$get(undefined, withSignal(signal)), sessionSchema, undefined, signal),
    answer(api.api.funds[':fundId'].$get({ param: { fundId } }, withSignal(signal)), fundSchema, undefined, signal),
    answer(api.api.funds[':fundId'].runs[':runId'].$get({ param: { fundId, runId } }, withSignal(signal)), runSchema, undefined, signal),
    answer(api.api.funds[':fundId'].runs[':runId'].decisions.$get({ param: { fundId, runId } }, withSignal(signal)), runDecisionsSchema, undefined, signal),
    answer(api.api.funds[':fundId'].decisions.$get({ param: { fundId } }, withSignal(signal)), chainSchema, undefined, signal),
  ]);
  return { user: session.user.name, role: fund.role ?? (session.user.admin ? 'admin' : undefined), run: { ...run, result: undefined }, mine, chain };
}

export default function Approval({ fundId, runId }: { fundId: string; runId: string }) {
  const { m, lang, names } = useI18n();
  const data = useLoad(`approval:${fundId}:${runId}`, (signal) => loadApproval(fundId, runId, signal));
  const [comment, setComment] = useState('');
  const [sending, setSending] = useState<{ status: 'idle' | 'sending' } | { status: 'error'; error: unknown } | { status: 'done'; state: string }>({ status: 'idle' });
  const words = APPROVAL_NAMES[lang];
  const back = (
    <p className="crumbs">
      <Link to={routePath({ screen: 'overview', fundId })}>← {m.backToOverview}</Link>
    </p>
  );
  if (data.state.status === 'loading') return <>{back}<Loading /></>;
  if (data.state.status === 'error') return <>{back}<ErrorPanel error={data.state.error} onRetry={data.reload} /></>;
  const { user, role, run, mine, chain } = data.state.value;
  const who = { state: mine.state, user, role, proposer: mine.proposer, createdBy: run.createdBy };
  const actions = actionsFor({ ...who, runDone: run.state === 'done' });
  const chainNow = chainState(chain);
  const exportable = run.kind === 'optimize' && run.state === 'done';
  const file = (name: string) => fundPath(fundId, `/runs/${encodeURIComponent(runId)}/${name}`);

  const decide = async (action: DecisionAction) => {
    setSending({ status: 'sending' });
    try {
      const r = await answer(api.api.funds[':fundId'].runs[':runId'].decisions.$post({ param: { fundId, runId }, json: comment.trim() ? { action, comment: comment.trim() } : { action } }), decidedSchema);
      setComment('');
      setSending({ status: 'done', state: r.state });
      data.refresh();
    } catch (error) {
      setSending({ status: 'error', error });
    }
  };

  return (
    <div className="screen approval">
      {back}
      <header className="screen-head">
        <h1>{m.approvalTitle(run.id)}</h1>
        <p className="muted">
          {nameOf(names.runKind, run.kind)} · {nameOf(names.runState, run.state)} · {m.approvalCreatedBy(run.createdBy ?? '—')}
          {run.kind === 'optimize' && run.state === 'done' && (
            <>
              {' · '}
              <Link to={routePath({ screen: 'plan', fundId, runId })}>{m.toPlan}</Link>
            </>
          )}
        </p>
      </header>

      <section className="card" aria-labelledby="decide-title" data-testid="decide">
        <h2 id="decide-title">{m.approvalActionsTitle}</h2>
        <p>
          {m.approvalState}: <span className={`badge badge-approval-${mine.state}`} data-testid="approval-state">{words.state[mine.state]}</span>
          {mine.proposer && <span className="muted"> · {m.approvalProposer(mine.proposer)}</span>}
        </p>
        {run.state !== 'done' && <p className="muted">{m.approvalNotDone}</p>}
        {fourEyesBlocks(who) && <p className="warn">{m.approvalFourEyes}</p>}
        {actions.length === 0 ? (
          <p className="muted">{m.approvalNoActions}</p>
        ) : (
          <>
            <label className="field field-wide">
              <span>{m.approvalComment}</span>
              <textarea name="comment" rows={3} maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} />
            </label>
            <div className="actions-row">
              {actions.map((a) => (
                <button key={a} type="button" className={a === 'reject' || a === 'withdraw' ? 'secondary' : undefined} disabled={sending.status === 'sending'} onClick={() => void decide(a)}>
                  {words.action[a]}
                </button>
              ))}
            </div>
          </>
        )}
        {sending.status === 'done' && <p role="status">{m.approvalDone(words.state[sending.state as keyof typeof words.state] ?? sending.state)}</p>}
        {sending.status === 'error' && <ErrorPanel error={sending.error} />}
      </section>

      <section className="card" aria-labelledby="history-title" data-testid="history">
        <h2 id="history-title">{m.historyTitle}</h2>
        {mine.decisions.length === 0 ? (
          <p className="muted">{m.historyEmpty}</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{m.colWhen}</th>
                <th scope="col">{m.colWho}</th>
                <th scope="col">{m.colAction}</th>
                <th scope="col">{m.colComment}</th>
                <th scope="col">{m.colHash}</th>
              </tr>
            </thead>
            <tbody>
              {mine.decisions.map((d) => (
                <tr key={d.id}>
                  <td className="nowrap">{localDateTime(d.createdAt)}</td>
                  <td>{d.userName}</td>
                  <td>{words.action[d.action]}</td>
                  <td>{d.comment ?? '—'}</td>
                  <td><code title={d.hash}>{d.hash.slice(0, 12)}</code></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="card" aria-labelledby="chain-title" data-testid="chain">
        <h2 id="chain-title">{m.chainTitle}</h2>
        {chainNow.kind === 'empty' && <p className="muted">{m.chainEmpty}</p>}
        {chainNow.kind === 'verified' && (
          <p data-testid="chain-state">
            {m.chainVerified(chainNow.entries)} <span className="muted">{m.chainHead(chainNow.head.slice(0, 16))}</span>
          </p>
        )}
        {chainNow.kind === 'broken' && <p className="alarm" data-testid="chain-state">{m.chainBroken(chainNow.at, chainNow.reason)}</p>}
      </section>

      <section className="card" aria-labelledby="export-title" data-testid="export">
        <h2 id="export-title">{m.exportTitle}</h2>
        {!exportable ? (
          <p className="muted">{m.exportNotOptimize}</p>
        ) : (
          <>
            <p className="muted">{m.exportNote}</p>
            <ul className="downloads">
              <li><a href={file('export.xlsx')} download>{m.exportXlsx}</a></li>
              <li><a href={file('report.pdf')} download>{m.exportPdf}</a></li>
              <li><a href={file('report.html')} target="_blank" rel="noreferrer">{m.exportHtml}</a></li>
            </ul>
          </>
        )}
      </section>
    </div>
  );
}
