// The Sweep screen (docs/sweep.md §8): start a policy sweep on a scenario version of the fund — one or two parameters
// over a range — then follow it: a progress bar that moves as points finish, the frontier chart (interest against the
// plan-caused payout-gap probability, the front marked once every point is done), and the points table, risk first.
import { useEffect, useMemo, useRef, useState } from 'react';
import { answer, api, withSignal } from '../../api/client';
import { loadFundVersions } from '../../api/fundVersions';
import { fundSchema, roleAtLeast } from '../../api/schemas';
import { type SweepAnswer, sweepCreatedSchema, sweepListSchema, sweepSchema, sweepSummarySchema } from '../../api/sweepSchemas';
import { EChart } from '../../charts/LazyEChart';
import { useI18n } from '../../i18n/I18n';
import { routePath } from '../../routes';
import { Link } from '../../ui/Link';
import { navigate } from '../../ui/navigation';
import { ProgressBar } from '../../ui/ProgressBar';
import { PlannerOnly, StartCard, StartForm, VersionSelect } from '../../ui/StartCard';
import { ErrorPanel, Loading } from '../../ui/states';
import { useLoad } from '../../ui/useLoad';
import { sweepMessages } from './messages';
import { frontierChartOption } from './sweepChart';
import { FORM_PARAMETERS, type VaryInput, changeLines, pointRows, progressOf, readSweep, stillRunning, sweepRequestOf, valueCount } from './sweepView';

/** How often a running sweep is read again. */
const POLL_MS = 1000;

export default function Sweep({ fundId, sweepId }: { fundId: string; sweepId?: string }) {
  const { lang } = useI18n();
  const s = sweepMessages(lang);
  return (
    <div className="screen sweep">
      {sweepId && (
        <p className="crumbs">
          <Link to={routePath({ screen: 'sweep', fundId })}>{s.sweepBack}</Link>
        </p>
      )}
      <header className="screen-head">
        <h1>{sweepId ? s.sweepResultTitle(sweepId) : s.sweepTitle}</h1>
        <p className="muted">{s.sweepHint}</p>
      </header>
      {sweepId ? <SweepRun fundId={fundId} sweepId={sweepId} /> : <Start fundId={fundId} />}
    </div>
  );
}

const firstRange = (name: string): VaryInput => {
  const p = FORM_PARAMETERS.find((x) => x.name === name) ?? FORM_PARAMETERS[0]!;
  return { name: p.name, from: p.from, to: p.to, step: p.step };
};

