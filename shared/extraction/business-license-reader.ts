import { creditCodeField, labelled, type DocumentContext, type DraftFields } from './document-context.js';
import { LABELS } from './labels.js';
import { readDateValue, readFreeText, readOrganisationName, readPersonName } from './value-readers.js';

/**
 * Reads a business licence (营业执照): name, credit code (printed at the top, often without a colon), domicile,
 * date of establishment and legal representative.
 *
 * @example
 * readBusinessLicense(ctx).creditCode?.value; // '91330100716105852F'
 */
export function readBusinessLicense(ctx: DocumentContext): DraftFields {
  const companyName = labelled(ctx, LABELS.companyName, readOrganisationName);
  const creditCode = creditCodeField(ctx, LABELS.creditCode);
  const address = labelled(ctx, LABELS.address, readFreeText);
  const establishedDate = labelled(ctx, LABELS.establishedDate, readDateValue);
  const legalRepresentative = labelled(ctx, LABELS.legalRepresentative, readPersonName);
  if (address) address.confidence *= 0.97; // Addresses wrap and carry no check: lean towards review.
  if (establishedDate && typeof establishedDate.value === 'string' && establishedDate.value > ctx.today) {
    establishedDate.issues = [...(establishedDate.issues ?? []), 'established_date_in_future'];
  }
  return { companyName, creditCode, address, establishedDate, legalRepresentative };
}
