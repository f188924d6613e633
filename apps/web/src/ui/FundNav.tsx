// The pages of one fund, as tabs under the top bar: a link each, the current one marked (aria-current).
import './fundNav.css';
import { useI18n } from '../i18n/I18n';
import { type Route, routePath } from '../routes';
import { Link } from './Link';
import { sweepMessages } from '../features/sweep/messages';
import { tenderMessages } from '../features/tender/messages';
import { replayMessages } from '../features/replay/messages';
import { auditMessages } from '../features/audit/messages';

type FundScreen = Extract<Route, { fundId: string }>['screen'];

export function FundNav({ fundId, screen }: { fundId: string; screen: FundScreen }) {
  const { m, lang } = useI18n();
  const pages: { screen: 'overview' | 'data' | 'forecast' | 'actuals' | 'sweep' | 'tender' | 'replay' | 'audit'; label: string }[] = [
    { screen: 'overview', label: m.navOverview },
    { screen: 'data', label: m.navData },
    { screen: 'forecast', label: m.navForecast },
    { screen: 'actuals', label: m.navActuals },
    { screen: 'sweep', label: sweepMessages(lang).navSweep },
    { screen: 'tender', label: tenderMessages(lang).navTender },
    { screen: 'replay', label: replayMessages(lang).navReplay },
    { screen: 'audit', label: auditMessages(lang).navAudit },
  ];
  return (
    <nav className="fund-nav" aria-label={m.navFund}>
      {pages.map((p) => (
        <Link key={p.screen} to={routePath({ screen: p.screen, fundId })} aria-current={p.screen === screen ? 'page' : undefined}>
          {p.label}
        </Link>
      ))}
    </nav>
  );
}
