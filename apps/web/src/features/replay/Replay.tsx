// The Replay screen (docs/audit.md §1, docs/web.md §11): pick a finished optimize run as the plan carried out, see
// fund type by fund type which months of actuals the fund has recorded and which are missing (the replay runs from the
// scenario's first month only while every fund type has one), start a replay run on them and follow it, then the risk
// first — payout gaps and reserve breaches of the plan carried out, against hindsight and rolling re-plans — and the
// interest earned and forgone, in 万元 / CNY millions.
import './replay.css';
import { useState } from 'react';
import { z } from 'zod';
import { answer, api, withSignal } from '../../api/client';
import { actualListSchema } from '../../api/actualsSchemas';
import { versionWithBodySchema } from '../../api/dataSchemas';
import { loadFundVersions } from '../../api/fundVersions';
import { checkedResult, optimizeResult, type ReplayResult, replayResult } from '../../api/results';
import { type Run, issueSentence, runCreatedSchema, runListSchema, runSchema } from '../../api/schemas';
import { EChart } from '../../charts/LazyEChart';
import { localDateTime } from '../../format/dates';
import { formatMoney, moneyIn, percentOfProbability, tableUnit } from '../../format/money';
import { useI18n } from '../../i18n/I18n';
import { nameOf } from '../../i18n/messages';
import { routePath } from '../../routes';
import { Link } from '../../ui/Link';
import { navigate } from '../../ui/navigation';
import { PlannerOnly, StartCard, StartForm } from '../../ui/StartCard';
import { RunView } from '../../ui/RunView';
import { ErrorPanel, Loading } from '../../ui/states';
import { useLoad } from '../../ui/useLoad';
import { type ReplayMessages, replayMessages } from './messages';
import { replayRiskOption } from './replayChart';
import { type ReplayForm, type ReplayFormProblem, type ScenarioFrame, DEFAULT_REPLAY_FORM, coverage, forgoneRows, gapRows, placementsAfter, planRunId, replayRequestOf, riskByMonth, sideRows } from './replayView';

export default function Replay({ fundId, runId }: { fundId: string; runId?: string }) {
  const { lang } = useI18n();
  const t = replayMessages(lang);
  return (
    <div className="screen replay">
      {runId && (
        <p className="crumbs">
          <Link to={routePath({ screen: 'replay', fundId })}>{t.back}</Link>
        </p>
      )}
      <header className="screen-head">
        <h1>{runId ? t.resultTitle(runId) : t.title}</h1>
        <p className="muted">{t.hint}</p>
      </header>
      {runId ? <ReplayRun fundId={fundId} runId={runId} /> : <Start fundId={fundId} />}
    </div>
  );
}

function Start({ fundId }: { fundId: string }) {
  const { lang, m, names } = useI18n();
  const t = replayMessages(lang);
  const data = useLoad(`replay-start:${fundId}`, async (signal) => {
    const fund = api.api.funds[':fundId'];
    const [info, runs] = await Promise.all([loadFundVersions(fundId, signal), answer(fund.runs.$get({ param: { fundId }, query: { limit: '200' } }, withSignal(signal)), runListSchema, undefined, signal)]);
    const versionName = new Map(info.versions.map((v) => [v.id, `${v.scenario} · ${m.versionLabel(v.version)}`] as const));
    return {
      role: info.fund.role,
      versionName,
      plans: runs.runs.filter((r) => r.kind === 'optimize' && r.state === 'done' && r.scenarioVersionIds.length === 1),
      replays: runs.runs.filter((r) => r.kind === 'replay'),
    };
  });
  const [picked, setPicked] = useState<string | undefined>();

  if (data.state.status === 'loading') return <Loading />;
  if (data.state.status === 'error') return <ErrorPanel error={data.state.error} onRetry={data.reload} />;
  const { role, versionName, plans, replays } = data.state.value;
  const runId = picked ?? plans[0]?.id;
  const version = (r: Run) => versionName.get(r.scenarioVersionIds[0]!) ?? r.scenarioVersionIds[0]!;

  return (
    <StartCard
      name="replay"
      title={t.startTitle}
      empty={runId === undefined ? t.noPlans : undefined}
      earlier={{ title: t.earlier, none: t.noEarlier, runs: replays.map((r) => ({ id: r.id, to: routePath({ screen: 'replay', fundId, runId: r.id }), label: t.earlierItem(r.id, nameOf(names.runState, r.state)) })) }}
    >
      <label className="field">
        <span>{t.plan}</span>
        <select name="plan" value={runId} onChange={(e) => setPicked(e.target.value)} aria-describedby="replay-plan-note">
          {plans.map((r) => (
            <option key={r.id} value={r.id}>
              {t.planItem(r.id, version(r), localDateTime(r.finishedAt))}
            </option>
          ))}
        </select>
      </label>
      <p className="muted" id="replay-plan-note">{t.planNote}</p>
      {runId !== undefined && <PlanPick key={runId} fundId={fundId} run={plans.find((r) => r.id === runId)!} role={role} />}
    </StartCard>
  );
}

