// `npm start` on a port another program holds: one sentence naming the port and PORT, exit 1, and no sign-in link
// printed before (a link to a port that is not ours would sign the user in to the other program, or to nothing).
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiProcess, freePort, killAll } from './harness';

afterAll(killAll);

describe('fundladder-api serve on a port in use', () => {
  it('says the port is in use and how to choose another, exits 1, and prints no sign-in link', async () => {
    const port = await freePort();
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(port, '127.0.0.1', resolve));
    const dir = mkdtempSync(join(tmpdir(), 'fundladder-port-'));
    try {
      const p = new ApiProcess('serve', { FUNDLADDER_DATA: dir, PORT: String(port), HOST: '127.0.0.1' });
      const exit = await p.exited;
      expect(exit.code).toBe(1);
      expect(p.output).toContain(`port ${port} is in use by another program`);
      expect(p.output).toContain('PORT=');
      expect(p.output).not.toMatch(/api\/login\?token=/);
    } finally {
      await new Promise((resolve) => holder.close(resolve));
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
