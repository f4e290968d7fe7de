import { validateResidentId } from './resident-id.js';
import { idNumberField, labelled, type DocumentContext, type DraftFields } from './document-context.js';
import { continueWrappedValue } from './continuation.js';
import { readAddress, readDateValue, readPersonName } from './value-readers.js';

/**
 * Reads a resident ID card (front; the back adds nothing we need): name, ID number, address (which wraps over
 * several lines) and birth date, the birth date checked against the one inside the ID number.
 *
 * @example
 * readIdCard(ctx).birthDate?.value; // '1990-01-01'
 */
export function readIdCard(ctx: DocumentContext): DraftFields {
  const name = labelled(ctx, ['姓名'], readPersonName);
  const idNumber = idNumberField(ctx, ['公民身份号码', '身份证号码', '身份证号']);
  const address = labelled(ctx, ['住址', '地址'], readAddress);
  continueWrappedValue(ctx, address, readAddress);
  let birthDate = labelled(ctx, ['出生日期', '出生'], readDateValue);
  const fromId = idNumber && typeof idNumber.value === 'string' ? validateResidentId(idNumber.value, { today: ctx.today }) : undefined;
  if (birthDate && fromId?.valid) {
    if (fromId.birthDate === birthDate.value) birthDate.confidence = 1 - (1 - birthDate.confidence) * 0.2;
    else birthDate.issues = [...(birthDate.issues ?? []), 'birth_date_mismatch_id_number'];
  } else if (!birthDate && fromId?.valid && fromId.birthDate) {
    birthDate = { ...idNumber!, value: fromId.birthDate, issues: [] };
  }
  return { name, idNumber, address, birthDate };
}
