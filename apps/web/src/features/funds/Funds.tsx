import { useEffect } from 'react';
import { answer, api, withSignal } from '../../api/client';
import { fundListSchema } from '../../api/schemas';
import { useI18n } from '../../i18n/I18n';
import { routePath } from '../../routes';
import { Link } from '../../ui/Link';
import { navigate } from '../../ui/navigation';
import { Empty, ErrorPanel, Loading } from '../../ui/states';
import { useLoad } from '../../ui/useLoad';

/** The funds the user may read; with exactly one, its Overview at once (the sign-in link lands here). */
export function Funds() {
  const { m } = useI18n();
  const funds = useLoad('funds', (signal) => answer(api.api.funds.$get(undefined, withSignal(signal)), fundListSchema, undefined, signal));
  const only = funds.state.status === 'ok' && funds.state.value.funds.length === 1 ? funds.state.value.funds[0] : undefined;
  useEffect(() => {
    if (only) navigate(routePath({ screen: 'overview', fundId: only.id }), { replace: true });
  }, [only]);
  if (funds.state.status === 'loading' || only) return <Loading />;
  if (funds.state.status === 'error') return <ErrorPanel error={funds.state.error} onRetry={funds.reload} />;
  const list = funds.state.value.funds;
  return (
    <div className="screen">
      <h1>{m.fundsTitle}</h1>
      {list.length === 0 ? (
        <Empty>{m.fundsEmpty}</Empty>
      ) : (
        <ul className="fund-list">
          {list.map((f) => (
            <li key={f.id} className="card">
              <Link to={routePath({ screen: 'overview', fundId: f.id })}>{f.name}</Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
