export * from './errors.js';
export * from './resident-id.js';
export * from './credit-code.js';
export * from './certificate-number.js';
export { readResidentId, readCreditCode, readCertificateNumber, type CodeReading } from './code-reading.js';
export { normaliseText, toHalfWidth, joinSpacedCjk } from './text.js';
export { parseDate, parseMonth, findDates, findMonths, monthsBetween } from './dates.js';
export { parseLevel, CertificateLevel, type CertificateLevelValue, type ParsedLevel } from './levels.js';
export { DEFAULT_REVIEW_THRESHOLD } from './confidence.js';
export { classifyPage, type PageClassification } from './classify.js';
export { buildPageLayout } from './page-layout.js';
export { mayNameEmployerOnlyInSeal } from './agreement-readers.js';
export { crossCheckDocuments, CrossCheckIssue, type CrossCheckOptions } from './cross-check.js';
export { extractDocuments, extractGroupedDocuments, type ExtractOptions, type PageGrouping } from './extract-documents.js';
export {
  withSecondLook,
  regionsToReadAgain,
  regionsByPage,
  pageWithRegionReadAgain,
  answersAsked,
  secondLookRegionSchema,
  MAX_SECOND_LOOKS_PER_PAGE,
  type SecondLookRegion,
  type SecondLookResult,
  type ReadRegionAgain,
} from './second-look.js';
