import { createHash } from 'node:crypto';
import { BlobNotFoundError, type BlobStore } from '../../../shared/ports/index.js';

interface StoredBlob {
  bytes: Uint8Array;
  contentType?: string;
  eTag: string;
  versionId: string;
  metadata?: Record<string, string>;
}

/**
 * A BlobStore in a Map, for domain tests. Bytes are copied in and out so callers cannot alter what is stored.
 *
 * @example
 * const blobs = new InMemoryBlobStore();
 * await blobs.put('intake', 'incoming/a.pdf', bytes, 'application/pdf');
 */
export class InMemoryBlobStore implements BlobStore {
  readonly objects = new Map<string, StoredBlob>();
  /** Every version ever put, like a versioned bucket: `bucket/key` → versions oldest first. */
  private readonly versions = new Map<string, StoredBlob[]>();
  private nextVersion = 1;

  async get(bucket: string, key: string, versionId?: string): Promise<Uint8Array> {
    const blob = this.find(bucket, key, versionId);
    if (!blob) throw new BlobNotFoundError(bucket, key);
    return new Uint8Array(blob.bytes);
  }

  async getWithMetadata(bucket: string, key: string, versionId?: string): Promise<{ bytes: Uint8Array; metadata?: Record<string, string> }> {
    const bytes = await this.get(bucket, key, versionId);
    const metadata = this.find(bucket, key, versionId)?.metadata;
    return { bytes, ...(metadata ? { metadata: { ...metadata } } : {}) };
  }

  async put(bucket: string, key: string, bytes: Uint8Array, contentType?: string, metadata?: Record<string, string>): Promise<void> {
    // S3's eTag of a single-part upload is the MD5 of the bytes, quoted.
    const eTag = `"${createHash('md5').update(bytes).digest('hex')}"`;
    const blob: StoredBlob = {
      bytes: new Uint8Array(bytes),
      contentType,
      eTag,
      versionId: `v${this.nextVersion++}`,
      ...(metadata ? { metadata: { ...metadata } } : {}),
    };
    this.objects.set(`${bucket}/${key}`, blob);
    this.versions.set(`${bucket}/${key}`, [...(this.versions.get(`${bucket}/${key}`) ?? []), blob]);
  }

  async head(
    bucket: string,
    key: string,
    versionId?: string,
  ): Promise<{ size: number; eTag?: string; versionId?: string; metadata?: Record<string, string> } | undefined> {
    const blob = this.find(bucket, key, versionId);
    return blob
      ? { size: blob.bytes.byteLength, eTag: blob.eTag, versionId: blob.versionId, ...(blob.metadata ? { metadata: { ...blob.metadata } } : {}) }
      : undefined;
  }

  /** The version id the fake gave the object now under `key` (a versioned bucket's `VersionId`). */
  versionOf(bucket: string, key: string): string | undefined {
    return this.objects.get(`${bucket}/${key}`)?.versionId;
  }

  private find(bucket: string, key: string, versionId?: string): StoredBlob | undefined {
    if (versionId === undefined) return this.objects.get(`${bucket}/${key}`);
    return this.versions.get(`${bucket}/${key}`)?.find((v) => v.versionId === versionId);
  }

  /** The content type an object was stored with (tests check derived files). */
  contentTypeOf(bucket: string, key: string): string | undefined {
    return this.objects.get(`${bucket}/${key}`)?.contentType;
  }

  /** Keys under a prefix, sorted. */
  keys(bucket: string, prefix = ''): string[] {
    return [...this.objects.keys()]
      .filter((k) => k.startsWith(`${bucket}/${prefix}`))
      .map((k) => k.slice(bucket.length + 1))
      .sort();
  }
}
