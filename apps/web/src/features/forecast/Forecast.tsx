// The Forecast screen: for a scenario version, run (or reuse) a forecast and a backtest run, follow their progress
// (cancellable), then the fan chart per fund type and in total with the actuals where known, and the backtest table
// with the facts that say why to trust it.
import '../data/data.css';
import { useMemo, useState } from 'react';
import { loadFundVersions } from '../../api/fundVersions';
import { answer, api, parseAnswer, withSignal } from '../../api/client';
import { actualListSchema } from '../../api/actualsSchemas';
import { versionWithBodySchema } from '../../api/dataSchemas';
import { type BacktestResult, backtestResultSchema } from '../../api/forecastSchemas';
import { checkedResult, type ForecastResult, forecastResult } from '../../api/results';
import { FINISHED, type Run, runCreatedSchema, runListSchema, runSchema, roleAtLeast } from '../../api/schemas';
import { EChart } from '../../charts/LazyEChart';
import { useI18n } from '../../i18n/I18n';
import { nameOf } from '../../i18n/messages';
import { unitName } from '../plan/liquidityLadderChart';
import { RunPanel } from '../runs/RunPanel';
import { Empty, ErrorPanel, Loading } from '../../ui/states';
import { useLoad } from '../../ui/useLoad';
import { type Side, actualSeries, historyRows, monthsComplete } from './actualFlows';
import { backtestRows, scoreText, shareText, trustFacts } from './backtestView';
import { fanChartOption, fanRows } from './fanChart';
import { type ForecastKind, forecastRequest, runFor } from './forecastRuns';


export default function Forecast({ fundId }: { fundId: string }) {
  const { m } = useI18n();
  const loaded = useLoad(`fc:${fundId}`, (signal) => loadFundVersions(fundId, signal));
  const [picked, setPicked] = useState<string | undefined>();
  if (loaded.state.status === 'loading') return <Loading />;
  if (loaded.state.status === 'error') return <ErrorPanel error={loaded.state.error} onRetry={loaded.reload} />;
  const { fund, versions } = loaded.state.value;
  const versionId = picked ?? versions[0]?.id;
  return (
    <div className="screen forecast">
      <header className="screen-head">
        <h1>{m.fcTitle}</h1>
        <p className="muted">{m.fcIntro}</p>
      </header>
      {versionId === undefined ? (
        <Empty>{m.fcNoScenario}</Empty>
      ) : (
        <>
          <label className="field field-inline">
            <span>{m.fcVersion}</span>
            <select value={versionId} onChange={(e) => setPicked(e.target.value)}>
              {versions.map((v) => (
                <option key={v.id} value={v.id}>
                  {`${v.scenario} · ${m.versionLabel(v.version)}`}
                </option>
              ))}
            </select>
          </label>
          <VersionForecast key={versionId} fundId={fundId} versionId={versionId} canRun={roleAtLeast(fund.role, 'planner')} />
        </>
      )}
    </div>
  );
}

async function loadResults(fundId: string, versionId: string, signal: AbortSignal) {
  const [runs, version, actuals] = await Promise.all([
    answer(api.api.funds[':fundId'].runs.$get({ param: { fundId }, query: { limit: '200' } }, withSignal(signal)), runListSchema, undefined, signal),
    answer(api.api.funds[':fundId']['scenario-versions'][':versionId'].$get({ param: { fundId, versionId } }, withSignal(signal)), versionWithBodySchema, undefined, signal),
    answer(api.api.funds[':fundId'].actuals.$get({ param: { fundId }, query: {} }, withSignal(signal)), actualListSchema, undefined, signal),
  ]);
  const pick = (kind: ForecastKind) => runFor(runs.runs, kind, versionId);
  const full = async (run: Run | undefined) => (run?.state === 'done' ? answer(api.api.funds[':fundId'].runs[':runId'].$get({ param: { fundId, runId: run.id } }, withSignal(signal)), runSchema, undefined, signal) : run);
  const [forecastRun, backtestRun] = await Promise.all([full(pick('forecast')), full(pick('backtest'))]);
  const forecast: ForecastResult | undefined = forecastRun?.state === 'done' ? checkedResult(forecastResult, forecastRun.result, 'forecast result') : undefined;
  const backtest: BacktestResult | undefined = backtestRun?.state === 'done' ? parseAnswer(backtestResultSchema, backtestRun.result, 'backtest result') : undefined;
  return { forecastRun, backtestRun, forecast, backtest, history: historyRows(version.body), actuals: actuals.actuals, fundTypes: Array.isArray(version.body.fundTypes) ? (version.body.fundTypes as string[]) : [] };
}

