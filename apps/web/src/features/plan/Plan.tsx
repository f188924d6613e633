// The Plan of a finished optimize run, risk before reward: the safety verdict first, then the interest and what safety
// costs, the next quarter's actions, the liquidity gap ladder, each bank's use of its caps, and the rules that bind.
import { useCallback, useMemo } from 'react';
import { answer, api, withSignal } from '../../api/client';
import { checkedResult, type FrontierPoint, type OptimizeResult, optimizeResult } from '../../api/results';
import { issueSentence, type Run, runSchema } from '../../api/schemas';
import { EChart } from '../../charts/LazyEChart';
import { approxWan, decimalIn, formatMoney, moneyIn, percentOfFraction, percentOfProbability, tableUnit } from '../../format/money';
import { useI18n } from '../../i18n/I18n';
import { type Messages, nameOf } from '../../i18n/messages';
import { routePath } from '../../routes';
import { Link } from '../../ui/Link';
import { Empty, ErrorPanel, Loading } from '../../ui/states';
import { useLoad } from '../../ui/useLoad';
import { RunPanel } from '../runs/RunPanel';
import { capUseOption } from './capUseChart';
import { FrontierSection, MaturitySection } from './MaturitySection';
import { liquidityLadderOption, monthsBelowReserve, unitName } from './liquidityLadderChart';
import { capAlerts, groupPlacements, type PlacementRow, verdictOf } from './planView';

type Loaded = { run: Run; result?: OptimizeResult; frontier?: FrontierPoint[] };

async function loadPlan(fundId: string, runId: string, signal: AbortSignal): Promise<Loaded> {
  const run = await answer(api.api.funds[':fundId'].runs[':runId'].$get({ param: { fundId, runId } }, withSignal(signal)), runSchema, undefined, signal);
  if (run.state !== 'done' || run.kind !== 'optimize') return { run };
  const result = checkedResult(optimizeResult, run.result, `GET run ${runId} result`);
  return { run, result, ...(result.frontier ? { frontier: result.frontier } : {}) };
}

export default function Plan({ fundId, runId }: { fundId: string; runId: string }) {
  const { m, lang, names } = useI18n();
  const plan = useLoad(`plan:${fundId}:${runId}`, (signal) => loadPlan(fundId, runId, signal));
  const back = (
    <p className="crumbs">
      <Link to={routePath({ screen: 'overview', fundId })}>← {m.backToOverview}</Link>
    </p>
  );
  if (plan.state.status === 'loading') return <>{back}<Loading /></>;
  if (plan.state.status === 'error') return <>{back}<ErrorPanel error={plan.state.error} onRetry={plan.reload} /></>;
  const { run, result, frontier } = plan.state.value;
  return (
    <div className="screen plan">
      {back}
      <header className="screen-head">
        <h1>
          {m.planTitle} <span className="muted">#{run.id}</span>
        </h1>
        {result && <p className="muted">{m.planOf(result.scenario.name)}</p>}
        {run.kind === 'optimize' && run.state === 'done' && <p><Link to={routePath({ screen: 'approval', fundId, runId })}>{m.toApproval}</Link></p>}
      </header>
      {run.kind !== 'optimize' && <Empty>{m.notOptimizeRun(nameOf(names.runKind, run.kind))}</Empty>}
      {run.kind === 'optimize' && (run.state === 'queued' || run.state === 'running') && (
        <>
          <Empty>{m.runNotFinished}</Empty>
          <RunPanel run={run} canCancel={false} onEnd={plan.reload} />
        </>
      )}
      {run.kind === 'optimize' && (run.state === 'failed' || run.state === 'cancelled') && (
        <div className="state state-error" role="alert">
          <strong>{m.runFailed}</strong> {nameOf(names.runState, run.state)}
          <ul className="issues">
            {(run.issues ?? []).map((i, k) => (
              <li key={k}>{issueSentence(i, lang)}</li>
            ))}
          </ul>
        </div>
      )}
      {result && <PlanBody result={result} fundId={fundId} runId={run.id} frontier={frontier} />}
    </div>
  );
}

