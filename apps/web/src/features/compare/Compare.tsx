// Compare: two to four finished optimize runs side by side on the same simulated paths (the API's compare run kind):
// pick the runs and a frozen baseline, start the comparison and follow it, then the KPI table (safety rows first) with
// the differences from the baseline, the interest difference as waterfalls by product and by bank, and the columns'
// month-end liquid money overlaid with the reserve.
import { useMemo, useState } from 'react';
import { z } from 'zod';
import { answer, api, parseAnswer, withSignal } from '../../api/client';
import { checkedResult, type CompareColumn, type CompareResult, compareResult } from '../../api/results';
import { loadFundVersions } from '../../api/fundVersions';
import { fundSchema, issueSentence, type Run, runCreatedSchema, runListSchema, runSchema, roleAtLeast } from '../../api/schemas';
import { EChart } from '../../charts/LazyEChart';
import { decimalIn, formatMoney, type Lang, percentOfFraction, percentOfProbability } from '../../format/money';
import { useI18n } from '../../i18n/I18n';
import { type Messages, nameOf } from '../../i18n/messages';
import { routePath } from '../../routes';
import { Link } from '../../ui/Link';
import { navigate } from '../../ui/navigation';
import { Empty, ErrorPanel, Loading } from '../../ui/states';
import { useLoad } from '../../ui/useLoad';
import { RunPanel } from '../runs/RunPanel';
import { liquidityLinesOption, waterfallOption } from './compareCharts';
import { type Cell, type Delta, type KpiKey, baselineIndex, compareRequestOf, kpiTable, runIdOfColumn, waterfallOf } from './compareView';

const BASELINE_KEY = (fundId: string) => `fundladder.baseline.${fundId}`;
const readBaseline = (fundId: string): string | undefined => {
  try {
    return localStorage.getItem(BASELINE_KEY(fundId)) ?? undefined;
  } catch {
    return undefined;
  }
};
const writeBaseline = (fundId: string, runId: string) => {
  try {
    localStorage.setItem(BASELINE_KEY(fundId), runId);
  } catch {
    // private mode: the baseline lasts for this page only
  }
};

const planSchema = z.object({ plan: z.object({ name: z.string(), placements: z.array(z.unknown()) }) });

/** The fund's scenario versions by id, named "scenario · version n". */
async function versionNames(fundId: string, m: Messages, signal: AbortSignal): Promise<Map<string, string>> {
  const { versions } = await loadFundVersions(fundId, signal);
  return new Map(versions.map((v) => [v.id, `${v.scenario} · ${m.versionLabel(v.version)}`] as const));
}

export default function Compare({ fundId, runId }: { fundId: string; runId?: string }) {
  const { m } = useI18n();
  const [baseline, setBaseline] = useState<string | undefined>(() => readBaseline(fundId));
  const freeze = (id: string) => {
    writeBaseline(fundId, id);
    setBaseline(id);
  };
  const names = useLoad(`versions:${fundId}:${m.versionLabel(1)}`, (signal) => versionNames(fundId, m, signal));
  return (
    <div className="screen compare">
      <p className="crumbs">
        <Link to={routePath({ screen: 'overview', fundId })}>← {m.backToOverview}</Link>
      </p>
      <header className="screen-head">
        <h1>{runId ? m.compareResultTitle(runId) : m.compareTitle}</h1>
        <p className="muted" data-testid="baseline-state">{baseline ? m.compareFrozen(baseline) : m.compareNoFrozen}</p>
      </header>
      {names.state.status === 'loading' && <Loading />}
      {names.state.status === 'error' && <ErrorPanel error={names.state.error} onRetry={names.reload} />}
      {names.state.status === 'ok' && (runId ? <CompareRun fundId={fundId} runId={runId} baseline={baseline} freeze={freeze} versions={names.state.value} /> : <Picker fundId={fundId} baseline={baseline} freeze={freeze} versions={names.state.value} />)}
    </div>
  );
}