function VersionForecast({ fundId, versionId, canRun }: { fundId: string; versionId: string; canRun: boolean }) {
  const { m } = useI18n();
  const results = useLoad(`fc:${fundId}:${versionId}`, (signal) => loadResults(fundId, versionId, signal));
  const [posting, setPosting] = useState<{ status: 'idle' | 'sending' } | { status: 'error'; error: unknown }>({ status: 'idle' });
  const [started, setStarted] = useState<{ run: Run; reused: boolean }[]>([]);

  const run = async () => {
    setPosting({ status: 'sending' });
    try {
      const made = await Promise.all((['forecast', 'backtest'] as const).map((kind) => answer(api.api.funds[':fundId'].runs.$post({ param: { fundId }, json: forecastRequest(kind, versionId) }), runCreatedSchema)));
      setStarted(made);
      setPosting({ status: 'idle' });
      if (made.every((r) => r.run.state === 'done')) results.refresh();
    } catch (error) {
      setPosting({ status: 'error', error });
    }
  };

  if (results.state.status === 'loading') return <Loading />;
  if (results.state.status === 'error') return <ErrorPanel error={results.state.error} onRetry={results.reload} />;
  const r = results.state.value;
  const ready = r.forecast !== undefined && r.backtest !== undefined;
  // The runs being followed, until both results are there (then the results speak for them).
  const live = ready ? [] : started.length > 0 ? started : [r.forecastRun, r.backtestRun].filter((x): x is Run => x !== undefined && !FINISHED.includes(x.state)).map((x) => ({ run: x, reused: false }));
  const failed = [r.forecastRun, r.backtestRun].filter((x): x is Run => x !== undefined && (x.state === 'failed' || x.state === 'cancelled'));

  return (
    <>
      {!ready && (
        <section className="card" aria-labelledby="fc-run-title">
          <h2 id="fc-run-title" className="visually-hidden">
            {m.fcRun}
          </h2>
          {live.length === 0 && <Empty>{m.fcEmpty}</Empty>}
          {canRun ? (
            <p className="button-row">
              <button type="button" onClick={() => void run()} disabled={posting.status === 'sending' || live.length > 0}>
                {posting.status === 'sending' ? m.fcRunning : m.fcRun}
              </button>
              <span className="muted">{m.fcRunHint}</span>
            </p>
          ) : (
            <p className="muted">{m.needPlanner}</p>
          )}
          {posting.status === 'error' && <ErrorPanel error={posting.error} />}
          {failed.length > 0 && live.length === 0 && failed.map((x) => <RunPanel key={x.id} run={x} canCancel={false} />)}
        </section>
      )}
      {live.map((x) => (
        <RunPanel
          key={x.run.id}
          run={x.run}
          reused={x.reused}
          canCancel={canRun}
          onEnd={() => {
            setStarted((s) => s.filter((y) => y.run.id !== x.run.id));
            results.refresh();
          }}
        />
      ))}
      {r.forecast && <FanSection forecast={r.forecast} history={r.history} actuals={r.actuals} fundTypes={r.fundTypes} />}
      {r.backtest && <BacktestSection backtest={r.backtest} fundTypes={r.fundTypes} />}
    </>
  );
}

