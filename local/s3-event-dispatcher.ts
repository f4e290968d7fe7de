/**
 * The local stand-in for S3 → Lambda notifications. s3rver raises an 'event' for each stored object, with the raw key
 * and a made-up ARN; S3 itself sends the key form-URL-encoded (space → `+`, non-ASCII percent-encoded), so the
 * handler must see exactly that or it will only ever be tested against keys that never occur on AWS.
 * Delivery is at least once, like S3's: failures are retried with backoff, and on start `reconcile` re-sends every
 * object under the watched prefixes that ingest has not registered yet (ingest is idempotent on bucket+key+eTag).
 */
import type { EventEmitter } from 'node:events';
import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import type { S3Event, S3EventRecord } from 'aws-lambda';
import { createLocalLogger, maskKey, type LocalLogger } from './local-log.js';
import { BucketPrefix } from '../shared/storage/layout.js';

/** An object that was created, as the dispatcher knows it before shaping the event. */
export interface CreatedObject {
  bucket: string;
  /** The raw (decoded) key. */
  key: string;
  size: number;
  eTag: string;
  versionId?: string;
  /** Defaults to `ObjectCreated:Put`. */
  eventName?: string;
  eventTime?: Date;
}

// Characters Java's URLEncoder (which S3 notifications follow) leaves alone, plus '/', which S3 keeps in keys.
const UNRESERVED = /[A-Za-z0-9.\-*_/]/;

/**
 * Encodes an object key the way S3 writes it into event notifications: UTF-8 percent-encoding, space as `+`,
 * `/` kept. Decode with `decodeURIComponent(key.replace(/\+/g, ' '))`.
 *
 * @example
 * encodeS3EventKey('incoming/s1/证书 a+b.jpg'); // 'incoming/s1/%E8%AF%81%E4%B9%A6+a%2Bb.jpg'
 */
export function encodeS3EventKey(key: string): string {
  let out = '';
  for (const char of key) {
    if (char === ' ') out += '+';
    else if (UNRESERVED.test(char)) out += char;
    else
      out += Array.from(Buffer.from(char, 'utf8'))
        .map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)
        .join('');
  }
  return out;
}

/**
 * Returns a sequencer generator: S3's sequencer is an opaque hex string that orders events for the same key by
 * string comparison, so a fixed-width timestamp plus counter keeps that property.
 *
 * @example
 * const next = createSequencer();
 * next() < next(); // true
 */
export function createSequencer(): () => string {
  let counter = 0;
  return () => {
    counter = (counter + 1) % 0x10000;
    return `${Date.now().toString(16).toUpperCase().padStart(12, '0')}${counter.toString(16).toUpperCase().padStart(4, '0')}`;
  };
}

/**
 * Shapes one S3 event notification record for a created object, as S3 delivers it to Lambda.
 *
 * @example
 * const record = toS3EventRecord({ bucket: 'intake', key: 'incoming/s1/a b.pdf', size: 10, eTag: 'abc' }, { region: 'us-east-1', sequencer: '01' });
 * record.s3.object.key; // 'incoming/s1/a+b.pdf'
 */
