// Banks, quotes, holdings and policy as fields of the scenario version on screen. Each field is read as it is typed
// (scenarioEdit.readField); saving writes the edits into a copy of the body and POSTs it as a new version with
// `baseVersion`, so a version saved by someone else meanwhile is a 409, never overwritten.
import { useMemo, useState } from 'react';
import { ApiError, answer, api } from '../../api/client';
import { type VersionWithBody, versionCreatedSchema } from '../../api/dataSchemas';
import { type Issue, issueSentence } from '../../api/schemas';
import { useI18n } from '../../i18n/I18n';
import { nameOf } from '../../i18n/messages';
import { ErrorPanel } from '../../ui/states';
import { type FieldSpec, bankRows, holdingRows, policyFields, quoteRows } from './editorFields';
import { applyEdits, fieldKey, fieldText, issuesByField, readField, valueAt } from './scenarioEdit';

type Tab = 'banks' | 'quotes' | 'holdings' | 'policy';
const TABS: readonly Tab[] = ['banks', 'quotes', 'holdings', 'policy'];

type Saving = { status: 'idle' } | { status: 'sending' } | { status: 'fix'; count: number } | { status: 'refused'; byField: Record<string, Issue[]>; elsewhere: Issue[]; all: readonly Issue[] } | { status: 'stale'; latest: string } | { status: 'error'; error: unknown };

