import yauzl from 'yauzl';
import { ArchiveBombError, ArchiveCorruptError, ArchiveTooManyEntriesError } from './errors.js';
import { decodeEntryName, normaliseEntryName, unsafeEntryName } from './entry-names.js';
import { DEFAULT_ARCHIVE_LIMITS, type ArchiveLimits } from './limits.js';

/** A file taken out of an archive. */
export interface ExpandedEntry {
  /** Path inside the uploaded archive, `/`-separated; entries of a nested archive are under its own path. */
  path: string;
  bytes: Uint8Array;
  /** 0 for entries of the uploaded archive, 1 for those of a ZIP inside it, … */
  depth: number;
}

/** Codes of entries left out of an expansion, each with a reason a sender can act on. */
export const ENTRY_REFUSALS = ['zip_entry_unsafe_path', 'zip_entry_encrypted', 'zip_entry_unsupported', 'zip_nested_too_deep', 'zip_corrupt'] as const;
export type EntryRefusal = (typeof ENTRY_REFUSALS)[number];

/** An entry that was not taken out, and why. */
export interface RefusedEntry {
  path: string;
  code: EntryRefusal;
  detail: string;
}

export interface ArchiveExpansion {
  entries: ExpandedEntry[];
  refused: RefusedEntry[];
  /** Entries skipped without a word: folders and the resource forks macOS adds (`__MACOSX/`, `.DS_Store`). */
  skipped: string[];
  /** Bytes expanded in all (nested archives counted in). */
  totalBytes: number;
}

/** Below this size an entry's ratio is not held against it: a small text file of blanks compresses a thousandfold. */
const RATIO_FLOOR_BYTES = 1024 * 1024;
const ENCRYPTED_FLAG = 0x0001;
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

const isNoise = (name: string): boolean => name.startsWith('__MACOSX/') || /(^|\/)(\.DS_Store|Thumbs\.db|desktop\.ini)$/i.test(name);
const looksLikeZip = (bytes: Uint8Array, name: string): boolean =>
  ZIP_MAGIC.every((byte, index) => bytes[index] === byte) && !/\.(xlsx|xlsm|docx|ofd)$/i.test(name);

interface Budget {
  entries: number;
  bytes: number;
}

function openZip(bytes: Uint8Array): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    // decodeStrings off: names are decoded here (GBK from Chinese Windows) and checked by unsafeEntryName, not thrown on.
    yauzl.fromBuffer(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      { lazyEntries: true, decodeStrings: false, validateEntrySizes: true },
      (error, zip) => (error || !zip ? reject(new ArchiveCorruptError(error?.message ?? 'no archive', { cause: error })) : resolve(zip)),
    );
  });
}

function listEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', (error: Error) => reject(new ArchiveCorruptError(error.message, { cause: error })));
    zip.readEntry();
  });
}

function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, budget: Budget, limits: ArchiveLimits): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) return reject(new ArchiveCorruptError(error?.message ?? 'no stream', { cause: error }));
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        // Sizes are validated against the declared ones by yauzl; this guards the running total regardless.
        if (budget.bytes + size > limits.maxTotalBytes) {
          stream.destroy();
          reject(new ArchiveBombError('total_size', budget.bytes + size, limits.maxTotalBytes));
          return;
        }
        chunks.push(chunk);
      });
      stream.on('error', (streamError: Error) => reject(new ArchiveCorruptError(streamError.message, { cause: streamError })));
      stream.on('end', () => {
        budget.bytes += size;
        resolve(new Uint8Array(Buffer.concat(chunks)));
      });
    });
  });
}

