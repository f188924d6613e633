// The sweep thread's entry: registers tsx's loader in this thread, then loads the TypeScript worker (docs/sweep.md §8).
import { register } from 'tsx/esm/api';

register();
await import('./sweepWorker.ts');
