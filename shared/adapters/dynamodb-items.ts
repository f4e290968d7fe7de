import { createHash, createHmac } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { ItemTooLargeError } from './dynamodb-errors.js';

/**
 * Attributes that belong to the table layout rather than to the stored entity (keys, index keys, bookkeeping).
 * They are stripped when an item is read back into a domain object.
 */
export const layoutAttributes = [
  'PK',
  'SK',
  'GSI1PK',
  'GSI1SK',
  'GSI2PK',
  'GSI2SK',
  'GSI3PK',
  'GSI3SK',
  'GSI4PK',
  'GSI4SK',
  'entity',
  'heldClaimKeys',
  'findKeys',
  'expiresAt',
  'documentsGz',
] as const;

/** A large attribute stays readable JSON up to this size; beyond it, it is stored gzip-compressed (see docs/data-model.md). */
export const compressAboveBytes = 64 * 1024;

/**
 * A case's documents are compressed from this size on: DynamoDB Local parses the whole case item for every index entry
 * it reads or writes, whatever the projection, so a case kept as a 25 KB map made each claim about twice as slow as
 * the same case with its documents gzipped (docs/data-model.md, Claiming). On AWS it also cuts the item's read and
 * write units.
 */
export const caseDocumentsCompressAboveBytes = 1024;

/** DynamoDB's item limit is 400 KB; keep a margin for attribute names and number encoding. */
export const maxItemBytes = 390 * 1024;

/** Default key for pseudonymous look-up keys locally; on AWS set INTAKE_LOOKUP_KEY_SECRET (see docs/data-model.md). */
const developmentLookupSecret = 'skill-subsidy-intake-development-lookup-key';

/**
 * The key material for look-up keys that would otherwise carry personal data (ID numbers, claim keys holding them).
 *
 * @example
 * const secret = lookupSecretFromEnv();
 */
export function lookupSecretFromEnv(): string {
  const configured = process.env.INTAKE_LOOKUP_KEY_SECRET;
  if (!configured && process.env.AWS_LAMBDA_FUNCTION_NAME && !warnedAboutDevelopmentSecret) {
    // On AWS the development key would make the person index keys reversible by anyone with the source code.
    warnedAboutDevelopmentSecret = true;
    console.warn('INTAKE_LOOKUP_KEY_SECRET is not set: person and claim-key index keys use the development key');
  }
  return configured || developmentLookupSecret;
}

let warnedAboutDevelopmentSecret = false;

/**
 * A keyed hash (HMAC-SHA256, hex) of a value, so index and item keys never hold an ID number in clear: keys show up
 * in CloudWatch Contributor Insights, error messages and logs, where attributes do not.
 *
 * @example
 * pseudonymKey('330106199001011234', secret); // → '5f1c…'
 */
export function pseudonymKey(value: string, secret: string): string {
  return createHmac('sha256', secret).update(value).digest('hex');
}

/**
 * A plain SHA-256 (hex) of the parts, for keys that are merely long or carry file names.
 *
 * @example
 * digestKey('intake', 'incoming/s1/王晓明.pdf', 'etag'); // → 'a3…'
 */
export function digestKey(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex');
}

/**
 * Stores `value` under `name` as is when its JSON is small, or gzip-compressed under `${name}Gz` when large.
 *
 * @example
 * Object.assign(item, packAttribute('documents', record.documents));
 */
export function packAttribute(name: string, value: unknown, compressAbove: number = compressAboveBytes): Record<string, unknown> {
  if (value === undefined) return {};
  const json = JSON.stringify(value);
  if (Buffer.byteLength(json) <= compressAbove) return { [name]: value };
  return { [`${name}Gz`]: gzipSync(json) };
}

/**
 * Reverses packAttribute on an item read back from the table.
 *
 * @example
 * const documents = unpackAttribute(item, 'documents');
 */
export function unpackAttribute(item: Record<string, unknown>, name: string): unknown {
  const packed = item[`${name}Gz`];
  if (packed instanceof Uint8Array) return JSON.parse(gunzipSync(packed).toString('utf8'));
  return item[name];
}

/** Drops the layout attributes, leaving the entity's own. */
export function entityAttributes(item: Record<string, unknown>): Record<string, unknown> {
  const copy = { ...item };
  for (const name of layoutAttributes) delete copy[name];
  return copy;
}

/**
 * Refuses an item DynamoDB would refuse with an opaque ValidationException, naming the entity instead.
 *
 * @example
 * assertItemFits(item, 'case', caseId);
 */
export function assertItemFits(item: Record<string, unknown>, entity: string, id: string): void {
  const bytes = approximateItemBytes(item);
  if (bytes > maxItemBytes) throw new ItemTooLargeError(entity, id, bytes);
}

/** Close to DynamoDB's own count: names plus values, binary counted by length. */
export function approximateItemBytes(item: Record<string, unknown>): number {
  let bytes = 0;
  for (const [name, value] of Object.entries(item)) {
    bytes += Buffer.byteLength(name);
    bytes += value instanceof Uint8Array ? value.byteLength : Buffer.byteLength(JSON.stringify(value) ?? '');
  }
  return bytes;
}

/**
 * Opaque pagination cursors: the LastEvaluatedKey, base64url JSON.
 *
 * @example
 * const cursor = encodeCursor(result.LastEvaluatedKey);
 */
export function encodeCursor(lastEvaluatedKey: Record<string, unknown> | undefined): string | undefined {
  return lastEvaluatedKey ? Buffer.from(JSON.stringify(lastEvaluatedKey)).toString('base64url') : undefined;
}

/** Reverses encodeCursor; undefined for a malformed cursor (the caller raises InvalidCursorError). */
export function decodeCursor(cursor: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
    if (!Object.values(parsed).every((v) => typeof v === 'string')) return undefined;
    return parsed as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** Waits a little, randomised, before retrying a conflicting transaction. */
export function jitter(attempt: number): Promise<void> {
  const ms = Math.random() * 20 * 2 ** attempt;
  return new Promise((resolve) => setTimeout(resolve, ms));
}
