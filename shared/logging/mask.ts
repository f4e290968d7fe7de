/**
 * PII masking for everything that is logged. ID numbers and names must never appear unmasked in logs (the policy's
 * real-name management makes the logs themselves personal data otherwise).
 */

/** Keys whose values are a person's name (field names of `shared/documents` and of cases). */
const NAME_KEYS = new Set(
  ['holderName', 'employeeName', 'personName', 'studentName', 'legalRepresentative', 'applicantName', 'submitterName', 'fullName'].map((key) =>
    key.toLowerCase(),
  ),
);

/** Keys whose values are an ID number even when the value is not a well-formed 18-character one. */
const ID_KEYS = new Set(['idNumber', 'employeeIdNumber', 'studentIdNumber', 'personIdNumber'].map((key) => key.toLowerCase()));

/** Keys whose values are object keys or file names: senders name files after people ("王晓明证书.pdf"). */
const FILE_KEYS = new Set(['key', 'fileName', 'file', 'objectKey'].map((key) => key.toLowerCase()));

/**
 * Keys whose values are identifiers: a submission id can be an inbox folder's name (`inbox/王晓明/` makes the
 * submission `王晓明`, and its case `case-王晓明`), so the names inside ids are masked like names.
 */
const IDENTIFIER_KEY = /(^id|Id|Ids|ID)$/;

/** Runs of CJK characters: in an id or a folder they are a person's (or a company's) name. */
const CJK_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/gu;

/**
 * Masks the CJK runs (names) and ID numbers inside an identifier or a folder path.
 *
 * @example
 * maskNamesInIdentifier('case-王晓明'); // 'case-王*明'
 */
export function maskNamesInIdentifier(text: string): string {
  return maskIdNumbersInText(text.replace(CJK_RUN, (run) => maskName(run)));
}

// 18-character resident IDs (and the old 15-digit ones) standing alone inside any text.
const ID_IN_TEXT = /(?<![0-9A-Za-z])(\d{4})(\d{10})(\d{3}[0-9Xx])(?![0-9A-Za-z])|(?<![0-9A-Za-z])(\d{4})(\d{7})(\d{4})(?![0-9A-Za-z])/g;

/**
 * Masks an ID number, keeping the first four characters (the region) and the last four.
 *
 * @example
 * maskIdNumber('330106199001011234'); // '3301**********1234'
 */
export function maskIdNumber(id: string): string {
  if (id.length <= 8) return '*'.repeat(id.length);
  return `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
}

/**
 * Masks a person's name, keeping the first and the last character.
 *
 * @example
 * maskName('王晓明'); // '王*明'
 */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return name;
  if (chars.length === 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars.at(-1)}`;
}

/**
 * Masks the file name of a path or object key like a name (folders and the extension stay, so logs remain useful).
 *
 * @example
 * maskFileName('incoming/sub-1/王晓明 证书.pdf'); // 'incoming/sub-1/王****书.pdf'
 * maskFileName('incoming/王晓明/证书.pdf'); // 'incoming/王*明/证*书.pdf'
 */
export function maskFileName(path: string): string {
  const slash = path.lastIndexOf('/');
  const folder = path.slice(0, slash + 1);
  const base = path.slice(slash + 1);
  const dot = base.lastIndexOf('.');
  const stem = dot > 0 ? base.slice(0, dot) : base;
  const extension = dot > 0 ? base.slice(dot) : '';
  return `${maskNamesInIdentifier(folder)}${stem ? maskName(stem) : ''}${extension}`;
}

/**
 * Masks every resident ID number found inside a text.
 *
 * @example
 * maskIdNumbersInText('身份证号 330106199001011234'); // '身份证号 3301**********1234'
 */
export function maskIdNumbersInText(text: string): string {
  return text.replace(ID_IN_TEXT, (match) => maskIdNumber(match));
}

const maskAll = (value: unknown, mask: (text: string) => string, seen: WeakSet<object>): unknown => {
  if (typeof value === 'string') return mask(value);
  if (typeof value === 'number') return mask(String(value));
  if (value === null || typeof value !== 'object' || seen.has(value)) return value;
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => maskAll(item, mask, seen));
  // Under a name key a field object ({value, confidence, source: {raw}}) holds the name in several places.
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, maskAll(item, mask, seen)]));
};

/**
 * Masks one key/value pair of a log record: a name key's strings become masked names, an ID key's strings masked ID
 * numbers, and ID numbers inside any other string are masked where they stand. Nested objects under a name or ID
 * key (an extracted field with its source) are masked whole.
 *
 * @example
 * maskLogValue('holderName', '王晓明'); // '王*明'
 */
export function maskLogValue(key: string, value: unknown): unknown {
  const lower = key.toLowerCase();
  if (NAME_KEYS.has(lower)) return maskAll(value, maskName, new WeakSet());
  if (ID_KEYS.has(lower)) return maskAll(value, maskIdNumber, new WeakSet());
  if (FILE_KEYS.has(lower) && typeof value === 'string') return maskFileName(value);
  if (IDENTIFIER_KEY.test(key) && typeof value === 'string') return maskNamesInIdentifier(value);
  if (IDENTIFIER_KEY.test(key) && Array.isArray(value)) return value.map((item) => (typeof item === 'string' ? maskNamesInIdentifier(item) : item));
  if (typeof value === 'string') return maskIdNumbersInText(value);
  return value;
}

/**
 * Deep-masks a whole value (used for tests and for anything printed outside the Logger).
 *
 * @example
 * maskPii({ holderName: '王晓明', note: 'ID 330106199001011234' });
 * // { holderName: '王*明', note: 'ID 3301**********1234' }
 */
export function maskPii<T>(value: T): T {
  const walk = (key: string, item: unknown, seen: WeakSet<object>): unknown => {
    const masked = maskLogValue(key, item);
    if (masked !== item || masked === null || typeof masked !== 'object' || seen.has(masked)) return masked;
    seen.add(masked);
    if (Array.isArray(masked)) return masked.map((entry) => walk('', entry, seen));
    return Object.fromEntries(Object.entries(masked).map(([childKey, child]) => [childKey, walk(childKey, child, seen)]));
  };
  return walk('', value, new WeakSet()) as T;
}