function Start({ fundId }: { fundId: string }) {
  const { lang } = useI18n();
  const s = sweepMessages(lang);
  const data = useLoad(`sweep-start:${fundId}`, async (signal) => {
    const fund = api.api.funds[':fundId'];
    const [versions, list] = await Promise.all([loadFundVersions(fundId, signal), answer(fund.sweeps.$get({ param: { fundId } }, withSignal(signal)), sweepListSchema, undefined, signal)]);
    return { versions: versions.versions, role: versions.fund.role, sweeps: list.sweeps };
  });
  const [versionId, setVersionId] = useState<string | undefined>();
  const [rows, setRows] = useState<(VaryInput | undefined)[]>([firstRange('reserveMonths'), undefined]);
  const [paths, setPaths] = useState('200');
  const [seed, setSeed] = useState('1');
  const [sending, setSending] = useState<{ status: 'idle' | 'sending' | 'invalid' } | { status: 'error'; error: unknown }>({ status: 'idle' });

  if (data.state.status === 'loading') return <Loading />;
  if (data.state.status === 'error') return <ErrorPanel error={data.state.error} onRetry={data.reload} />;
  const { versions, role, sweeps } = data.state.value;
  const version = versionId ?? versions[0]?.id;
  const used = rows.filter((r): r is VaryInput => r !== undefined);
  const counts = used.map(valueCount);
  const points = counts.every((c) => c !== undefined) ? counts.reduce<number>((a, c) => a * c!, 1) : undefined;
  const setRow = (k: number, row: VaryInput | undefined) => setRows((rs) => rs.map((r, i) => (i === k ? row : r)));

  const start = async () => {
    const body = version ? sweepRequestOf(version, used, { paths, seed }) : undefined;
    if (!body) return setSending({ status: 'invalid' });
    setSending({ status: 'sending' });
    try {
      const created = await answer(api.api.funds[':fundId'].sweeps.$post({ param: { fundId }, json: body }), sweepCreatedSchema);
      navigate(routePath({ screen: 'sweep', fundId, sweepId: created.sweep.id }));
    } catch (error) {
      setSending({ status: 'error', error });
    }
  };

  return (
    <StartCard
      name="sweep"
      title={s.sweepStartTitle}
      empty={versions.length === 0 ? s.sweepNoVersions : undefined}
      earlier={{
        title: s.sweepEarlier,
        none: s.sweepNoEarlier,
        runs: sweeps.map((w) => ({ id: w.id, to: routePath({ screen: 'sweep', fundId, sweepId: w.id }), label: s.sweepListItem(w.id, progressOf(w).finished, w.counts.total), after: ` · ${s.sweepState[w.state] ?? w.state}` })),
      }}
    >
      <PlannerOnly role={role} note={s.sweepNoRole}>
        <StartForm onStart={start}>
          <VersionSelect label={s.sweepVersion} versions={versions} value={version} onChange={setVersionId} />
          {rows.map((row, k) => (
            <fieldset key={k} className="options" data-testid={`sweep-parameter-${k + 1}`}>
              <legend>{s.sweepParameter(k + 1)}</legend>
              <label className="field">
                <span>{s.sweepParameter(k + 1)}</span>
                <select value={row?.name ?? ''} onChange={(e) => setRow(k, e.target.value ? firstRange(e.target.value) : undefined)}>
                  {k > 0 && <option value="">{s.sweepNone}</option>}
                  {FORM_PARAMETERS.filter((p) => !rows.some((r, i) => i !== k && r?.name === p.name)).map((p) => (
                    <option key={p.name} value={p.name}>
                      {s.parameterName[p.name] ?? p.name}
                    </option>
                  ))}
                </select>
              </label>
              {row &&
                (['from', 'to', 'step'] as const).map((field) => (
                  <label key={field} className="field">
                    <span>{field === 'from' ? s.sweepFrom : field === 'to' ? s.sweepTo : s.sweepStep}</span>
                    <input name={`p${k + 1}-${field}`} inputMode="decimal" value={row[field]} onChange={(e) => setRow(k, { ...row, [field]: e.target.value })} />
                  </label>
                ))}
            </fieldset>
          ))}
          <fieldset className="options">
            <label className="field">
              <span>{s.sweepPaths}</span>
              <input name="paths" inputMode="numeric" value={paths} onChange={(e) => setPaths(e.target.value)} />
            </label>
            <label className="field">
              <span>{s.sweepSeed}</span>
              <input name="seed" inputMode="numeric" value={seed} onChange={(e) => setSeed(e.target.value)} />
            </label>
          </fieldset>
          <p className="muted" data-testid="sweep-point-count">{points !== undefined ? s.sweepPointCount(points) : s.sweepFormInvalid}</p>
          <button type="submit" disabled={sending.status === 'sending'}>
            {sending.status === 'sending' ? s.sweepStarting : s.sweepStart}
          </button>
          {sending.status === 'invalid' && (
            <p role="alert" className="field-error">
              {s.sweepFormInvalid}
            </p>
          )}
          {sending.status === 'error' && <ErrorPanel error={sending.error} />}
        </StartForm>
      </PlannerOnly>
    </StartCard>
  );
}

