/**
 * An in-process queue with the SQS semantics the **process** handler relies on, so the same handler runs locally as
 * on AWS (SQS → Lambda event source mapping with ReportBatchItemFailures and a redrive policy):
 * - messages are persisted as files (one JSON per message, written by rename) so a restart resumes unfinished work;
 * - a receive hides a message for the visibility timeout and bumps its receive count; a message not deleted in time
 *   is delivered again;
 * - the handler gets an `SQSEvent` batch; a thrown error fails the whole batch, `batchItemFailures` fails only those;
 * - a message received more than `maxReceiveCount` times goes to the dead-letter folder and the dead-letter handler
 *   is called with it (on AWS: the DLQ's own consumer).
 * One local liberty: a failed message becomes visible again after `failureDelaySeconds` rather than the full
 * visibility timeout (what a handler calling ChangeMessageVisibility would do), so local retries are quick.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { ProcessDocumentMessage, WorkQueue } from '../shared/ports/work-queue.js';
import { createLocalLogger, type LocalLogger } from './local-log.js';

export type SqsBatchHandler = (event: SQSEvent) => Promise<SQSBatchResponse | void | undefined>;
export type DeadLetterHandler = (event: SQSEvent) => Promise<unknown>;

export interface LocalQueueOptions {
  /** Folder the messages live in (`.data/queue/<name>`). */
  dir: string;
  name?: string;
  visibilityTimeoutSeconds?: number;
  /** How soon a message the handler reported as failed is visible again. */
  failureDelaySeconds?: number;
  /** Receives before a message is dead-lettered (SQS redrive policy `maxReceiveCount`). */
  maxReceiveCount?: number;
  batchSize?: number;
  /** Handler invocations running at once (one per core by default on this 2-core machine). */
  concurrency?: number;
  /** How often the queue looks for visible messages; 0 = only when sent to or pumped (tests). */
  pollIntervalMs?: number;
  region?: string;
  /** Milliseconds since the epoch; injected so tests can move time without waiting. */
  now?: () => number;
  log?: LocalLogger;
}

interface StoredMessage {
  messageId: string;
  body: string;
  sentAt: number;
  receiveCount: number;
  visibleAt: number;
  firstReceivedAt?: number;
  receiptHandle?: string;
  /** Set once the handler has been given the message under `receiptHandle` and not yet finished. */
  inFlight?: boolean;
  deadLetteredAt?: number;
  deadLetterHandled?: boolean;
}

/** What a dead-lettered message's listeners are told, once its dead-letter handling has run (or failed). */
export interface DeadLetteredMessage {
  messageId: string;
  /** Epoch ms of the first receive (its first attempt). */
  firstReceivedAt: number;
  deadLetteredAt: number;
  deadLetterHandled: boolean;
}

export interface QueueDepth {
  visible: number;
  delayed: number;
  inFlight: number;
  dead: number;
}

/**
 * The local SQS stand-in; also the `WorkQueue` port ingest sends through when no `PROCESS_QUEUE_URL` is set.
 *
 * @example
 * const queue = new LocalQueue({ dir: '.data/queue/process' });
 * queue.start(processHandler, deadLetterHandler);
 * await queue.send([{ documentId: 'd1' }]);
 */
export class LocalQueue implements WorkQueue {
  readonly name: string;
  readonly arn: string;
  private readonly messages = new Map<string, StoredMessage>();
  private readonly dead = new Map<string, StoredMessage>();
  private readonly liveDir: string;
  private readonly deadDir: string;
  private readonly visibilityMs: number;
  private readonly failureDelayMs: number;
  private readonly maxReceiveCount: number;
  private readonly batchSize: number;
  private readonly concurrency: number;
  private readonly pollIntervalMs: number;
  private readonly region: string;
  private readonly now: () => number;
  private readonly log: LocalLogger;
  private readonly running = new Set<Promise<void>>();
  private handler?: SqsBatchHandler;
  private deadLetterHandler?: DeadLetterHandler;
  private readonly deadLetteredListeners: Array<(message: DeadLetteredMessage) => void> = [];
  private timer?: NodeJS.Timeout;
  private pumping = false;
  private pumpAgain = false;
  private idleWaiters: Array<() => void> = [];

