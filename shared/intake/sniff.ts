import type { SniffedType } from '../cases/document-record.js';

/** File types the reading pipeline handles itself; the others are recognised so they can be routed elsewhere. */
export const READABLE_TYPES = ['pdf', 'jpeg', 'png', 'tiff'] as const satisfies readonly SniffedType[];
export type ReadableType = (typeof READABLE_TYPES)[number];

const EXTENSION_TYPES: Record<string, SniffedType> = {
  pdf: 'pdf',
  jpg: 'jpeg',
  jpeg: 'jpeg',
  jpe: 'jpeg',
  png: 'png',
  tif: 'tiff',
  tiff: 'tiff',
  zip: 'zip',
  eml: 'eml',
  xlsx: 'xlsx',
  csv: 'csv',
};

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0): boolean =>
  bytes.length >= offset + signature.length && signature.every((byte, index) => bytes[offset + index] === byte);

const ascii = (bytes: Uint8Array, start: number, end: number): string =>
  Buffer.from(bytes.buffer, bytes.byteOffset + start, Math.max(0, Math.min(end, bytes.length) - start)).toString('latin1');

/** Header names that open an RFC 5322 message (what MTAs, SES and mail clients put first). */
const MAIL_HEADERS =
  /^(received|return-path|from|to|subject|date|message-id|mime-version|delivered-to|reply-to|x-[a-z0-9-]+|dkim-signature|arc-[a-z-]+|authentication-results|content-type|sender|cc):/i;

function looksLikeEmail(head: string): boolean {
  const lines = head.split(/\r?\n/).slice(0, 40);
  if (!lines[0] || !MAIL_HEADERS.test(lines[0])) return false;
  const names = new Set(lines.map((line) => /^([A-Za-z-]+):/.exec(line)?.[1]?.toLowerCase()).filter(Boolean));
  return names.has('from') && (names.has('date') || names.has('subject') || names.has('mime-version') || names.has('received'));
}

function looksLikeCsv(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 4096);
  if (sample.includes(0)) return false;
  // Allow UTF-8 and GBK text (bytes ≥ 0x80) but no control characters other than tab/CR/LF.
  if (sample.some((byte) => byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d)) return false;
  const lines = Buffer.from(sample)
    .toString('latin1')
    .split(/\r?\n/)
    .filter((line) => line.length > 0)
    .slice(0, 10);
  if (lines.length === 0) return false;
  const commas = lines.map((line) => (line.match(/,/g) ?? []).length);
  // A roster has a header row and the same number of columns below; the last sampled line may be cut short.
  const complete = lines.length > 1 ? commas.slice(0, -1) : commas;
  return complete[0]! > 0 && complete.every((count) => count === complete[0]);
}

/**
 * Tells the real type of a file from its first bytes, never from its name: first the signatures at byte 0 — JPEG,
 * PNG, TIFF (both byte orders, BigTIFF), ZIP (and XLSX, a ZIP holding `xl/`) — then PDF (`%PDF-` within the first
 * KiB, as readers allow; a stored ZIP of PDFs has that too, so containers go first), an e-mail
 * message (RFC 5322 headers), CSV text; `unknown` otherwise.
 *
 * @example
 * sniffType(new TextEncoder().encode('%PDF-1.7\n...')); // 'pdf'
 */
export function sniffType(bytes: Uint8Array): SniffedType {
  if (bytes.length === 0) return 'unknown';
  // Signatures at byte 0 first: a stored (uncompressed) ZIP of PDFs carries `%PDF-` inside its first KiB, and is a ZIP.
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (
    startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) ||
    startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a]) ||
    startsWith(bytes, [0x49, 0x49, 0x2b, 0x00]) ||
    startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2b])
  ) {
    return 'tiff';
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    // Office files name their parts in the local headers and the central directory; `xl/` marks a workbook.
    const text = bytes.length > 2 * 65536 ? ascii(bytes, 0, 65536) + ascii(bytes, bytes.length - 65536, bytes.length) : ascii(bytes, 0, bytes.length);
    return text.includes('xl/workbook') ? 'xlsx' : 'zip';
  }
  if (ascii(bytes, 0, 1024).includes('%PDF-')) return 'pdf';
  const head = ascii(bytes, 0, 8192);
  if (looksLikeEmail(head.replace(/^\uFEFF/, ''))) return 'eml';
  if (looksLikeCsv(bytes)) return 'csv';
  return 'unknown';
}

/**
 * The type a file name claims (by extension), or undefined for names without a known extension.
 *
 * @example
 * typeFromFileName('证书 扫描.JPG'); // 'jpeg'
 */
export function typeFromFileName(fileName: string): SniffedType | undefined {
  const match = /\.([A-Za-z0-9]+)$/.exec(fileName.trim());
  return match ? EXTENSION_TYPES[match[1]!.toLowerCase()] : undefined;
}

/**
 * Whether the pipeline reads this type itself (PDF and images) rather than routing it to another handler.
 *
 * @example
 * isReadableType('png'); // true
 */
export function isReadableType(type: SniffedType): type is ReadableType {
  return (READABLE_TYPES as readonly string[]).includes(type);
}
