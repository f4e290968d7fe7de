import iconv from 'iconv-lite';

/** Bit 11 of the general-purpose flag: the name (and comment) are UTF-8. */
const UTF8_FLAG = 0x0800;
/** Info-ZIP Unicode Path extra field: a UTF-8 name written by tools that keep a legacy name in the header. */
const UNICODE_PATH_FIELD = 0x7075;

const utf8Decoder = new TextDecoder('utf-8', { fatal: true });

function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return utf8Decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * The name of a ZIP entry as its author meant it. With the UTF-8 flag set, UTF-8; otherwise the Info-ZIP Unicode
 * Path field when present; otherwise UTF-8 if the bytes are valid UTF-8 (macOS and 7-Zip write UTF-8 without the
 * flag), else GB18030 — what Windows' built-in "send to compressed folder" writes on a Chinese system (GBK, of which
 * GB18030 is a superset). CP437, the ZIP standard's default, is never what a Chinese sender meant.
 *
 * @example
 * decodeEntryName(iconv.encode('证书.pdf', 'gbk'), 0); // '证书.pdf'
 */
export function decodeEntryName(raw: Uint8Array, generalPurposeBitFlag: number, extraFields: readonly { id: number; data: Uint8Array }[] = []): string {
  if (generalPurposeBitFlag & UTF8_FLAG) return Buffer.from(raw).toString('utf8');
  const unicodePath = extraFields.find((field) => field.id === UNICODE_PATH_FIELD);
  // Layout: version (1 byte), CRC-32 of the header name (4 bytes), UTF-8 name.
  if (unicodePath && unicodePath.data.length > 5 && unicodePath.data[0] === 1) {
    const name = strictUtf8(unicodePath.data.subarray(5));
    if (name) return name;
  }
  const isAscii = raw.every((byte) => byte < 0x80);
  if (isAscii) return Buffer.from(raw).toString('latin1');
  return strictUtf8(raw) ?? iconv.decode(Buffer.from(raw), 'gb18030');
}

/** Why an entry name is unsafe to use as a path, or undefined when it is safe. */
export type UnsafeNameReason = 'absolute_path' | 'parent_directory' | 'empty_name' | 'control_character';

/**
 * Checks an entry name before it becomes part of an S3 key or a path: absolute paths (`/etc/x`, `C:\x`, `\\host\x`),
 * any `..` segment (with either slash), control characters and empty names are refused — a "zip slip" entry could
 * otherwise land outside the batch's prefix.
 *
 * @example
 * unsafeEntryName('../../etc/passwd'); // 'parent_directory'
 * unsafeEntryName('证书/张三.pdf'); // undefined
 */
export function unsafeEntryName(name: string): UnsafeNameReason | undefined {
  if (name.trim() === '') return 'empty_name';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'control_character';
  if (/^[\\/]/.test(name) || /^[A-Za-z]:/.test(name)) return 'absolute_path';
  if (name.split(/[\\/]/).some((segment) => segment === '..')) return 'parent_directory';
  return undefined;
}

/**
 * A safe entry name in key form: backslashes become slashes, `.` and empty segments go.
 *
 * @example
 * normaliseEntryName('证书\\.\\张三.pdf'); // '证书/张三.pdf'
 */
export function normaliseEntryName(name: string): string {
  return name
    .split(/[\\/]/)
    .filter((segment) => segment !== '' && segment !== '.')
    .join('/');
}
