// The fund today, at the top of the Overview: the early warnings, the position by fund type and by bank, the months
// of payouts covered, the next maturities, the structural gaps and the statutory-rate findings. Every amount is the
// ledger's, from GET …/overview; warnings from GET …/warnings.
import { ApiError, answer, api, withSignal } from '../../api/client';
import { type Overview, overviewSchema, type PositionRow, warningListSchema } from '../../api/overviewSchemas';
import { formatMoney, moneyIn, percentOfFraction, percentOfProbability, tableUnit } from '../../format/money';
import { useI18n } from '../../i18n/I18n';
import { nameOf } from '../../i18n/messages';
import { ErrorPanel, Loading } from '../../ui/states';
import { useLoad } from '../../ui/useLoad';
import { unitName } from '../plan/liquidityLadderChart';
import { coverRows, openWarnings, warningText } from './fundTodayView';

export function FundToday({ fundId }: { fundId: string }) {
  const { m } = useI18n();
  const overview = useLoad(`overview:${fundId}`, (signal) => answer(api.api.funds[':fundId'].overview.$get({ param: { fundId }, query: {} }, withSignal(signal)), overviewSchema, undefined, signal));
  if (overview.state.status === 'loading') return <Loading />;
  if (overview.state.status === 'error') {
    const e = overview.state.error;
    if (e instanceof ApiError && e.status === 404) return <section className="card"><h2>{m.positionTitle}</h2><p className="muted">{m.todayEmpty}</p></section>;
    return <ErrorPanel error={e} onRetry={overview.reload} />;
  }
  return <TodayBody fundId={fundId} o={overview.state.value} />;
}

