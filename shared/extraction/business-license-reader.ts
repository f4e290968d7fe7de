import { creditCodeField, labelled, type DocumentContext, type DraftFields } from './document-context.js';
import { LABELS } from './labels.js';
import { continueWrappedValue } from './continuation.js';
import { readAddress, readDateValue, readOrganisationName, readPersonName } from './value-readers.js';

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
  const address = labelled(ctx, LABELS.address, readAddress);
  continueWrappedValue(ctx, address, readAddress);
  const establishedDate = labelled(ctx, LABELS.establishedDate, readDateValue);
  const legalRepresentative = labelled(ctx, LABELS.legalRepresentative, readPersonName);
  if (establishedDate && typeof establishedDate.value === 'string' && establishedDate.value > ctx.today) {
    establishedDate.issues = [...(establishedDate.issues ?? []), 'established_date_in_future'];
  }
  return { companyName, creditCode, address, establishedDate, legalRepresentative };
}
