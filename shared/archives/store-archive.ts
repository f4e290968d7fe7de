import type { DocumentRecord } from '../cases/document-record.js';
import { describeFailure, reasonText } from '../intake/failure.js';
import { documentIdFor, INCOMING_PREFIX } from '../storage/layout.js';
import type { BlobStore } from '../ports/blob-store.js';
import type { Clock } from '../ports/clock.js';
import type { DocumentRepository } from '../ports/document-repository.js';
import { expandZip, type RefusedEntry } from './expand-zip.js';
import { DEFAULT_ARCHIVE_LIMITS, type ArchiveLimits } from './limits.js';

export interface StoreArchiveDeps {
  blobs: BlobStore;
  documents: DocumentRepository;
  clock: Clock;
  limits?: ArchiveLimits;
  /** Fault injection for tests: called after each entry is stored. */
  afterEntryStored?: (key: string) => void | Promise<void>;
}

export interface StoredArchive {
  /** Keys of the entries stored under `incoming/` (ingest takes each in as a document of the submission). */
  stored: string[];
  refused: RefusedEntry[];
}

/**
 * The ZIP expansion ingest is given (its `ArchiveExpansion` port): `storeArchiveEntries` within `limits`.
 *
 * @example
 * composeIngest({ ... }); // archives: zipArchives()
 */
export function zipArchives(limits?: ArchiveLimits) {
  return {
    expand: (archive: Parameters<typeof storeArchiveEntries>[0], stores: Omit<StoreArchiveDeps, 'limits' | 'afterEntryStored'>) =>
      storeArchiveEntries(archive, { ...stores, limits }),
  };
}

/** The version recorded for an entry that was refused and so never stored: the archive's own version. */
const refusedVersion = (archiveVersion: string) => `refused-from-${archiveVersion}`;

/**
 * Expands an uploaded ZIP into `incoming/<submissionId>/<archive name>/<entry path>`, where each entry becomes a
 * document of the submission through ingest, and registers every refused entry (`../` path, password, nesting) as a
 * `rejected` document with its reason, so nothing in the archive goes unseen. Throws the ArchiveError of an archive
 * refused whole (bomb, corrupt, too many entries). Safe to run again after a crash: entries already stored are
 * skipped, refused ones are registered once.
 *
 * @example
 * const { stored, refused } = await storeArchiveEntries({ bucket: 'intake', submissionId: 'batch-1', archiveName: '证书.zip', archiveVersion: 'e1', bytes }, deps);
 */
export async function storeArchiveEntries(
  archive: { bucket: string; submissionId: string; archiveName: string; archiveVersion: string; bytes: Uint8Array },
  deps: StoreArchiveDeps,
): Promise<StoredArchive> {
  const expansion = await expandZip(archive.bytes, deps.limits ?? DEFAULT_ARCHIVE_LIMITS);
  const base = `${INCOMING_PREFIX}${archive.submissionId}/${archive.archiveName}/`;
  const stored: string[] = [];
  for (const entry of expansion.entries) {
    const key = base + entry.path;
    // Storing again would make a new version (a second document on a versioned bucket).
    if (!(await deps.blobs.head(archive.bucket, key))) {
      await deps.blobs.put(archive.bucket, key, entry.bytes);
      await deps.afterEntryStored?.(key);
    }
    stored.push(key);
  }
  for (const refused of expansion.refused) {
    const key = base + refused.path;
    const sourceVersion = refusedVersion(archive.archiveVersion);
    const now = deps.clock.now().toISOString();
    const documentId = documentIdFor(archive.bucket, key, sourceVersion);
    const error = { code: refused.code, message: reasonText(refused.code).zh };
    const record: DocumentRecord = {
      documentId,
      submissionId: archive.submissionId,
      bucket: archive.bucket,
      key,
      sourceVersion,
      fileName: refused.path.split('/').pop() || refused.path,
      status: 'rejected',
      error,
      createdAt: now,
      updatedAt: now,
    };
    await deps.documents.register(record);
  }
  return { stored, refused: expansion.refused };
}

/**
 * The record changes for an archive refused whole, from its ArchiveError.
 *
 * @example
 * describeArchiveRefusal(new ArchiveBombError('ratio', 1000, 100)); // { status: 'rejected', error: { code: 'zip_bomb', … } }
 */
export function describeArchiveRefusal(error: unknown): Pick<DocumentRecord, 'status' | 'error'> {
  const failure = describeFailure(error);
  return { status: failure.status, error: failure.error };
}