function PlanBody({ result, fundId, runId, frontier }: { result: OptimizeResult; fundId: string; runId: string; frontier: FrontierPoint[] | undefined }) {
  const { m, lang, names } = useI18n();
  const bank = useCallback((id: string | undefined) => (id === undefined ? m.bondIssuer : (result.scenario.bankNames[id] ?? id)), [m, result]);
  if (result.status !== 'optimal') return <NoPlan result={result} bank={bank} />;
  return (
    <>
      <VerdictSection result={result} />
      <InterestSection result={result} />
      <ActionsSection result={result} bank={bank} />
      <LadderSection result={result} />
      <MaturitySection fundId={fundId} runId={runId} />
      <CapsSection result={result} bank={bank} />
      {result.binding.length > 0 && (
        <section className="card" aria-labelledby="binding-title">
          <h2 id="binding-title">{m.bindingTitle}</h2>
          <ul>
            {result.binding.map((b, k) => (
              <li key={k}>
                {b.kind === 'noDuals' && m.bindingNoDuals}
                {b.kind === 'nothingBinds' && m.bindingNothing}
                {b.kind === 'reserve' && m.bindingReserve(b.months, approxWan(b.costWan, lang))}
                {b.kind === 'cap' && m.bindingCap(b.month, bank(b.bankId), nameOf(names.capRule, b.rule), approxWan(b.gainWan, lang))}
                {b.kind === 'moreCaps' && m.bindingMore(b.count)}
              </li>
            ))}
          </ul>
        </section>
      )}
      <FrontierSection frontier={frontier} />
    </>
  );
}