  constructor(options: LocalQueueOptions) {
    this.name = options.name ?? 'intake-process-local';
    this.region = options.region ?? process.env.AWS_REGION ?? 'us-east-1';
    this.arn = `arn:aws:sqs:${this.region}:000000000000:${this.name}`;
    this.liveDir = path.join(options.dir, 'messages');
    this.deadDir = path.join(options.dir, 'dead');
    this.visibilityMs = (options.visibilityTimeoutSeconds ?? 300) * 1000;
    this.failureDelayMs = (options.failureDelaySeconds ?? 2) * 1000;
    this.maxReceiveCount = options.maxReceiveCount ?? 3;
    this.batchSize = Math.max(1, options.batchSize ?? 1);
    this.concurrency = Math.max(1, options.concurrency ?? 2);
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
    this.now = options.now ?? Date.now;
    this.log = options.log ?? createLocalLogger('queue');
    mkdirSync(this.liveDir, { recursive: true });
    mkdirSync(this.deadDir, { recursive: true });
    this.load();
  }

  /** Enqueues process-stage messages (the `WorkQueue` port). */
  async send(messages: ProcessDocumentMessage[]): Promise<void> {
    await this.sendBodies(messages.map((message) => JSON.stringify(message)));
  }

  /** Enqueues raw message bodies; returns their message ids. */
  async sendBodies(bodies: string[]): Promise<string[]> {
    const ids: string[] = [];
    for (const body of bodies) {
      const message: StoredMessage = { messageId: randomUUID(), body, sentAt: this.now(), receiveCount: 0, visibleAt: this.now() };
      this.persist(message);
      this.messages.set(message.messageId, message);
      ids.push(message.messageId);
    }
    this.kick();
    return ids;
  }

  /** Starts delivering to `handler`; dead-lettered messages go to `deadLetterHandler` when there is one. */
  start(handler: SqsBatchHandler, deadLetterHandler?: DeadLetterHandler): void {
    this.handler = handler;
    this.deadLetterHandler = deadLetterHandler;
    if (this.pollIntervalMs > 0) {
      this.timer = setInterval(() => this.kick(), this.pollIntervalMs);
      this.timer.unref();
    }
    // Dead letters whose handler did not finish before a restart get it now.
    for (const message of this.dead.values()) if (!message.deadLetterHandled) void this.handDeadLetter(message);
    this.kick();
  }

