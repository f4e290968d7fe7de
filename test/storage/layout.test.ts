import { describe, expect, it } from 'vitest';
import { caseIdFor } from '../../shared/cases/case-id.js';
import { derivedKeys, documentIdFor, submissionOf } from '../../shared/storage/layout.js';

describe('storage layout ids', () => {
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
