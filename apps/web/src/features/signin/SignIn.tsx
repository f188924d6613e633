import { type FormEvent, useState } from 'react';
import { ApiError, signIn } from '../../api/client';
import type { Session } from '../../api/schemas';
import { useI18n } from '../../i18n/I18n';
import { ErrorPanel } from '../../ui/states';

/** Sign-in: the one-time link `npm start` prints is the easy way; a name and password is the other. */
export function SignIn({ onSignedIn }: { onSignedIn(session: Session): void }) {
  const { m } = useI18n();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [state, setState] = useState<{ status: 'idle' | 'sending' } | { status: 'error'; error: unknown }>({ status: 'idle' });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setState({ status: 'sending' });
    try {
      onSignedIn(await signIn(name, password));
    } catch (error) {
      setState({ status: 'error', error });
    }
  };
  const refusal = state.status === 'error' && state.error instanceof ApiError ? state.error : undefined;
  return (
    <div className="screen signin">
      <form className="card" onSubmit={(e) => void submit(e)} aria-labelledby="signin-title">
        <h1 id="signin-title">{m.signInTitle}</h1>
        <p>{m.signInLinkHint}</p>
        <p className="muted">{m.signInFormHint}</p>
        <label className="field">
          <span>{m.userName}</span>
          <input name="name" autoComplete="username" value={name} onChange={(e) => setName(e.target.value)} required />
        </label>
        <label className="field">
          <span>{m.password}</span>
          <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        </label>
        <button type="submit" disabled={state.status === 'sending'}>
          {state.status === 'sending' ? m.signingIn : m.signInButton}
        </button>
        {refusal?.status === 401 && <p role="alert" className="field-error">{m.badCredentials}</p>}
        {refusal?.status === 429 && <p role="alert" className="field-error">{m.rateLimited}</p>}
        {state.status === 'error' && refusal?.status !== 401 && refusal?.status !== 429 && <ErrorPanel error={state.error} />}
      </form>
    </div>
  );
}
