import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SQSEvent } from 'aws-lambda';
import { afterEach, describe, expect, it } from 'vitest';
import { LocalQueue, type LocalQueueOptions } from '../../local/local-queue.js';

const silent = { info() {}, warn() {}, error() {} };
const dirs: string[] = [];

function queueDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'intake-queue-'));
  dirs.push(dir);
  return dir;
}

/** A queue on a clock the test moves by hand, with no poll timer. */
function createQueue(overrides: Partial<LocalQueueOptions> = {}) {
  const clock = { ms: 1_700_000_000_000 };
  const queue = new LocalQueue({
    dir: queueDir(),
    pollIntervalMs: 0,
    visibilityTimeoutSeconds: 30,
    failureDelaySeconds: 1,
    maxReceiveCount: 3,
    log: silent,
    now: () => clock.ms,
    ...overrides,
  });
  return { queue, clock };
}

/** Records every event; `fail` decides per message body. */
function recordingHandler(fail: (body: string) => boolean = () => false) {
  const events: SQSEvent[] = [];
  const handler = async (event: SQSEvent) => {
    events.push(event);
    return { batchItemFailures: event.Records.filter((r) => fail(r.body)).map((r) => ({ itemIdentifier: r.messageId })) };
  };
  return { events, handler };
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('LocalQueue', () => {
  it('delivers a sent message as an SQS record with messageId, receiptHandle and receive count 1, then deletes it', async () => {
    const { queue } = createQueue();
    const { events, handler } = recordingHandler();
    queue.start(handler);
    await queue.send([{ documentId: 'd1' }]);
    await queue.settle();
    expect(events).toHaveLength(1);
    const record = events[0].Records[0];
    expect(JSON.parse(record.body)).toEqual({ documentId: 'd1' });
    expect(record).toMatchObject({ eventSource: 'aws:sqs', attributes: { ApproximateReceiveCount: '1' } });
    expect(record.messageId).not.toBe('');
    expect(record.receiptHandle).not.toBe('');
    expect(record.eventSourceARN).toMatch(/^arn:aws:sqs:/);
    expect(queue.depth()).toEqual({ visible: 0, delayed: 0, inFlight: 0, dead: 0 });
  });

  it('redelivers a message whose handler outlives the visibility timeout, with a new receipt and receive count 2', async () => {
    const { queue, clock } = createQueue();
    const events: SQSEvent[] = [];
    let releaseFirst!: () => void;
    queue.start(async (event) => {
      events.push(event);
      if (events.length === 1) await new Promise<void>((resolve) => (releaseFirst = resolve));
    });
    await queue.send([{ documentId: 'slow' }]);
    expect(queue.depth().inFlight).toBe(1);

    clock.ms += 29_000;
    await queue.pump();
    expect(events).toHaveLength(1);

    clock.ms += 2_000;
    await queue.pump();
    await new Promise((resolve) => setImmediate(resolve));
    expect(events).toHaveLength(2);
    expect(events[1].Records[0].attributes.ApproximateReceiveCount).toBe('2');
    expect(events[1].Records[0].receiptHandle).not.toBe(events[0].Records[0].receiptHandle);

    releaseFirst();
    await queue.settle();
    expect(queue.depth()).toMatchObject({ visible: 0, inFlight: 0 });
  });

  it('honours batchItemFailures: deletes the successes and redelivers only the failed message', async () => {
    const { queue, clock } = createQueue({ batchSize: 3, concurrency: 1 });
    const { events, handler } = recordingHandler((body) => body.includes('bad') && events.length === 1);
    await queue.send([{ documentId: 'ok-1' }, { documentId: 'bad' }, { documentId: 'ok-2' }]);
    queue.start(handler);
    await queue.settle();
    expect(events[0].Records.map((r) => JSON.parse(r.body).documentId)).toEqual(['ok-1', 'bad', 'ok-2']);
    expect(queue.depth()).toMatchObject({ visible: 0, delayed: 1, inFlight: 0 });

    clock.ms += 1_000;
    await queue.pump();
    await queue.settle();
    expect(events[1].Records.map((r) => JSON.parse(r.body).documentId)).toEqual(['bad']);
    expect(events[1].Records[0].attributes.ApproximateReceiveCount).toBe('2');
    expect(queue.depth()).toEqual({ visible: 0, delayed: 0, inFlight: 0, dead: 0 });
  });

  it('fails the whole batch when the handler throws', async () => {
    const { queue } = createQueue({ batchSize: 2, concurrency: 1 });
    await queue.send([{ documentId: 'a' }, { documentId: 'b' }]);
    queue.start(async () => {
      throw new Error('crash');
    });
    await queue.settle();
    expect(queue.depth()).toMatchObject({ delayed: 2, inFlight: 0 });
  });

  it('dead-letters a message after maxReceiveCount receives and hands it to the dead-letter handler', async () => {
    const { queue, clock } = createQueue({ maxReceiveCount: 3 });
    let receives = 0;
    const deadLettered: SQSEvent[] = [];
    queue.start(
      async () => {
        receives += 1;
        throw new Error('poison');
      },
      async (event) => void deadLettered.push(event),
    );
    await queue.send([{ documentId: 'poison' }]);
    for (let i = 0; i < 4; i += 1) {
      await queue.settle();
      clock.ms += 1_000;
      await queue.pump();
    }
    await queue.settle();
    expect(receives).toBe(3);
    expect(deadLettered).toHaveLength(1);
    expect(JSON.parse(deadLettered[0].Records[0].body)).toEqual({ documentId: 'poison' });
    expect(deadLettered[0].Records[0].attributes.ApproximateReceiveCount).toBe('3');
    expect(queue.deadLetters()).toEqual([expect.objectContaining({ receiveCount: 3 })]);
    expect(queue.depth()).toEqual({ visible: 0, delayed: 0, inFlight: 0, dead: 1 });
  });

  it('puts back the messages whose dead-letter handling failed (the store was down) and delivers them again', async () => {
    const { queue, clock } = createQueue({ maxReceiveCount: 2 });
    let storeUp = false;
    const processed: string[] = [];
    queue.start(
      async (event) => {
        if (!storeUp) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8000'), { code: 'ECONNREFUSED' });
        for (const record of event.Records) processed.push(JSON.parse(record.body).documentId);
      },
      async () => {
        if (!storeUp) throw new Error('connect ECONNREFUSED 127.0.0.1:8000');
      },
    );
    await queue.send([{ documentId: 'while-down' }]);
    for (let i = 0; i < 3; i += 1) {
      await queue.settle();
      clock.ms += 1_000;
      await queue.pump();
    }
    await queue.settle();
    expect(queue.depth()).toMatchObject({ dead: 1 });

    storeUp = true;
    expect(queue.redrive()).toBe(1);
    await queue.pump();
    await queue.settle();

    expect(processed).toEqual(['while-down']);
    expect(queue.depth()).toEqual({ visible: 0, delayed: 0, inFlight: 0, dead: 0 });
  });

  it('tells dead-letter listeners once the dead-letter handler has recorded the message, and a redrive from the listener delivers it again', async () => {
    const { queue, clock } = createQueue({ maxReceiveCount: 2 });
    let partUp = false;
    const processed: string[] = [];
    const recorded: string[] = [];
    queue.start(
      async (event) => {
        if (!partUp) throw new Error('connect ECONNREFUSED 127.0.0.1:4569');
        for (const record of event.Records) processed.push(JSON.parse(record.body).documentId);
      },
      async (event) => void recorded.push(event.Records[0].messageId),
    );
    const told: { messageId: string; handledFirst: boolean; firstReceivedAt: number; deadLetteredAt: number }[] = [];
    queue.onDeadLettered((message) => {
      told.push({
        messageId: message.messageId,
        handledFirst: recorded.includes(message.messageId) && message.deadLetterHandled,
        firstReceivedAt: message.firstReceivedAt,
        deadLetteredAt: message.deadLetteredAt,
      });
      partUp = true;
      queue.redrive((dead) => dead.messageId === message.messageId);
    });
    const started = clock.ms;
    await queue.send([{ documentId: 'straddled' }]);
    for (let i = 0; i < 4; i += 1) {
      await queue.settle();
      clock.ms += 1_000;
      await queue.pump();
    }
    await queue.settle();

    expect(told).toHaveLength(1);
    expect(told[0]!.handledFirst).toBe(true);
    expect(told[0]!.firstReceivedAt).toBeGreaterThanOrEqual(started);
    expect(told[0]!.deadLetteredAt).toBeGreaterThan(told[0]!.firstReceivedAt);
    expect(processed).toEqual(['straddled']);
    expect(queue.depth()).toEqual({ visible: 0, delayed: 0, inFlight: 0, dead: 0 });
  });

  it('keeps messages across a restart: unsent work and work in flight at the crash are delivered by the next queue', async () => {
    const dir = queueDir();
    const clock = { ms: 1_700_000_000_000 };
    const first = new LocalQueue({ dir, pollIntervalMs: 0, log: silent, now: () => clock.ms });
    first.start(() => new Promise(() => undefined)); // the process "crashes" while handling
    await first.send([{ documentId: 'in-flight' }]);
    await first.stop(0);
    await first.send([{ documentId: 'queued' }]);

    const second = new LocalQueue({ dir, pollIntervalMs: 0, log: silent, now: () => clock.ms, batchSize: 2, concurrency: 1 });
    expect(second.depth()).toMatchObject({ visible: 2, inFlight: 0 });
    const { events, handler } = recordingHandler();
    second.start(handler);
    await second.settle();
    const records = events.flatMap((e) => e.Records);
    expect(records.map((r) => JSON.parse(r.body).documentId).sort()).toEqual(['in-flight', 'queued']);
    expect(records.find((r) => r.body.includes('in-flight'))?.attributes.ApproximateReceiveCount).toBe('2');
    await second.idle();
    expect(new LocalQueue({ dir, pollIntervalMs: 0, log: silent }).depth()).toEqual({ visible: 0, delayed: 0, inFlight: 0, dead: 0 });
  });

  it('calls the dead-letter handler again after a restart when it had failed', async () => {
    const dir = queueDir();
    const clock = { ms: 1_700_000_000_000 };
    const options = { dir, pollIntervalMs: 0, log: silent, now: () => clock.ms, maxReceiveCount: 1, failureDelaySeconds: 0 };
    const first = new LocalQueue(options);
    first.start(
      async () => Promise.reject(new Error('poison')),
      async () => Promise.reject(new Error('table down')),
    );
    await first.send([{ documentId: 'p' }]);
    await first.settle();
    await first.pump();
    await first.stop(0);

    const handled: string[] = [];
    const second = new LocalQueue(options);
    second.start(
      async () => undefined,
      async (event) => void handled.push(event.Records[0].body),
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(handled).toEqual([JSON.stringify({ documentId: 'p' })]);
  });
});
