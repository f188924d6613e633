// The start of a screen that starts work of one kind and follows it (Sweep, Tender, Replay, Interest audit): the card
// with the screen's own form — or why there is none: nothing to start from, or a role below planner — the scenario
// version to start on, and the card of the earlier runs of that kind. Each screen keeps its own words and fields.
import type { ReactNode } from 'react';
import { roleAtLeast } from '../api/schemas';
import { useI18n } from '../i18n/I18n';
import { Link } from './Link';
import { Empty } from './states';

/** One earlier run in the list: its link's text and where it goes, and any words after the link. */
export interface EarlierRun {
  readonly id: string;
  readonly to: string;
  readonly label: string;
  readonly after?: string;
}

/**
 * The start card and the earlier-runs card of the screen `name` (ids and test ids `{name}-start`, `{name}-start-title`,
 * `{name}-list-title`, `{name}-list`); `empty`, when given, stands in the start card instead of `children`.
 * @example <StartCard name="tender" title={t.startTitle} empty={versions.length ? undefined : t.noVersions} earlier={{ title: t.earlier, none: t.noEarlier, runs }}>…</StartCard>
 * //=> <section data-testid="tender-start">…</section><section>…<ul data-testid="tender-list">…</ul></section>
 */
export function StartCard({ name, title, empty, earlier, children }: { name: string; title: string; empty?: string | undefined; earlier: { title: string; none: string; runs: readonly EarlierRun[] }; children: ReactNode }) {
  return (
    <>
      <section className="card" aria-labelledby={`${name}-start-title`} data-testid={`${name}-start`}>
        <h2 id={`${name}-start-title`}>{title}</h2>
        {empty !== undefined ? <Empty>{empty}</Empty> : children}
      </section>
      <section className="card" aria-labelledby={`${name}-list-title`}>
        <h2 id={`${name}-list-title`}>{earlier.title}</h2>
        {earlier.runs.length === 0 ? (
          <p className="muted">{earlier.none}</p>
        ) : (
          <ul data-testid={`${name}-list`}>
            {earlier.runs.map((r) => (
              <li key={r.id}>
                <Link to={r.to}>{r.label}</Link>
                {r.after}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

/**
 * `children` (the way to start) for a planner or above, else `note` — the API refuses a start below planner.
 * @example <PlannerOnly role="viewer" note={t.noRole}><StartForm … /></PlannerOnly> //=> <p class="muted">{t.noRole}</p>
 */
export function PlannerOnly({ role, note, children }: { role: string | null | undefined; note: string; children: ReactNode }) {
  return roleAtLeast(role, 'planner') ? children : <p className="muted">{note}</p>;
}

/**
 * A start form: submitting it (the button, or Enter in a field) calls `onStart` instead of loading a page.
 * @example <StartForm onStart={start}>…<button type="submit">{t.start}</button></StartForm> //=> <form>…</form>
 */
export function StartForm({ onStart, children }: { onStart: () => unknown; children: ReactNode }) {
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void onStart();
      }}
    >
      {children}
    </form>
  );
}

/**
 * The scenario version to start on (`name="version"`), each as "scenario · 第 n 版", and the note under it when given
 * (which describes the select).
 * @example <VersionSelect label={t.version} versions={versions} value={version} onChange={setVersionId} /> //=> <label class="field">…<select name="version">…</select></label>
 */
export function VersionSelect({ label, versions, value, onChange, note }: { label: string; versions: readonly { id: string; version: number; scenario: string }[]; value: string | undefined; onChange: (versionId: string) => void; note?: { id: string; text: string } }) {
  const { m } = useI18n();
  return (
    <>
      <label className="field">
        <span>{label}</span>
        <select name="version" value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={note?.id}>
          {versions.map((v) => (
            <option key={v.id} value={v.id}>
              {v.scenario} · {m.versionLabel(v.version)}
            </option>
          ))}
        </select>
      </label>
      {note && (
        <p className="muted" id={note.id}>
          {note.text}
        </p>
      )}
    </>
  );
}
