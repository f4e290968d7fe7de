import type { DocumentKind } from '../factory/documents.js';
import { AGREEMENT_FAMILIES } from './agreements.js';
import { CERTIFICATE_FAMILIES } from './certificates.js';
import { IDENTITY_FAMILIES } from './identity.js';
import type { TemplateFamily } from './kit.js';
import { LETTER_FAMILIES } from './letters.js';
import { RECORD_FAMILIES } from './records.js';
import { UNRELATED_FAMILIES } from './unrelated.js';

export * from './kit.js';

/** Every layout family, seen and held out. */
export const TEMPLATE_FAMILIES: readonly TemplateFamily[] = [
  ...CERTIFICATE_FAMILIES,
  ...AGREEMENT_FAMILIES,
  ...LETTER_FAMILIES,
  ...RECORD_FAMILIES,
  ...IDENTITY_FAMILIES,
  ...UNRELATED_FAMILIES,
];

/**
 * The families that can draw a kind of document, seen ones first.
 *
 * @example
 * familiesFor('id_card').map((f) => f.name); // ['id-card/copy', 'id-card/enlarged']
 */
export function familiesFor(kind: DocumentKind): TemplateFamily[] {
  return TEMPLATE_FAMILIES.filter((f) => f.kinds.includes(kind)).sort((a, b) => Number(a.heldOut) - Number(b.heldOut));
}
