import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { BucketPrefix, INCOMING_PREFIX } from '../storage/layout.js';
import type { Clock } from '../ports/clock.js';

/** Where a batch's roster is kept: outside `incoming/`, since a roster is not a document to read. */
export const ROSTER_PREFIX = BucketPrefix.batches;

export const batchSchema = z.object({
  /** Starts `batch-`: the pipeline judges such a submission certificate by certificate (shared/pipeline). */
  batchId: z.string().regex(/^batch-/),
  institutionId: z.string().min(1),
  status: z.enum(['created', 'uploaded']),
  rosterKey: z.string().optional(),
  /** Keys under `incoming/<batchId>/` the institution was given to upload certificates to. */
  certificateKeys: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Batch = z.infer<typeof batchSchema>;

export const batchFileSchema = z.object({
  name: z.string().min(1),
  size: z.number().int().nonnegative(),
  contentType: z.string().default('application/octet-stream'),
  role: z.enum(['roster', 'certificates']),
});
export type BatchFile = z.input<typeof batchFileSchema>;

export const createBatchInputSchema = z.object({ institutionId: z.string().min(1), files: z.array(batchFileSchema).min(1) });

/** How a client uploads one file: a single presigned PUT, or presigned parts of a multipart upload. */
export type UploadTarget =
  | { name: string; key: string; method: 'PUT'; url: string }
  | { name: string; key: string; method: 'MULTIPART'; uploadId: string; partSize: number; parts: { partNumber: number; url: string }[] };

/** Presigns uploads (S3 presigner on AWS and against s3rver). */
export interface UploadUrlSigner {
  presignPut(bucket: string, key: string, contentType: string, expiresInSeconds: number): Promise<string>;
  createMultipartUpload(bucket: string, key: string, contentType: string): Promise<string>;
  presignPart(bucket: string, key: string, uploadId: string, partNumber: number, expiresInSeconds: number): Promise<string>;
}

/** Stores batches. */
export interface BatchStore {
  put(batch: Batch): Promise<void>;
  get(batchId: string): Promise<Batch | undefined>;
}

export interface CreateBatchDeps {
  batches: BatchStore;
  signer: UploadUrlSigner;
  clock: Clock;
  bucket: string;
  /** Files above this go multipart (default 32 MiB). */
  multipartThreshold?: number;
  /** Part size of multipart uploads (default 16 MiB; S3's minimum is 5 MiB). */
  partSize?: number;
  expiresInSeconds?: number;
  newBatchId?: () => string;
}

const safeName = (name: string): string =>
  name
    .split(/[\\/]/)
    .pop()!
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim() || 'file';

/**
 * A new batch id.
 *
 * @example
 * newBatchId(new Date('2026-11-27T01:00:00Z')); // 'batch-20261127-9f2c4e1a'
 */
export function newBatchId(now = new Date()): string {
  return `batch-${now.toISOString().slice(0, 10).replace(/-/g, '')}-${randomBytes(4).toString('hex')}`;
}

/**
 * Creates a batch for a training institution and hands out where to upload: the roster under `batches/<id>/`, the
 * certificates (a ZIP, single files, or one long scan) under `incoming/<id>/` where ingest takes them in. Files
 * above the threshold get a multipart upload with a presigned URL per part. For the review API's router to mount.
 *
 * @example
 * const { batch, uploads } = await createBatch({ institutionId: 'inst-1', files: [{ name: '名册.xlsx', size: 9000, role: 'roster' }] }, deps);
 * uploads[0]; // { name: '名册.xlsx', key: 'batches/batch-…/名册.xlsx', method: 'PUT', url: 'https://…' }
 */
export async function createBatch(input: z.input<typeof createBatchInputSchema>, deps: CreateBatchDeps): Promise<{ batch: Batch; uploads: UploadTarget[] }> {
  const { institutionId, files } = createBatchInputSchema.parse(input);
  const now = deps.clock.now();
  const batchId = deps.newBatchId?.() ?? newBatchId(now);
  const threshold = deps.multipartThreshold ?? 32 * 1024 * 1024;
  const partSize = deps.partSize ?? 16 * 1024 * 1024;
  const expires = deps.expiresInSeconds ?? 3600;
  const uploads: UploadTarget[] = [];
  let rosterKey: string | undefined;
  const certificateKeys: string[] = [];
  for (const file of files) {
    const name = safeName(file.name);
    const key = file.role === 'roster' ? `${ROSTER_PREFIX}${batchId}/${name}` : `${INCOMING_PREFIX}${batchId}/${name}`;
    if (file.role === 'roster') rosterKey = key;
    else certificateKeys.push(key);
    if (file.size > threshold) {
      const uploadId = await deps.signer.createMultipartUpload(deps.bucket, key, file.contentType);
      const count = Math.max(1, Math.ceil(file.size / partSize));
      const parts = [];
      for (let partNumber = 1; partNumber <= count; partNumber++)
        parts.push({ partNumber, url: await deps.signer.presignPart(deps.bucket, key, uploadId, partNumber, expires) });
      uploads.push({ name, key, method: 'MULTIPART', uploadId, partSize, parts });
    } else {
      uploads.push({ name, key, method: 'PUT', url: await deps.signer.presignPut(deps.bucket, key, file.contentType, expires) });
    }
  }
  const batch: Batch = { batchId, institutionId, status: 'created', rosterKey, certificateKeys, createdAt: now.toISOString(), updatedAt: now.toISOString() };
  await deps.batches.put(batchSchema.parse(batch));
  return { batch, uploads };
}
