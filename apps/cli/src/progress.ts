import cliProgress from 'cli-progress';
import type { CliIo } from './io';

/**
 * A progress bar on stderr for long work (cli-progress), only when stderr is a terminal, so pipes,
 * files and tests see nothing. Returns the update function; the bar stops when done === total.
 */
export function progressBar(io: CliIo, label: string): (done: number, total: number) => void {
  if (!io.isTty) return () => {};
  const bar = new cliProgress.SingleBar({ stream: process.stderr, format: `[{bar}] {value}/{total} ${label}`, hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic);
  let started = false;
  return (done, total) => {
    if (!started) {
      bar.start(total, 0);
      started = true;
    }
    bar.update(done);
    if (done >= total) bar.stop();
  };
}
