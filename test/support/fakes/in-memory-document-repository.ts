import type { DocumentRecord } from '../../../shared/cases/index.js';
import { DocumentNotFoundError, type DocumentRepository } from '../../../shared/ports/index.js';

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
    if (this.records.has(record.documentId)) throw new Error(`document ${record.documentId} exists for another source object`);
    this.bySource.set(sourceKey, record.documentId);
    this.records.set(record.documentId, structuredClone(record));
    return { record: structuredClone(record), created: true };
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

  async claimContent(sha256: string, documentId: string): Promise<string> {
    const owner = this.contentOwners.get(sha256);
    const ownerStatus = owner === undefined ? undefined : this.records.get(owner)?.status;
    if (owner === undefined || owner === documentId || ownerStatus === undefined || ownerStatus === 'rejected' || ownerStatus === 'failed') {
      this.contentOwners.set(sha256, documentId);
      return documentId;
    }
    return owner;
  }

  async update(documentId: string, changes: Partial<Omit<DocumentRecord, 'documentId'>>): Promise<DocumentRecord> {
    const current = this.records.get(documentId);
    if (!current) throw new DocumentNotFoundError(documentId);
    const next: Record<string, unknown> = { ...current };
    for (const [name, value] of Object.entries(changes)) {
      if (value === undefined) delete next[name];
      else next[name] = structuredClone(value);
    }
    this.records.set(documentId, next as DocumentRecord);
    return structuredClone(next as DocumentRecord);
  }

  private sorted(): DocumentRecord[] {
    return [...this.records.values()]
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.documentId.localeCompare(b.documentId))
      .map((r) => structuredClone(r));
  }
}
