// The Overview of a fund: its scenarios and their versions (each can be optimized), the run being followed with its
// progress, and the latest runs with their state.
import { useState } from 'react';
import { answer, api, withSignal } from '../../api/client';
import { loadFundVersions } from '../../api/fundVersions';
import { FINISHED, type Run, runCreatedSchema, runListSchema, roleAtLeast } from '../../api/schemas';
import { localDateTime } from '../../format/dates';
import { useI18n } from '../../i18n/I18n';
import { nameOf } from '../../i18n/messages';
import { routePath } from '../../routes';
import { Link } from '../../ui/Link';
import { Empty, ErrorPanel, Loading } from '../../ui/states';
import { useLoad } from '../../ui/useLoad';
import { RunPanel } from '../runs/RunPanel';
import { FundToday } from './FundToday';
import { DEFAULT_OPTIMIZE_FORM, type OptimizeForm, optimizeRequest } from './optimizeRequest';


export function Overview({ fundId }: { fundId: string }) {
  const { m, names } = useI18n();
  const fund = useLoad(`fund:${fundId}`, (signal) => loadFundVersions(fundId, signal));
  const runs = useLoad(`runs:${fundId}`, (signal) => answer(api.api.funds[':fundId'].runs.$get({ param: { fundId }, query: { limit: '20' } }, withSignal(signal)), runListSchema, undefined, signal));
  const [form, setForm] = useState<OptimizeForm>(DEFAULT_OPTIMIZE_FORM);
  const [invalid, setInvalid] = useState<(keyof OptimizeForm)[]>([]);
  const [posting, setPosting] = useState<{ status: 'idle' } | { status: 'sending'; versionId: string } | { status: 'error'; error: unknown }>({ status: 'idle' });
  const [active, setActive] = useState<{ run: Run; reused: boolean } | undefined>();
  const [frontier, setFrontier] = useState(false);

  if (fund.state.status === 'loading') return <Loading />;
  if (fund.state.status === 'error') return <ErrorPanel error={fund.state.error} onRetry={fund.reload} />;
  const { fund: info, scenarios } = fund.state.value;
  const canRun = roleAtLeast(info.role, 'planner');
  const versionName = new Map(scenarios.flatMap((s) => s.versions.map((v) => [v.id, `${s.scenario.name} · ${m.versionLabel(v.version)}`] as const)));
  const runList = runs.state.status === 'ok' ? runs.state.value.runs : [];
  const followed = active ?? (() => {
    const live = runList.find((r) => !FINISHED.includes(r.state));
    return live ? { run: live, reused: false } : undefined;
  })();

  const optimize = async (versionId: string) => {
    const request = optimizeRequest(versionId, form);
    if (!request.ok) {
      setInvalid(request.fields);
      return;
    }
    setInvalid([]);
    setPosting({ status: 'sending', versionId });
    try {
      const created = await answer(api.api.funds[':fundId'].runs.$post({ param: { fundId }, json: frontier ? { ...request.body, options: { ...request.body.options, frontier: true } } : { ...request.body } }), runCreatedSchema);
      setActive(created);
      setPosting({ status: 'idle' });
      runs.refresh();
    } catch (error) {
      setPosting({ status: 'error', error });
    }
  };

  const field = (key: keyof OptimizeForm, label: string, placeholder: string) => (
    <label className={invalid.includes(key) ? 'field field-invalid' : 'field'}>
      <span>{label}</span>
      <input name={key} inputMode="numeric" value={form[key]} placeholder={placeholder} aria-invalid={invalid.includes(key)} onChange={(e) => setForm({ ...form, [key]: e.target.value })} />
    </label>
  );

  return (
    <div className="screen overview">
      <header className="screen-head">
        <h1>{info.name}</h1>
        {info.role && <p className="muted">{m.yourRole(nameOf(names.role, info.role))}</p>}
        <p>
          <Link to={routePath({ screen: 'compare', fundId })}>{m.compareLink}</Link>
        </p>
      </header>

      <FundToday key={`today:${runs.state.status === 'ok' ? runs.state.value.runs.filter((r) => r.state === 'done').length : 0}`} fundId={fundId} />

      <section className="card" aria-labelledby="scenarios-title">
        <h2 id="scenarios-title">{m.scenariosTitle}</h2>
        {scenarios.length === 0 ? (
          <Empty>{m.scenariosEmpty}</Empty>
        ) : (
          <>
            <p className="muted" id="optimize-hint">
              {canRun ? m.optimizeHint : m.needPlanner}
            </p>
            {canRun && (
              <fieldset className="options">
                {field('paths', m.optionPaths, m.optionDefault(500))}
                {field('planningPaths', m.optionPlanningPaths, m.optionDefault(1000))}
                {field('seed', m.optionSeed, m.optionDefault(1))}
                <label className="field field-check">
                  <input type="checkbox" name="frontier" checked={frontier} onChange={(e) => setFrontier(e.target.checked)} />
                  <span>{m.frontierOption}</span>
                </label>
                {invalid.length > 0 && <p role="alert" className="field-error">{m.optionsInvalid}</p>}
              </fieldset>
            )}
            {scenarios.map(({ scenario, versions }) => (
              <div className="scenario" key={scenario.id}>
                <h3>{scenario.name}</h3>
                <table className="table">
                  <tbody>
                    {[...versions].sort((a, b) => b.version - a.version).map((v) => (
                      <tr key={v.id}>
                        <th scope="row">
                          {m.versionLabel(v.version)} {v.version === scenario.latestVersion && <span className="badge badge-latest">{m.latestVersion}</span>}
                        </th>
                        <td>{v.note ?? m.noNote}</td>
                        <td className="muted nowrap">{m.versionBy(v.createdBy ?? '—', localDateTime(v.createdAt))}</td>
                        <td className="actions">
                          {canRun && (
                            <button type="button" onClick={() => void optimize(v.id)} disabled={posting.status === 'sending'} aria-describedby="optimize-hint">
                              {m.optimize}
                            </button>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ))}
            {posting.status === 'error' && <ErrorPanel error={posting.error} />}
          </>
        )}
      </section>

      {followed && <RunPanel key={followed.run.id} run={followed.run} reused={followed.reused} canCancel={canRun} onEnd={runs.refresh} />}

      <section className="card" aria-labelledby="runs-title">
        <h2 id="runs-title">{m.runsTitle}</h2>
        {runs.state.status === 'loading' && <Loading />}
        {runs.state.status === 'error' && <ErrorPanel error={runs.state.error} onRetry={runs.reload} />}
        {runs.state.status === 'ok' && runList.length === 0 && <Empty>{m.runsEmpty}</Empty>}
        {runs.state.status === 'ok' && runList.length > 0 && (
          <table className="table" data-testid="runs">
            <thead>
              <tr>
                <th scope="col">{m.runId}</th>
                <th scope="col">{m.runKindColumn}</th>
                <th scope="col">{m.runVersions}</th>
                <th scope="col">{m.runStateColumn}</th>
                <th scope="col">{m.runBy}</th>
                <th scope="col">{m.runCreated}</th>
                <th scope="col">{m.runFinished}</th>
                <th scope="col">
                  <span className="visually-hidden">{m.viewPlan}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {runList.map((r) => (
                <tr key={r.id}>
                  <td>#{r.id}</td>
                  <td>{nameOf(names.runKind, r.kind)}</td>
                  <td>{r.scenarioVersionIds.map((id) => versionName.get(id) ?? id).join('；')}</td>
                  <td>
                    <span className={`badge badge-${r.state}`}>{nameOf(names.runState, r.state)}</span>
                  </td>
                  <td>{r.createdBy ?? '—'}</td>
                  <td className="nowrap">{localDateTime(r.createdAt)}</td>
                  <td className="nowrap">{localDateTime(r.finishedAt)}</td>
                  <td className="actions">
                    {r.state === 'done' && r.kind === 'optimize' && <Link to={routePath({ screen: 'plan', fundId, runId: r.id })}>{m.viewPlan}</Link>}
                    {r.state === 'done' && r.kind === 'compare' && <Link to={routePath({ screen: 'compare', fundId, runId: r.id })}>{m.compareLink}</Link>}
                    {r.state === 'done' && r.kind === 'optimize' && (
                      <>
                        {' · '}
                        <Link to={routePath({ screen: 'approval', fundId, runId: r.id })} aria-label={`${m.approvalLink} #${r.id}`}>{m.approvalLink}</Link>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
