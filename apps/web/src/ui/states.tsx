// The designed states every screen shows while it has nothing to show: loading, failed, empty.
import type { ReactNode } from 'react';
import { ApiError } from '../api/client';
import { issueSentence } from '../api/schemas';
import { useI18n } from '../i18n/I18n';

export function Loading({ label }: { label?: string }) {
  const { m } = useI18n();
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label ?? m.loading}
    </div>
  );
}

/** A failure in words: the API's sentence and code, the wrong fields of a malformed answer, and a way to try again. */
export function ErrorPanel({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { m, lang } = useI18n();
  const api = error instanceof ApiError ? error : undefined;
  const message = api?.code === 'network' ? m.networkError : api?.code === 'invalid_response' ? `${m.invalidResponse} ${api.message}` : error instanceof Error ? error.message : String(error);
  return (
    <div className="state state-error" role="alert">
      <strong>{m.errorTitle}</strong>
      <p>{message}</p>
      {api && api.issues.length > 0 && (
        <ul className="issues">
          {api.issues.slice(0, 10).map((i, k) => (
            <li key={k}>
              <code>{i.path.join('.') || '—'}</code> {issueSentence(i, lang)}
            </li>
          ))}
        </ul>
      )}
      {api && <p className="muted">{m.errorDetail(api.code, api.status)}</p>}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {m.retry}
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="state state-empty">{children}</div>;
}
