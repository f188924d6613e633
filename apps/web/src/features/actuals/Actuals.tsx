// The Actuals screen: record a month's actual flows (POST …/actuals), forecast against actual by fund type
// (GET …/variance), and the liquidity gap per time bucket against the reserve from the exact ledger.
import '../data/data.css';
import { useState } from 'react';
import { z } from 'zod';
import { ApiError, answer, api, withSignal } from '../../api/client';
import { loadFundVersions } from '../../api/fundVersions';
import { actualListSchema, actualsRecordedSchema, type Variance, varianceSchema } from '../../api/actualsSchemas';
import { versionWithBodySchema } from '../../api/dataSchemas';
import { checkedResult, evaluationSummary } from '../../api/results';
import { FINISHED, type Issue, issueSentence, type Run, runCreatedSchema, runListSchema, runSchema, roleAtLeast } from '../../api/schemas';
import { formatMoney, moneyIn, tableUnit } from '../../format/money';
import { useI18n } from '../../i18n/I18n';
import { nameOf } from '../../i18n/messages';
import { canonicalJson } from '../forecast/forecastRuns';
import { RunPanel } from '../runs/RunPanel';
import type { FieldError } from '../data/scenarioEdit';
import { unitName } from '../plan/liquidityLadderChart';
import { Empty, ErrorPanel, Loading } from '../../ui/states';
import { useLoad } from '../../ui/useLoad';
import { type ActualRow, actualRowsOf, issuesOnForm, nextMonth } from './actualsForm';
import { gapBuckets, netVariance } from './gapBuckets';
import { varianceByMonth, varianceCell } from './varianceView';


/** The plan the gap is computed with when no optimize run exists: nothing new placed. */
export const NOTHING_PLACED = { schemaVersion: 1, name: '不做新存放 Nothing new placed', placements: [] } as const;

export default function Actuals({ fundId }: { fundId: string }) {
  const { m } = useI18n();
  const loaded = useLoad(`act:${fundId}`, (signal) => loadFundVersions(fundId, signal));
  const [picked, setPicked] = useState<string | undefined>();
  if (loaded.state.status === 'loading') return <Loading />;
  if (loaded.state.status === 'error') return <ErrorPanel error={loaded.state.error} onRetry={loaded.reload} />;
  const { fund, versions } = loaded.state.value;
  const versionId = picked ?? versions[0]?.id;
  return (
    <div className="screen actuals">
      <header className="screen-head">
        <h1>{m.actTitle}</h1>
        <p className="muted">{m.actIntro}</p>
      </header>
      {versionId === undefined ? (
        <Empty>{m.actNoScenario}</Empty>
      ) : (
        <>
          <label className="field field-inline">
            <span>{m.actVersion}</span>
            <select value={versionId} onChange={(e) => setPicked(e.target.value)}>
              {versions.map((v) => (
                <option key={v.id} value={v.id}>
                  {`${v.scenario} · ${m.versionLabel(v.version)}`}
                </option>
              ))}
            </select>
          </label>
          <VersionActuals key={versionId} fundId={fundId} versionId={versionId} canWrite={roleAtLeast(fund.role, 'planner')} />
        </>
      )}
    </div>
  );
}

/** The ledger the gap reads: the newest done optimize run on the version with a plan, else our nothing-placed evaluation. */
async function loadLedger(fundId: string, versionId: string, signal: AbortSignal) {
  const runs = (await answer(api.api.funds[':fundId'].runs.$get({ param: { fundId }, query: { limit: '200' } }, withSignal(signal)), runListSchema, undefined, signal)).runs.filter((r) => r.scenarioVersionIds.length === 1 && r.scenarioVersionIds[0] === versionId);
  const evaluateBody = canonicalJson(evaluateRequest(versionId));
  for (const r of runs) {
    if (r.state !== 'done' || !(r.kind === 'optimize' || (r.kind === 'evaluate' && canonicalJson(r.request) === evaluateBody))) continue;
    const full = await answer(api.api.funds[':fundId'].runs[':runId'].$get({ param: { fundId, runId: r.id } }, withSignal(signal)), runSchema, undefined, signal);
    // An optimize's and an evaluate's result both carry the ledger as the app layer's evaluation summary.
    const result = checkedResult(z.object({ evaluation: evaluationSummary.optional() }), full.result, `run ${r.id}`);
    if (result.evaluation) return { run: r, months: result.evaluation.months };
  }
  const live = runs.find((r) => r.kind === 'evaluate' && !FINISHED.includes(r.state) && canonicalJson(r.request) === evaluateBody);
  return { run: live, months: undefined };
}

function evaluateRequest(versionId: string) {
  return { kind: 'evaluate' as const, scenario: { scenarioVersion: versionId }, plan: NOTHING_PLACED };
}

