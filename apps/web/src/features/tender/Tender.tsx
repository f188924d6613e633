// The Tender screen (docs/tender.md, docs/web.md §10): start a tender allocation on a scenario version with a tender
// section — optionally with the period's total in 万元 — follow the run (progress bar, cancel), then the scores, the
// suspended banks, the split within caps A, B and C, the reserve warning, and the tender plan against the optimizer's,
// the payout-gap probabilities before the interest. A refused total shows the API's sentence at the total field.
import './tender.css';
import { useState } from 'react';
import { ApiError, answer, api } from '../../api/client';
import { type TenderResult, tenderResult } from '../../api/results';
import { type Issue, issueSentence, type Run, runCreatedSchema } from '../../api/schemas';
import { formatMoney, moneyIn, percentOfFraction, percentOfProbability, tableUnit } from '../../format/money';
import { useI18n } from '../../i18n/I18n';
import { nameOf } from '../../i18n/messages';
import { routePath } from '../../routes';
import { Link } from '../../ui/Link';
import { navigate } from '../../ui/navigation';
import { PlannerOnly, StartCard, StartForm, VersionSelect } from '../../ui/StartCard';
import { RunView } from '../../ui/RunView';
import { ErrorPanel, Loading } from '../../ui/states';
import { useLoad } from '../../ui/useLoad';
import { loadStartOfKind } from '../../api/runOfKind';
import { type TenderMessages, tenderMessages } from './messages';
import { CRITERIA, type FormProblem, type TenderForm, aboveReserve, allocationRows, bankNamer, planComparison, scoreRows, splitTotalIssues, suspendedRows, tenderRequestOf } from './tenderView';

const EMPTY_FORM: TenderForm = { totalWan: '', confidence: '', paths: '', planningPaths: '' };

export default function Tender({ fundId, runId }: { fundId: string; runId?: string }) {
  const { lang } = useI18n();
  const t = tenderMessages(lang);
  return (
    <div className="screen tender">
      {runId && (
        <p className="crumbs">
          <Link to={routePath({ screen: 'tender', fundId })}>{t.back}</Link>
        </p>
      )}
      <header className="screen-head">
        <h1>{runId ? t.resultTitle(runId) : t.title}</h1>
        <p className="muted">{t.hint}</p>
      </header>
      {runId ? <TenderRun fundId={fundId} runId={runId} /> : <Start fundId={fundId} />}
    </div>
  );
}

/** The form a run was started with, read back from its stored request (to show a refused total where it was typed). */
function formOf(run: Run): { versionId?: string; form: TenderForm } {
  const r = run.request as { scenario?: { scenarioVersion?: string }; options?: { totalAmount?: string; confidence?: number; paths?: number; planningPaths?: number } } | undefined;
  const o = r?.options ?? {};
  const wan = o.totalAmount ? moneyIn(o.totalAmount, 'wan', 6).replace(/,/g, '').replace(/\.?0+$/, '') : '';
  return { ...(r?.scenario?.scenarioVersion ? { versionId: r.scenario.scenarioVersion } : {}), form: { totalWan: wan, confidence: o.confidence !== undefined ? String(o.confidence) : '', paths: o.paths !== undefined ? String(o.paths) : '', planningPaths: o.planningPaths !== undefined ? String(o.planningPaths) : '' } };
}

