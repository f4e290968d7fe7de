import { createHash } from 'node:crypto';
import { BlobNotFoundError, type BlobStore } from '../../../shared/ports/index.js';

interface StoredBlob {
  bytes: Uint8Array;
  contentType?: string;
  eTag: string;
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

  async get(bucket: string, key: string): Promise<Uint8Array> {
    const blob = this.objects.get(`${bucket}/${key}`);
    if (!blob) throw new BlobNotFoundError(bucket, key);
    return new Uint8Array(blob.bytes);
  }

  async put(bucket: string, key: string, bytes: Uint8Array, contentType?: string, metadata?: Record<string, string>): Promise<void> {
    // S3's eTag of a single-part upload is the MD5 of the bytes, quoted.
    const eTag = `"${createHash('md5').update(bytes).digest('hex')}"`;
    this.objects.set(`${bucket}/${key}`, { bytes: new Uint8Array(bytes), contentType, eTag, ...(metadata ? { metadata: { ...metadata } } : {}) });
  }

  async head(bucket: string, key: string): Promise<{ size: number; eTag?: string; versionId?: string; metadata?: Record<string, string> } | undefined> {
    const blob = this.objects.get(`${bucket}/${key}`);
    return blob ? { size: blob.bytes.byteLength, eTag: blob.eTag, ...(blob.metadata ? { metadata: { ...blob.metadata } } : {}) } : undefined;
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
