// Upload CSV/XLSX to the API's imports route: preview what would change (or every problem at its file, row and column,
// with the row as the file has it), then save the same files as a new scenario version.
import { useState } from 'react';
import { api, apiPostForm } from '../../api/client';
import { type ImportAnswer, importAnswerSchema } from '../../api/dataSchemas';
import type { ScenarioSummary } from '../../api/schemas';
import { useI18n } from '../../i18n/I18n';
import { ErrorPanel } from '../../ui/states';
import { decodeCsv, problemsByRow, rowExcerpt } from './importView';

const PARTS = ['history', 'flows', 'banks', 'quotes', 'accounts', 'holdings'] as const;
type Part = (typeof PARTS)[number];
const UNITS = ['wan', 'yi', 'yuan'] as const;

type Sent = { status: 'idle' } | { status: 'sending'; mode: 'preview' | 'save' } | { status: 'answer'; answer: ImportAnswer; signature: string } | { status: 'error'; error: unknown };

export function ImportPanel({ fundId, current, onSaved }: { fundId: string; current: ScenarioSummary | undefined; onSaved: (version: number) => void }) {
  const { m, lang } = useI18n();
  const [files, setFiles] = useState<Partial<Record<Part, File>>>({});
  const [target, setTarget] = useState<'current' | 'new'>(current ? 'current' : 'new');
  const [name, setName] = useState('');
  const [unit, setUnit] = useState('');
  const [sent, setSent] = useState<Sent>({ status: 'idle' });
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | undefined>();
  const into = current && target === 'current' ? current : undefined;
  const signature = JSON.stringify([PARTS.map((p) => (files[p] ? [files[p].name, files[p].size, files[p].lastModified] : null)), into?.id, into?.latestVersion, name, unit]);

  const send = async (mode: 'preview' | 'save') => {
    const chosen = PARTS.filter((p) => files[p]);
    if (chosen.length === 0) return setProblem(m.importNoFiles);
    if (!into && mode === 'save' && name.trim() === '') return setProblem(m.importNoName);
    setProblem(undefined);
    const form = new FormData();
    for (const p of chosen) form.append(p, files[p]!, files[p]!.name);
    if (into) {
      form.append('scenarioId', into.id);
      form.append('baseVersion', String(into.latestVersion));
    }
    if (name.trim() !== '' && !into) form.append('name', name.trim());
    if (unit) form.append('unit', unit);
    form.append('mode', mode);
    form.append('lang', lang);
    setSent({ status: 'sending', mode });
    try {
      const answer = await apiPostForm(api.api.funds[':fundId'].imports.$path({ param: { fundId } }), importAnswerSchema, form);
      if (answer.outcome === 'refused') {
        // The CSV files themselves, to show each bad row as the file has it.
        const read: Record<string, string> = {};
        for (const p of chosen) if (/\.csv$/i.test(files[p]!.name)) read[files[p]!.name] = decodeCsv(new Uint8Array(await files[p]!.arrayBuffer()));
        setTexts(read);
      }
      setSent({ status: 'answer', answer, signature });
      if (answer.outcome === 'saved' && answer.version) onSaved(answer.version.version);
    } catch (error) {
      setSent({ status: 'error', error });
    }
  };

  const answer = sent.status === 'answer' ? sent.answer : undefined;
  const previewed = answer?.outcome === 'preview' && sent.status === 'answer' && sent.signature === signature;

  return (
    <section className="card" aria-labelledby="import-title" data-testid="import">
      <h2 id="import-title">{m.importTitle}</h2>
      <p className="muted">{m.importHint}</p>
      <fieldset className="options">
        <legend className="visually-hidden">{m.importInto}</legend>
        <label className="field">
          <span>{m.importInto}</span>
          <select value={into ? 'current' : 'new'} onChange={(e) => setTarget(e.target.value as 'current' | 'new')}>
            {current && <option value="current">{`${current.name} · ${m.dataLatest(current.latestVersion)}`}</option>}
            <option value="new">{m.importNewScenario}</option>
          </select>
        </label>
        {!into && (
          <label className="field">
            <span>{m.importNewName}</span>
            <input value={name} onChange={(e) => setName(e.target.value)} />
          </label>
        )}
        <label className="field">
          <span>{m.importUnit}</span>
          <select value={unit} onChange={(e) => setUnit(e.target.value)}>
            <option value="">{m.importUnitAuto}</option>
            {UNITS.map((u) => (
              <option key={u} value={u}>
                {m.unitName[u]}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      <div className="file-grid">
        {PARTS.map((p) => (
          <label className="field" key={p}>
            <span>{m.importPart[p]}</span>
            <input type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => setFiles({ ...files, [p]: e.target.files?.[0] })} />
          </label>
        ))}
      </div>
      <p className="button-row">
        <button type="button" onClick={() => void send('preview')} disabled={sent.status === 'sending'}>
          {sent.status === 'sending' && sent.mode === 'preview' ? m.importReading : m.importPreview}
        </button>
        <button type="button" className="secondary" onClick={() => void send('save')} disabled={!previewed || sent.status !== 'answer'}>
          {sent.status === 'sending' && sent.mode === 'save' ? m.importSaving : m.importSave}
        </button>
      </p>
      {problem && (
        <p role="alert" className="field-error">
          {problem}
        </p>
      )}
      {answer?.outcome === 'preview' && !previewed && <p className="warn">{m.importChanged}</p>}
      {sent.status === 'error' && <ErrorPanel error={sent.error} />}
      {answer && answer.outcome !== 'refused' && <ImportSummary answer={answer} />}
      {answer?.outcome === 'refused' && <ImportProblems answer={answer} texts={texts} />}
    </section>
  );
}

function ImportSummary({ answer }: { answer: ImportAnswer }) {
  const { m } = useI18n();
  return (
    <div data-testid="import-preview">
      {answer.outcome === 'saved' && answer.version && (
        <p role="status" className="ok">
          ✔ {m.importSaved(answer.version.version)}
        </p>
      )}
      <h3>{m.importChangesTitle}</h3>
      <ul>
        {answer.changes.map((c, k) => (
          <li key={k}>{c.text}</li>
        ))}
      </ul>
      <h3>{m.importTablesTitle}</h3>
      <ul>
        {answer.tables.map((t, k) => (
          <li key={k}>
            {m.importTableLine(m.importPart[t.part] ?? t.part, `${t.file}${t.sheet ? ` · ${t.sheet}` : ''}${t.encoding ? ` · ${t.encoding}` : ''}`, t.records)}
          </li>
        ))}
      </ul>
      {answer.notes.length > 0 && (
        <details>
          <summary>{m.importNotesTitle}</summary>
          <ul>
            {answer.notes.map((n, k) => (
              <li key={k}>
                {n.file}
                {n.row !== undefined ? ` · ${n.row}` : ''}
                {n.column ? ` · ${n.column}` : ''}: {n.text}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

function ImportProblems({ answer, texts }: { answer: ImportAnswer; texts: Record<string, string> }) {
  const { m } = useI18n();
  const groups = problemsByRow(answer.issues);
  return (
    <div className="state state-error" role="alert" data-testid="import-problems">
      <strong>{m.importRefused(answer.issues.length)}</strong>
      {groups.map((g, k) => {
        const where = g.row !== undefined ? m.importRow(g.file, g.row) : m.importFile(g.file);
        const excerpt = g.row !== undefined && texts[g.file] !== undefined ? rowExcerpt(texts[g.file]!, g.row, g.issues.flatMap((i) => (i.column ? [i.column] : []))) : undefined;
        return (
          <div key={k} className="row-problem" data-testid="import-row">
            <h3>
              {where}
              {g.sheet ? ` · ${g.sheet}` : ''}
            </h3>
            <ul className="issues">
              {g.issues.map((i, n) => (
                <li key={n}>
                  {i.column && <strong>{m.importColumn(i.column)}</strong>} {i.text}
                </li>
              ))}
            </ul>
            {excerpt && (
              <div className="table-scroll">
                <table className="table excerpt">
                  <caption>{m.importRowAsFiled}</caption>
                  <thead>
                    <tr>
                      {excerpt.cells.map((c, n) => (
                        <th key={n} scope="col">
                          {c.header}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    <tr>
                      {excerpt.cells.map((c, n) => (
                        <td key={n} className={c.bad ? 'cell-bad' : undefined}>
                          {c.value}
                          {c.bad && <span className="visually-hidden"> ✖</span>}
                        </td>
                      ))}
                    </tr>
                  </tbody>
                </table>
              </div>
            )}
          </div>
        );
      })}
    </div>
  );
}