function NoPlan({ result, bank }: { result: OptimizeResult; bank: (id: string | undefined) => string }) {
  const { m, lang, names } = useI18n();
  return (
    <section className="card verdict verdict-unsafe" aria-labelledby="noplan-title">
      <h2 id="noplan-title">{m.noPlanTitle}</h2>
      {/* What the optimizer says, in the catalogue's words the result carries (a result stored before: its message). */}
      {result.issues.length > 0 && (
        <ul className="issues" data-testid="noplan-issues">
          {result.issues.map((i, k) => (
            <li key={k}>{issueSentence(i, lang)}</li>
          ))}
        </ul>
      )}
      {/* Where the rules must bend, when the elastic model says (not after a solver error): the catalogue's lines the
          result carries; a result stored before them, its facts in this screen's words. */}
      {result.infeasibility?.length || result.infeasibilityWhy?.[lang].length ? (
        <>
          {result.infeasibility?.length ? <p>{m.noPlanBody}</p> : null}
          <ul className="issues" data-testid="noplan-why">
            {result.infeasibilityWhy
              ? result.infeasibilityWhy[lang].map((line, k) => <li key={k}>{line}</li>)
              : (result.infeasibility ?? []).map((s, k) => (
                  <li key={k}>{m.shortfallLine(s.monthKey, nameOf(names.capRule, s.rule), [s.bankId ? bank(s.bankId) : '', s.fundType ? nameOf(names.fundType, s.fundType) : ''].filter(Boolean).join(' ') + ' ', approxWan(s.shortWan, lang))}</li>
                ))}
          </ul>
        </>
      ) : null}
      {result.infeasibilityFix?.[lang].length ? (
        <ul className="fixes" data-testid="noplan-fixes">
          {result.infeasibilityFix[lang].map((line, k) => (
            <li key={k}>{line}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function VerdictSection({ result }: { result: OptimizeResult }) {
  const { m, lang, names } = useI18n();
  const v = verdictOf(result);
  if (!v) {
    return (
      <section className="card verdict verdict-meanOnly" aria-labelledby="verdict-title" data-testid="verdict">
        <h2 id="verdict-title">{m.verdictTitle}</h2>
        <p>{m.verdictNoStress}</p>
      </section>
    );
  }
  const st = v.stress;
  const pct = (p: number | undefined) => (p === undefined ? '—' : percentOfProbability(p));
  const headline = v.mark === 'safe' ? m.verdictSafe(pct(st.planCausedShortProbability), percentOfProbability(v.target), percentOfProbability(v.confidence)) : v.mark === 'unsafe' ? m.verdictUnsafe(pct(st.planCausedShortProbability), percentOfProbability(v.target)) : m.verdictMeanOnly;
  const mark = v.mark === 'safe' ? '✔' : v.mark === 'unsafe' ? '✖' : '⚠';
  return (
    <section className={`card verdict verdict-${v.mark}`} aria-labelledby="verdict-title" data-testid="verdict">
      <h2 id="verdict-title">{m.verdictTitle}</h2>
      <p className="verdict-headline">
        <span aria-hidden="true">{mark}</span> {headline}
      </p>
      <table className="table verdict-table">
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">{m.payoutGap}</span>
            </th>
            <th scope="col" className="num">{m.firstQuarter}</th>
            <th scope="col" className="num">{m.wholeHorizon(result.scenario.horizonMonths)}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{m.payoutGap}</th>
            <td className="num">{pct(st.payoutShortFirstQuarterProbability)}</td>
            <td className="num">{pct(st.payoutShortProbability)}</td>
          </tr>
          <tr>
            <th scope="row">{m.planCaused}</th>
            <td className="num">{pct(st.planCausedShortFirstQuarterProbability)}</td>
            <td className="num">{pct(st.planCausedShortProbability)}</td>
          </tr>
          <tr>
            <th scope="row">{m.structural}</th>
            <td className="num">—</td>
            <td className="num">{pct(st.structuralShortProbability)}</td>
          </tr>
        </tbody>
      </table>
      <p className="muted">{st.outOfSample ? m.outOfSampleNote(st.paths, st.distinctPaths, v.planningPaths) : m.inSampleNote(st.paths)}</p>
      <h3>{m.byFundTypeTitle}</h3>
      {v.fundTypes.length === 0 ? (
        <p>{m.byFundTypeNone}</p>
      ) : (
        <>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{m.fundTypeColumn}</th>
                <th scope="col" className="num">{m.colPlanCausedQ1}</th>
                <th scope="col" className="num">{m.colPlanCaused}</th>
                <th scope="col" className="num">{m.colStructural}</th>
              </tr>
            </thead>
            <tbody>
              {v.fundTypes.map((f) => (
                <tr key={f.fundType}>
                  <th scope="row">{nameOf(names.fundType, f.fundType)}</th>
                  <td className="num">{pct(f.planCausedShortFirstQuarterProbability)}</td>
                  <td className="num">{pct(f.planCausedShortProbability)}</td>
                  <td className="num">{pct(f.structuralShortProbability)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted">{m.byFundTypeNote}</p>
          <ul>
            {v.fundTypes
              .filter((f) => f.structuralShortProbability > 0)
              .map((f) => (
                <li key={f.fundType}>{m.structuralNote(nameOf(names.fundType, f.fundType), pct(f.structuralShortProbability), f.structuralMedianFirstMonth ?? '—', f.structuralMedianShort ? formatMoney(f.structuralMedianShort, lang) : '—')}</li>
              ))}
          </ul>
        </>
      )}
    </section>
  );
}

function Figure({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="figure" data-testid={testId}>
      <div className="figure-label">{label}</div>
      <div className="figure-value">{value}</div>
    </div>
  );
}

function InterestSection({ result }: { result: OptimizeResult }) {
  const { m, lang } = useI18n();
  const mean = result.safety.meanFlowPlan;
  const kpis = result.evaluation?.kpis;
  return (
    <section className="card" aria-labelledby="interest-title" data-testid="interest">
      <h2 id="interest-title">{m.interestTitle}</h2>
      <div className="figures">
        {result.interest && <Figure label={m.interestLedger} value={formatMoney(result.interest, lang)} testId="interest-ledger" />}
        {result.safety.costOfSafety && <Figure label={m.costOfSafety} value={formatMoney(result.safety.costOfSafety, lang)} />}
        {mean && <Figure label={m.interestMeanPlan} value={formatMoney(mean.interest, lang)} />}
        {result.stress && <Figure label={m.interestExpected} value={formatMoney(result.stress.expectedInterest, lang)} />}
        {result.stress && <Figure label={m.interestP5} value={formatMoney(result.stress.p5Interest, lang)} />}
        {kpis?.annualYieldRate && <Figure label={m.annualYield} value={percentOfFraction(kpis.annualYieldRate)} />}
        {kpis?.monthsPayable && <Figure label={m.monthsPayable} value={m.monthsValue(decimalIn(kpis.monthsPayable, 1))} />}
      </div>
    </section>
  );
}

function reasonText(row: Pick<PlacementRow, 'reason'>, m: Messages, bank: (id: string | undefined) => string, capName: (rule: string) => string): string {
  const r = row.reason;
  switch (r.kind) {
    case 'bestRate':
      return m.reasonBestRate(percentOfFraction(r.rate));
    case 'heldByCap':
      return m.reasonHeldByCap(r.belowBestBp, bank(r.bankId), capName(r.rule));
    case 'atCapOrMinimum':
      return m.reasonAtCap(r.belowBestBp);
  }
}

function ActionsSection({ result, bank }: { result: OptimizeResult; bank: (id: string | undefined) => string }) {
  const { m, lang, names } = useI18n();
  const ro = result.rollover;
  const rows = useMemo(() => (ro ? groupPlacements(ro) : []), [ro]);
  if (!ro) return null;
  const unit = unitName(lang);
  const money = (yuan: string) => moneyIn(yuan, tableUnit(lang));
  return (
    <section className="card" aria-labelledby="actions-title" data-testid="actions">
      <h2 id="actions-title">{m.actionsTitle(ro.months[0] ?? '', ro.months.at(-1) ?? '')}</h2>
      {rows.length === 0 ? (
        <Empty>{m.actionsNone}</Empty>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={m.tableScrollLabel}>
          <table className="table">
            <caption>{m.placementsCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{m.colMonth}</th>
                <th scope="col">{m.colBank}</th>
                <th scope="col">{m.colProduct}</th>
                <th scope="col">{m.colTerm}</th>
                <th scope="col" className="num">{m.colRate}</th>
                <th scope="col" className="num">{m.colAmount(unit)}</th>
                <th scope="col">{m.colBackIn}</th>
                <th scope="col">{m.colFunds}</th>
                <th scope="col">{m.colWhy}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key}>
                  <td className="nowrap">{r.month}</td>
                  <td className="nowrap">{bank(r.bankId)}</td>
                  <td className="nowrap">{nameOf(names.product, r.product)}</td>
                  <td className="nowrap">{m.termMonths(r.termMonths)}</td>
                  <td className="num">{percentOfFraction(r.annualRate)}</td>
                  <td className="num">{money(r.amount)}</td>
                  <td className="nowrap">{r.maturesIn}</td>
                  <td className="funds">
                    {r.fundTypes.length === 0 ? '—' : r.fundTypes.map((f) => <span key={f}>{nameOf(names.fundType, f)}</span>)}
                  </td>
                  <td className="why">{reasonText(r, m, bank, (rule) => nameOf(names.capRule, rule))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {ro.maturities.length === 0 ? (
        <p className="muted">{m.maturitiesNone}</p>
      ) : (
        <details>
          <summary>{m.maturitiesCaption(ro.maturities.length)}</summary>
          <div className="table-scroll" tabIndex={0} role="region" aria-label={m.tableScrollLabel}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{m.colDate}</th>
                  <th scope="col">{m.colBank}</th>
                  <th scope="col">{m.colProduct}</th>
                  <th scope="col">{m.colFunds}</th>
                  <th scope="col" className="num">{m.colPrincipal(unit)}</th>
                  <th scope="col" className="num">{m.colInterest(unit)}</th>
                </tr>
              </thead>
              <tbody>
                {ro.maturities.map((x) => (
                  <tr key={`${x.id}-${x.date}`}>
                    <td className="nowrap">{x.date}</td>
                    <td className="nowrap">{bank(x.bankId)}</td>
                    <td className="nowrap">{nameOf(names.product, x.product)}</td>
                    <td>{nameOf(names.fundType, x.fundType)}</td>
                    <td className="num">{money(x.principal)}</td>
                    <td className="num">{money(x.interest)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </section>
  );
}

function LadderSection({ result }: { result: OptimizeResult }) {
  const { m, lang } = useI18n();
  const months = result.evaluation?.months;
  const option = useMemo(
    () => (months ? liquidityLadderOption(months, { inflows: m.seriesInflows, matured: m.seriesMatured, interest: m.seriesInterest, outflows: m.seriesOutflows, placed: m.seriesPlaced, liquid: m.seriesLiquid, reserve: m.seriesReserve }, lang) : undefined),
    [months, m, lang],
  );
  const below = months ? monthsBelowReserve(months) : [];
  return (
    <section className="card" aria-labelledby="ladder-title" data-testid="ladder">
      <h2 id="ladder-title">{m.ladderTitle}</h2>
      {!months || !option || months.length === 0 ? (
        <Empty>{m.ladderEmpty}</Empty>
      ) : (
        <>
          <p className="muted">{m.ladderNote}</p>
          {below.length > 0 && <p className="warn">{`${m.seriesReserve}: ${below.join(lang === 'zh' ? '、' : ', ')}`}</p>}
          <EChart option={option} lang={lang} label={m.chartLabel(m.ladderTitle)} height={380} testId="ladder-chart" />
        </>
      )}
    </section>
  );
}

function CapsSection({ result, bank }: { result: OptimizeResult; bank: (id: string | undefined) => string }) {
  const { m, lang } = useI18n();
  const uses = result.evaluation?.kpis.bankCapUsage;
  const option = useMemo(() => (uses && uses.length > 0 ? capUseOption(uses, (id) => bank(id), { caps: [m.capA, m.capB, m.capC], warn: m.capWarn, alarm: m.capAlarm }) : undefined), [uses, bank, m]);
  const alerts = uses ? capAlerts(uses) : { alarm: [], warn: [] };
  const sep = lang === 'zh' ? '、' : ', ';
  return (
    <section className="card" aria-labelledby="caps-title" data-testid="caps">
      <h2 id="caps-title">{m.capsTitle}</h2>
      {!option || !uses ? (
        <Empty>{m.capsEmpty}</Empty>
      ) : (
        <>
          <p className="muted">{m.capsNote}</p>
          {alerts.alarm.length > 0 && <p className="alarm">{m.capsAtAlarm(alerts.alarm.map(bank).join(sep))}</p>}
          {alerts.warn.length > 0 && <p className="warn">{m.capsAtWarn(alerts.warn.map(bank).join(sep))}</p>}
          <EChart option={option} lang={lang} label={m.chartLabel(m.capsTitle)} height={Math.max(220, 60 + uses.length * 56)} testId="caps-chart" />
        </>
      )}
    </section>
  );
}
