// The interest audit screen (利息复核, docs/audit.md §2, docs/web.md): upload a bank's demand-interest statement with
// the scenario version to audit against (the API reads the file with the CLI's reader and queues an auditInterest run),
// follow the run, then the verdict — the total owed to the fund in 元 and 万元 — the differences line by line with the
// rule applied and its source, and the report to send to the bank (the API's XLSX and printable page). A statement the
// API cannot read or audit is refused with every issue at its file, row and column.
import './audit.css';
import { useState } from 'react';
import { ApiError, api, apiPostForm, fundPath } from '../../api/client';
import { type AuditInterestResult, auditInterestResult } from '../../api/auditResult';
import { type Issue, issueSentence, type Run, runCreatedSchema } from '../../api/schemas';
import { moneyIn } from '../../format/money';
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
import { type AuditMessages, auditMessages } from './messages';
import { AUDIT_ENCODINGS, AUDIT_UNITS, type AuditUpload, accountName, auditFormOf, bankNamer, differenceRows, noteText, ruleOf, yuanAndWan } from './auditView';

export default function Audit({ fundId, runId }: { fundId: string; runId?: string }) {
  const { lang } = useI18n();
  const t = auditMessages(lang);
  return (
    <div className="screen audit">
      {runId && (
        <p className="crumbs">
          <Link to={routePath({ screen: 'audit', fundId })}>{t.back}</Link>
        </p>
      )}
      <header className="screen-head">
        <h1>{runId ? t.resultTitle(runId) : t.title}</h1>
        <p className="muted">{t.hint}</p>
      </header>
      {runId ? <AuditRun fundId={fundId} runId={runId} /> : <Start fundId={fundId} />}
    </div>
  );
}

type Sending = { status: 'idle' | 'sending' } | { status: 'missing'; what: 'file' | 'version' } | { status: 'refused'; issues: readonly Issue[] } | { status: 'error'; error: unknown };