export function Editor({ fundId, scenarioId, version, canWrite, onSaved, onReload }: { fundId: string; scenarioId: string; version: VersionWithBody; canWrite: boolean; onSaved: (version: number) => void; onReload: () => void }) {
  const { m, names, lang } = useI18n();
  const body = version.body;
  const [tab, setTab] = useState<Tab>('banks');
  const [bank, setBank] = useState(0);
  const [edits, setEdits] = useState<Record<string, { spec: FieldSpec; text: string; label: string; before: string }>>({});
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState<Saving>({ status: 'idle' });

  const banks = useMemo(() => bankRows(body), [body]);
  const holdings = useMemo(() => holdingRows(body), [body]);
  const policy = useMemo(() => policyFields(body), [body]);
  const bankName = (id: string) => banks.find((b) => b.id === id) ? String(valueAt(body, banks.find((b) => b.id === id)!.name.path)) : id;
  const allKeys = useMemo(() => [...banks.flatMap((b) => [b.name, b.status, b.localGeneralDeposits, ...quoteRows(body, b.index).flatMap((q) => [q.effectiveFrom, q.annualRate])]), ...holdings.flatMap((h) => [h.principal, h.annualRate, h.startDate, h.termMonths]), ...policy.map((p) => p.spec)].map((s) => fieldKey(s.path)), [banks, holdings, policy, body]);
  const errors = Object.fromEntries(Object.entries(edits).flatMap(([k, e]) => {
    const r = readField(e.spec.kind, e.text);
    return r.ok ? [] : [[k, r.error] as const];
  }));
  const refused = saving.status === 'refused' ? saving : undefined;

  const edit = (spec: FieldSpec, text: string, label: string) => {
    const key = fieldKey(spec.path);
    const before = fieldText(spec.kind, valueAt(body, spec.path));
    const next = { ...edits };
    if (text === before) delete next[key];
    else next[key] = { spec, text, label, before };
    setEdits(next);
  };

  const save = async () => {
    const r = applyEdits(body, Object.values(edits).map((e) => ({ path: e.spec.path, kind: e.spec.kind, text: e.text })));
    if (!r.ok) return setSaving({ status: 'fix', count: Object.keys(r.errors).length });
    setSaving({ status: 'sending' });
    try {
      const created = await answer(api.api.funds[':fundId'].scenarios[':scenarioId'].versions.$post({ param: { fundId, scenarioId }, json: { baseVersion: version.version, body: r.body, note: note.trim() || m.editNoteDefault } }), versionCreatedSchema);
      setSaving({ status: 'idle' });
      onSaved(created.version.version);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) setSaving({ status: 'stale', latest: error.issues[0]?.limit ?? '?' });
      else if (error instanceof ApiError && error.status === 422 && error.issues.length > 0) setSaving({ status: 'refused', ...issuesByField(error.issues, allKeys), all: error.issues });
      else setSaving({ status: 'error', error });
    }
  };

  /** One editable value: an input (a select for a choice), its edited mark, and its problems beside it. */
  const field = (spec: FieldSpec, label: string, options?: Record<string, string>) => {
    const key = fieldKey(spec.path);
    const original = fieldText(spec.kind, valueAt(body, spec.path));
    const text = edits[key]?.text ?? original;
    const problem = errors[key];
    const issues = refused?.byField[key] ?? [];
    const invalid = problem !== undefined || issues.length > 0;
    const describedBy = invalid ? `err-${key}` : undefined;
    const common = { 'aria-label': label, 'aria-invalid': invalid, 'aria-describedby': describedBy, 'data-field': key, disabled: !canWrite };
    return (
      <div className={`cell-field${invalid ? ' field-invalid' : ''}${edits[key] ? ' field-edited' : ''}`}>
        {spec.kind.kind === 'choice' ? (
          <select {...common} value={text} onChange={(e) => edit(spec, e.target.value, label)}>
            {spec.kind.options.map((o) => (
              <option key={o} value={o}>
                {options?.[o] ?? o}
              </option>
            ))}
          </select>
        ) : (
          <input {...common} value={text} inputMode={spec.kind.kind === 'money' || spec.kind.kind === 'percent' ? 'decimal' : spec.kind.kind === 'int' ? 'numeric' : undefined} onChange={(e) => edit(spec, e.target.value, label)} />
        )}
        {edits[key] && <span className="edited-mark">{m.edited}</span>}
        {invalid && (
          <span id={describedBy} className="field-error" role="alert">
            {problem && m.fieldProblem(problem)}
            {issues.map((i) => issueSentence(i, lang)).join('；')}
          </span>
        )}
      </div>
    );
  };

  /** A choice by its name (the bank status), anything else as typed. */
  const optionName = (spec: FieldSpec, text: string) => (spec.kind.kind === 'choice' ? (m.bankStatus[text] ?? text) : text);
  const quotes = quoteRows(body, bank);
  const editCount = Object.keys(edits).length;

  return (
    <section className="card" aria-labelledby="edit-title" data-testid="editor">
      <h2 id="edit-title">
        {m.editTitle} · {m.versionLabel(version.version)}
      </h2>
      <p className="muted">{m.editHint}</p>
      <div role="group" aria-label={m.editTabs} className="tabs">
        {TABS.map((t) => (
          <button key={t} type="button" className={tab === t ? '' : 'secondary'} aria-pressed={tab === t} onClick={() => setTab(t)}>
            {t === 'banks' ? m.editBanks : t === 'quotes' ? m.editQuotes : t === 'holdings' ? m.editHoldings : m.editPolicy}
          </button>
        ))}
      </div>

      {tab === 'banks' && (
        <div className="table-scroll">
          <table className="table edit-table">
            <thead>
              <tr>
                <th scope="col">{m.colBankId}</th>
                <th scope="col">{m.colBankName}</th>
                <th scope="col">{m.colStatus}</th>
                <th scope="col">{m.colLocalDeposits}</th>
                <th scope="col" className="num">
                  {m.colQuoteCount}
                </th>
              </tr>
            </thead>
            <tbody>
              {banks.map((b) => (
                <tr key={b.index}>
                  <th scope="row">{b.id}</th>
                  <td>{field(b.name, `${b.id} ${m.colBankName}`)}</td>
                  <td>{field(b.status, `${b.id} ${m.colStatus}`, m.bankStatus)}</td>
                  <td>{field(b.localGeneralDeposits, `${b.id} ${m.colLocalDeposits}`)}</td>
                  <td className="num">{b.quotes}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {tab === 'quotes' && (
        <>
          <label className="field field-inline">
            <span>{m.quotesOfBank}</span>
            <select value={bank} onChange={(e) => setBank(Number(e.target.value))}>
              {banks.map((b) => (
                <option key={b.index} value={b.index}>
                  {bankName(b.id)}
                </option>
              ))}
            </select>
          </label>
          <div className="table-scroll">
            <table className="table edit-table">
              <thead>
                <tr>
                  <th scope="col">{m.colProduct}</th>
                  <th scope="col">{m.colTerm}</th>
                  <th scope="col">{m.colEffectiveFrom}</th>
                  <th scope="col">{m.colRatePercent}</th>
                </tr>
              </thead>
              <tbody>
                {quotes.map((q) => {
                  const what = `${nameOf(names.product, q.product)}${q.termMonths !== undefined ? ` ${m.termMonths(q.termMonths)}` : ''}`;
                  return (
                    <tr key={q.index}>
                      <th scope="row">{nameOf(names.product, q.product)}</th>
                      <td>{q.termMonths !== undefined ? m.termMonths(q.termMonths) : '—'}</td>
                      <td>{field(q.effectiveFrom, `${what} ${m.colEffectiveFrom}`)}</td>
                      <td>{field(q.annualRate, `${what} ${m.colRatePercent}`)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}

      {tab === 'holdings' && (
        <div className="table-scroll">
          <table className="table edit-table">
            <thead>
              <tr>
                <th scope="col">{m.colHoldingId}</th>
                <th scope="col">{m.fundTypeColumn}</th>
                <th scope="col">{m.colBank}</th>
                <th scope="col">{m.colProduct}</th>
                <th scope="col">{m.colPrincipalWan}</th>
                <th scope="col">{m.colRatePercent}</th>
                <th scope="col">{m.colStartDate}</th>
                <th scope="col">{m.colTermMonths}</th>
              </tr>
            </thead>
            <tbody>
              {holdings.map((h) => (
                <tr key={h.index}>
                  <th scope="row">{h.id}</th>
                  <td>{nameOf(names.fundType, h.fundType)}</td>
                  <td>{h.bankId ? bankName(h.bankId) : m.bondIssuer}</td>
                  <td>{nameOf(names.product, h.product)}</td>
                  <td>{field(h.principal, `${h.id} ${m.colPrincipalWan}`)}</td>
                  <td>{field(h.annualRate, `${h.id} ${m.colRatePercent}`)}</td>
                  <td>{field(h.startDate, `${h.id} ${m.colStartDate}`)}</td>
                  <td>{field(h.termMonths, `${h.id} ${m.colTermMonths}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {tab === 'policy' && (
        <div className="policy-fields">
          {policy.map((p) => (
            <div className="field" key={p.name}>
              <span aria-hidden="true">{m.policyName[p.name]}</span>
              {field(p.spec, m.policyName[p.name] ?? p.name)}
            </div>
          ))}
        </div>
      )}

      {canWrite && (
        <div className="save-bar">
          <label className="field">
            <span>{m.editNote}</span>
            <input value={note} placeholder={m.editNoteDefault} onChange={(e) => setNote(e.target.value)} />
          </label>
          {editCount > 0 && (
            <ul className="edit-list" aria-label={m.editChangesTitle}>
              {Object.entries(edits).map(([key, e]) => (
                <li key={key}>
                  {e.label}: {optionName(e.spec, e.before)} → <strong>{optionName(e.spec, e.text)}</strong>
                </li>
              ))}
            </ul>
          )}
          <p className="button-row">
            <span className="muted" role="status">
              {m.editCount(editCount)}
            </span>
            <button type="button" onClick={() => void save()} disabled={editCount === 0 || saving.status === 'sending'}>
              {saving.status === 'sending' ? m.editSaving : m.editSave}
            </button>
            <button type="button" className="secondary" onClick={() => (setEdits({}), setSaving({ status: 'idle' }))} disabled={editCount === 0}>
              {m.editDiscard}
            </button>
          </p>
        </div>
      )}
      {saving.status === 'fix' && (
        <p role="alert" className="field-error">
          {m.editFixFirst(saving.count)}
        </p>
      )}
      {saving.status === 'stale' && (
        <div role="alert" className="state state-error" data-testid="stale">
          <p>{m.editStale(saving.latest)}</p>
          <button type="button" onClick={onReload}>
            {m.editReload}
          </button>
        </div>
      )}
      {refused && (
        <div role="alert" className="state state-error" data-testid="refused">
          <p>{m.editRefused}</p>
          <ul className="issues">
            {refused.all.map((i, k) => (
              <li key={k}>
                <code>{i.path.slice(1).join('.')}</code> {i.message}
                {i.received !== undefined ? ` (${i.received})` : ''}
              </li>
            ))}
          </ul>
        </div>
      )}
      {saving.status === 'error' && <ErrorPanel error={saving.error} />}
    </section>
  );
}
