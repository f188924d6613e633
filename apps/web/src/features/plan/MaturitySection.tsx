// The Plan's maturity ladder and maturities by month (GET …/runs/{id}/ladder), and the confidence–interest frontier
// when the run carries one.
import { useCallback, useMemo } from 'react';
import { answer, api, withSignal } from '../../api/client';
import type { FrontierPoint } from '../../api/results';
import { ladderSchema } from '../../api/overviewSchemas';
import { EChart } from '../../charts/LazyEChart';
import { useI18n } from '../../i18n/I18n';
import { nameOf } from '../../i18n/messages';
import { Empty, ErrorPanel, Loading } from '../../ui/states';
import { useLoad } from '../../ui/useLoad';
import { frontierOption, frontierRows } from './frontierChart';
import { unitName } from './liquidityLadderChart';
import { ladderKeys, maturingOption, maturityLadderOption } from './maturityLadderChart';

export function MaturitySection({ fundId, runId }: { fundId: string; runId: string }) {
  const { m, lang, names } = useI18n();
  const ladder = useLoad(`ladder:${fundId}:${runId}`, (signal) => answer(api.api.funds[':fundId'].runs[':runId'].ladder.$get({ param: { fundId, runId } }, withSignal(signal)), ladderSchema, undefined, signal));
  const months = ladder.state.status === 'ok' ? ladder.state.value.months : undefined;
  const name = useCallback((product: string, term: number) => m.ladderSeries(nameOf(names.product, product), m.termMonths(term)), [m, names]);
  const held = useMemo(() => (months ? maturityLadderOption(months, name, lang) : undefined), [months, name, lang]);
  const back = useMemo(() => (months ? maturingOption(months, (p) => nameOf(names.product, p), lang) : undefined), [months, names, lang]);
  return (
    <section className="card" aria-labelledby="maturity-title" data-testid="maturity">
      <h2 id="maturity-title">{m.maturityTitle}</h2>
      {ladder.state.status === 'loading' && <Loading />}
      {ladder.state.status === 'error' && <ErrorPanel error={ladder.state.error} onRetry={ladder.reload} />}
      {months && held && back && (ladderKeys(months, 'outstanding').length === 0 ? <Empty>{m.maturityEmpty}</Empty> : (
        <>
          <p className="muted">{m.maturityNote}</p>
          <EChart option={held} lang={lang} label={m.chartLabel(m.maturityTitle)} height={380} testId="maturity-chart" />
          <h3>{m.maturingTitle}</h3>
          {ladderKeys(months, 'maturing').length === 0 ? <p className="muted">{m.maturingNone}</p> : <EChart option={back} lang={lang} label={m.chartLabel(m.maturingTitle)} height={260} testId="maturing-chart" />}
        </>
      ))}
    </section>
  );
}

export function FrontierSection({ frontier }: { frontier: readonly FrontierPoint[] | undefined }) {
  const { m, lang } = useI18n();
  const option = useMemo(() => (frontier && frontier.length > 0 ? frontierOption(frontier, { interest: m.frontierInterest, gap: m.frontierGap, confidence: m.frontierConfidence }, lang) : undefined), [frontier, m, lang]);
  return (
    <section className="card" aria-labelledby="frontier-title" data-testid="frontier">
      <h2 id="frontier-title">{m.frontierTitle}</h2>
      {!option ? <p className="muted">{m.frontierNone}</p> : (
        <>
          <p className="muted">{m.frontierNote}</p>
          <EChart option={option} lang={lang} label={m.chartLabel(m.frontierTitle)} height={320} testId="frontier-chart" />
          <table className="table" data-testid="frontier-table">
            <caption>{m.frontierTableCaption}</caption>
            <thead>
              <tr><th scope="col">{m.frontierConfidence}</th><th scope="col" className="num">{m.frontierGap}</th><th scope="col" className="num">{m.frontierInterestColumn(unitName(lang))}</th></tr>
            </thead>
            <tbody>
              {frontierRows(frontier ?? [], lang, m.frontierStatus).map(([confidence, gap, interest]) => (
                <tr key={confidence}><th scope="row">{confidence}</th><td className="num">{gap}</td><td className="num">{interest}</td></tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
