import type { Batch, BatchStore, CertificateClaims, UploadUrlSigner } from '../../shared/batches/index.js';

export class InMemoryBatchStore implements BatchStore {
  readonly batches = new Map<string, Batch>();
  async put(batch: Batch): Promise<void> {
    this.batches.set(batch.batchId, structuredClone(batch));
  }
  async get(batchId: string): Promise<Batch | undefined> {
    const batch = this.batches.get(batchId);
    return batch && structuredClone(batch);
  }
}

export class InMemoryCertificateClaims implements CertificateClaims {
  readonly listed = new Map<string, Set<string>>();
  async claim(certificateNumber: string, batchId: string): Promise<{ listedBy: string[] }> {
    const batches = this.listed.get(certificateNumber) ?? new Set<string>();
    batches.add(batchId);
    this.listed.set(certificateNumber, batches);
    return { listedBy: [...batches] };
  }
}

/** Signs nothing: URLs that name what they were made for, so tests can read them. */
export class FakeSigner implements UploadUrlSigner {
  async presignPut(bucket: string, key: string): Promise<string> {
    return `https://s3.test/${bucket}/${encodeURI(key)}?put`;
  }
  async createMultipartUpload(): Promise<string> {
    return 'upload-1';
  }
  async presignPart(bucket: string, key: string, uploadId: string, partNumber: number): Promise<string> {
    return `https://s3.test/${bucket}/${encodeURI(key)}?uploadId=${uploadId}&partNumber=${partNumber}`;
  }
}
