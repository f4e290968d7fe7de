import { describe, expect, it } from 'vitest';
import { decodeS3Key, objectsOfS3Event } from '../../functions/compose/created-objects.js';

const record = (eventName: string, key: string) => ({
  eventSource: 'aws:s3',
  eventName,
  s3: { bucket: { name: 'intake' }, object: { key, size: 10, eTag: 'abc' } },
});

describe('decodeS3Key', () => {
  it('turns `+` into a space before percent-decoding, so Chinese names and literal plus signs survive', () => {
    expect(decodeS3Key('incoming/s1/%E6%8A%80%E5%B8%88%E8%AF%81%E4%B9%A6+%E6%89%AB%E6%8F%8F.pdf')).toBe('incoming/s1/技师证书 扫描.pdf');
    expect(decodeS3Key('incoming/s1/a%2Bb+c.pdf')).toBe('incoming/s1/a+b c.pdf');
  });
});

describe('objectsOfS3Event', () => {
  it('keeps created objects with decoded keys and leaves removals out', () => {
    const event = { Records: [record('ObjectCreated:Put', 'incoming/s1/%E5%90%88%E5%90%8C.pdf'), record('ObjectRemoved:Delete', 'incoming/s1/x.pdf')] };

    expect(objectsOfS3Event(event)).toEqual([{ bucket: 'intake', key: 'incoming/s1/合同.pdf', size: 10, eTag: 'abc', versionId: undefined }]);
  });

  it('names no object for the test event S3 sends when the notification is configured', () => {
    expect(objectsOfS3Event({ Service: 'Amazon S3', Event: 's3:TestEvent', Bucket: 'intake' })).toEqual([]);
  });

  it('refuses an event that is not an S3 notification', () => {
    expect(() => objectsOfS3Event({ Records: [{ eventSource: 'aws:sqs' }] })).toThrow();
  });
});