function FanSection({ forecast, history, actuals, fundTypes }: { forecast: ForecastResult; history: ReturnType<typeof historyRows>; actuals: ReturnType<typeof historyRows>; fundTypes: string[] }) {
  const { m, names, lang } = useI18n();
  const [subject, setSubject] = useState<string>('total');
  const [side, setSide] = useState<Side>('net');
  const fund = forecast.fundTypes.find((f) => f.fundType === subject);
  const periods = subject === 'total' || !fund ? forecast.total : fund.periods;
  const first = periods[0]?.period ?? '';
  const known = useMemo(() => {
    // The last 24 months of history before the forecast, then the months recorded since (actuals in force).
    const past = actualSeries(history, subject, side);
    const since = actuals.filter((a) => a.month >= first);
    const recorded = actualSeries(subject === 'total' ? monthsComplete(since, forecast.fundTypes.map((f) => f.fundType)) : since, subject, side);
    const keep = [...past].filter(([month]) => month < first).slice(-24);
    return new Map([...keep, ...recorded]);
  }, [history, actuals, subject, side, first, forecast]);
  const option = useMemo(() => fanChartOption(periods, side, known, { median: m.fcMedian, band80: m.fcBand80, band95: m.fcBand95, actual: m.fcActual, unit: unitName(lang) }, lang), [periods, side, known, lang, m]);
  const rows = fanRows(periods, side, known, lang);
  const unit = unitName(lang);
  const subjectName = subject === 'total' ? m.fcTotal : nameOf(names.fundType, subject);
  const order = [...fundTypes, ...forecast.fundTypes.map((f) => f.fundType).filter((f) => !fundTypes.includes(f))];
  return (
    <section className="card" aria-labelledby="fan-title">
      <h2 id="fan-title">{m.fcFanTitle}</h2>
      <div className="options">
        <label className="field">
          <span>{m.fcSubject}</span>
          <select value={subject} onChange={(e) => setSubject(e.target.value)}>
            <option value="total">{m.fcTotal}</option>
            {order.filter((f) => forecast.fundTypes.some((x) => x.fundType === f)).map((f) => (
              <option key={f} value={f}>
                {nameOf(names.fundType, f)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{m.fcSide}</span>
          <select value={side} onChange={(e) => setSide(e.target.value as Side)}>
            {(['net', 'inflow', 'outflow'] as const).map((s) => (
              <option key={s} value={s}>
                {m.fcSideName[s]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <EChart option={option} lang={lang} label={m.chartLabel(`${m.fcFanTitle} · ${subjectName} · ${m.fcSideName[side]}`)} testId="fan-chart" />
      <p className="muted">{m.fcFanNote(forecast.history.first, forecast.history.last)}</p>
      {fund && <p className="muted">{m.fcModels(fund.models.inflow, fund.models.outflow)}</p>}
      <details>
        <summary>{m.fcTableSummary}</summary>
        <div className="table-scroll">
          <table className="table" data-testid="fan-table">
            <thead>
              <tr>
                <th scope="col">{m.fcColPeriod}</th>
                <th scope="col" className="num">{m.fcColMedian(unit)}</th>
                <th scope="col" className="num">{m.fcColBand(80, unit)}</th>
                <th scope="col" className="num">{m.fcColBand(95, unit)}</th>
                <th scope="col" className="num">{m.fcColActual(unit)}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.period}>
                  <th scope="row">{row.period}</th>
                  <td className="num">{row.median ?? '—'}</td>
                  <td className="num">{row.band80 ?? '—'}</td>
                  <td className="num">{row.band95 ?? '—'}</td>
                  <td className="num">{row.actual ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}

function BacktestSection({ backtest, fundTypes }: { backtest: BacktestResult; fundTypes: string[] }) {
  const { m, names } = useI18n();
  const rows = backtestRows(backtest, fundTypes);
  const t = trustFacts(backtest);
  const horizons = [Math.min(...backtest.reportHorizons), Math.max(...backtest.reportHorizons)];
  return (
    <section className="card" aria-labelledby="bt-title" data-testid="backtest">
      <h2 id="bt-title">{m.btTitle}</h2>
      <div className={`verdict ${t.bandsHold && t.beatsNaive ? 'verdict-safe' : 'verdict-meanOnly'} trust`} data-testid="trust">
        <p>
          {m.btTrust(t.periods, t.first, t.last, t.windows, t.horizon)} {m.btTrustPoint(scoreText(t.maseMedian, 2), t.beatBaseline, t.scoredSeries)}{' '}
          {m.btTrustBands(t.hits95, t.scored, shareText(t.scored ? t.hits95 / t.scored : null), shareText(t.scored ? t.hits80 / t.scored : null))}
        </p>
        <p>
          <strong>{t.bandsHold && t.beatsNaive ? m.btVerdictGood : m.btVerdictWeak}</strong>
        </p>
      </div>
      <div className="table-scroll">
        <table className="table" data-testid="backtest-table">
          <thead>
            <tr>
              <th scope="col">{m.btColSeries}</th>
              <th scope="col">{m.btColModel}</th>
              <th scope="col" className="num">{m.btColMape(horizons[0]!)}</th>
              <th scope="col" className="num">{m.btColMape(horizons[1]!)}</th>
              <th scope="col" className="num">{m.btColMase}</th>
              <th scope="col" className="num">{m.btColCov(80)}</th>
              <th scope="col" className="num">{m.btColCov(95)}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.fundType}/${r.side}`}>
                <th scope="row">
                  {nameOf(names.fundType, r.fundType)} · {m.fcSideName[r.side]}
                </th>
                <td>
                  <code>{r.model}</code>
                  {!r.score && <span className="muted"> {m.btNoScore}</span>}
                </td>
                <td className="num">{r.mapeFirst === undefined ? '—' : `${scoreText(r.mapeFirst, 1)}%`}</td>
                <td className="num">{r.mapeLast === undefined ? '—' : `${scoreText(r.mapeLast, 1)}%`}</td>
                <td className="num">{scoreText(r.score?.mase, 2)}</td>
                <td className="num">{shareText(r.score?.coverage80)}</td>
                <td className="num">{shareText(r.score?.coverage95)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
