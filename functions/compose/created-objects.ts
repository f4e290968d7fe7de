/**
 * The S3 ObjectCreated handlers (ingest, email) take each object an event names on its own: one that fails is logged
 * and the others still run; then the invocation fails as a whole, so S3's asynchronous invocation retries the event
 * (both take-ins are idempotent, so objects already done are no-ops) and finally the function's DLQ. The event's
 * shape (S3's notification, keys URL-encoded) is read here, where it arrives: the take-ins see decoded objects.
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import type { Context } from 'aws-lambda';
import { z } from 'zod';
import type { CreatedObject } from '../../shared/pipeline/ingest.js';

/** One record of an S3 event notification (the fields the take-ins use; S3 sends more). */
export const s3EventRecordSchema = z.object({
  eventSource: z.literal('aws:s3'),
  eventName: z.string(),
  s3: z.object({
    bucket: z.object({ name: z.string().min(1) }),
    object: z.object({
      /** URL-encoded as S3 sends it: space → `+`, non-ASCII percent-encoded. */
      key: z.string().min(1),
      size: z.number().int().nonnegative().optional(),
      eTag: z.string().optional(),
      versionId: z.string().optional(),
      sequencer: z.string().optional(),
    }),
  }),
});

export const s3EventSchema = z.object({ Records: z.array(s3EventRecordSchema) });

/**
 * Decodes an S3 event key: S3 encodes keys like an HTML form (`+` for space, UTF-8 percent-escapes), so `+` must
 * become a space before percent-decoding (a literal `+` arrives as `%2B`).
 *
 * @example
 * decodeS3Key('incoming/s1/%E8%AF%81%E4%B9%A6+%E6%89%AB%E6%8F%8F.pdf'); // 'incoming/s1/证书 扫描.pdf'
 */
export function decodeS3Key(encoded: string): string {
  return decodeURIComponent(encoded.replace(/\+/g, ' '));
}

/**
 * The objects an S3 notification names as created, keys decoded; other event kinds (removals) are left out, and the
 * test event S3 sends when the notification is configured names none. Throws a ZodError for anything else.
 *
 * @example
 * const objects = objectsOfS3Event(event); // [{ bucket: 'intake', key: 'incoming/s1/证书 扫描.pdf', … }]
 */
export function objectsOfS3Event(event: unknown): CreatedObject[] {
  if ((event as { Event?: unknown } | null)?.Event === 's3:TestEvent') return [];
  return s3EventSchema
    .parse(event)
    .Records.filter((record) => record.eventName.startsWith('ObjectCreated'))
    .map((record) => ({
      bucket: record.s3.bucket.name,
      key: decodeS3Key(record.s3.object.key),
      size: record.s3.object.size,
      eTag: record.s3.object.eTag,
      versionId: record.s3.object.versionId,
    }));
}

/** How a handler words its failures: the log line of one object, and the end of the invocation's error message. */
export interface TakeInWords {
  /** Logged with the object's bucket and key, e.g. 'ingest failed; the event will be retried'. */
  failed: string;
  /** After "N of M", e.g. 'object(s) could not be ingested'. */
  notTaken: string;
}

/**
 * Runs `take` on every object and returns the outcomes; throws an AggregateError of the failures after all have run.
 *
 * @example
 * const { outcomes } = await takeInEach(objects, logger, (object) => ingestObject(object, deps), {
 *   failed: 'ingest failed; the event will be retried',
 *   notTaken: 'object(s) could not be ingested',
 * });
 */
export async function takeInEach<T>(
  objects: CreatedObject[],
  logger: Logger,
  take: (object: CreatedObject) => Promise<T>,
  words: TakeInWords,
): Promise<{ outcomes: T[] }> {
  const outcomes: T[] = [];
  const failures: unknown[] = [];
  for (const object of objects) {
    try {
      outcomes.push(await take(object));
    } catch (error) {
      logger.error(words.failed, { bucket: object.bucket, key: object.key, error: error as Error });
      failures.push(error);
    }
  }
  if (failures.length > 0) throw new AggregateError(failures, `${failures.length} of ${objects.length} ${words.notTaken}`);
  return { outcomes };
}

/**
 * The handler of an S3 ObjectCreated function: adds the Lambda context to the log, resolves the dependencies once
 * per invocation that names an object, and takes each object in with `take` (see `takeInEach`).
 *
 * @example
 * export const createIngestHandler = (resolve: () => IngestDeps) =>
 *   createdObjectsHandler(logger, resolve, ingestObject, { failed: 'ingest failed; …', notTaken: 'object(s) could not be ingested' });
 */
export function createdObjectsHandler<D, T>(
  logger: Logger,
  resolve: () => D,
  take: (object: CreatedObject, deps: D) => Promise<T>,
  words: TakeInWords,
): (event: unknown, context?: Context) => Promise<{ outcomes: T[] }> {
  return async (event, context) => {
    if (context) logger.addContext(context);
    const objects = objectsOfS3Event(event);
    if (objects.length === 0) return { outcomes: [] };
    const deps = resolve();
    return takeInEach(objects, logger, (object) => take(object, deps), words);
  };
}
