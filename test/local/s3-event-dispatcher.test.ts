import { EventEmitter } from 'node:events';
import type { S3Event } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import {
  createdObjectsFromS3rver,
  createSequencer,
  encodeS3EventKey,
  S3EventDispatcher,
  toS3EventRecord,
  type CreatedObject,
} from '../../local/s3-event-dispatcher.js';

const decode = (key: string) => decodeURIComponent(key.replace(/\+/g, ' '));

function createdObject(overrides: Partial<CreatedObject> = {}): CreatedObject {
  return { bucket: 'intake', key: 'incoming/s1/a.pdf', size: 1234, eTag: 'd41d8cd98f00b204e9800998ecf8427e', ...overrides };
}

function s3rverNotification(key: string, eventName = 'ObjectCreated:Put') {
  return { Records: [{ eventName, s3: { bucket: { name: 'intake', arn: 'arn:aws:s3: : :intake' }, object: { key, size: 5, eTag: 'abc', sequencer: '1' } } }] };
}

describe('encodeS3EventKey', () => {
  it('writes a space as + and keeps the slashes', () => {
    expect(encodeS3EventKey('incoming/s 1/red flower.jpg')).toBe('incoming/s+1/red+flower.jpg');
  });

  it('percent-encodes a literal + so it does not read back as a space', () => {
    expect(encodeS3EventKey('incoming/s1/a+b.pdf')).toBe('incoming/s1/a%2Bb.pdf');
    expect(decode(encodeS3EventKey('incoming/s1/a+b c.pdf'))).toBe('incoming/s1/a+b c.pdf');
  });

  it('percent-encodes Chinese file names as UTF-8', () => {
    expect(encodeS3EventKey('incoming/s1/证书.jpg')).toBe('incoming/s1/%E8%AF%81%E4%B9%A6.jpg');
  });

  it('round-trips keys with brackets, quotes, percent signs and full-width punctuation', () => {
    const key = "incoming/张三（2021）/劳动合同 (副本) 100%'s~.pdf";
    expect(encodeS3EventKey(key)).not.toMatch(/[ ()'~（）\u4e00-\u9fff]/u);
    expect(decode(encodeS3EventKey(key))).toBe(key);
  });
});

describe('toS3EventRecord', () => {
  it('shapes a record as S3 delivers it to Lambda', () => {
    const record = toS3EventRecord(createdObject({ key: 'incoming/s1/王 晓明.png', eTag: '"abc"' }), { region: 'us-east-1', sequencer: '0A' });
    expect(record).toMatchObject({
      eventSource: 'aws:s3',
      eventName: 'ObjectCreated:Put',
      awsRegion: 'us-east-1',
      s3: {
        bucket: { name: 'intake', arn: 'arn:aws:s3:::intake' },
        object: { key: 'incoming/s1/%E7%8E%8B+%E6%99%93%E6%98%8E.png', size: 1234, eTag: 'abc', sequencer: '0A' },
      },
    });
    expect(record.eventVersion).toMatch(/^2\.\d$/);
    expect(Number.isNaN(Date.parse(record.eventTime))).toBe(false);
  });

  it('carries the versionId when the bucket is versioned', () => {
    expect(toS3EventRecord(createdObject({ versionId: 'v1' }), { region: 'us-east-1', sequencer: '1' }).s3.object.versionId).toBe('v1');
  });
});

describe('createSequencer', () => {
  it('produces sequencers that sort in the order they were made', () => {
    const next = createSequencer();
    const values = Array.from({ length: 50 }, () => next());
    expect([...values].sort()).toEqual(values);
    expect(new Set(values).size).toBe(50);
  });
});

describe('createdObjectsFromS3rver', () => {
  it('names a completed multipart upload as S3 does and ignores removals', () => {
    const created = createdObjectsFromS3rver(s3rverNotification('incoming/s1/big.pdf', 'ObjectCreated:Post'));
    expect(created).toEqual([expect.objectContaining({ key: 'incoming/s1/big.pdf', eventName: 'ObjectCreated:CompleteMultipartUpload' })]);
    expect(createdObjectsFromS3rver(s3rverNotification('incoming/s1/a.pdf', 'ObjectRemoved:Delete'))).toEqual([]);
  });
});

describe('S3EventDispatcher', () => {
  it('delivers s3rver events for incoming/ keys with the key encoded, and skips other prefixes', async () => {
    const delivered: S3Event[] = [];
    const dispatcher = new S3EventDispatcher({ deliver: async (event) => void delivered.push(event) });
    const emitter = new EventEmitter();
    dispatcher.attach(emitter);
    emitter.emit('event', s3rverNotification('incoming/s1/证书 1.jpg'));
    emitter.emit('event', s3rverNotification('derived/s1/page-1.png'));
    await dispatcher.idle();
    expect(delivered.map((event) => event.Records[0].s3.object.key)).toEqual(['incoming/s1/%E8%AF%81%E4%B9%A6+1.jpg']);
  });

  it('retries a failed delivery until it succeeds', async () => {
    let calls = 0;
    const dispatcher = new S3EventDispatcher({
      log: { info() {}, warn() {}, error() {} },
      retryDelayMs: 1,
      maxAttempts: 3,
      deliver: async () => {
        calls += 1;
        if (calls < 3) throw new Error('ingest down');
      },
    });
    await dispatcher.dispatch(createdObject());
    expect(calls).toBe(3);
    expect(dispatcher.stats).toEqual({ delivered: 1, retried: 2, abandoned: 0 });
  });

  it('gives up after maxAttempts and counts the object as abandoned (reconcile picks it up later)', async () => {
    const dispatcher = new S3EventDispatcher({
      retryDelayMs: 1,
      maxAttempts: 2,
      deliver: async () => Promise.reject(new Error('boom')),
      log: { info() {}, warn() {}, error() {} },
    });
    await dispatcher.dispatch(createdObject());
    expect(dispatcher.stats).toEqual({ delivered: 0, retried: 1, abandoned: 1 });
  });

  it('fills in size and eTag from a head lookup when the notification lacks them', async () => {
    const delivered: S3Event[] = [];
    const dispatcher = new S3EventDispatcher({ deliver: async (e) => void delivered.push(e), head: async () => ({ size: 99, eTag: 'fromhead' }) });
    await dispatcher.dispatch(createdObject({ size: 0, eTag: '' }));
    expect(delivered[0].Records[0].s3.object).toMatchObject({ size: 99, eTag: 'fromhead' });
  });
});
