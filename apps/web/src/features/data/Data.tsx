// The Data screen: import CSV/XLSX through the API's imports route (preview, row-level problems, save as a new
// version) and edit banks, quotes, holdings and policy as fields, saved as a new immutable version of the scenario.
import './data.css';
import { roleAtLeast } from '../../api/schemas';
import { useState } from 'react';
import { answer, api, withSignal } from '../../api/client';
import { loadFundVersions } from '../../api/fundVersions';
import { versionWithBodySchema } from '../../api/dataSchemas';
import { useI18n } from '../../i18n/I18n';
import { routePath } from '../../routes';
import { Link } from '../../ui/Link';
import { Empty, ErrorPanel, Loading } from '../../ui/states';
import { useLoad } from '../../ui/useLoad';
import { Editor } from './Editor';
import { ImportPanel } from './ImportPanel';


export default function Data({ fundId }: { fundId: string }) {
  const { m } = useI18n();
  const loaded = useLoad(`data:${fundId}`, (signal) => loadFundVersions(fundId, signal));
  const [picked, setPicked] = useState<string | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  // A saved import starts the panel afresh (the file inputs keep their files otherwise).
  const [imports, setImports] = useState(0);

  if (loaded.state.status === 'loading') return <Loading />;
  if (loaded.state.status === 'error') return <ErrorPanel error={loaded.state.error} onRetry={loaded.reload} />;
  const { fund, scenarios } = loaded.state.value;
  const canWrite = roleAtLeast(fund.role, 'planner');
  const current = scenarios.find((s) => s.scenario.id === picked) ?? scenarios[0];

  return (
    <div className="screen data">
      <header className="screen-head">
        <p className="crumbs">
          <Link to={routePath({ screen: 'overview', fundId })}>{fund.name}</Link>
        </p>
        <h1>{m.dataTitle}</h1>
        <p className="muted">{m.dataIntro}</p>
        {!canWrite && <p className="warn">{m.dataNeedPlanner}</p>}
      </header>

      {scenarios.length === 0 ? (
        <Empty>{m.dataEmpty}</Empty>
      ) : (
        <label className="field field-inline">
          <span>{m.dataScenario}</span>
          <select value={current?.scenario.id} onChange={(e) => setPicked(e.target.value)}>
            {scenarios.map((s) => (
              <option key={s.scenario.id} value={s.scenario.id}>
                {s.scenario.name} · {m.dataLatest(s.scenario.latestVersion)}
              </option>
            ))}
          </select>
        </label>
      )}

      {notice && (
        <p role="status" className="ok" data-testid="data-notice">
          ✔ {notice}
        </p>
      )}

      {canWrite && (
        <ImportPanel
          key={imports}
          fundId={fundId}
          current={current?.scenario}
          onSaved={(n) => {
            setNotice(m.importSaved(n));
            setImports((k) => k + 1);
            loaded.refresh();
          }}
        />
      )}

      {current && (
        <VersionEditor
          key={current.scenario.latestVersionId}
          fundId={fundId}
          scenarioId={current.scenario.id}
          versionId={current.scenario.latestVersionId}
          canWrite={canWrite}
          onSaved={(n) => {
            setNotice(m.editSaved(n));
            loaded.refresh();
          }}
          onReload={() => {
            setNotice(undefined);
            loaded.reload();
          }}
        />
      )}
    </div>
  );
}

function VersionEditor({ fundId, scenarioId, versionId, canWrite, onSaved, onReload }: { fundId: string; scenarioId: string; versionId: string; canWrite: boolean; onSaved: (version: number) => void; onReload: () => void }) {
  const version = useLoad(`version:${versionId}`, (signal) => answer(api.api.funds[':fundId']['scenario-versions'][':versionId'].$get({ param: { fundId, versionId } }, withSignal(signal)), versionWithBodySchema, undefined, signal));
  if (version.state.status === 'loading') return <Loading />;
  if (version.state.status === 'error') return <ErrorPanel error={version.state.error} onRetry={version.reload} />;
  return <Editor fundId={fundId} scenarioId={scenarioId} version={version.state.value} canWrite={canWrite} onSaved={onSaved} onReload={onReload} />;
}