export function toS3EventRecord(object: CreatedObject, options: { region: string; sequencer: string }): S3EventRecord {
  return {
    eventVersion: '2.1',
    eventSource: 'aws:s3',
    awsRegion: options.region,
    eventTime: (object.eventTime ?? new Date()).toISOString(),
    eventName: object.eventName ?? 'ObjectCreated:Put',
    userIdentity: { principalId: 'AWS:LOCAL' },
    requestParameters: { sourceIPAddress: '127.0.0.1' },
    responseElements: { 'x-amz-request-id': 'LOCAL', 'x-amz-id-2': 'LOCAL' },
    s3: {
      s3SchemaVersion: '1.0',
      configurationId: 'local-intake-notification',
      bucket: { name: object.bucket, ownerIdentity: { principalId: 'LOCAL' }, arn: `arn:aws:s3:::${object.bucket}` },
      object: {
        key: encodeS3EventKey(object.key),
        size: object.size,
        eTag: object.eTag.replace(/"/g, ''),
        ...(object.versionId ? { versionId: object.versionId } : {}),
        sequencer: options.sequencer,
      },
    },
  };
}

const S3RVER_EVENT_NAMES: Record<string, string> = {
  'ObjectCreated:Put': 'ObjectCreated:Put',
  'ObjectCreated:Copy': 'ObjectCreated:Copy',
  // s3rver reports a completed multipart upload as a POST; S3 names it for what it is.
  'ObjectCreated:Post': 'ObjectCreated:CompleteMultipartUpload',
};

/**
 * Reads the created objects out of an s3rver notification (raw keys, eTag possibly missing on copies).
 *
 * @example
 * createdObjectsFromS3rver({ Records: [{ eventName: 'ObjectCreated:Put', s3: { bucket: { name: 'b' }, object: { key: 'k', size: 1, eTag: 'e' } } }] });
 */
export function createdObjectsFromS3rver(notification: unknown): CreatedObject[] {
  const records = (notification as { Records?: unknown[] } | undefined)?.Records ?? [];
  const out: CreatedObject[] = [];
  for (const raw of records) {
    const record = raw as { eventName?: string; s3?: { bucket?: { name?: string }; object?: { key?: string; size?: number; eTag?: string } } };
    const eventName = record.eventName && S3RVER_EVENT_NAMES[record.eventName];
    const bucket = record.s3?.bucket?.name;
    const key = record.s3?.object?.key;
    if (!eventName || !bucket || key === undefined) continue;
    out.push({ bucket, key, size: Number(record.s3?.object?.size ?? 0), eTag: record.s3?.object?.eTag ?? '', eventName });
  }
  return out;
}

export interface S3EventDispatcherOptions {
  /** The ingest handler (or anything taking an S3 event). A rejection means "not delivered": it is retried. */
  deliver: (event: S3Event) => Promise<unknown>;
  /** Only keys under these prefixes are delivered (the notification's prefix filter). */
  prefixes?: string[];
  region?: string;
  /** Attempts per event before giving up until the next reconcile (S3 → Lambda async: 3). */
  maxAttempts?: number;
  retryDelayMs?: number;
  /** How many deliveries run at once. */
  concurrency?: number;
  /** Fills in size/eTag for notifications that lack them (s3rver's copies). */
  head?: (bucket: string, key: string) => Promise<{ size: number; eTag: string } | undefined>;
  log?: LocalLogger;
}

export interface DispatcherStats {
  delivered: number;
  retried: number;
  abandoned: number;
}

/**
 * Delivers object-created events to the ingest handler at least once.
 *
 * @example
 * const dispatcher = new S3EventDispatcher({ deliver: (event) => ingest(event) });
 * const detach = dispatcher.attach(s3.events);
 * await dispatcher.reconcile({ s3: s3Client, bucket: 'intake', isKnown: async () => false });
 */
export class S3EventDispatcher {
  readonly stats: DispatcherStats = { delivered: 0, retried: 0, abandoned: 0 };
  private readonly prefixes: string[];
  private readonly region: string;
  private readonly maxAttempts: number;
  private readonly retryDelayMs: number;
  private readonly concurrency: number;
  private readonly nextSequencer = createSequencer();
  private readonly log: LocalLogger;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly waiting: Array<() => void> = [];
  private running = 0;
  private stopped = false;

  constructor(private readonly options: S3EventDispatcherOptions) {
    this.prefixes = options.prefixes ?? [BucketPrefix.incoming];
    this.region = options.region ?? process.env.AWS_REGION ?? 'us-east-1';
    this.maxAttempts = options.maxAttempts ?? 3;
    this.retryDelayMs = options.retryDelayMs ?? 500;
    this.concurrency = Math.max(1, options.concurrency ?? 4);
    this.log = options.log ?? createLocalLogger('s3-events');
  }

  /** Whether a key falls under one of the notification prefixes. */
  accepts(key: string): boolean {
    return this.prefixes.some((prefix) => key.startsWith(prefix)) && !key.endsWith('/');
  }

  /** Listens to an s3rver event emitter; returns a function that stops listening. */
  attach(events: EventEmitter): () => void {
    const listener = (notification: unknown) => {
      for (const object of createdObjectsFromS3rver(notification)) void this.dispatch(object);
    };
    events.on('event', listener);
    return () => events.off('event', listener);
  }

  /** Delivers one object's event (if its key is watched); resolves once delivered or given up. */
  dispatch(object: CreatedObject): Promise<void> {
    if (this.stopped || !this.accepts(object.key)) return Promise.resolve();
    const task = this.deliverWithRetry(object).finally(() => this.inFlight.delete(task));
    this.inFlight.add(task);
    return task;
  }

  /**
   * Re-sends the event of every watched object that `isKnown` says ingest has not taken in (all of them when no
   * predicate is given). Returns how many were sent.
   */
  async reconcile(options: { s3: S3Client; bucket: string; isKnown?: (object: CreatedObject) => Promise<boolean> }): Promise<number> {
    let sent = 0;
    for (const prefix of this.prefixes) {
      let token: string | undefined;
      do {
        const page = await options.s3.send(new ListObjectsV2Command({ Bucket: options.bucket, Prefix: prefix, ContinuationToken: token }));
        for (const item of page.Contents ?? []) {
          if (!item.Key) continue;
          const object: CreatedObject = {
            bucket: options.bucket,
            key: item.Key,
            size: item.Size ?? 0,
            eTag: (item.ETag ?? '').replace(/"/g, ''),
            eventTime: item.LastModified,
          };
          if (!this.accepts(object.key)) continue;
          if (options.isKnown && (await options.isKnown(object))) continue;
          sent += 1;
          void this.dispatch(object);
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
    }
    if (sent > 0) this.log.info(`reconcile: re-sent ${sent} object event(s) ingest had not taken in`);
    return sent;
  }

  /** How many deliveries are in flight. */
  pending(): number {
    return this.inFlight.size;
  }

  /** Resolves when no delivery is in flight. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** Stops accepting events and waits for deliveries in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.idle();
  }

  private async deliverWithRetry(object: CreatedObject): Promise<void> {
    if ((!object.eTag || !object.size) && this.options.head) {
      const head = await this.options.head(object.bucket, object.key).catch(() => undefined);
      if (head) object = { ...object, size: head.size, eTag: head.eTag };
    }
    const event: S3Event = { Records: [toS3EventRecord(object, { region: this.region, sequencer: this.nextSequencer() })] };
    await this.acquire();
    try {
      for (let attempt = 1; ; attempt += 1) {
        try {
          await this.options.deliver(event);
          this.stats.delivered += 1;
          return;
        } catch (error) {
          if (attempt >= this.maxAttempts || this.stopped) {
            this.stats.abandoned += 1;
            this.log.error('ingest failed; the object waits for the next reconcile', { key: maskKey(object.key), attempts: attempt, error: String(error) });
            return;
          }
          this.stats.retried += 1;
          this.log.warn('ingest failed; retrying', { key: maskKey(object.key), attempt, error: String(error) });
          await new Promise((resolve) => setTimeout(resolve, this.retryDelayMs * 2 ** (attempt - 1)));
        }
      }
    } finally {
      this.release();
    }
  }

  private async acquire(): Promise<void> {
    if (this.running < this.concurrency) {
      this.running += 1;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running -= 1;
  }
}
