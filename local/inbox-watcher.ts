/**
 * The drop folder: a file put in `inbox/` (or in a subfolder, one subfolder = one submission) is uploaded to
 * `incoming/<submission>/<name>` once its size has stopped changing, then moved to `inbox/.sent/` — never deleted,
 * because the original is the evidence of what the applicant handed in.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { watch, type FSWatcher } from 'chokidar';
import { createLocalLogger, maskKey, type LocalLogger } from './local-log.js';

export interface InboxUpload {
  /** Absolute path of the dropped file. */
  filePath: string;
  submissionId: string;
  /** The object key to write, `incoming/<submission>/<relative name>`. */
  key: string;
}

export interface InboxWatcherOptions {
  dir: string;
  /** Writes the file to the store; a rejection leaves the file in the inbox for the next start. */
  upload: (upload: InboxUpload) => Promise<void>;
  /** How long a file's size must stay the same before it counts as fully written. */
  stabilityMs?: number;
  /** Called after each file is uploaded and moved (tests, progress lines). */
  onSent?: (upload: InboxUpload & { sentPath: string }) => void;
  log?: LocalLogger;
}

export interface RunningInboxWatcher {
  dir: string;
  /** Resolves once chokidar has scanned the folder (files already there are then being uploaded). */
  ready: Promise<void>;
  /** Resolves when no upload is pending. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

const SENT_DIR = '.sent';

/**
 * The key and submission for a file dropped at `relativePath` inside the inbox: the first folder names the
 * submission; a file dropped at the top level is a submission of its own.
 *
 * @example
 * inboxUploadFor('/inbox', '张三/证书.jpg'); // { submissionId: '张三', key: 'incoming/张三/证书.jpg', ... }
 */
export function inboxUploadFor(inboxDir: string, relativePath: string, newSubmissionId: () => string = defaultSubmissionId): InboxUpload {
  const parts = relativePath.split(path.sep).filter(Boolean);
  const submissionId = parts.length > 1 ? parts[0] : newSubmissionId();
  const rest = parts.length > 1 ? parts.slice(1) : parts;
  return { filePath: path.join(inboxDir, relativePath), submissionId, key: `incoming/${submissionId}/${rest.join('/')}` };
}

const CONTENT_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
  '.zip': 'application/zip',
  '.eml': 'message/rfc822',
};

/**
 * An `upload` that writes the dropped file to the intake bucket. The content type is only a hint from the
 * extension: ingest sniffs the real type from the bytes.
 *
 * @example
 * startInboxWatcher({ dir: 'inbox', upload: uploadToBucket(s3, 'intake') });
 */
export function uploadToBucket(s3: S3Client, bucket: string, submitter = 'inbox'): (upload: InboxUpload) => Promise<void> {
  return async ({ filePath, key }) => {
    await s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        Body: readFileSync(filePath),
        ContentType: CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream',
        Metadata: { submitter },
      }),
    );
  };
}

function defaultSubmissionId(): string {
  return `inbox-${new Date().toISOString().slice(0, 10).replace(/-/g, '')}-${randomUUID().slice(0, 8)}`;
}

function isIgnored(relativePath: string): boolean {
  // Hidden files and folders (.sent, .DS_Store), office lock files and browser partial downloads are not submissions.
  return relativePath.split(path.sep).some((part) => part.startsWith('.') || part.startsWith('~$') || /\.(crdownload|part|partial|tmp)$/i.test(part));
}

function freePath(target: string): string {
  if (!existsSync(target)) return target;
  const { dir, name, ext } = path.parse(target);
  for (let n = 1; ; n += 1) {
    const candidate = path.join(dir, `${name} (${n})${ext}`);
    if (!existsSync(candidate)) return candidate;
  }
}

/**
 * Watches the inbox and uploads what is dropped there.
 *
 * @example
 * const inbox = startInboxWatcher({ dir: 'inbox', upload: async ({ key, filePath }) => putFile(key, filePath) });
 * await inbox.ready;
 */
export function startInboxWatcher(options: InboxWatcherOptions): RunningInboxWatcher {
  const dir = path.resolve(options.dir);
  const log = options.log ?? createLocalLogger('inbox');
  mkdirSync(path.join(dir, SENT_DIR), { recursive: true });
  const stability = options.stabilityMs ?? 1000;
  const pending = new Set<Promise<void>>();
  let chain = Promise.resolve();

  const watcher: FSWatcher = watch(dir, {
    ignoreInitial: false,
    ignored: (candidate: string) => {
      const relative = path.relative(dir, candidate);
      return relative !== '' && isIgnored(relative);
    },
    awaitWriteFinish: { stabilityThreshold: stability, pollInterval: Math.max(50, Math.floor(stability / 4)) },
  });

  const handle = async (filePath: string) => {
    const relative = path.relative(dir, filePath);
    const upload = inboxUploadFor(dir, relative);
    try {
      await options.upload(upload);
      const sentPath = freePath(path.join(dir, SENT_DIR, upload.submissionId, ...upload.key.split('/').slice(2)));
      mkdirSync(path.dirname(sentPath), { recursive: true });
      renameSync(filePath, sentPath);
      log.info('uploaded', { key: maskKey(upload.key) });
      options.onSent?.({ ...upload, sentPath });
    } catch (error) {
      log.error('upload failed; the file stays in the inbox and is tried again on the next start', { file: maskKey(relative), error: String(error) });
    }
  };

  watcher.on('add', (filePath: string) => {
    // One upload at a time keeps the order files were dropped in and spares the two cores.
    const task = (chain = chain.then(() => handle(filePath)));
    pending.add(task);
    void task.finally(() => pending.delete(task));
  });
  watcher.on('error', (error: unknown) => log.error('watcher error', { error: String(error) }));

  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    dir,
    ready,
    idle: async () => {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
    stop: async () => {
      await watcher.close();
      await Promise.allSettled([...pending]);
    },
  };
}