function VersionActuals({ fundId, versionId, canWrite }: { fundId: string; versionId: string; canWrite: boolean }) {
  const [notice, setNotice] = useState<string | undefined>();
  const data = useLoad(`act:${fundId}:${versionId}`, async (signal) => {
    const [version, actuals, variance] = await Promise.all([
      answer(api.api.funds[':fundId']['scenario-versions'][':versionId'].$get({ param: { fundId, versionId } }, withSignal(signal)), versionWithBodySchema, undefined, signal),
      answer(api.api.funds[':fundId'].actuals.$get({ param: { fundId }, query: {} }, withSignal(signal)), actualListSchema, undefined, signal),
      answer(api.api.funds[':fundId'].variance.$get({ param: { fundId }, query: { scenarioVersion: versionId } }, withSignal(signal)), varianceSchema, undefined, signal),
    ]);
    return { fundTypes: Array.isArray(version.body.fundTypes) ? (version.body.fundTypes as string[]) : [], startMonth: typeof version.body.startMonth === 'string' ? version.body.startMonth : '', actuals: actuals.actuals, variance };
  });
  if (data.state.status === 'loading') return <Loading />;
  if (data.state.status === 'error') return <ErrorPanel error={data.state.error} onRetry={data.reload} />;
  const d = data.state.value;
  const recorded = d.actuals.map((a) => a.month);
  const from = nextMonth(recorded, d.startMonth);
  return (
    <>
      {canWrite && (
        <RecordForm
          key={from}
          fundId={fundId}
          fundTypes={d.fundTypes}
          month={from}
          onRecorded={(text) => {
            setNotice(text);
            data.refresh();
          }}
        />
      )}
      {notice && (
        <p role="status" className="ok" data-testid="recorded">
          ✔ {notice}
        </p>
      )}
      <VarianceSection variance={d.variance} fundTypes={d.fundTypes} />
      <GapSection fundId={fundId} versionId={versionId} from={recorded.length ? from : d.startMonth} shift={netVariance(d.variance.rows, from)} hasActuals={recorded.length > 0} canRun={canWrite} />
    </>
  );
}

