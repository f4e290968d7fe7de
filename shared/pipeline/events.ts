import { z } from 'zod';

/** One record of an S3 event notification (the fields ingest uses; S3 sends more). */
export const s3EventRecordSchema = z.object({
  eventSource: z.literal('aws:s3'),
  eventName: z.string(),
  s3: z.object({
    bucket: z.object({ name: z.string().min(1) }),
    object: z.object({
      /** URL-encoded as S3 sends it: space → `+`, non-ASCII percent-encoded. */
      key: z.string().min(1),
      size: z.number().int().nonnegative().optional(),
      eTag: z.string().optional(),
      versionId: z.string().optional(),
      sequencer: z.string().optional(),
    }),
  }),
});
export type S3EventRecord = z.infer<typeof s3EventRecordSchema>;

export const s3EventSchema = z.object({ Records: z.array(s3EventRecordSchema) });

/** An object that was created, with its key decoded. */
export interface CreatedObject {
  bucket: string;
  key: string;
  size?: number;
  eTag?: string;
  versionId?: string;
}

/**
 * Decodes an S3 event key: S3 encodes keys like an HTML form (`+` for space, UTF-8 percent-escapes), so `+` must
 * become a space before percent-decoding (a literal `+` arrives as `%2B`).
 *
 * @example
 * decodeS3Key('incoming/s1/%E8%AF%81%E4%B9%A6+%E6%89%AB%E6%8F%8F.pdf'); // 'incoming/s1/证书 扫描.pdf'
 */
export function decodeS3Key(encoded: string): string {
  return decodeURIComponent(encoded.replace(/\+/g, ' '));
}

/**
 * The created objects of an S3 event, keys decoded; other event kinds (removals) are left out.
 *
 * @example
 * createdObjects(s3EventSchema.parse(event)); // [{ bucket: 'intake', key: 'incoming/s1/证书 扫描.pdf', ... }]
 */
export function createdObjects(event: z.infer<typeof s3EventSchema>): CreatedObject[] {
  return event.Records.filter((record) => record.eventName.startsWith('ObjectCreated')).map((record) => ({
    bucket: record.s3.bucket.name,
    key: decodeS3Key(record.s3.object.key),
    size: record.s3.object.size,
    eTag: record.s3.object.eTag,
    versionId: record.s3.object.versionId,
  }));
}
