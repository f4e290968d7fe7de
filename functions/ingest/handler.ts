/**
 * **ingest** — S3 ObjectCreated events of the intake bucket's `incoming/` prefix. Registers, checks and queues each
 * object (shared/pipeline/ingest.ts). A record that fails for a reason other than bad input fails the invocation,
 * so S3's asynchronous invocation retries the event; ingest is idempotent, so records already done are no-ops.
 */
import type { Context } from 'aws-lambda';
import { createdObjects, s3EventSchema } from '../../shared/pipeline/events.js';
import { ingestObject, type IngestDeps, type IngestOutcome } from '../../shared/pipeline/ingest.js';
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
  return async (event: unknown, context?: Context): Promise<{ outcomes: IngestOutcome[] }> => {
    if (context) logger.addContext(context);
    // S3 sends one test event when the notification is configured; it names no object.
    if ((event as { Event?: unknown } | null)?.Event === 's3:TestEvent') return { outcomes: [] };
    const objects = createdObjects(s3EventSchema.parse(event));
    const deps = resolve();
    const outcomes: IngestOutcome[] = [];
    const failures: unknown[] = [];
    for (const object of objects) {
      try {
        outcomes.push(await ingestObject(object, deps));
      } catch (error) {
        logger.error('ingest failed; the event will be retried', { bucket: object.bucket, key: object.key, error: error as Error });
        failures.push(error);
      }
    }
    if (failures.length > 0) throw new AggregateError(failures, `${failures.length} of ${objects.length} object(s) could not be ingested`);
    return { outcomes };
  };
}

export const handler = createIngestHandler(once(() => composeIngest({ logger: asPipelineLogger(logger) })));