const frameSchema = z.object({ startMonth: z.string(), horizonMonths: z.number().int().positive(), fundTypes: z.array(z.string()) });

/** The picked optimize run's plan and risk, its scenario version's frame, and the fund's actuals in force. */
async function loadPick(fundId: string, run: Run, signal: AbortSignal) {
  const fund = api.api.funds[':fundId'];
  const versionId = run.scenarioVersionIds[0]!;
  const [full, version, actuals] = await Promise.all([
    answer(fund.runs[':runId'].$get({ param: { fundId, runId: run.id } }, withSignal(signal)), runSchema, undefined, signal),
    answer(fund['scenario-versions'][':versionId'].$get({ param: { fundId, versionId } }, withSignal(signal)), versionWithBodySchema, undefined, signal),
    answer(fund.actuals.$get({ param: { fundId }, query: {} }, withSignal(signal)), actualListSchema, undefined, signal),
  ]);
  const result = checkedResult(optimizeResult, full.result, `GET run ${run.id} result`);
  const frame: ScenarioFrame = frameSchema.parse(version.body);
  return { versionId, result, frame, actuals: actuals.actuals };
}

function PlanPick({ fundId, run, role }: { fundId: string; run: Run; role: string | null | undefined }) {
  const { lang, names } = useI18n();
  const t = replayMessages(lang);
  const data = useLoad(`replay-pick:${fundId}:${run.id}`, (signal) => loadPick(fundId, run, signal));
  const [form, setForm] = useState<ReplayForm>(DEFAULT_REPLAY_FORM);
  const [sending, setSending] = useState<{ status: 'idle' | 'sending' } | { status: 'invalid'; problem: ReplayFormProblem } | { status: 'error'; error: unknown }>({ status: 'idle' });
  if (data.state.status === 'loading') return <Loading />;
  if (data.state.status === 'error') return <ErrorPanel error={data.state.error} onRetry={data.reload} />;
  const { versionId, result, frame, actuals } = data.state.value;
  if (!result.plan) return <p className="warn" role="note">{t.noPlanInRun(result.status)}</p>;
  const plan = result.plan;
  const cover = coverage(frame, actuals);
  const dropped = cover.to ? placementsAfter(plan, cover.to) : 0;
  const stress = result.stress;

  const start = async () => {
    const request = replayRequestOf({ runId: run.id, versionId, placements: plan.placements }, frame, actuals, form);
    if (!request.ok) return setSending({ status: 'invalid', problem: request.problem });
    setSending({ status: 'sending' });
    try {
      const created = await answer(api.api.funds[':fundId'].runs.$post({ param: { fundId }, json: request.body }), runCreatedSchema);
      setSending({ status: 'idle' });
      navigate(routePath({ screen: 'replay', fundId, runId: created.run.id }));
    } catch (error) {
      setSending({ status: 'error', error });
    }
  };

  return (
    <>
      <p data-testid="replay-planned-risk">{stress ? t.plannedRisk(percentOfProbability(stress.payoutShortProbability), stress.planCausedShortProbability !== undefined ? percentOfProbability(stress.planCausedShortProbability) : t.noFigure) : t.plannedRiskNone}</p>
      <h3 id="replay-coverage-title">{t.coverageTitle}</h3>
      <p className="muted">{t.coverageNote}</p>
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="replay-coverage-title">
        <table className="table" data-testid="replay-coverage">
          <thead>
            <tr>
              <th scope="col">{t.colFundType}</th>
              <th scope="col" className="num">{t.colRecorded}</th>
              <th scope="col">{t.colMissing}</th>
            </tr>
          </thead>
          <tbody>
            {cover.byFundType.map((f) => (
              <tr key={f.fundType} data-fund-type={f.fundType} className={f.missing.length ? 'missing' : undefined}>
                <th scope="row">{nameOf(names.fundType, f.fundType)}</th>
                <td className="num">{f.recorded}</td>
                <td>{f.missing.length ? f.missing.join('、') : t.noneMissing}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p role="status" data-testid="replay-months" className={cover.count ? undefined : 'warn'}>
        {cover.to ? t.willReplay(cover.from, cover.to, cover.count) : t.cannotReplay(cover.from)}
        {cover.to && dropped > 0 && ` ${t.willDrop(dropped, cover.to)}`}{' '}
        <Link to={routePath({ screen: 'actuals', fundId })}>{t.toActuals}</Link>
      </p>
      <PlannerOnly role={role} note={t.noRole}>
        <StartForm onStart={start}>
          <fieldset className="options">
            <label className="field field-check">
              <input type="checkbox" name="hindsight" checked={form.hindsight} onChange={(e) => setForm((f) => ({ ...f, hindsight: e.target.checked }))} />
              <span>{t.hindsight}</span>
            </label>
            <label className="field field-check">
              <input type="checkbox" name="rolling" checked={form.rolling} onChange={(e) => setForm((f) => ({ ...f, rolling: e.target.checked }))} />
              <span>{t.rolling}</span>
            </label>
            <label className="field">
              <span>{t.stepMonths}</span>
              <input name="stepMonths" inputMode="numeric" value={form.stepMonths} disabled={!form.rolling} onChange={(e) => setForm((f) => ({ ...f, stepMonths: e.target.value }))} aria-invalid={(sending.status === 'invalid' && sending.problem === 'stepMonths') || undefined} />
            </label>
          </fieldset>
          <button type="submit" disabled={sending.status === 'sending' || cover.count === 0}>
            {sending.status === 'sending' ? t.starting : t.start}
          </button>
          {sending.status === 'invalid' && (
            <p role="alert" className="field-error">
              {t.formInvalid[sending.problem]}
            </p>
          )}
          {sending.status === 'error' && <ErrorPanel error={sending.error} />}
        </StartForm>
      </PlannerOnly>
    </>
  );
}

function ReplayRun({ fundId, runId }: { fundId: string; runId: string }) {
  const { lang } = useI18n();
  const t = replayMessages(lang);
  return (
    <RunView fundId={fundId} runId={runId} kind="replay" schema={replayResult} name="replay" words={{ notKind: t.notReplay, running: t.running, failed: t.failed }}>
      {(result) => <ReplayBody fundId={fundId} result={result} t={t} />}
    </RunView>
  );
}

function ReplayBody({ fundId, result, t }: { fundId: string; result: ReplayResult; t: ReplayMessages }) {
  const { lang, names } = useI18n();
  const unit = tableUnit(lang);
  const wan = (yuan: string) => moneyIn(yuan, unit);
  const sides = sideRows(result);
  const gaps = gapRows(result.actual);
  const breaches = result.actual.reserveBreaches;
  const forgone = forgoneRows(result);
  const fundType = (id: string | undefined) => (id ? nameOf(names.fundType, id) : t.allFundTypes);
  const fromRun = planRunId(result.actual.plan);
  const actualGapDays = sides[0]!.gapDays;
  const risky = gaps.length > 0 || breaches.length > 0;
  return (
    <>
      <section className="card" aria-labelledby="replay-summary-title" data-testid="replay-summary">
        <h2 id="replay-summary-title">{t.summaryTitle}</h2>
        <p>{t.summary(result.months.from, result.months.to, result.months.count)}</p>
        <dl className="facts">
          <dt>{t.planFrom}</dt>
          <dd>{fromRun ? <Link to={routePath({ screen: 'plan', fundId, runId: fromRun })}>{t.planFromRun(fromRun)}</Link> : result.actual.plan}</dd>
        </dl>
        <p data-testid="replay-dropped" className={result.droppedPlacements > 0 ? 'warn' : 'muted'}>
          {result.droppedPlacements > 0 ? t.dropped(result.droppedPlacements) : t.noneDropped}
        </p>
      </section>

      <section className="card" aria-labelledby="replay-risk-title" data-testid="replay-risk">
        <h2 id="replay-risk-title">{t.riskTitle}</h2>
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="replay-risk-title">
          <table className="table" data-testid="replay-sides">
            <thead>
              <tr>
                <th scope="col">{t.colPlan}</th>
                <th scope="col" className="num">{t.colGapDays}</th>
                <th scope="col" className="num">{t.colLargestGap}</th>
                <th scope="col" className="num">{t.colBreachMonths}</th>
                <th scope="col" className="num">{t.colLargestBreach}</th>
                <th scope="col" className="num">{t.colInterest}</th>
                <th scope="col" className="num">{t.colPlacements}</th>
              </tr>
            </thead>
            <tbody>
              {sides.map((s) => (
                <tr key={s.side} data-side={s.side}>
                  <th scope="row">{t.side[s.side]}</th>
                  <td className="num">{s.gapDays}</td>
                  <td className="num">{wan(s.largestGap)}</td>
                  <td className="num">{s.breachMonths}</td>
                  <td className="num">{wan(s.largestBreach)}</td>
                  <td className="num">{wan(s.interest)}</td>
                  <td className="num">{s.placements}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {result.hindsightIssues && result.hindsightIssues.length > 0 && (
          <p className="warn" data-testid="replay-hindsight-issues">
            {t.hindsightNone}
            {result.hindsightIssues.map((i) => issueSentence(i, lang)).join('；')}
          </p>
        )}
        {/* Why no plan keeps every rule on the actual flows, as the catalogue words it (results stored before: none). */}
        {result.hindsightWhy?.[lang].length ? (
          <div data-testid="replay-hindsight-why">
            <p>{t.hindsightWhy}</p>
            <ul className="issues">
              {result.hindsightWhy[lang].map((line, k) => (
                <li key={k}>{line}</li>
              ))}
            </ul>
          </div>
        ) : null}

        <h3 id="replay-gaps-title">{t.gapsTitle}</h3>
        {gaps.length === 0 ? (
          <p className="muted" data-testid="replay-no-gaps">{t.noGaps}</p>
        ) : (
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="replay-gaps-title">
            <table className="table" data-testid="replay-gaps">
              <thead>
                <tr>
                  <th scope="col">{t.colMonth}</th>
                  <th scope="col">{t.colFundType}</th>
                  <th scope="col" className="num">{t.colShort}</th>
                  <th scope="col" className="num">{t.colDays}</th>
                  <th scope="col">{t.colFirstDate}</th>
                </tr>
              </thead>
              <tbody>
                {gaps.map((g) => (
                  <tr key={`${g.month}/${g.fundType}`} data-month={g.month} data-fund-type={g.fundType}>
                    <th scope="row">{g.month}</th>
                    <td>{fundType(g.fundType)}</td>
                    <td className="num">{wan(g.largest)}</td>
                    <td className="num">{g.days}</td>
                    <td>{g.firstDate}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}

        <h3 id="replay-breaches-title">{t.breachesTitle}</h3>
        {breaches.length === 0 ? (
          <p className="muted">{t.noBreaches}</p>
        ) : (
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="replay-breaches-title">
            <table className="table" data-testid="replay-breaches">
              <thead>
                <tr>
                  <th scope="col">{t.colMonth}</th>
                  <th scope="col">{t.colFundType}</th>
                  <th scope="col" className="num">{t.colLiquid}</th>
                  <th scope="col" className="num">{t.colRequired}</th>
                  <th scope="col" className="num">{t.colBreachShort}</th>
                </tr>
              </thead>
              <tbody>
                {breaches.map((b) => (
                  <tr key={`${b.month}/${b.fundType ?? ''}`} data-month={b.month}>
                    <th scope="row">{b.month}</th>
                    <td>{fundType(b.fundType)}</td>
                    <td className="num">{wan(b.liquid)}</td>
                    <td className="num">{wan(b.required)}</td>
                    <td className="num">{wan(b.short)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {risky && <EChart option={replayRiskOption(riskByMonth(result), { gap: t.chartGap, reserve: t.chartReserve }, lang)} lang={lang} label={t.chartLabel(t.chartTitle)} height={320} testId="replay-chart" />}
      </section>

      <section className="card" aria-labelledby="replay-interest-title" data-testid="replay-interest">
        <h2 id="replay-interest-title">{t.interestTitle}</h2>
        <dl className="facts">
          <dt>{t.interestEarned}</dt>
          <dd data-testid="replay-interest-earned">
            {formatMoney(result.actual.interest, lang)}
            {t.interestWithRisk(actualGapDays)}
          </dd>
          {forgone.map((f) => (
            <FactPair key={f.against} label={t.forgone[f.against]!} testId={`replay-forgone-${f.against}`} value={`${formatMoney(f.amount, lang)}${f.amount.startsWith('-') ? t.forgoneNegative : ''}`} />
          ))}
        </dl>
        {result.rolling && (
          <>
            <h3 id="replay-steps-title">{t.stepsTitle}</h3>
            <table className="table" data-testid="replay-steps">
              <thead>
                <tr>
                  <th scope="col">{t.colStart}</th>
                  <th scope="col">{t.colStatus}</th>
                  <th scope="col">{t.colExpected}</th>
                  <th scope="col" className="num">{t.colPlacements}</th>
                </tr>
              </thead>
              <tbody>
                {result.rolling.steps.map((s) => (
                  <tr key={s.start}>
                    <th scope="row">{s.start}</th>
                    <td>{t.status[s.status] ?? s.status}</td>
                    <td>{t.expected[s.expected] ?? s.expected}</td>
                    <td className="num">{s.placements}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>

      {result.warnings.length > 0 && (
        <section className="card" aria-labelledby="replay-warnings-title">
          <h2 id="replay-warnings-title">{t.warningsTitle}</h2>
          <ul>
            {result.warnings.map((w, k) => (
              <li key={k}>{issueSentence(w, lang)}</li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function FactPair({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </>
  );
}