  /**
   * Stops receiving and waits up to `graceMs` for running batches. Unfinished messages stay on disk and are
   * delivered again after a restart.
   */
  async stop(graceMs = 10_000): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.handler = undefined;
    const running = Promise.allSettled([...this.running]);
    await Promise.race([running, new Promise((resolve) => setTimeout(resolve, graceMs).unref())]);
  }

  /** Counts of messages by state. */
  depth(): QueueDepth {
    const now = this.now();
    let visible = 0;
    let delayed = 0;
    let inFlight = 0;
    for (const message of this.messages.values()) {
      if (message.inFlight) inFlight += 1;
      else if (message.visibleAt <= now) visible += 1;
      else delayed += 1;
    }
    return { visible, delayed, inFlight, dead: this.dead.size };
  }

  /** Whether a live (not dead-lettered) message matches: lets a restart tell queued work from lost work. */
  holds(predicate: (body: string) => boolean): boolean {
    for (const message of this.messages.values()) if (predicate(message.body)) return true;
    return false;
  }

  /** The dead-lettered message bodies with their receive counts. */
  deadLetters(): Array<{ messageId: string; body: string; receiveCount: number }> {
    return [...this.dead.values()].map(({ messageId, body, receiveCount }) => ({ messageId, body, receiveCount }));
  }

  /**
   * Puts dead-lettered messages back on the queue as new (receive count 0), those `which` selects; by default the ones
   * whose dead-letter handling never completed (the store was unreachable when they died, so nothing recorded them as
   * failed). `deadLetteredAt` (epoch ms) lets a caller pick what died while a part was down. Returns how many. What
   * `aws sqs start-message-move-task` does on AWS.
   */
  redrive(which: (message: { messageId: string; deadLetterHandled: boolean; deadLetteredAt?: number }) => boolean = (m) => !m.deadLetterHandled): number {
    let moved = 0;
    for (const message of [...this.dead.values()]) {
      if (!which({ messageId: message.messageId, deadLetterHandled: Boolean(message.deadLetterHandled), deadLetteredAt: message.deadLetteredAt })) continue;
      this.dead.delete(message.messageId);
      rmSync(path.join(this.deadDir, `${message.messageId}.json`), { force: true });
      const revived: StoredMessage = {
        ...message,
        receiveCount: 0,
        inFlight: false,
        visibleAt: this.now(),
        deadLetteredAt: undefined,
        deadLetterHandled: undefined,
        receiptHandle: undefined,
      };
      this.messages.set(revived.messageId, revived);
      this.persist(revived);
      moved++;
    }
    if (moved > 0) this.log.info('dead-lettered messages put back on the queue', { messages: moved });
    return moved;
  }

  /**
   * Calls `listener` for every message dead-lettered from now on, after its dead-letter handler has run (recorded the
   * document as failed) or failed. The embedded stack uses it to resume work that died because a part was down.
   */
  onDeadLettered(listener: (message: DeadLetteredMessage) => void): void {
    this.deadLetteredListeners.push(listener);
  }

  /** Resolves once the batches running now have finished. */
  async settle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  /** Resolves once the queue holds no live message and no batch is running. */
  idle(): Promise<void> {
    if (this.messages.size === 0 && this.running.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /**
   * One receive cycle: dead-letters over-received messages and hands visible ones to the handler, up to the
   * concurrency. Runs on a timer after `start`; tests call it directly with an injected clock.
   */
  async pump(): Promise<void> {
    if (this.pumping) {
      this.pumpAgain = true;
      return;
    }
    this.pumping = true;
    try {
      do {
        this.pumpAgain = false;
        while (this.handler && this.running.size < this.concurrency) {
          const batch = this.receive(this.batchSize);
          if (batch.length === 0) break;
          const run = this.invoke(this.handler, batch).finally(() => {
            this.running.delete(run);
            this.kick();
          });
          this.running.add(run);
        }
      } while (this.pumpAgain);
    } finally {
      this.pumping = false;
      this.notifyIdle();
    }
  }

  private kick(): void {
    void this.pump();
  }

  private receive(max: number): StoredMessage[] {
    const now = this.now();
    const batch: StoredMessage[] = [];
    const candidates = [...this.messages.values()].filter((m) => m.visibleAt <= now).sort((a, b) => a.sentAt - b.sentAt);
    for (const message of candidates) {
      if (batch.length >= max) break;
      if (message.receiveCount >= this.maxReceiveCount) {
        this.deadLetter(message);
        continue;
      }
      message.receiveCount += 1;
      message.firstReceivedAt ??= now;
      message.visibleAt = now + this.visibilityMs;
      message.receiptHandle = randomUUID();
      message.inFlight = true;
      this.persist(message);
      batch.push(message);
    }
    return batch;
  }

  private async invoke(handler: SqsBatchHandler, batch: StoredMessage[]): Promise<void> {
    const handles = new Map(batch.map((message) => [message.messageId, message.receiptHandle!]));
    const event: SQSEvent = { Records: batch.map((message) => this.toRecord(message)) };
    let failedIds: Set<string>;
    try {
      const response = await handler(event);
      failedIds = new Set((response?.batchItemFailures ?? []).map((failure) => failure.itemIdentifier));
    } catch (error) {
      this.log.warn('process handler threw; the whole batch will be retried', { messages: batch.length, error: String(error) });
      failedIds = new Set(batch.map((message) => message.messageId));
    }
    for (const [messageId, receiptHandle] of handles) {
      const message = this.messages.get(messageId);
      // A stale receipt (the message timed out and went to someone else) can no longer change it.
      if (!message || message.receiptHandle !== receiptHandle) continue;
      message.inFlight = false;
      if (failedIds.has(messageId)) {
        message.visibleAt = Math.min(message.visibleAt, this.now() + this.failureDelayMs);
        this.persist(message);
      } else {
        this.messages.delete(messageId);
        rmSync(this.fileOf(message), { force: true });
      }
    }
  }

  private deadLetter(message: StoredMessage): void {
    this.messages.delete(message.messageId);
    message.inFlight = false;
    message.deadLetteredAt = this.now();
    message.deadLetterHandled = false;
    writeAtomically(path.join(this.deadDir, `${message.messageId}.json`), JSON.stringify(message));
    rmSync(this.fileOf(message), { force: true });
    this.dead.set(message.messageId, message);
    this.log.error('message dead-lettered', { messageId: message.messageId, receiveCount: message.receiveCount });
    void this.handDeadLetter(message);
  }

  private async handDeadLetter(message: StoredMessage): Promise<void> {
    await this.runDeadLetterHandler(message);
    const told: DeadLetteredMessage = {
      messageId: message.messageId,
      firstReceivedAt: message.firstReceivedAt ?? message.sentAt,
      deadLetteredAt: message.deadLetteredAt ?? this.now(),
      deadLetterHandled: Boolean(message.deadLetterHandled),
    };
    for (const listener of this.deadLetteredListeners) {
      try {
        listener(told);
      } catch (error) {
        this.log.error('a dead-letter listener failed', { messageId: message.messageId, error: String(error) });
      }
    }
  }

  private async runDeadLetterHandler(message: StoredMessage): Promise<void> {
    if (!this.deadLetterHandler) return;
    try {
      const response = (await this.deadLetterHandler({ Records: [this.toRecord(message)] })) as { batchItemFailures?: unknown[] } | undefined;
      // A partial-batch response naming the record is a failure too (the handler could not record the document as
      // failed, e.g. DynamoDB was down): the message stays unhandled, for the redrive once the store is back.
      if (response?.batchItemFailures?.length) throw new Error('the dead-letter handler reported the record as failed');
      message.deadLetterHandled = true;
      writeAtomically(path.join(this.deadDir, `${message.messageId}.json`), JSON.stringify(message));
    } catch (error) {
      this.log.error('dead-letter handler failed; it is called again on the next start', { messageId: message.messageId, error: String(error) });
    }
  }

  private toRecord(message: StoredMessage): SQSRecord {
    return {
      messageId: message.messageId,
      receiptHandle: message.receiptHandle ?? '',
      body: message.body,
      attributes: {
        ApproximateReceiveCount: String(message.receiveCount),
        SentTimestamp: String(message.sentAt),
        SenderId: 'LOCAL',
        ApproximateFirstReceiveTimestamp: String(message.firstReceivedAt ?? message.sentAt),
      },
      messageAttributes: {},
      md5OfBody: createHash('md5').update(message.body).digest('hex'),
      eventSource: 'aws:sqs',
      eventSourceARN: this.arn,
      awsRegion: this.region,
    };
  }

  private load(): void {
    for (const name of readdirSync(this.liveDir).filter((n) => n.endsWith('.json'))) {
      const message = readJson(path.join(this.liveDir, name));
      if (!message) continue;
      // Whoever held an in-flight message before the restart is gone: it is visible again at once.
      if (message.inFlight) {
        message.inFlight = false;
        message.visibleAt = this.now();
      }
      this.messages.set(message.messageId, message);
    }
    for (const name of readdirSync(this.deadDir).filter((n) => n.endsWith('.json'))) {
      const message = readJson(path.join(this.deadDir, name));
      if (message) this.dead.set(message.messageId, message);
    }
    if (this.messages.size > 0) this.log.info(`resuming ${this.messages.size} unfinished message(s)`);
  }

  private persist(message: StoredMessage): void {
    writeAtomically(this.fileOf(message), JSON.stringify(message));
  }

  private fileOf(message: StoredMessage): string {
    return path.join(this.liveDir, `${message.messageId}.json`);
  }

  private notifyIdle(): void {
    if (this.messages.size > 0 || this.running.size > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}

function writeAtomically(file: string, content: string): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, content);
  renameSync(temp, file);
}

function readJson(file: string): StoredMessage | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as StoredMessage;
  } catch {
    // A half-written temp file never has the .json name, so this is a damaged file: leave it for a person to see.
    return undefined;
  }
}