function RecordForm({ fundId, fundTypes, month: initial, onRecorded }: { fundId: string; fundTypes: string[]; month: string; onRecorded: (text: string) => void }) {
  const { m, names, lang } = useI18n();
  const [month, setMonth] = useState(initial);
  const [source, setSource] = useState('');
  const [typed, setTyped] = useState<Record<string, { inflow: string; outflow: string }>>({});
  const [state, setState] = useState<{ status: 'idle' | 'sending' } | { status: 'fix'; errors: Record<string, FieldError>; noRows?: boolean } | { status: 'refused'; byKey: Record<string, Issue[]>; elsewhere: Issue[] } | { status: 'error'; error: unknown }>({ status: 'idle' });
  const errors = state.status === 'fix' ? state.errors : {};
  const refused = state.status === 'refused' ? state.byKey : {};

  const submit = async () => {
    const built = actualRowsOf(month, fundTypes.map((f) => ({ fundType: f, inflow: typed[f]?.inflow ?? '', outflow: typed[f]?.outflow ?? '' })));
    if (!built.ok) return setState({ status: 'fix', errors: built.errors, ...(built.noRows ? { noRows: true } : {}) });
    setState({ status: 'sending' });
    const sent: ActualRow[] = built.rows;
    try {
      const r = await answer(api.api.funds[':fundId'].actuals.$post({ param: { fundId }, json: { rows: sent, ...(source.trim() ? { source: source.trim() } : {}) } }), actualsRecordedSchema);
      setTyped({});
      setState({ status: 'idle' });
      onRecorded(m.actRecorded(month, r.actuals.length, r.superseded.length, r.unchanged.length));
    } catch (error) {
      if (error instanceof ApiError && error.status === 422 && error.issues.length) setState({ status: 'refused', ...issuesOnForm(error.issues, sent) });
      else setState({ status: 'error', error });
    }
  };

  const cell = (fundType: string, side: 'inflow' | 'outflow', label: string) => {
    const key = `${fundType}.${side}`;
    const problem = errors[key];
    const issues = refused[key] ?? [];
    const invalid = problem !== undefined || issues.length > 0;
    return (
      <div className={`cell-field${invalid ? ' field-invalid' : ''}`}>
        <input aria-label={`${nameOf(names.fundType, fundType)} ${label}`} inputMode="decimal" value={typed[fundType]?.[side] ?? ''} aria-invalid={invalid} aria-describedby={invalid ? `err-${key}` : undefined} data-field={key}
          onChange={(e) => setTyped({ ...typed, [fundType]: { inflow: typed[fundType]?.inflow ?? '', outflow: typed[fundType]?.outflow ?? '', [side]: e.target.value } })} />
        {invalid && (
          <span id={`err-${key}`} className="field-error" role="alert">
            {problem && m.fieldProblem(problem)}
            {issues.map((i) => issueSentence(i, lang)).join('；')}
          </span>
        )}
      </div>
    );
  };

  return (
    <section className="card" aria-labelledby="record-title" data-testid="record">
      <h2 id="record-title">{m.actRecordTitle}</h2>
      <p className="muted">{m.actRecordHint}</p>
      <div className="options">
        <label className={`field${errors.month || refused.month ? ' field-invalid' : ''}`}>
          <span>{m.actMonth}</span>
          <input value={month} onChange={(e) => setMonth(e.target.value)} aria-invalid={errors.month !== undefined} />
          {errors.month && <span className="field-error">{m.fieldProblem(errors.month)}</span>}
        </label>
        <label className="field">
          <span>{m.actSource}</span>
          <input value={source} onChange={(e) => setSource(e.target.value)} />
        </label>
      </div>
      <div className="table-scroll">
        <table className="table edit-table">
          <thead>
            <tr>
              <th scope="col">{m.varColFund}</th>
              <th scope="col">{m.actColInflow}</th>
              <th scope="col">{m.actColOutflow}</th>
            </tr>
          </thead>
          <tbody>
            {fundTypes.map((f) => (
              <tr key={f}>
                <th scope="row">{nameOf(names.fundType, f)}</th>
                <td>{cell(f, 'inflow', m.actColInflow)}</td>
                <td>{cell(f, 'outflow', m.actColOutflow)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="button-row">
        <button type="button" onClick={() => void submit()} disabled={state.status === 'sending'}>
          {state.status === 'sending' ? m.actRecording : m.actRecord}
        </button>
      </p>
      {state.status === 'fix' && (
        <p role="alert" className="field-error">
          {state.noRows ? m.actNoRows : m.actFixFirst}
        </p>
      )}
      {state.status === 'refused' && (
        <div role="alert" className="state state-error">
          <p>{m.actRefused}</p>
          <ul className="issues">
            {[...Object.values(state.byKey).flat(), ...state.elsewhere].map((i, k) => (
              <li key={k}>
                <code>{i.path.join('.')}</code> {i.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {state.status === 'error' && <ErrorPanel error={state.error} />}
    </section>
  );
}

function VarianceSection({ variance, fundTypes }: { variance: Variance; fundTypes: string[] }) {
  const { m, names, lang } = useI18n();
  const unit = tableUnit(lang);
  const u = unitName(lang);
  const groups = varianceByMonth(variance, fundTypes);
  const cells = (f: Parameters<typeof varianceCell>[0]) => {
    const c = varianceCell(f, unit);
    return (
      <>
        <td className="num">{c.forecast}</td>
        <td className="num">{c.actual}</td>
        <td className={`num variance-${c.direction}`}>{c.variance}</td>
        <td className="num">{c.percent}</td>
      </>
    );
  };
  const head = (
    <thead>
      <tr>
        <th scope="col" rowSpan={2}>{m.varColFund}</th>
        <th scope="colgroup" colSpan={4}>{m.varInflow}</th>
        <th scope="colgroup" colSpan={4}>{m.varOutflow}</th>
      </tr>
      <tr>
        {[0, 1].map((k) => (
          <FourHeads key={k} unit={u} />
        ))}
      </tr>
    </thead>
  );
  return (
    <section className="card" aria-labelledby="var-title" data-testid="variance">
      <h2 id="var-title">{m.varTitle}</h2>
      <p className="muted">{m.varNote}</p>
      {groups.length === 0 ? (
        <Empty>{m.varEmpty}</Empty>
      ) : (
        <div className="table-scroll">
          {groups.map((g) => (
            <table className="table" key={g.month} data-testid={`variance-${g.month}`}>
              <caption>{g.month}</caption>
              {head}
              <tbody>
                {g.rows.map((r) => (
                  <tr key={r.fundType}>
                    <th scope="row">{nameOf(names.fundType, r.fundType)}</th>
                    {cells(r.inflow)}
                    {cells(r.outflow)}
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
          {variance.totals.length > 0 && (
            <table className="table">
              <caption>{m.varTotals(Math.max(...variance.totals.map((t) => t.months)))}</caption>
              {head}
              <tbody>
                {variance.totals.map((t) => (
                  <tr key={t.fundType}>
                    <th scope="row">{nameOf(names.fundType, t.fundType)}</th>
                    {cells(t.inflow)}
                    {cells(t.outflow)}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </section>
  );
}

function FourHeads({ unit }: { unit: string }) {
  const { m } = useI18n();
  return (
    <>
      <th scope="col" className="num">{m.varColForecast(unit)}</th>
      <th scope="col" className="num">{m.varColActual(unit)}</th>
      <th scope="col" className="num">{m.varColVariance(unit)}</th>
      <th scope="col" className="num">{m.varColPercent}</th>
    </>
  );
}

function GapSection({ fundId, versionId, from, shift, hasActuals, canRun }: { fundId: string; versionId: string; from: string; shift: string; hasActuals: boolean; canRun: boolean }) {
  const { m, lang } = useI18n();
  const ledger = useLoad(`gap:${fundId}:${versionId}`, (signal) => loadLedger(fundId, versionId, signal));
  const [started, setStarted] = useState<{ run: Run; reused: boolean } | undefined>();
  const [posting, setPosting] = useState<{ status: 'idle' | 'sending' } | { status: 'error'; error: unknown }>({ status: 'idle' });
  const unit = tableUnit(lang);
  const u = unitName(lang);

  const compute = async () => {
    setPosting({ status: 'sending' });
    try {
      const made = await answer(api.api.funds[':fundId'].runs.$post({ param: { fundId }, json: { ...evaluateRequest(versionId) } }), runCreatedSchema);
      setStarted(made);
      setPosting({ status: 'idle' });
      if (made.run.state === 'done') ledger.refresh();
    } catch (error) {
      setPosting({ status: 'error', error });
    }
  };

  const money = (y: string) => formatMoney(y, lang);
  const body = (() => {
    if (ledger.state.status === 'loading') return <Loading />;
    if (ledger.state.status === 'error') return <ErrorPanel error={ledger.state.error} onRetry={ledger.reload} />;
    const { run, months } = ledger.state.value;
    const live = started ?? (run && !months ? { run, reused: false } : undefined);
    if (!months)
      return (
        <>
          {!live && <Empty>{m.gapNone}</Empty>}
          {canRun && !live && (
            <button type="button" onClick={() => void compute()} disabled={posting.status === 'sending'}>
              {posting.status === 'sending' ? m.gapComputing : m.gapCompute}
            </button>
          )}
          {posting.status === 'error' && <ErrorPanel error={posting.error} />}
          {live && <RunPanel key={live.run.id} run={live.run} reused={live.reused} canCancel={canRun} onEnd={() => ledger.refresh()} />}
        </>
      );
    const buckets = gapBuckets(months, from, shift);
    return (
      <>
        <p className="muted">{run?.kind === 'optimize' ? m.gapFromPlan(run.id) : m.gapFromNothing(run?.id ?? '')}</p>
        {hasActuals && <p className="muted">{m.gapShift(money(shift))}</p>}
        {buckets.length === 0 ? (
          <Empty>{m.gapOutside}</Empty>
        ) : (
          <div className="table-scroll">
            <table className="table" data-testid="gap-table">
              <thead>
                <tr>
                  <th scope="col">{m.gapColBucket}</th>
                  <th scope="col" className="num">{m.gapColIn(u)}</th>
                  <th scope="col" className="num">{m.gapColOut(u)}</th>
                  <th scope="col" className="num">{m.gapColGap(u)}</th>
                  <th scope="col" className="num">{m.gapColLiquid(u)}</th>
                  <th scope="col" className="num">{m.gapColReserve(u)}</th>
                  <th scope="col" className="num">{m.gapColTightest(u)}</th>
                </tr>
              </thead>
              <tbody>
                {buckets.map((b) => (
                  <tr key={b.key}>
                    <th scope="row">
                      {m.gapBucket[b.key]}
                      <span className="muted nowrap"> {b.from === b.to ? b.from : `${b.from} – ${b.to}`}</span>
                    </th>
                    <td className="num">{moneyIn(b.moneyIn, unit)}</td>
                    <td className="num">{moneyIn(b.moneyOut, unit)}</td>
                    <td className="num">{moneyIn(b.gap, unit)}</td>
                    <td className="num">{moneyIn(b.liquid, unit)}</td>
                    <td className="num">{moneyIn(b.reserve, unit)}</td>
                    <td className="num">
                      <span className={b.belowReserve ? 'alarm' : undefined}>
                        {b.tightest.month} · {moneyIn(b.tightest.headroom, unit)} · {b.belowReserve ? m.gapBelow : m.gapAbove}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </>
    );
  })();

  return (
    <section className="card" aria-labelledby="gap-title" data-testid="gap">
      <h2 id="gap-title">{m.gapTitle}</h2>
      <p className="muted">{m.gapNote(from)}</p>
      {body}
    </section>
  );
}
