/**
 * **ingest** — S3 ObjectCreated events of the intake bucket's `incoming/` prefix. Registers, checks and queues each
 * object (shared/pipeline/ingest.ts). A record that fails for a reason other than bad input fails the invocation,
 * so S3's asynchronous invocation retries the event; ingest is idempotent, so records already done are no-ops.
 */
import { ingestObject, type IngestDeps } from '../../shared/pipeline/ingest.js';
import { createdObjectsHandler } from '../compose/created-objects.js';
import { asPipelineLogger, functionLogger } from '../compose/logging.js';
import { once } from '../compose/root-options.js';
import { composeIngest } from './compose.js';
import { resolveLookupSecret } from '../lookup-secret.js';

await resolveLookupSecret();

const logger = functionLogger('ingest');

/**
 * An ingest handler over the given dependencies (the exported `handler` uses the environment's).
 *
 * @example
 * const ingest = createIngestHandler(() => ({ blobs, documents, queue, clock, limits, inspect: inspectFile }));
 * await ingest(s3Event);
 */
export function createIngestHandler(resolve: () => IngestDeps) {
  return createdObjectsHandler(logger, resolve, ingestObject, {
    failed: 'ingest failed; the event will be retried',
    notTaken: 'object(s) could not be ingested',
  });
}

export const handler = createIngestHandler(once(() => composeIngest({ logger: asPipelineLogger(logger) })));
