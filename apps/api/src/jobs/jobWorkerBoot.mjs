// The job thread's entry: registers tsx's loader in this thread, then loads the TypeScript worker (docs/api.md §3).
import { register } from 'tsx/esm/api';

register();
await import('./jobWorker.ts');