function Start({ fundId, from, refused = [] }: { fundId: string; from?: Run; refused?: readonly Issue[] }) {
  const { lang, names } = useI18n();
  const t = tenderMessages(lang);
  const data = useLoad(`tender-start:${fundId}`, (signal) => loadStartOfKind(fundId, 'tender', signal));
  const initial = from ? formOf(from) : { form: EMPTY_FORM };
  const [versionId, setVersionId] = useState<string | undefined>(initial.versionId);
  const [form, setForm] = useState<TenderForm>(initial.form);
  const [sending, setSending] = useState<{ status: 'idle' | 'sending' } | { status: 'invalid'; field: FormProblem } | { status: 'error'; error: unknown; total: Issue[] }>({ status: 'idle' });

  if (data.state.status === 'loading') return <Loading />;
  if (data.state.status === 'error') return <ErrorPanel error={data.state.error} onRetry={data.reload} />;
  const { versions, role, runs } = data.state.value;
  const version = versionId ?? versions[0]?.id;
  const set = (key: keyof TenderForm) => (e: React.ChangeEvent<HTMLInputElement>) => setForm((f) => ({ ...f, [key]: e.target.value }));
  // The total's issues: the API's refusal of this request, else the run's (shown until the total is sent again).
  const totalIssues = sending.status === 'error' ? sending.total : sending.status === 'idle' ? refused : [];

  const start = async () => {
    if (!version) return;
    const request = tenderRequestOf(version, form);
    if (!request.ok) return setSending({ status: 'invalid', field: request.field });
    setSending({ status: 'sending' });
    try {
      const created = await answer(api.api.funds[':fundId'].runs.$post({ param: { fundId }, json: request.body }), runCreatedSchema);
      setSending({ status: 'idle' });
      navigate(routePath({ screen: 'tender', fundId, runId: created.run.id }));
    } catch (error) {
      setSending({ status: 'error', error, total: error instanceof ApiError ? splitTotalIssues(error.issues).total : [] });
    }
  };

  return (
    <StartCard
      name="tender"
      title={t.startTitle}
      empty={versions.length === 0 ? t.noVersions : undefined}
      earlier={{ title: t.earlier, none: t.noEarlier, runs: runs.map((r) => ({ id: r.id, to: routePath({ screen: 'tender', fundId, runId: r.id }), label: t.earlierItem(r.id, nameOf(names.runState, r.state)) })) }}
    >
      <PlannerOnly role={role} note={t.noRole}>
        <StartForm onStart={start}>
          <VersionSelect label={t.version} versions={versions} value={version} onChange={setVersionId} note={{ id: 'tender-version-note', text: t.versionNote }} />
          <label className="field">
            <span>{t.total}</span>
            <input name="total" inputMode="decimal" value={form.totalWan} onChange={set('totalWan')} aria-invalid={totalIssues.length > 0 || (sending.status === 'invalid' && sending.field === 'total') || undefined} aria-describedby="tender-total-note" />
          </label>
          <p className="muted" id="tender-total-note">{t.totalNote}</p>
          {totalIssues.length > 0 && (
            <p role="alert" className="field-error" data-testid="tender-total-issue">
              {t.totalRefused}
              {totalIssues.map((i) => issueSentence(i, lang)).join('；')}
            </p>
          )}
          <fieldset className="options">
            <label className="field">
              <span>{t.confidence}</span>
              <input name="confidence" inputMode="decimal" value={form.confidence} onChange={set('confidence')} />
            </label>
            <label className="field">
              <span>{t.paths}</span>
              <input name="paths" inputMode="numeric" value={form.paths} onChange={set('paths')} />
            </label>
            <label className="field">
              <span>{t.planningPaths}</span>
              <input name="planningPaths" inputMode="numeric" value={form.planningPaths} onChange={set('planningPaths')} />
            </label>
          </fieldset>
          <p className="muted">{t.optionalNote}</p>
          <button type="submit" disabled={sending.status === 'sending'}>
            {sending.status === 'sending' ? t.starting : t.start}
          </button>
          {sending.status === 'invalid' && (
            <p role="alert" className="field-error">
              {t.formInvalid[sending.field]}
            </p>
          )}
          {sending.status === 'error' && sending.total.length === 0 && <ErrorPanel error={sending.error} />}
        </StartForm>
      </PlannerOnly>
    </StartCard>
  );
}

