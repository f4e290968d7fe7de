import type { RosterColumn, RosterRow } from './roster.js';

/** A certificate read from a batch's files, as matching needs it. */
export interface BatchCertificate {
  documentId: string;
  /** Place of the certificate in its file (a long scan holds one a page). */
  indexInFile: number;
  /** The file it came from, for people. */
  fileName?: string;
  caseId?: string;
  fields: Partial<Record<string, { value: unknown; needsReview?: boolean }>>;
}

/** Roster fields compared with the certificate's, by the certificate's field name. */
export const COMPARED_FIELDS = ['holderName', 'idNumber', 'occupation', 'level', 'certificateNumber', 'issueDate'] as const satisfies readonly RosterColumn[];
export type ComparedField = (typeof COMPARED_FIELDS)[number];

export interface FieldFlag {
  field: ComparedField;
  /** `mismatch`: both have a value and they differ; `unread`: the roster has one, the certificate gave none. */
  kind: 'mismatch' | 'unread';
  roster: unknown;
  certificate: unknown;
}

export interface CertificateMatch {
  rowNumber: number;
  certificate: Pick<BatchCertificate, 'documentId' | 'indexInFile' | 'fileName' | 'caseId'>;
  matchedBy: 'certificateNumber' | 'idNumber' | 'holderName';
  flags: FieldFlag[];
}

export interface BatchMatching {
  matches: CertificateMatch[];
  /** Roster rows no certificate was found for. */
  rowsWithoutCertificate: number[];
  /** Certificates no roster row names. */
  certificatesWithoutRow: Pick<BatchCertificate, 'documentId' | 'indexInFile' | 'fileName' | 'caseId'>[];
  /** Certificate numbers listed on more than one roster row. */
  duplicateRows: { certificateNumber: string; rowNumbers: number[] }[];
}

const compact = (value: unknown): string | undefined => {
  if (value === null || value === undefined) return undefined;
  const text = String(value)
    .replace(/[\s()（）·•]/g, '')
    .toUpperCase();
  return text === '' ? undefined : text;
};

const ref = (certificate: BatchCertificate) => ({
  documentId: certificate.documentId,
  indexInFile: certificate.indexInFile,
  ...(certificate.fileName ? { fileName: certificate.fileName } : {}),
  ...(certificate.caseId ? { caseId: certificate.caseId } : {}),
});

function same(field: ComparedField, roster: unknown, certificate: unknown): boolean {
  const a = compact(roster);
  const b = compact(certificate);
  if (a === undefined || b === undefined) return a === b;
  // Occupations are written long and short (`电工` / `电工（维修电工）`): one containing the other agrees.
  if (field === 'occupation') return a.includes(b) || b.includes(a);
  return a === b;
}

/**
 * Compares a roster row with the certificate's extracted values, field by field.
 *
 * @example
 * compareRow({ rowNumber: 2, holderName: '王晓明', level: 3, issues: [] }, { fields: { holderName: { value: '王小明' }, level: { value: 3 } } });
 * // [{ field: 'holderName', kind: 'mismatch', roster: '王晓明', certificate: '王小明' }]
 */
export function compareRow(row: RosterRow, certificate: Pick<BatchCertificate, 'fields'>): FieldFlag[] {
  const flags: FieldFlag[] = [];
  for (const field of COMPARED_FIELDS) {
    const rosterValue = row[field];
    if (rosterValue === undefined) continue;
    const certificateValue = certificate.fields[field]?.value ?? undefined;
    if (certificateValue === undefined || certificateValue === null || certificateValue === '')
      flags.push({ field, kind: 'unread', roster: rosterValue, certificate: null });
    else if (!same(field, rosterValue, certificateValue)) flags.push({ field, kind: 'mismatch', roster: rosterValue, certificate: certificateValue });
  }
  return flags;
}

/**
 * Pairs each certificate with its roster row — by certificate number, else by ID number, else by a name only one row
 * carries — compares the pair field by field, and reports rows without a certificate, certificates without a row and
 * certificate numbers listed twice in the roster.
 *
 * @example
 * const result = matchBatch(roster.rows, certificates);
 * result.rowsWithoutCertificate; // [7]
 */
export function matchBatch(rows: readonly RosterRow[], certificates: readonly BatchCertificate[]): BatchMatching {
  const free = new Set(rows.map((row) => row.rowNumber));
  const byNumber = new Map<string, RosterRow[]>();
  const byId = new Map<string, RosterRow[]>();
  const byName = new Map<string, RosterRow[]>();
  const add = (map: Map<string, RosterRow[]>, key: string | undefined, row: RosterRow) => {
    if (key) map.set(key, [...(map.get(key) ?? []), row]);
  };
  for (const row of rows) {
    add(byNumber, compact(row.certificateNumber), row);
    add(byId, compact(row.idNumber), row);
    add(byName, compact(row.holderName), row);
  }
  const take = (candidates: RosterRow[] | undefined, unique = false): RosterRow | undefined => {
    const open = (candidates ?? []).filter((row) => free.has(row.rowNumber));
    if (unique && (candidates?.length ?? 0) !== 1) return undefined;
    return open[0];
  };

  const matches: CertificateMatch[] = [];
  const certificatesWithoutRow: BatchMatching['certificatesWithoutRow'] = [];
  for (const certificate of certificates) {
    const number = compact(certificate.fields.certificateNumber?.value);
    const id = compact(certificate.fields.idNumber?.value);
    const name = compact(certificate.fields.holderName?.value);
    let matchedBy: CertificateMatch['matchedBy'] = 'certificateNumber';
    let row = number ? take(byNumber.get(number)) : undefined;
    if (!row && id) [row, matchedBy] = [take(byId.get(id)), 'idNumber'];
    if (!row && name) [row, matchedBy] = [take(byName.get(name), true), 'holderName'];
    if (!row) {
      certificatesWithoutRow.push(ref(certificate));
      continue;
    }
    free.delete(row.rowNumber);
    matches.push({ rowNumber: row.rowNumber, certificate: ref(certificate), matchedBy, flags: compareRow(row, certificate) });
  }
  const duplicateRows = [...byNumber.entries()]
    .filter(([, list]) => list.length > 1)
    .map(([certificateNumber, list]) => ({ certificateNumber, rowNumbers: list.map((row) => row.rowNumber) }));
  return {
    matches: matches.sort((a, b) => a.rowNumber - b.rowNumber),
    rowsWithoutCertificate: [...free].sort((a, b) => a - b),
    certificatesWithoutRow,
    duplicateRows,
  };
}
