import { creditCodeField, labelled, type DocumentContext, type DraftField, type DraftFields } from './document-context.js';
import { LABELS } from './labels.js';
import { readAddress, readDateValue, readOrganisationName, readPersonName, readRegistrationNumberValue } from './value-readers.js';

/**
 * The licence's code: the unified social credit code (labelled, else the one valid code printed anywhere), else on
 * a licence issued before 2016 its 15-digit 注册号 (always flagged, see readRegistrationNumberValue).
 */
function licenceCode(ctx: DocumentContext): DraftField | undefined {
  const code = creditCodeField(ctx, LABELS.creditCode);
  if (code && code.issues?.length === 0) return code;
  const registration = labelled(ctx, [...LABELS.registrationNumber, ...LABELS.creditCode], readRegistrationNumberValue);
  if (registration && (!code || !(registration.issues ?? []).some((i) => /failed/.test(i)))) return registration;
  return code ?? registration;
}

/**
 * Reads a business licence (营业执照) of any generation and kind — company, 企业法人, 个体工商户 (经营者, 注册日期),
 * branch (负责人, 营业场所), 正本 or 副本: name, code (统一社会信用代码, or the 15-digit 注册号 of an old licence),
 * domicile, date of establishment and legal representative. Names and addresses are read with the lines they wrap
 * onto; the establishment date is never the date the licence was issued (发照日期, a date under the seal).
 *
 * @example
 * readBusinessLicense(ctx).creditCode?.value; // '91330100716105852F'
 */
export function readBusinessLicense(ctx: DocumentContext): DraftFields {
  const companyName = labelled(ctx, LABELS.companyName, readOrganisationName, { wrap: true });
  const creditCode = licenceCode(ctx);
  const address = labelled(ctx, LABELS.address, readAddress, { wrap: true });
  const establishedDate = labelled(ctx, LABELS.establishedDate, readDateValue);
  const legalRepresentative = labelled(ctx, LABELS.legalRepresentative, readPersonName);
  if (establishedDate && typeof establishedDate.value === 'string' && establishedDate.value > ctx.today) {
    establishedDate.issues = [...(establishedDate.issues ?? []), 'established_date_in_future'];
  }
  return { companyName, creditCode, address, establishedDate, legalRepresentative };
}