function TenderRun({ fundId, runId }: { fundId: string; runId: string }) {
  const { lang } = useI18n();
  const t = tenderMessages(lang);
  // A refused total goes back to the total field of the form shown again; the panel keeps the other issues.
  const failed = (run: Run) => {
    const { total, other } = splitTotalIssues(run.issues ?? []);
    return { panel: { ...run, issues: other }, after: <Start fundId={fundId} from={run} refused={total} /> };
  };
  return (
    <RunView fundId={fundId} runId={runId} kind="tender" schema={tenderResult} name="tender" words={{ notKind: t.notTender, running: t.running, failed: t.failed }} failed={failed}>
      {(result) => <TenderBody result={result} t={t} />}
    </RunView>
  );
}

function TenderBody({ result, t }: { result: TenderResult; t: TenderMessages }) {
  const { lang } = useI18n();
  const unit = tableUnit(lang);
  const bank = bankNamer(result);
  const scores = scoreRows(result);
  const suspended = suspendedRows(result);
  const split = allocationRows(result);
  const compare = planComparison(result);
  const over = aboveReserve(result);
  const prob = (p: number | undefined) => (p === undefined ? t.noFigure : percentOfProbability(p));
  const wan = (yuan: string | undefined) => (yuan === undefined ? t.noFigure : moneyIn(yuan, unit));
  return (
    <>
      <section className="card" aria-labelledby="tender-summary-title" data-testid="tender-summary">
        <h2 id="tender-summary-title">{t.summaryTitle}</h2>
        <p>{t.summary(result.month, t.product[result.product] ?? result.product, result.termMonths)}</p>
        <dl className="facts">
          <dt>{t.asked}</dt>
          <dd data-testid="tender-asked">
            {formatMoney(result.total.asked, lang)}
            {t.askedFrom[result.total.askedFrom]}
          </dd>
          <dt>{t.placed}</dt>
          <dd data-testid="tender-placed">{formatMoney(result.total.placed, lang)}</dd>
          <dt>{t.unplaced}</dt>
          <dd>{formatMoney(result.total.unplaced, lang)}</dd>
          <dt>{t.withinReserve}</dt>
          <dd data-testid="tender-within-reserve">
            {formatMoney(result.total.withinReserve.amount, lang)}
            {t.withinReserveAt(result.total.withinReserve.month)}
          </dd>
        </dl>
        {over && (
          <p className="warn" role="note" data-testid="tender-reserve-warning">
            {t.reserveWarning(formatMoney(result.total.asked, lang), formatMoney(result.total.withinReserve.amount, lang), result.total.withinReserve.month)}
          </p>
        )}
      </section>

      <section className="card" aria-labelledby="tender-compare-title" data-testid="tender-compare">
        <h2 id="tender-compare-title">{t.compareTitle}</h2>
        <p className="muted">{t.compareNote(result.comparison.paths.check, result.comparison.paths.seed)}</p>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t.colPlan}</th>
              <th scope="col" className="num">{t.colPlanCaused}</th>
              <th scope="col" className="num">{t.colAnyGap}</th>
              <th scope="col" className="num">{t.colInterest}</th>
            </tr>
          </thead>
          <tbody>
            {compare.plans.map((p) => (
              <tr key={p.plan} data-plan={p.plan}>
                <th scope="row">{t.planName[p.plan]}</th>
                <td className="num">{prob(p.planCaused)}</td>
                <td className="num">{prob(p.anyGap)}</td>
                <td className="num">{wan(p.interest)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {compare.interestDifference !== undefined && (
          <p data-testid="tender-interest-difference">
            {t.interestDifference}: {compare.interestDifference.startsWith('-') ? '' : '+'}
            {formatMoney(compare.interestDifference, lang)}
          </p>
        )}
      </section>

      <section className="card" aria-labelledby="tender-split-title">
        <h2 id="tender-split-title">{t.allocationTitle}</h2>
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="tender-split-title">
          <table className="table" data-testid="tender-allocation">
            <thead>
              <tr>
                <th scope="col">{t.colBank}</th>
                <th scope="col" className="num">{t.colAmount}</th>
                <th scope="col" className="num">{t.colShare}</th>
                <th scope="col" className="num">{t.colLimit}</th>
                <th scope="col">{t.colBinding}</th>
                <th scope="col" className="num">{t.colOptimizer}</th>
              </tr>
            </thead>
            <tbody>
              {split.rows.map((r) => (
                <tr key={r.bankId} data-bank={r.bankId}>
                  <th scope="row">{bank(r.bankId)}</th>
                  <td className="num">{wan(r.amount)}</td>
                  <td className="num">{percentOfFraction(r.share)}</td>
                  <td className="num">{wan(r.limit)}</td>
                  <td>{r.capped && r.limitRule ? (t.limitRule[r.limitRule] ?? r.limitRule) : t.notBinding}</td>
                  <td className="num">{wan(r.optimizerAmount)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t.totalRow}</th>
                <td className="num">{wan(split.total)}</td>
                <td />
                <td />
                <td />
                <td className="num">{wan(split.optimizerTotal)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      </section>

      <section className="card" aria-labelledby="tender-scores-title">
        <h2 id="tender-scores-title">{t.scoresTitle}</h2>
        {scores.length === 0 ? (
          <p className="muted">{t.noScores}</p>
        ) : (
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="tender-scores-title">
            <table className="table" data-testid="tender-scores">
              <thead>
                <tr>
                  <th scope="col">{t.colBank}</th>
                  <th scope="col" className="num">{t.colQuote}</th>
                  {CRITERIA.map((c) => (
                    <th scope="col" key={c} className="num">
                      {t.criterion[c] ?? c}
                    </th>
                  ))}
                  <th scope="col" className="num">{t.colScore}</th>
                </tr>
              </thead>
              <tbody>
                {scores.map((r) => (
                  <tr key={r.bankId} data-bank={r.bankId}>
                    <th scope="row">{bank(r.bankId)}</th>
                    <td className="num">
                      {r.quote !== undefined ? percentOfFraction(r.quote) : t.noFigure}
                      <div className="muted">{t.quoteSource[r.quoteSource] ?? r.quoteSource}</div>
                    </td>
                    {CRITERIA.map((c) => (
                      <td key={c} className="num">
                        {r.marks[c] ?? t.noFigure}
                      </td>
                    ))}
                    <td className="num">{r.score}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="card" aria-labelledby="tender-suspended-title" data-testid="tender-suspended">
        <h2 id="tender-suspended-title">{t.suspendedTitle}</h2>
        {suspended.length === 0 ? (
          <p className="muted">{t.noSuspended}</p>
        ) : (
          <ul>
            {suspended.map((s) => (
              <li key={s.bankId} data-bank={s.bankId}>
                <strong>{bank(s.bankId)}</strong>
                <ul>
                  {s.reasons.map((r, k) => (
                    <li key={k}>{reasonText(r, t)}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
        {result.noBid.length > 0 && <p className="muted">{t.noBid(result.noBid.map(bank).join('、'))}</p>}
      </section>
    </>
  );
}

function reasonText(r: TenderResult['bids'][number]['reasons'][number], t: TenderMessages): string {
  switch (r.rule) {
    case 'tenderRegulatoryRating':
      return t.reason.tenderRegulatoryRating(t.indicator[r.indicator] ?? r.indicator, r.level, r.from);
    case 'tenderPbocRating':
      return t.reason.tenderPbocRating(r.rating, r.from);
    case 'minQuoteRate':
      return t.reason.minQuoteRate(percentOfFraction(r.quote), percentOfFraction(r.floor));
    case 'suspendedBankNoNewMoney':
      return t.reason.suspendedBankNoNewMoney(r.reason ?? '');
    case 'tenderQuoteMissing':
      return t.reason.tenderQuoteMissing();
  }
}
