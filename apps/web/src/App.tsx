import { lazy, Suspense, useState } from 'react';
import { z } from 'zod';
import { answer, api, currentSession, forgetSession } from './api/client';
import type { Session } from './api/schemas';
import { useI18n } from './i18n/I18n';
import { routePath } from './routes';
import { Funds } from './features/funds/Funds';
import { Overview } from './features/overview/Overview';
import { SignIn } from './features/signin/SignIn';
import { FundNav } from './ui/FundNav';
import { Link } from './ui/Link';
import { navigate, useRoute } from './ui/navigation';
import { Empty, ErrorPanel, Loading } from './ui/states';
import { useLoad } from './ui/useLoad';

// The Plan screen carries echarts: loaded when first opened, so the sign-in and the Overview start small.
const Plan = lazy(() => import('./features/plan/Plan'));
// The Data, Forecast and Actuals screens, each loaded when first opened (Forecast carries echarts too).
const Data = lazy(() => import('./features/data/Data'));
const Forecast = lazy(() => import('./features/forecast/Forecast'));
const Actuals = lazy(() => import('./features/actuals/Actuals'));
const Compare = lazy(() => import('./features/compare/Compare'));
const Approval = lazy(() => import('./features/approval/Approval'));
const Sweep = lazy(() => import('./features/sweep/Sweep'));
const Tender = lazy(() => import('./features/tender/Tender'));
const Audit = lazy(() => import('./features/audit/Audit'));
const Replay = lazy(() => import('./features/replay/Replay'));

export function App() {
  const { m, lang, setLang } = useI18n();
  const session = useLoad('session', () => currentSession());
  const [signedIn, setSignedIn] = useState<Session | undefined>();
  const route = useRoute();

  if (session.state.status === 'loading') return <Loading />;
  if (session.state.status === 'error') return <ErrorPanel error={session.state.error} onRetry={session.reload} />;
  const who = signedIn ?? session.state.value;

  const signOut = async () => {
    try {
      await answer(api.api.session.$delete(), z.object({ ok: z.literal(true) }));
    } finally {
      forgetSession();
      setSignedIn(undefined);
      session.reload();
      navigate('/');
    }
  };

  return (
    <>
      <a className="skip" href="#main">
        {m.appName}
      </a>
      <header className="topbar">
        <Link to="/" className="brand">
          {m.appName}
          <span className="tagline">{m.appTagline}</span>
        </Link>
        <nav aria-label={m.appName} className="topbar-actions">
          {who && <span className="muted-inverse">{m.signedInAs(who.user.name)}</span>}
          <button type="button" className="link" lang={lang === 'zh' ? 'en' : 'zh-CN'} onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
            {m.switchLanguage}
          </button>
          {who && (
            <button type="button" className="link" onClick={() => void signOut()}>
              {m.signOut}
            </button>
          )}
        </nav>
      </header>
      {who && 'fundId' in route && <FundNav fundId={route.fundId} screen={route.screen} />}
      <main id="main">
        {!who ? (
          <SignIn onSignedIn={setSignedIn} />
        ) : route.screen === 'funds' ? (
          <Funds />
        ) : route.screen === 'overview' ? (
          <Overview key={route.fundId} fundId={route.fundId} />
        ) : route.screen === 'plan' ? (
          <Suspense fallback={<Loading />}>
            <Plan key={`${route.fundId}/${route.runId}`} fundId={route.fundId} runId={route.runId} />
          </Suspense>
        ) : route.screen === 'compare' ? (
          <Suspense fallback={<Loading />}>
            <Compare key={`${route.fundId}/${route.runId ?? ''}`} fundId={route.fundId} {...(route.runId ? { runId: route.runId } : {})} />
          </Suspense>
        ) : route.screen === 'approval' ? (
          <Suspense fallback={<Loading />}>
            <Approval key={`${route.fundId}/${route.runId}`} fundId={route.fundId} runId={route.runId} />
          </Suspense>
        ) : route.screen === 'sweep' ? (
          <Suspense fallback={<Loading />}>
            <Sweep key={`${route.fundId}/${route.sweepId ?? ''}`} fundId={route.fundId} {...(route.sweepId ? { sweepId: route.sweepId } : {})} />
          </Suspense>
        ) : route.screen === 'tender' ? (
          <Suspense fallback={<Loading />}>
            <Tender key={`${route.fundId}/${route.runId ?? ''}`} fundId={route.fundId} {...(route.runId ? { runId: route.runId } : {})} />
          </Suspense>
        ) : route.screen === 'replay' ? (
          <Suspense fallback={<Loading />}>
            <Replay key={`${route.fundId}/${route.runId ?? ''}`} fundId={route.fundId} {...(route.runId ? { runId: route.runId } : {})} />
          </Suspense>
        ) : route.screen === 'audit' ? (
          <Suspense fallback={<Loading />}>
            <Audit key={`${route.fundId}/${route.runId ?? ''}`} fundId={route.fundId} {...(route.runId ? { runId: route.runId } : {})} />
          </Suspense>
        ) : route.screen === 'data' || route.screen === 'forecast' || route.screen === 'actuals' ? (
          <Suspense fallback={<Loading />}>
            {route.screen === 'data' ? <Data key={route.fundId} fundId={route.fundId} /> : route.screen === 'forecast' ? <Forecast key={route.fundId} fundId={route.fundId} /> : <Actuals key={route.fundId} fundId={route.fundId} />}
          </Suspense>
        ) : (
          <div className="screen">
            <h1>{m.notFoundTitle}</h1>
            <Empty>
              <Link to={routePath({ screen: 'funds' })}>{m.allFunds}</Link>
            </Empty>
          </div>
        )}
      </main>
    </>
  );
}