function TodayBody({ fundId, o }: { fundId: string; o: Overview }) {
  const { m, lang, names } = useI18n();
  const warnings = useLoad(`warnings:${fundId}`, (signal) => answer(api.api.funds[':fundId'].warnings.$get({ param: { fundId }, query: { state: 'open' } }, withSignal(signal)), warningListSchema, undefined, signal));
  const bank = (id: string | null) => (id === null ? names.product.govBond ?? 'govBond' : (o.bankNames[id] ?? id));
  const unit = unitName(lang);
  const money = (y: string) => moneyIn(y, tableUnit(lang));
  const fundType = (id: string) => nameOf(names.fundType, id);
  const ctx = { m, lang, fundType, bank: (id: string) => bank(id), capName: (rule: string) => nameOf(names.capRule, rule) };
  const positionTable = (caption: string, rows: { key: string; name: string; row: PositionRow }[], testId: string) => (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={m.tableScrollLabel}>
      <table className="table" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col"><span className="visually-hidden">{caption}</span></th>
            <th scope="col" className="num">{m.posCash}</th>
            <th scope="col" className="num">{m.posLiquid}</th>
            <th scope="col" className="num">{m.posTerm}</th>
            <th scope="col" className="num">{m.posBonds}</th>
            <th scope="col" className="num">{m.posTotal}</th>
          </tr>
        </thead>
        <tbody>
          {[...rows, { key: '__total', name: m.totalRow, row: o.position.total }].map(({ key, name, row }) => (
            <tr key={key} className={key === '__total' ? 'total-row' : undefined}>
              <th scope="row">{name}</th>
              <td className="num">{money(row.cash)}</td>
              <td className="num">{money(row.liquidDeposits)}</td>
              <td className="num">{money(row.termDeposits)}</td>
              <td className="num">{money(row.bonds)}</td>
              <td className="num">{money(row.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  const open = warnings.state.status === 'ok' ? openWarnings(warnings.state.value.warnings) : [];
  const cover = coverRows(o.cover);
  return (
    <>
      <section className="card" aria-labelledby="warnings-title" data-testid="warnings">
        <h2 id="warnings-title">{m.warningsTitle}</h2>
        {warnings.state.status === 'loading' && <Loading />}
        {warnings.state.status === 'error' && <ErrorPanel error={warnings.state.error} onRetry={warnings.reload} />}
        {warnings.state.status === 'ok' && (open.length === 0 ? <p className="muted">{m.warningsEmpty}</p> : (
          <ul className="warning-list">
            {open.map((w) => (
              <li key={w.id} className="warn">
                {warningText(w, ctx)} <span className="muted">{m.warningSince(w.firstSeen.slice(0, 10))}</span>
              </li>
            ))}
          </ul>
        ))}
        <p className="muted">{m.warningsNote}</p>
      </section>

      <section className="card" aria-labelledby="today-title" data-testid="position">
        <h2 id="today-title">{m.todayTitle(o.asOf)}</h2>
        <p className="muted">{m.todayOf(o.scenarioName, m.versionLabel(o.version))}</p>
        <div className="figures">
          <div className="figure" data-testid="position-total">
            <div className="figure-label">{m.positionTitle}</div>
            <div className="figure-value">{formatMoney(o.position.total.total, lang)}</div>
          </div>
        </div>
        {positionTable(lang === 'zh' ? `${m.positionByFundType}（${unit}）` : `${m.positionByFundType} (${unit})`, o.position.byFundType.map((r) => ({ key: r.fundType, name: fundType(r.fundType), row: r })), 'position-fund-types')}
        {positionTable(lang === 'zh' ? `${m.positionByBank}（${unit}）` : `${m.positionByBank} (${unit})`, o.position.byBank.map((r) => ({ key: r.bankId ?? '__bonds', name: bank(r.bankId), row: r })), 'position-banks')}
      </section>

      <section className="card" aria-labelledby="cover-title" data-testid="cover">
        <h2 id="cover-title">{m.coverTitle}</h2>
        <p className="muted">{m.coverNote(o.cover.windowMonths, o.cover.threshold)}</p>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{m.fundTypeColumn}</th>
              <th scope="col" className="num">{`${m.colLiquid}${lang === 'zh' ? `（${unit}）` : ` (${unit})`}`}</th>
              <th scope="col" className="num">{`${m.colMeanOutflow}${lang === 'zh' ? `（${unit}）` : ` (${unit})`}`}</th>
              <th scope="col" className="num">{m.colCover}</th>
            </tr>
          </thead>
          <tbody>
            {cover.map((c) => (
              <tr key={c.fundType}>
                <th scope="row">{fundType(c.fundType)}</th>
                <td className="num">{money(c.liquid)}</td>
                <td className="num">{c.meanOutflow ? money(c.meanOutflow) : '—'}</td>
                <td className={c.low ? 'num alarm' : 'num'}>
                  {c.months === undefined ? m.coverNoPayout : m.coverMonths(c.months)}
                  {c.low && <span className="visually-hidden"> {m.coverLow}</span>}
                  {c.low && <span aria-hidden="true"> ⚠</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="card" aria-labelledby="maturities-title" data-testid="maturities">
        <h2 id="maturities-title">{m.maturitiesTitle}</h2>
        {o.maturities.length === 0 ? <p className="muted">{m.maturitiesEmpty}</p> : (
          <div className="table-scroll" tabIndex={0} role="region" aria-label={m.tableScrollLabel}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{m.colMaturity}</th>
                  <th scope="col">{m.colBank}</th>
                  <th scope="col">{m.colProduct}</th>
                  <th scope="col">{m.colTerm}</th>
                  <th scope="col" className="num">{m.colRate}</th>
                  <th scope="col">{m.fundTypeColumn}</th>
                  <th scope="col" className="num">{m.colPrincipal(unit)}</th>
                  <th scope="col" className="num">{`${m.colInterestPaid}${lang === 'zh' ? `（${unit}）` : ` (${unit})`}`}</th>
                </tr>
              </thead>
              <tbody>
                {o.maturities.map((x) => (
                  <tr key={x.id}>
                    <td className="nowrap">{x.maturityDate}</td>
                    <td className="nowrap">{bank(x.bankId)}</td>
                    <td className="nowrap">{nameOf(names.product, x.product)}</td>
                    <td className="nowrap">{m.termMonths(x.termMonths)}</td>
                    <td className="num">{percentOfFraction(x.annualRate)}</td>
                    <td>{fundType(x.fundType)}</td>
                    <td className="num">{money(x.principal)}</td>
                    <td className="num">{money(x.interest)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="card" aria-labelledby="structural-title" data-testid="structural">
        <h2 id="structural-title">{m.structuralTitle}</h2>
        {o.structural === null ? <p className="muted">{m.structuralNotRun}</p> : (
          <>
            {o.structural.byFundType.filter((f) => f.structuralShortProbability > 0).length === 0 ? <p>{m.structuralNone}</p> : (
              <ul>
                {o.structural.byFundType.filter((f) => f.structuralShortProbability > 0).map((f) => (
                  <li key={f.fundType}>{m.structuralRow(fundType(f.fundType), percentOfProbability(f.structuralShortProbability), f.structuralMedianFirstMonth ?? '—', f.structuralMedianShort ? formatMoney(f.structuralMedianShort, lang) : '—')}</li>
                ))}
              </ul>
            )}
            <p className="muted">{m.structuralFrom(o.structural.runId)}</p>
          </>
        )}
      </section>

      <section className="card" aria-labelledby="statutory-title" data-testid="statutory">
        <h2 id="statutory-title">{m.statutoryTitle}</h2>
        {o.statutory.length === 0 ? <p className="muted">{m.statutoryNone}</p> : (
          <>
            <p className="muted">{m.statutoryNote}</p>
            <div className="table-scroll" tabIndex={0} role="region" aria-label={m.tableScrollLabel}>
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{m.colAccount}</th>
                    <th scope="col">{m.colBank}</th>
                    <th scope="col">{m.fundTypeColumn}</th>
                    <th scope="col" className="num">{m.colContractRate}</th>
                    <th scope="col" className="num">{m.colStatutoryRate}</th>
                    <th scope="col" className="num">{m.colGapBp}</th>
                    <th scope="col">{m.colRule}</th>
                  </tr>
                </thead>
                <tbody>
                  {o.statutory.map((s) => (
                    <tr key={s.accountId}>
                      <td>{s.accountId}</td>
                      <td className="nowrap">{bank(s.bankId)}</td>
                      <td>{s.fundType ? fundType(s.fundType) : '—'}</td>
                      <td className="num">{percentOfFraction(s.contractRate)}</td>
                      <td className="num">{percentOfFraction(s.statutoryRate)}</td>
                      <td className="num">{s.gapBp}</td>
                      <td>{s.statutoryRule}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
    </>
  );
}
