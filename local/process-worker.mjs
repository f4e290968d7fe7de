// Worker-thread bootstrap: enables TypeScript (tsx) in this thread, then loads the process worker. A plain .mjs so it
// starts the same whether the main thread runs under tsx, vitest or plain node.
import { register } from 'tsx/esm/api';

register();
await import('./process-worker.ts');
