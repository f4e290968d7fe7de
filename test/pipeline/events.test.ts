import { describe, expect, it } from 'vitest';
import { createdObjects, decodeS3Key, s3EventSchema } from '../../shared/pipeline/events.js';
import { derivedKeys, documentIdFor, submissionOf } from '../../shared/storage/layout.js';
import { caseIdFor } from '../../shared/cases/case-id.js';

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

describe('createdObjects', () => {
  it('keeps created objects with decoded keys and leaves removals out', () => {
    const event = s3EventSchema.parse({
      Records: [record('ObjectCreated:Put', 'incoming/s1/%E5%90%88%E5%90%8C.pdf'), record('ObjectRemoved:Delete', 'incoming/s1/x.pdf')],
    });
    expect(createdObjects(event)).toEqual([{ bucket: 'intake', key: 'incoming/s1/合同.pdf', size: 10, eTag: 'abc', versionId: undefined }]);
  });

  it('refuses an event that is not an S3 notification', () => {
    expect(() => s3EventSchema.parse({ Records: [{ eventSource: 'aws:sqs' }] })).toThrow();
  });
});

describe('ids', () => {
  it('derives the same document id for the same object version and another for a new version', () => {
    expect(documentIdFor('b', 'incoming/s/a.pdf', 'v1')).toBe(documentIdFor('b', 'incoming/s/a.pdf', 'v1'));
    expect(documentIdFor('b', 'incoming/s/a.pdf', 'v2')).not.toBe(documentIdFor('b', 'incoming/s/a.pdf', 'v1'));
  });

  it('reads the submission from the first folder under incoming/ and keeps the file name', () => {
    expect(submissionOf('incoming/sub-1/扫描/证书 1.png', 'doc-abc')).toEqual({ submissionId: 'sub-1', fileName: '证书 1.png' });
    expect(submissionOf('incoming/证书.png', 'doc-abc')).toEqual({ submissionId: 'sub-abc', fileName: '证书.png' });
  });

  it('names cases and derived files deterministically', () => {
    expect(caseIdFor('sub-1')).toBe('case-sub-1');
    expect(caseIdFor('batch-1', { documentId: 'doc-1', indexInFile: 3 })).toBe('case-batch-1-doc-1-3');
    expect(derivedKeys('derived', 'doc-1').checkpoint(2)).toBe('derived/doc-1/ocr/2.json');
  });
});
