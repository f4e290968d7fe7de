import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentNotFoundError, type DocumentRepository } from '../../../shared/ports/index.js';
import type { RepositoryFixture } from './case-repository-contract.js';
import { aCaseDocument, aDocumentRecord } from './factories.js';

const at = (second: number) => new Date(Date.UTC(2021, 5, 18, 8, 0, second)).toISOString();

/**
 * The behaviours every DocumentRepository must show, run against the in-memory fake and against DynamoDB Local.
 *
 * @example
 * describeDocumentRepositoryContract('DynamoDbDocumentRepository', async () => ({ repository, dispose }));
 */
export function describeDocumentRepositoryContract(name: string, open: () => Promise<RepositoryFixture<DocumentRepository>>): void {
  describe(`${name} (DocumentRepository contract)`, () => {
    let documents: DocumentRepository;
    let fixture: RepositoryFixture<DocumentRepository>;
    beforeAll(async () => {
      fixture = await open();
      documents = fixture.repository;
    });
    afterAll(() => fixture.dispose());

    it('registers a redelivered S3 event once: the second registration returns the first record and creates nothing', async () => {
      const first = aDocumentRecord({ key: `incoming/s1/王晓明 证书 ${Math.random()}.pdf` });
      const redelivered = aDocumentRecord({ key: first.key, sourceVersion: first.sourceVersion, bucket: first.bucket });

      const a = await documents.register(first);
      const b = await documents.register(redelivered);

      expect(a).toEqual({ record: first, created: true });
      expect(b).toEqual({ record: first, created: false });
      expect(await documents.get(redelivered.documentId)).toBeUndefined();
    });

    it('creates exactly one record when the same event is delivered five times at once', async () => {
      const key = `incoming/s2/${Math.random()}.jpg`;
      const deliveries = Array.from({ length: 5 }, () => aDocumentRecord({ key, sourceVersion: 'v1' }));

      const results = await Promise.all(deliveries.map((d) => documents.register(d)));

      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(new Set(results.map((r) => r.record.documentId)).size).toBe(1);
    });

    it('treats a new version of the same key as a new document', async () => {
      const key = `incoming/s3/${Math.random()}.pdf`;
      const v1 = await documents.register(aDocumentRecord({ key, sourceVersion: 'v1' }));
      const v2 = await documents.register(aDocumentRecord({ key, sourceVersion: 'v2' }));
      expect([v1.created, v2.created]).toEqual([true, true]);
      expect(v1.record.documentId).not.toBe(v2.record.documentId);
    });

    it('gives the same bytes to exactly one of five documents claiming them at once, and the owner back to its redelivery', async () => {
      const sha256 = `${Math.random().toString(16).slice(2)}`.padEnd(64, 'c');
      const uploads = Array.from({ length: 5 }, () => aDocumentRecord({ sha256, status: 'processing' }));
      for (const upload of uploads) await documents.register(upload);

      const owners = await Promise.all(uploads.map((upload) => documents.claimContent(sha256, upload.documentId)));

      expect(new Set(owners).size).toBe(1);
      expect(uploads.map((u) => u.documentId)).toContain(owners[0]);
      expect(await documents.claimContent(sha256, owners[0]!)).toBe(owners[0]);
    });

    it('hands the content to a new upload when the document that held it was rejected, and not while it is live', async () => {
      const sha256 = `${Math.random().toString(16).slice(2)}`.padEnd(64, 'd');
      const first = aDocumentRecord({ sha256, status: 'processing' });
      const second = aDocumentRecord({ sha256, status: 'processing' });
      for (const d of [first, second]) await documents.register(d);
      expect(await documents.claimContent(sha256, first.documentId)).toBe(first.documentId);
      expect(await documents.claimContent(sha256, second.documentId)).toBe(first.documentId);

      await documents.update(first.documentId, { status: 'rejected' });

      expect(await documents.claimContent(sha256, second.documentId)).toBe(second.documentId);
      expect(await documents.claimContent(sha256, first.documentId)).toBe(second.documentId);
    });

    it('applies the changes given with a content claim to the winner only, and finds the winner by its bytes after', async () => {
      const sha256 = `${Math.random().toString(16).slice(2)}`.padEnd(64, 'e');
      const first = aDocumentRecord({ status: 'received' });
      const second = aDocumentRecord({ status: 'received' });
      for (const d of [first, second]) await documents.register(d);

      expect(await documents.claimContent(sha256, first.documentId, { sha256, status: 'processing', pageCount: 2 })).toBe(first.documentId);
      expect(await documents.claimContent(sha256, second.documentId, { sha256, status: 'processing', pageCount: 2 })).toBe(first.documentId);

      expect(await documents.get(first.documentId)).toMatchObject({ status: 'processing', pageCount: 2, sha256 });
      expect(await documents.get(second.documentId)).toMatchObject({ status: 'received' });
      expect((await documents.get(second.documentId))?.sha256).toBeUndefined();
      expect((await documents.findBySha256(sha256))?.documentId).toBe(first.documentId);
    });

    it('applies the changes when the claim passes from a rejected owner, and refuses a claim for a record that does not exist', async () => {
      const sha256 = `${Math.random().toString(16).slice(2)}`.padEnd(64, 'b');
      const first = aDocumentRecord({ status: 'processing' });
      const second = aDocumentRecord({ status: 'received' });
      for (const d of [first, second]) await documents.register(d);
      await documents.claimContent(sha256, first.documentId);
      await documents.update(first.documentId, { status: 'rejected' });

      expect(await documents.claimContent(sha256, second.documentId, { status: 'processing' })).toBe(second.documentId);
      expect((await documents.get(second.documentId))?.status).toBe('processing');
      await expect(documents.claimContent('a'.repeat(64), 'doc-missing', { status: 'processing' })).rejects.toBeInstanceOf(DocumentNotFoundError);
    });

    it('registers a read upload and makes it the owner of its bytes in one step, and writes nothing for a redelivery or owned bytes', async () => {
      const sha256 = `${Math.random().toString(16).slice(2)}`.padEnd(64, 'f');
      const first = aDocumentRecord({ sha256, status: 'processing', pageCount: 1 });
      const redelivered = aDocumentRecord({ bucket: first.bucket, key: first.key, sourceVersion: first.sourceVersion, sha256, status: 'processing' });
      const sameBytes = aDocumentRecord({ sha256, status: 'processing' });

      expect(await documents.registerOwningContent(first)).toBe('registered');
      expect(await documents.registerOwningContent(redelivered)).toBe('already_registered');
      expect(await documents.registerOwningContent(sameBytes)).toBe('content_owned');

      expect(await documents.get(first.documentId)).toEqual(first);
      expect(await documents.get(redelivered.documentId)).toBeUndefined();
      expect(await documents.get(sameBytes.documentId)).toBeUndefined();
      // The claim is the same one `claimContent` makes: the owner keeps the bytes, the other upload is told whose they are.
      await documents.register({ ...sameBytes, status: 'received' });
      expect(await documents.claimContent(sha256, sameBytes.documentId)).toBe(first.documentId);
      expect(await documents.claimContent(sha256, first.documentId)).toBe(first.documentId);
    });

    it('lists the documents of a submission oldest first and finds the earliest upload of the same bytes', async () => {
      const submissionId = `sub-${Math.random()}`;
      const sha256 = `${Math.random().toString(16).slice(2)}`.padEnd(64, 'a');
      const later = aDocumentRecord({ submissionId, createdAt: at(5), sha256 });
      const earlier = aDocumentRecord({ submissionId, createdAt: at(1), sha256 });
      const elsewhere = aDocumentRecord({ submissionId: `other-${submissionId}` });
      for (const d of [later, earlier, elsewhere]) await documents.register(d);

      expect((await documents.listBySubmission(submissionId)).map((d) => d.documentId)).toEqual([earlier.documentId, later.documentId]);
      expect((await documents.findBySha256(sha256))?.documentId).toBe(earlier.documentId);
      expect(await documents.findBySha256('f'.repeat(64))).toBeUndefined();
    });

    it('updates the given attributes, removes those set to undefined, and keeps the rest', async () => {
      const record = aDocumentRecord({ pageCount: 3, error: { code: 'x', message: '临时' } });
      await documents.register(record);
      const sha256 = 'c'.repeat(63) + String(Math.floor(Math.random() * 10));

      await documents.update(record.documentId, { status: 'processed', pagesDone: 3, error: undefined, sha256, documents: [aCaseDocument()] });

      const updated = await documents.get(record.documentId);
      expect(updated).toMatchObject({ status: 'processed', pagesDone: 3, pageCount: 3, fileName: record.fileName, sha256 });
      expect(updated?.error).toBeUndefined();
      expect((await documents.findBySha256(sha256))?.documentId).toBe(record.documentId);
    });

    it('refuses to update a document that does not exist with DocumentNotFoundError', async () => {
      await expect(documents.update('doc-missing', { status: 'failed' })).rejects.toBeInstanceOf(DocumentNotFoundError);
    });
  });
}