async function expandInto(bytes: Uint8Array, prefix: string, depth: number, budget: Budget, limits: ArchiveLimits, out: ArchiveExpansion): Promise<void> {
  const zip = await openZip(bytes);
  try {
    budget.entries += zip.entryCount;
    if (budget.entries > limits.maxEntries) throw new ArchiveTooManyEntriesError(budget.entries, limits.maxEntries);
    const entries = await listEntries(zip);

    // Refuse a bomb from the central directory, before inflating a byte.
    const declared = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
    const compressed = entries.reduce((sum, entry) => sum + entry.compressedSize, 0);
    if (budget.bytes + declared > limits.maxTotalBytes) throw new ArchiveBombError('total_size', budget.bytes + declared, limits.maxTotalBytes);
    if (declared > RATIO_FLOOR_BYTES && declared / Math.max(compressed, 1) > limits.maxRatio) {
      throw new ArchiveBombError('ratio', Math.round(declared / Math.max(compressed, 1)), limits.maxRatio);
    }

    for (const entry of entries) {
      const raw = (entry as yauzl.Entry & { fileNameRaw?: Buffer }).fileNameRaw ?? Buffer.from(entry.fileName as unknown as Buffer);
      const name = decodeEntryName(raw, entry.generalPurposeBitFlag, entry.extraFields);
      const unsafe = unsafeEntryName(name);
      if (unsafe) {
        out.refused.push({ path: prefix + name, code: 'zip_entry_unsafe_path', detail: unsafe });
        continue;
      }
      const path = prefix + normaliseEntryName(name);
      if (name.endsWith('/') || name.endsWith('\\') || isNoise(normaliseEntryName(name))) {
        out.skipped.push(path);
        continue;
      }
      if (entry.generalPurposeBitFlag & ENCRYPTED_FLAG) {
        out.refused.push({ path, code: 'zip_entry_encrypted', detail: 'entry is password-protected' });
        continue;
      }
      if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
        out.refused.push({ path, code: 'zip_entry_unsupported', detail: `compression method ${entry.compressionMethod}` });
        continue;
      }
      if (entry.uncompressedSize > RATIO_FLOOR_BYTES && entry.uncompressedSize / Math.max(entry.compressedSize, 1) > limits.maxRatio) {
        throw new ArchiveBombError('ratio', Math.round(entry.uncompressedSize / Math.max(entry.compressedSize, 1)), limits.maxRatio);
      }
      const content = await readEntry(zip, entry, budget, limits);
      if (looksLikeZip(content, path)) {
        if (depth >= limits.maxDepth) {
          out.refused.push({ path, code: 'zip_nested_too_deep', detail: `archives may nest ${limits.maxDepth} level(s) deep` });
          continue;
        }
        try {
          await expandInto(content, `${path}/`, depth + 1, budget, limits, out);
        } catch (error) {
          // A damaged inner archive costs only itself; a bomb anywhere condemns the whole upload.
          if (error instanceof ArchiveCorruptError) out.refused.push({ path, code: 'zip_corrupt', detail: error.message });
          else throw error;
        }
        continue;
      }
      out.entries.push({ path, bytes: content, depth });
    }
  } finally {
    zip.close();
  }
}

/**
 * Takes the files out of a ZIP in memory. Names in GBK (Chinese Windows) are decoded; entries with `../` or absolute
 * paths, password-protected entries and archives nested deeper than `maxDepth` are refused one by one with a reason;
 * a ZIP whose entry count, total size or compression ratio is absurd is refused whole (ArchiveError) before
 * anything is inflated, and the running total is enforced while inflating, whatever the headers declare.
 *
 * @example
 * const { entries, refused } = await expandZip(zipBytes);
 * entries[0]; // { path: '证书/张三.pdf', bytes: Uint8Array(…), depth: 0 }
 */
export async function expandZip(bytes: Uint8Array, limits: ArchiveLimits = DEFAULT_ARCHIVE_LIMITS): Promise<ArchiveExpansion> {
  const out: ArchiveExpansion = { entries: [], refused: [], skipped: [], totalBytes: 0 };
  const budget: Budget = { entries: 0, bytes: 0 };
  await expandInto(bytes, '', 0, budget, limits, out);
  out.totalBytes = budget.bytes;
  return out;
}
