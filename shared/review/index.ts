export * from './api-schemas.js';
export * from './errors.js';
export {
  ReviewRole,
  reviewRoleSchema,
  principalSchema,
  isStaff,
  requireRole,
  institutionOf,
  assertMayRead,
  type Principal,
  type ReviewRoleName,
} from './principal.js';
export { principalFromClaims, type ReviewTokenClaims } from './claims.js';
export { DevSignIn, DEV_USERS, type DevUser } from './dev-sign-in.js';
export { PageImages, type PageImage, type PageImageDeps } from './page-images.js';
export { ReviewService, summaryOf, queueTitle, type ReviewServiceDeps } from './review-service.js';
export { createReviewApi, openApiDocument, detailOf, bearerAuthenticator, type Authenticate, type ReviewApiDeps } from './router.js';
export { FINAL_DOCUMENT_STATES } from '../cases/document-record.js';
export { BatchService, checkBatchFiles, listItemOf, type BatchServiceDeps, type ListableBatchStore, type CompletingUploadSigner } from './batch-service.js';
export {
  SubmissionService,
  submissionDetailSchema,
  submissionFileSchema,
  type SubmissionDetail,
  type SubmissionFile,
  type SubmissionServiceDeps,
} from './submission-service.js';
export { ReportService, registerReportRoutes, targetsReportQuerySchema, type ReportServiceDeps } from './report-routes.js';
export { CaseSearchService } from './case-search-service.js';
