import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CreateBucketCommand, GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboxUploadFor, startInboxWatcher, uploadToBucket, type InboxUpload } from '../../local/inbox-watcher.js';

const silent = { info() {}, warn() {}, error() {} };

describe('inboxUploadFor', () => {
  it('makes the first subfolder the submission and keeps the rest of the path in the key', () => {
    expect(inboxUploadFor('/inbox', path.join('张三', 'scans', '证书 1.jpg'))).toMatchObject({ submissionId: '张三', key: 'incoming/张三/scans/证书 1.jpg' });
  });

  it('gives a file dropped at the top level a submission of its own', () => {
    expect(inboxUploadFor('/inbox', 'a.pdf', () => 'sub-1')).toEqual({
      filePath: path.join('/inbox', 'a.pdf'),
      submissionId: 'sub-1',
      key: 'incoming/sub-1/a.pdf',
    });
  });
});

describe('startInboxWatcher (against the S3 server)', () => {
  const bucket = `inbox-test-${randomUUID().slice(0, 8)}`;
  const s3 = new S3Client({
    endpoint: process.env.INTAKE_TEST_S3_ENDPOINT,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  let dir: string;

  beforeAll(async () => {
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    dir = mkdtempSync(path.join(os.tmpdir(), 'intake-inbox-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('uploads a dropped file to incoming/<submission>/<name> and moves it to .sent instead of deleting it', async () => {
    mkdirSync(path.join(dir, '王晓明'));
    writeFileSync(path.join(dir, '王晓明', 'early.pdf'), '%PDF-1.7 already there');
    const sent: InboxUpload[] = [];
    const inbox = startInboxWatcher({ dir, upload: uploadToBucket(s3, bucket), stabilityMs: 100, onSent: (u) => sent.push(u), log: silent });
    await inbox.ready;
    writeFileSync(path.join(dir, '王晓明', '证书 扫描.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));
    await expect.poll(() => sent.length, { timeout: 10_000 }).toBe(2);
    await inbox.stop();

    const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'incoming/王晓明/证书 扫描.jpg' }));
    expect(Buffer.from(await object.Body!.transformToByteArray())).toEqual(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));
    expect(object.ContentType).toBe('image/jpeg');
    expect(existsSync(path.join(dir, '王晓明', '证书 扫描.jpg'))).toBe(false);
    expect(readFileSync(path.join(dir, '.sent', '王晓明', '证书 扫描.jpg'))).toEqual(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));
    expect(readFileSync(path.join(dir, '.sent', '王晓明', 'early.pdf'), 'utf8')).toBe('%PDF-1.7 already there');
  });

  it('leaves the file in the inbox when the upload fails', async () => {
    const failing = mkdtempSync(path.join(os.tmpdir(), 'intake-inbox-'));
    try {
      let attempts = 0;
      const inbox = startInboxWatcher({
        dir: failing,
        stabilityMs: 100,
        log: silent,
        upload: async () => {
          attempts += 1;
          throw new Error('S3 down');
        },
      });
      await inbox.ready;
      writeFileSync(path.join(failing, 'a.pdf'), '%PDF');
      await expect.poll(() => attempts, { timeout: 10_000 }).toBe(1);
      await inbox.idle();
      await inbox.stop();
      expect(existsSync(path.join(failing, 'a.pdf'))).toBe(true);
    } finally {
      rmSync(failing, { recursive: true, force: true });
    }
  });
});
