// vitest's global setup for the slow project: asks once per run whether the PostgreSQL test server answers, prints once
// that its suite did not run when it does not, and passes the answer to every test file in FUNDLADDER_TEST_SERVER (the
// test processes start after this, with this environment), so testStoreKinds() neither asks nor prints per file
// (docs/api.md §8). The PGlite suites run either way.
import { TEST_SERVER_STATE_ENV, noServerNotice, serverReachable } from '../../apps/api/src/testing/stores';

export default async function setup(): Promise<void> {
  const reachable = await serverReachable();
  process.env[TEST_SERVER_STATE_ENV] = reachable ? 'reachable' : 'absent';
  if (!reachable) process.stderr.write(noServerNotice());
}