function Start({ fundId }: { fundId: string }) {
  const { lang, names } = useI18n();
  const t = auditMessages(lang);
  const data = useLoad(`audit-start:${fundId}`, (signal) => loadStartOfKind(fundId, 'auditInterest', signal));
  const [upload, setUpload] = useState<AuditUpload>({ file: undefined, versionId: undefined, unit: '', encoding: 'auto' });
  const [sending, setSending] = useState<Sending>({ status: 'idle' });

  if (data.state.status === 'loading') return <Loading />;
  if (data.state.status === 'error') return <ErrorPanel error={data.state.error} onRetry={data.reload} />;
  const { versions, role, runs } = data.state.value;
  const versionId = upload.versionId ?? versions[0]?.id;

  const start = async () => {
    const form = auditFormOf({ ...upload, versionId });
    if (!form.ok) return setSending({ status: 'missing', what: form.missing });
    setSending({ status: 'sending' });
    try {
      const created = await apiPostForm(api.api.funds[':fundId'].audits.$path({ param: { fundId } }), runCreatedSchema, form.form);
      setSending({ status: 'idle' });
      navigate(routePath({ screen: 'audit', fundId, runId: created.run.id }));
    } catch (error) {
      // A statement the API could not read or audit: every issue at its file, row and column, where the file was chosen.
      if (error instanceof ApiError && error.status === 422 && error.issues.length > 0) setSending({ status: 'refused', issues: error.issues });
      else setSending({ status: 'error', error });
    }
  };

  return (
    <StartCard
      name="audit"
      title={t.startTitle}
      empty={versions.length === 0 ? t.noVersions : undefined}
      earlier={{ title: t.earlier, none: t.noEarlier, runs: runs.map((r) => ({ id: r.id, to: routePath({ screen: 'audit', fundId, runId: r.id }), label: t.earlierItem(r.id, nameOf(names.runState, r.state)) })) }}
    >
      <PlannerOnly role={role} note={t.noRole}>
        <StartForm onStart={start}>
          <label className="field">
            <span>{t.file}</span>
            <input
              type="file"
              name="statement"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => setUpload((u) => ({ ...u, file: e.target.files?.[0] }))}
              aria-invalid={sending.status === 'refused' || (sending.status === 'missing' && sending.what === 'file') || undefined}
              aria-describedby="audit-file-note"
            />
          </label>
          <p className="muted" id="audit-file-note">{t.fileNote}</p>
          {sending.status === 'refused' && (
            <div role="alert" className="field-error" data-testid="audit-refused">
              <p>{t.refused}</p>
              <ul className="issues">
                {sending.issues.map((i, k) => (
                  <li key={k}>{issueSentence(i, lang)}</li>
                ))}
              </ul>
            </div>
          )}
          <VersionSelect label={t.version} versions={versions} value={versionId} onChange={(id) => setUpload((u) => ({ ...u, versionId: id }))} note={{ id: 'audit-version-note', text: t.versionNote }} />
          <fieldset className="options">
            <label className="field">
              <span>{t.unit}</span>
              <select name="unit" value={upload.unit} onChange={(e) => setUpload((u) => ({ ...u, unit: e.target.value as AuditUpload['unit'] }))}>
                <option value="">{t.unitNone}</option>
                {AUDIT_UNITS.map((unit) => (
                  <option key={unit} value={unit}>
                    {t.unitName[unit]}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>{t.encoding}</span>
              <select name="encoding" value={upload.encoding} onChange={(e) => setUpload((u) => ({ ...u, encoding: e.target.value as AuditUpload['encoding'] }))}>
                {AUDIT_ENCODINGS.map((enc) => (
                  <option key={enc} value={enc}>
                    {t.encodingName[enc]}
                  </option>
                ))}
              </select>
            </label>
          </fieldset>
          <button type="submit" disabled={sending.status === 'sending'}>
            {sending.status === 'sending' ? t.starting : t.start}
          </button>
          {sending.status === 'missing' && (
            <p role="alert" className="field-error">
              {sending.what === 'file' ? t.noFile : t.noVersions}
            </p>
          )}
          {sending.status === 'error' && <ErrorPanel error={sending.error} />}
        </StartForm>
      </PlannerOnly>
    </StartCard>
  );
}

function AuditRun({ fundId, runId }: { fundId: string; runId: string }) {
  const { lang } = useI18n();
  const t = auditMessages(lang);
  // The run's issues under the failure, in the screen's language.
  const failed = (run: Run) => ({
    detail: (run.issues ?? []).length > 0 && (
      <ul className="issues">
        {(run.issues ?? []).map((i, k) => (
          <li key={k}>{issueSentence(i, lang)}</li>
        ))}
      </ul>
    ),
  });
  return (
    <RunView fundId={fundId} runId={runId} kind="auditInterest" schema={auditInterestResult} name="audit" words={{ notKind: t.notAudit, running: t.running, failed: t.failed }} failed={failed}>
      {(result) => <AuditBody fundId={fundId} runId={runId} result={result} t={t} />}
    </RunView>
  );
}

function AuditBody({ fundId, runId, result, t }: { fundId: string; runId: string; result: AuditInterestResult; t: AuditMessages }) {
  const { lang, names } = useI18n();
  const bank = bankNamer(result);
  const fundType = (id: string) => nameOf(names.fundType, id);
  const { rows, matching } = differenceRows(result);
  const yuan = (y: string) => moneyIn(y, 'yuan');
  const file = (name: string) => fundPath(fundId, `/runs/${encodeURIComponent(runId)}/${name}`);
  return (
    <>
      <section className="card" aria-labelledby="audit-summary-title" data-testid="audit-summary">
        <h2 id="audit-summary-title">{t.summaryTitle}</h2>
        <p>{t.summary(result.file ?? '—', result.lines.length, result.differences)}</p>
        <dl className="facts">
          <dt>{t.owedTotal}</dt>
          <dd data-testid="audit-owed">
            <strong>{yuanAndWan(result.totals.difference, t)}</strong>
          </dd>
          <dt>{t.underpaid}</dt>
          <dd data-testid="audit-underpaid">{yuanAndWan(result.totals.underpaid, t)}</dd>
          <dt>{t.overpaid}</dt>
          <dd data-testid="audit-overpaid">{yuanAndWan(result.totals.overpaid, t)}</dd>
          <dt>{t.owedInterestTotal}</dt>
          <dd>{yuanAndWan(result.totals.owedInterest, t)}</dd>
          <dt>{t.paidTotal}</dt>
          <dd>{yuanAndWan(result.totals.interestPaid, t)}</dd>
        </dl>
        <p className="muted">{t.rulesNote}</p>
        {result.warnings.length > 0 && (
          <div role="note" className="warn">
            <strong>{t.warningsTitle}</strong>
            <ul>
              {result.warnings.map((w, k) => (
                <li key={k}>{issueSentence(w as Issue, lang)}</li>
              ))}
            </ul>
          </div>
        )}
      </section>

      <section className="card" aria-labelledby="audit-differences-title">
        <h2 id="audit-differences-title">{t.differencesTitle}</h2>
        {rows.length === 0 ? (
          <p className="muted" data-testid="audit-no-differences">{t.noDifferences}</p>
        ) : (
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="audit-differences-title">
            <table className="table" data-testid="audit-differences">
              <thead>
                <tr>
                  <th scope="col" className="num">{t.colRow}</th>
                  <th scope="col">{t.colAccount}</th>
                  <th scope="col">{t.colPeriod}</th>
                  <th scope="col" className="num">{t.colPaid}</th>
                  <th scope="col" className="num">{t.colOwed}</th>
                  <th scope="col" className="num">{t.colDifference}</th>
                  <th scope="col">{t.colRule}</th>
                  <th scope="col">{t.colNotes}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map(({ row, line, rates }) => {
                  const rule = ruleOf(line, t);
                  return (
                    <tr key={line.index} data-row={row} className={line.outcome}>
                      <td className="num">{row}</td>
                      <th scope="row">{accountName(line, bank, fundType, t)}</th>
                      <td>{t.period(line.firstDay, line.lastDay, line.days)}</td>
                      <td className="num">{yuan(line.interestPaid)}</td>
                      <td className="num">{yuan(line.owedInterest)}</td>
                      <td className="num">
                        <strong>{yuan(line.difference)}</strong>
                        <div className="muted">{t.outcome[line.outcome] ?? line.outcome}</div>
                      </td>
                      <td>
                        {t.ruleAt(rule.rule, rates.join(' / '))}
                        <div className="muted">{rule.source}</div>
                        <div className="muted formula">{line.formula}</div>
                      </td>
                      <td>
                        {line.notes.length > 0 && (
                          <ul>
                            {line.notes.map((n, k) => (
                              <li key={k}>{noteText(n, t)}</li>
                            ))}
                          </ul>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
              <tfoot>
                <tr>
                  <td />
                  <th scope="row">{t.owedTotal}</th>
                  <td />
                  <td />
                  <td />
                  <td className="num" data-testid="audit-total">{yuan(result.totals.difference)}</td>
                  <td />
                  <td />
                </tr>
              </tfoot>
            </table>
          </div>
        )}
        {matching > 0 && <p className="muted">{t.matching(matching)}</p>}
      </section>

      <section className="card" aria-labelledby="audit-report-title" data-testid="audit-report">
        <h2 id="audit-report-title">{t.reportTitle}</h2>
        <p className="muted">{t.reportNote}</p>
        <ul className="downloads">
          <li>
            <a href={file('export.xlsx')} download data-testid="audit-xlsx">
              {t.downloadXlsx}
            </a>
          </li>
          <li>
            <a href={file('report.html')} target="_blank" rel="noreferrer">
              {t.openHtml}
            </a>
          </li>
        </ul>
      </section>
    </>
  );
}
