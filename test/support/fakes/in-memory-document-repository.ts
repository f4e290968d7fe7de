import type { DocumentRecord } from '../../../shared/cases/index.js';
import { DocumentNotFoundError, type DocumentChanges, type DocumentRepository } from '../../../shared/ports/index.js';

/**
 * A DocumentRepository in Maps with the same semantics as the DynamoDB one: `register` is idempotent on
 * (bucket, key, sourceVersion), lists are oldest first.
 *
 * @example
 * const documents = new InMemoryDocumentRepository();
 * const { created } = await documents.register(record);
 */
export class InMemoryDocumentRepository implements DocumentRepository {
  readonly records = new Map<string, DocumentRecord>();
  private readonly bySource = new Map<string, string>();
  private readonly contentOwners = new Map<string, string>();

  async register(record: DocumentRecord): Promise<{ record: DocumentRecord; created: boolean }> {
    const sourceKey = `${record.bucket}\u0000${record.key}\u0000${record.sourceVersion}`;
    const existingId = this.bySource.get(sourceKey);
    if (existingId) return { record: structuredClone(this.records.get(existingId)!), created: false };
    this.add(sourceKey, record);
    return { record: structuredClone(record), created: true };
  }

  private add(sourceKey: string, record: DocumentRecord): void {
    if (this.records.has(record.documentId)) throw new Error(`document ${record.documentId} exists for another source object`);
    this.bySource.set(sourceKey, record.documentId);
    this.records.set(record.documentId, structuredClone(record));
  }

  async registerOwningContent(record: DocumentRecord): Promise<'registered' | 'already_registered' | 'content_owned'> {
    if (!record.sha256) throw new Error(`document ${record.documentId} has no sha256 to claim`);
    const sourceKey = `${record.bucket}\u0000${record.key}\u0000${record.sourceVersion}`;
    if (this.bySource.has(sourceKey)) return 'already_registered';
    if (this.contentOwners.has(record.sha256)) return 'content_owned';
    this.add(sourceKey, record);
    this.contentOwners.set(record.sha256, record.documentId);
    return 'registered';
  }

  async get(documentId: string): Promise<DocumentRecord | undefined> {
    const record = this.records.get(documentId);
    return record && structuredClone(record);
  }

  async listBySubmission(submissionId: string): Promise<DocumentRecord[]> {
    return this.sorted().filter((r) => r.submissionId === submissionId);
  }

  async findBySha256(sha256: string): Promise<DocumentRecord | undefined> {
    return this.sorted().find((r) => r.sha256 === sha256);
  }

  async claimContent(sha256: string, documentId: string, changes?: DocumentChanges): Promise<string> {
    const owner = this.contentOwners.get(sha256);
    const ownerStatus = owner === undefined ? undefined : this.records.get(owner)?.status;
    if (owner === undefined || owner === documentId || ownerStatus === undefined || ownerStatus === 'rejected' || ownerStatus === 'failed') {
      if (changes && !this.records.has(documentId)) throw new DocumentNotFoundError(documentId);
      this.contentOwners.set(sha256, documentId);
      if (changes) await this.update(documentId, changes);
      return documentId;
    }
    return owner;
  }

  async update(documentId: string, changes: DocumentChanges): Promise<void> {
    this.applyChanges(documentId, changes);
  }

  /** `update` at once (no await): the in-memory case repository writes a DocumentSettlement with its case so. */
  applyChanges(documentId: string, changes: DocumentChanges): void {
    const current = this.records.get(documentId);
    if (!current) throw new DocumentNotFoundError(documentId);
    const next: Record<string, unknown> = { ...current };
    for (const [name, value] of Object.entries(changes)) {
      if (value === undefined) delete next[name];
      else next[name] = structuredClone(value);
    }
    this.records.set(documentId, next as DocumentRecord);
  }

  private sorted(): DocumentRecord[] {
    return [...this.records.values()]
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.documentId.localeCompare(b.documentId))
      .map((r) => structuredClone(r));
  }
}