function SweepRun({ fundId, sweepId }: { fundId: string; sweepId: string }) {
  const { lang } = useI18n();
  const s = sweepMessages(lang);
  const fund = api.api.funds[':fundId'];
  const key = `sweep:${fundId}:${sweepId}`;
  // The last answer of this sweep, all its points: a read while it runs asks only for the points changed since.
  const known = useRef<{ key: string; answer: SweepAnswer } | undefined>(undefined);
  const data = useLoad(key, async (signal) => {
    const read = (since: string | undefined) =>
      answer(fund.sweeps[':sweepId'].$get({ param: { fundId, sweepId }, query: since === undefined ? {} : { since } }, withSignal(signal)), sweepSchema, undefined, signal);
    const sweep = await readSweep(known.current?.key === key ? known.current.answer : undefined, read);
    known.current = { key, answer: sweep };
    return sweep;
  });
  // The caller's role (who may cancel), read once when the screen opens: the polls below read only the sweep.
  const info = useLoad(`sweep-role:${fundId}`, (signal) => answer(fund.$get({ param: { fundId } }, withSignal(signal)), fundSchema, undefined, signal));
  const [cancel, setCancel] = useState<{ status: 'idle' | 'sending' } | { status: 'error'; error: unknown }>({ status: 'idle' });
  const { state, refresh } = data;
  // Read again while a point is queued or running: each read brings the points changed since the last (readSweep).
  useEffect(() => {
    if (state.status !== 'ok' || !stillRunning(state.value.sweep)) return;
    const timer = setTimeout(refresh, POLL_MS);
    return () => clearTimeout(timer);
  }, [state, refresh]);
  const answerNow = state.status === 'ok' ? state.value : undefined;
  const option = useMemo(() => (answerNow ? frontierChartOption(answerNow, s, lang) : undefined), [answerNow, s, lang]);

  if (state.status === 'loading' || info.state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <ErrorPanel error={state.error} onRetry={data.reload} />;
  if (info.state.status === 'error') return <ErrorPanel error={info.state.error} onRetry={info.reload} />;
  const got = state.value;
  const role = info.state.value.role;
  const summary = got.sweep;
  const progress = progressOf(summary);
  const running = stillRunning(summary);
  const rows = pointRows(got, s, lang);
  const changes = changeLines(got, s, lang);

  const doCancel = async () => {
    setCancel({ status: 'sending' });
    try {
      await answer(fund.sweeps[':sweepId'].cancel.$post({ param: { fundId, sweepId } }), sweepSummarySchema);
      setCancel({ status: 'idle' });
      refresh();
    } catch (error) {
      setCancel({ status: 'error', error });
    }
  };

  return (
    <>
      <section className="card" aria-labelledby="sweep-progress-title" data-testid="sweep-progress">
        <h2 id="sweep-progress-title">
          #{summary.id} · <span className={`badge badge-${summary.state}`}>{s.sweepState[summary.state] ?? summary.state}</span>
        </h2>
        <ProgressBar done={progress.finished} total={progress.total} label={s.sweepProgress(progress.finished, progress.total, progress.withoutResult)} />
        <p className="muted">{s.sweepPathsNote(summary.paths.check, summary.paths.distinct, summary.paths.seed)}</p>
        {running && roleAtLeast(role, 'planner') && (
          <button type="button" className="secondary" onClick={() => void doCancel()} disabled={cancel.status === 'sending'}>
            {s.sweepCancel}
          </button>
        )}
        {cancel.status === 'error' && <ErrorPanel error={cancel.error} />}
      </section>
      <section className="card" aria-labelledby="sweep-chart-title">
        <h2 id="sweep-chart-title">{s.chartTitle}</h2>
        <p className="muted">{s.chartNote}</p>
        {option && <EChart option={option} lang={lang} label={s.chartLabel(s.chartTitle)} height={380} testId="sweep-chart" />}
      </section>
      <section className="card" aria-labelledby="sweep-table-title">
        <h2 id="sweep-table-title">{s.tableTitle}</h2>
        <table className="table" data-testid="sweep-points">
          <thead>
            <tr>
              {summary.parameters.map((p) => (
                <th key={p.name} scope="col">
                  {s.parameterName[p.name] ?? p.name}
                </th>
              ))}
              <th scope="col">{s.colState}</th>
              <th scope="col" className="num">{s.colGap}</th>
              <th scope="col" className="num">{s.colAnyGap}</th>
              <th scope="col" className="num">{s.colInterest}</th>
              <th scope="col">{s.colBinding}</th>
              <th scope="col">{s.colFront}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.index} data-testid="sweep-point">
                {r.values.map((v, k) => (
                  <td key={k} className="num">{v}</td>
                ))}
                <td>{r.state}</td>
                <td className="num">{r.gap}</td>
                <td className="num">{r.anyGap}</td>
                <td className="num">{r.interest}</td>
                <td>{r.binding}</td>
                <td>{r.onFront ? s.onFront : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {got.changes && (
          <>
            <h3>{s.changesTitle}</h3>
            {changes.length ? (
              <ul data-testid="sweep-changes">
                {changes.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
            ) : (
              <p className="muted">{s.noChanges}</p>
            )}
          </>
        )}
      </section>
    </>
  );
}