function Picker({ fundId, baseline, freeze, versions }: { fundId: string; baseline: string | undefined; freeze: (id: string) => void; versions: Map<string, string> }) {
  const { m } = useI18n();
  const data = useLoad(`compare-pick:${fundId}`, async (signal) => {
    const [runs, fund] = await Promise.all([answer(api.api.funds[':fundId'].runs.$get({ param: { fundId }, query: { limit: '100' } }, withSignal(signal)), runListSchema, undefined, signal), answer(api.api.funds[':fundId'].$get({ param: { fundId } }, withSignal(signal)), fundSchema, undefined, signal)]);
    return { runs: runs.runs.filter((r) => r.kind === 'optimize' && r.state === 'done'), role: fund.role };
  });
  const [picked, setPicked] = useState<string[]>([]);
  const [paths, setPaths] = useState('200');
  const [seed, setSeed] = useState('1');
  const [sending, setSending] = useState<{ status: 'idle' | 'sending' } | { status: 'error'; error: unknown } | { status: 'count' }>({ status: 'idle' });
  if (data.state.status === 'loading') return <Loading />;
  if (data.state.status === 'error') return <ErrorPanel error={data.state.error} onRetry={data.reload} />;
  const { runs, role } = data.state.value;
  if (runs.length < 2) return <Empty>{m.compareNoRuns}</Empty>;
  const canRun = roleAtLeast(role, 'planner');
  const label = (r: Run) => m.compareRunLabel(r.id, r.scenarioVersionIds.map((id) => versions.get(id) ?? id).join('；'));
  const toggle = (id: string) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id]));

  const start = async () => {
    if (picked.length < 2 || picked.length > 4 || !/^\d+$/.test(paths) || !/^\d+$/.test(seed)) return setSending({ status: 'count' });
    setSending({ status: 'sending' });
    try {
      // The frozen baseline's column first, then the others in the order picked.
      const order = baseline && picked.includes(baseline) ? [baseline, ...picked.filter((p) => p !== baseline)] : picked;
      const choices = await Promise.all(
        order.map(async (id) => {
          const run = await answer(api.api.funds[':fundId'].runs[':runId'].$get({ param: { fundId, runId: id } }), runSchema);
          return { runId: id, versionId: run.scenarioVersionIds[0]!, plan: parseAnswer(planSchema, run.result, `GET run ${id} plan`).plan };
        }),
      );
      const created = await answer(api.api.funds[':fundId'].runs.$post({ param: { fundId }, json: compareRequestOf(choices, { paths: Number(paths), seed: Number(seed) }) }), runCreatedSchema);
      navigate(routePath({ screen: 'compare', fundId, runId: created.run.id }));
    } catch (error) {
      setSending({ status: 'error', error });
    }
  };

  return (
    <section className="card" aria-labelledby="pick-title">
      <h2 id="pick-title">{m.comparePick}</h2>
      <p className="muted">{m.compareHint}</p>
      <table className="table" data-testid="compare-pick">
        <thead>
          <tr>
            <th scope="col">{m.comparePick}</th>
            <th scope="col">{m.runBy}</th>
            <th scope="col">{m.runFinished}</th>
            <th scope="col">{m.compareBaseline}</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <tr key={r.id}>
              <td>
                <label>
                  <input type="checkbox" checked={picked.includes(r.id)} onChange={() => toggle(r.id)} /> {label(r)}
                </label>
              </td>
              <td>{r.createdBy ?? '—'}</td>
              <td className="nowrap">{r.finishedAt?.slice(0, 16).replace('T', ' ') ?? '—'}</td>
              <td>
                {baseline === r.id ? <strong>{m.compareBaseline}</strong> : (
                  <button type="button" className="secondary" onClick={() => freeze(r.id)} aria-label={`${m.compareFreeze}: #${r.id}`}>
                    {m.compareFreeze}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {canRun ? (
        <fieldset className="options">
          <label className="field">
            <span>{m.comparePaths}</span>
            <input name="paths" inputMode="numeric" value={paths} onChange={(e) => setPaths(e.target.value)} />
          </label>
          <label className="field">
            <span>{m.compareSeed}</span>
            <input name="seed" inputMode="numeric" value={seed} onChange={(e) => setSeed(e.target.value)} />
          </label>
          <button type="button" onClick={() => void start()} disabled={sending.status === 'sending'}>
            {m.compareRun}
          </button>
        </fieldset>
      ) : (
        <p className="muted">{m.needPlanner}</p>
      )}
      {sending.status === 'count' && <p role="alert" className="field-error">{m.comparePickCount}</p>}
      {sending.status === 'error' && <ErrorPanel error={sending.error} />}
    </section>
  );
}

async function loadCompare(fundId: string, runId: string, signal: AbortSignal): Promise<{ run: Run; result?: CompareResult }> {
  const run = await answer(api.api.funds[':fundId'].runs[':runId'].$get({ param: { fundId, runId } }, withSignal(signal)), runSchema, undefined, signal);
  if (run.state !== 'done' || run.kind !== 'compare') return { run };
  return { run, result: checkedResult(compareResult, run.result, `GET run ${runId} result`) };
}

function CompareRun({ fundId, runId, baseline, freeze, versions }: { fundId: string; runId: string; baseline: string | undefined; freeze: (id: string) => void; versions: Map<string, string> }) {
  const { m, lang, names } = useI18n();
  const data = useLoad(`compare:${fundId}:${runId}`, (signal) => loadCompare(fundId, runId, signal));
  if (data.state.status === 'loading') return <Loading />;
  if (data.state.status === 'error') return <ErrorPanel error={data.state.error} onRetry={data.reload} />;
  const { run, result } = data.state.value;
  const again = (
    <p>
      <Link to={routePath({ screen: 'compare', fundId })}>{m.compareNew}</Link>
    </p>
  );
  if (run.kind !== 'compare') return <Empty>{m.compareNotCompare}</Empty>;
  if (run.state === 'queued' || run.state === 'running') return <><Empty>{m.compareNotFinished}</Empty><RunPanel run={run} canCancel={false} onEnd={data.reload} /></>;
  if (!result) {
    return (
      <div className="state state-error" role="alert">
        <strong>{m.runFailed}</strong> {nameOf(names.runState, run.state)}
        <ul className="issues">{(run.issues ?? []).map((i, k) => <li key={k}>{issueSentence(i, lang)}</li>)}</ul>
        {again}
      </div>
    );
  }
  return <CompareBody result={result} run={run} baseline={baseline} freeze={freeze} versions={versions} again={again} />;
}

function cellText(c: Cell, m: Messages, lang: Lang): string {
  switch (c.kind) {
    case 'probability':
      return percentOfProbability(c.value);
    case 'money':
      return formatMoney(c.value, lang);
    case 'rate':
      return percentOfFraction(c.value);
    case 'count':
      return String(c.value);
    case 'verdict':
      return c.value ? m.verdictMet : m.verdictMissed;
    case 'none':
      return '—';
  }
}

function deltaText(d: Delta, m: Messages, lang: Lang): string {
  switch (d.kind) {
    case 'money':
      return `${d.value.startsWith('-') ? '' : '+'}${formatMoney(d.value, lang)}`;
    case 'points':
      return m.pointsDelta(`${d.value > 0 ? '+' : ''}${decimalIn(d.value.toFixed(2), 2)}`);
    case 'count':
      return `${d.value > 0 ? '+' : ''}${d.value}`;
    case 'none':
      return '';
  }
}

const KPI_LABEL: Record<KpiKey, keyof Messages> = {
  verdict: 'kpiVerdict', payoutGapQ1: 'kpiPayoutGapQ1', payoutGap: 'kpiPayoutGap', planCaused: 'kpiPlanCaused', structural: 'kpiStructural', meanLargestShort: 'kpiMeanLargestShort',
  interest: 'kpiInterest', expectedInterest: 'kpiExpectedInterest', p5Interest: 'kpiP5Interest', lowestLiquid: 'kpiLowestLiquid', annualYield: 'kpiAnnualYield', ruleBreaks: 'kpiRuleBreaks',
};

/** A column's heading: the run it came from and its scenario version, or the column's own label. */
function columnHeading(c: CompareColumn, run: Run, versions: Map<string, string>, m: Messages): string {
  const id = runIdOfColumn(c);
  const version = run.scenarioVersionIds[c.scenario];
  return id ? m.compareRunLabel(id, version ? (versions.get(version) ?? version) : c.label) : c.label;
}

function CompareBody({ result, run, baseline, freeze, versions, again }: { result: CompareResult; run: Run; baseline: string | undefined; freeze: (id: string) => void; versions: Map<string, string>; again: React.ReactNode }) {
  const { m, lang, names } = useI18n();
  const base = baselineIndex(result.columns, baseline);
  const heading = (c: CompareColumn) => columnHeading(c, run, versions, m);
  const rows = useMemo(() => kpiTable(result, base), [result, base]);
  const bankName = (id: string) => (id === 'govBond' ? nameOf(names.product, 'govBond') : (result.scenarios.map((s) => s.bankNames[id]).find(Boolean) ?? id));
  const lines = useMemo(() => liquidityLinesOption(result.columns, result.columns.map((c) => columnHeading(c, run, versions, m)), m.seriesReserve, lang), [result, run, versions, m, lang]);
  const hasLines = result.columns.some((c) => (c.ledger?.liquidity?.length ?? 0) > 0);
  const baseCol = result.columns[base]!;
  return (
    <>
      {again}
      <p className={result.paths.samePaths ? 'muted' : 'warn'} data-testid="paths-note">
        {result.paths.samePaths ? m.compareSamePaths(result.paths.check, result.paths.seed) : m.compareNotSamePaths(result.paths.groups.length)}
      </p>
      <section className="card" aria-labelledby="kpi-title" data-testid="kpi">
        <h2 id="kpi-title">{m.kpiTitle}</h2>
        <div className="table-scroll" tabIndex={0} role="region" aria-label={m.tableScrollLabel}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{m.kpiColumn}</th>
                {result.columns.map((c, i) => (
                  <th scope="col" key={i} className="num">
                    {heading(c)}
                    <br />
                    {i === base ? <span className="badge badge-latest">{m.compareBaseline}</span> : runIdOfColumn(c) && (
                      <button type="button" className="secondary" onClick={() => freeze(runIdOfColumn(c)!)}>{m.compareFreeze}</button>
                    )}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key} data-kpi={r.key}>
                  <th scope="row">{m[KPI_LABEL[r.key]] as string}</th>
                  {r.cells.map((c, i) => (
                    <td key={i} className="num">
                      {cellText(c, m, lang)}
                      {r.deltas[i]!.kind !== 'none' && deltaText(r.deltas[i]!, m, lang) !== '' && (
                        <div className="muted delta">
                          <span className="visually-hidden">{m.kpiDelta}: </span>
                          {deltaText(r.deltas[i]!, m, lang)}
                        </div>
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {result.columns.map((c, i) =>
        i === base || !c.ledger || !baseCol.ledger ? null : (
          <section className="card" key={i} aria-labelledby={`wf-${i}`} data-testid="waterfall">
            <h2 id={`wf-${i}`}>{m.waterfallTitle(heading(c), heading(baseCol))}</h2>
            <p className="muted">{m.waterfallNote}</p>
            {(['product', 'bank'] as const).map((by) => {
              const w = waterfallOf(baseCol.ledger!, c.ledger!, by);
              const option = waterfallOption(w, { start: heading(baseCol), end: heading(c), step: by === 'product' ? (k) => nameOf(names.product, k) : bankName, up: m.waterfallUp, down: m.waterfallDown }, lang);
              const title = by === 'product' ? m.waterfallByProduct : m.waterfallByBank;
              return (
                <div key={by}>
                  <h3>{title}</h3>
                  <EChart option={option} lang={lang} label={m.chartLabel(`${m.waterfallTitle(heading(c), heading(baseCol))} · ${title}`)} height={300} testId={`waterfall-${by}`} />
                </div>
              );
            })}
          </section>
        ),
      )}

      <section className="card" aria-labelledby="lines-title" data-testid="lines">
        <h2 id="lines-title">{m.linesTitle}</h2>
        {hasLines ? (
          <>
            <p className="muted">{m.linesNote}</p>
            <EChart option={lines} lang={lang} label={m.chartLabel(m.linesTitle)} height={340} testId="lines-chart" />
          </>
        ) : (
          <p className="muted">{m.linesNone}</p>
        )}
      </section>
    </>
  );
}
