/**
 * The review API as one Hono app (routes relative to `/api`): the same app runs behind API Gateway (functions/api)
 * and inside `npm start` (local/http-server.ts). Each route is declared once in `routes` with its zod schemas; the
 * handlers validate with them and `/openapi.json` is generated from them.
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { displayedOutcome, shownReasons } from '../cases/displayed-outcome.js';
import { caseFindings } from '../cases/findings.js';
import type { ReviewCase } from '../cases/review-case.js';
import { paymentRowSchema, paymentRows, paymentsCsv, paymentsXlsx } from '../exports/index.js';
import {
  approveRequestSchema,
  batchListResponseSchema,
  batchProgressSchema,
  batchResponseSchema,
  caseDetailSchema,
  completeUploadRequestSchema,
  completeUploadResponseSchema,
  createBatchRequestSchema,
  createBatchResponseSchema,
  caseListQuerySchema,
  caseListResponseSchema,
  caseSearchQuerySchema,
  caseSearchResponseSchema,
  caseSummarySchema,
  confirmCleanResponseSchema,
  confirmRequestSchema,
  correctFieldsRequestSchema,
  devUsersResponseSchema,
  errorBodySchema,
  meResponseSchema,
  paymentsQuerySchema,
  queuesResponseSchema,
  rejectRequestSchema,
  releaseRequestSchema,
  requestDocumentsRequestSchema,
  signInRequestSchema,
  signInResponseSchema,
  type CaseDetail,
  institutionCaseViewSchema,
  resolveFindingRequestSchema,
  type InstitutionCaseView,
  recordEvidenceRequestSchema,
  classifyRequestSchema,
  regroupPagesRequestSchema,
  declineRequestSchema,
  recoveryRequestSchema,
} from './api-schemas.js';
import { caseTextOf } from './case-text.js';
import { CASE_STATUS_ZH, clerkText, DOCUMENT_TITLES_ZH, unconfirmedFigures } from '../cases/labels-zh.js';
import { PROGRAMME_TITLES, programmeIdSchema } from '../policy/programmes.js';
import { listItemOf, type BatchService } from './batch-service.js';
import type { CaseSearchService } from './case-search-service.js';
import type { DevSignIn } from './dev-sign-in.js';
import { InvalidRequestError, NotAuthenticatedError, httpErrorOf } from './errors.js';
import type { PageImages } from './page-images.js';
import { isStaff, type Principal } from './principal.js';
import { REPORT_COMPONENTS, REPORT_ROUTES, registerReportRoutes, type ReportService } from './report-routes.js';
import { requestLimits } from './request-limits.js';
import { ReviewService, summaryOf } from './review-service.js';
import { submissionDetailSchema, type SubmissionService } from './submission-service.js';

/** Finds the caller of a request; throws NotAuthenticatedError (401) when there is none. */
export type Authenticate = (c: Context) => Promise<Principal>;

export interface ReviewApiDeps {
  review: ReviewService;
  pages: PageImages;
  authenticate: Authenticate;
  /** Local development sign-in (`POST /auth/sign-in`); never given on AWS, where Cognito signs users in. */
  devSignIn?: DevSignIn;
  /** Training institutions' batches (`/batches…`); the routes answer 404 `no_route` without it. */
  batches?: BatchService;
  /** What came in under a submission id (`/submissions/{id}`); the route answers 404 `no_route` without it. */
  submissions?: SubmissionService;
  /** Supervisors' reports (`/reports…`, report-routes.ts); the routes answer 404 `no_route` without it. */
  reports?: ReportService;
  /** Staff's case lists and search (`GET /cases`); the route answers 404 `no_route` without it. */
  search?: CaseSearchService;
  /** Where the API is mounted, for the page URLs in case details. */
  basePath?: string;
}

type Method = 'get' | 'post' | 'patch';

/** One route as the OpenAPI document lists it. */
interface RouteDoc {
  method: Method;
  path: string;
  summary: string;
  roles: string;
  body?: string;
  response?: string;
  responseContent?: Record<string, string>;
  query?: z.ZodObject | z.ZodType;
  /** Statuses besides 200 this route answers. */
  errors: number[];
}

/** Named schemas of the OpenAPI document's components. */
const COMPONENTS: Record<string, z.ZodType> = {
  Error: errorBodySchema,
  Queues: queuesResponseSchema,
  CaseSummary: caseSummarySchema,
  CaseList: caseListResponseSchema,
  CaseSearchResult: caseSearchResponseSchema,
  CaseDetail: caseDetailSchema,
  InstitutionCaseView: institutionCaseViewSchema,
  ResolveFindingRequest: resolveFindingRequestSchema,
  CorrectFieldsRequest: correctFieldsRequestSchema,
  ConfirmRequest: confirmRequestSchema,
  RejectRequest: rejectRequestSchema,
  RequestDocumentsRequest: requestDocumentsRequestSchema,
  ReleaseRequest: releaseRequestSchema,
  ApproveRequest: approveRequestSchema,
  RecordEvidenceRequest: recordEvidenceRequestSchema,
  ClassifyRequest: classifyRequestSchema,
  RegroupPagesRequest: regroupPagesRequestSchema,
  DeclineRequest: declineRequestSchema,
  RecoveryRequest: recoveryRequestSchema,
  Batch: batchResponseSchema,
  ConfirmCleanResult: confirmCleanResponseSchema,
  Submission: submissionDetailSchema,
  PaymentRow: paymentRowSchema,
  CreateBatchRequest: createBatchRequestSchema,
  CreatedBatch: createBatchResponseSchema,
  BatchList: batchListResponseSchema,
  CompleteUploadRequest: completeUploadRequestSchema,
  CompletedUpload: completeUploadResponseSchema,
  BatchProgress: batchProgressSchema,
  Me: meResponseSchema,
  SignInRequest: signInRequestSchema,
  SignInResponse: signInResponseSchema,
  DevUsers: devUsersResponseSchema,
  ...REPORT_COMPONENTS,
};

const STATUS_TEXT: Record<number, string> = {
  204: 'Nothing to return (no case waits)',
  400: 'The request does not match its schema',
  401: 'No valid token',
  403: 'The caller may not do this',
  404: 'Not found',
  409: 'Conflict: stale version, leased to another clerk, or a state that does not allow it',
  422: 'Cannot be done as asked (flagged fields left, not payable, unknown field)',
};

const ROUTES: RouteDoc[] = [
  { method: 'get', path: '/me', summary: 'The caller', roles: 'any', response: 'Me', errors: [401] },
  {
    method: 'get',
    path: '/queues',
    summary: 'Review queues with how many cases wait in each',
    roles: 'clerk, supervisor',
    response: 'Queues',
    errors: [401, 403],
  },
  {
    method: 'get',
    path: '/queues/{queue}/cases',
    summary: 'Cases waiting in a queue, oldest first, with a cursor',
    roles: 'clerk, supervisor',
    query: caseListQuerySchema,
    response: 'CaseList',
    errors: [400, 401, 403],
  },
  {
    method: 'get',
    path: '/cases',
    summary:
      'Cases by state (status), my cases (mine=1: held or confirmed by me) and search (q: case id, ID number, name, certificate number), newest first, paged, with the count of every state',
    roles: 'clerk, supervisor',
    query: caseSearchQuerySchema,
    response: 'CaseSearchResult',
    errors: [400, 401, 403],
  },
  {
    method: 'post',
    path: '/queues/{queue}/claim',
    summary: 'Claim the next unclaimed case under a lease (204 when none waits)',
    roles: 'clerk, supervisor',
    response: 'CaseDetail',
    errors: [204, 401, 403],
  },
  {
    method: 'get',
    path: '/cases/{caseId}',
    summary: 'The case: documents, pages, fields with boxes, decision, audit trail, version',
    roles: 'clerk, supervisor; an institution (own cases) gets InstitutionCaseView',
    response: 'CaseDetail',
    errors: [401, 404],
  },
  {
    method: 'patch',
    path: '/cases/{caseId}/fields',
    summary: 'Correct (or accept) fields with the version read; the rules run again',
    roles: 'clerk, supervisor',
    body: 'CorrectFieldsRequest',
    response: 'CaseDetail',
    errors: [400, 401, 403, 404, 409, 422],
  },
  {
    method: 'post',
    path: '/cases/{caseId}/confirm',
    summary: 'Confirm what was read (nothing flagged left)',
    roles: 'clerk, supervisor',
    body: 'ConfirmRequest',
    response: 'CaseDetail',
    errors: [400, 401, 403, 404, 409, 422],
  },
  {
    method: 'post',
    path: '/cases/{caseId}/findings/{code}/resolve',
    summary: 'Settle a finding (e.g. different_persons) with what the clerk saw',
    roles: 'clerk, supervisor',
    body: 'ResolveFindingRequest',
    response: 'CaseDetail',
    errors: [400, 401, 403, 404, 409],
  },
  {
    method: 'post',
    path: '/cases/{caseId}/reject',
    summary: 'Reject with a reason',
    roles: 'clerk, supervisor',
    body: 'RejectRequest',
    response: 'CaseDetail',
    errors: [400, 401, 403, 404, 409],
  },
  {
    method: 'post',
    path: '/cases/{caseId}/request-documents',
    summary: 'Ask the applicant for documents',
    roles: 'clerk, supervisor',
    body: 'RequestDocumentsRequest',
    response: 'CaseDetail',
    errors: [400, 401, 403, 404, 409],
  },
  {
    method: 'post',
    path: '/cases/{caseId}/release',
    summary: 'Give a claimed case back to its queue',
    roles: 'lease holder, supervisor',
    body: 'ReleaseRequest',
    response: 'CaseDetail',
    errors: [400, 401, 403, 404, 409],
  },
  {
    method: 'post',
    path: '/cases/{caseId}/evidence',
    summary: 'Record evidence seen that settles an open point of a 待核对 decision (居住证, 本地就业, 社保…); the rules run again',
    roles: 'clerk, supervisor',
    body: 'RecordEvidenceRequest',
    response: 'CaseDetail',
    errors: [400, 401, 403, 404, 409],
  },
  {
    method: 'post',
    path: '/cases/{caseId}/classify',
    summary: "Classify an unclassified case: the programme and each untyped document's type; the rules run again",
    roles: 'clerk, supervisor',
    body: 'ClassifyRequest',
    response: 'CaseDetail',
    errors: [400, 401, 403, 404, 409, 422],
  },
  {
    method: 'post',
    path: '/cases/{caseId}/pages',
    summary:
      "Split or merge a file's pages into documents (a page holding two documents in two, each read from its part); read again from the stored pages (no OCR), the rules run again. Idempotent",
    roles: 'clerk, supervisor',
    body: 'RegroupPagesRequest',
    response: 'CaseDetail',
    errors: [400, 401, 403, 404, 409, 422],
  },
  {
    method: 'post',
    path: '/cases/{caseId}/decline',
    summary: 'Close the case as 不予补贴 with a reason (not a payable case)',
    roles: 'clerk, supervisor',
    body: 'DeclineRequest',
    response: 'CaseDetail',
    errors: [400, 401, 403, 404, 409],
  },
  {
    method: 'post',
    path: '/cases/{caseId}/recovery',
    summary: 'Record money to be recovered from a paid case (XH36-4.2 追回已拨付资金)',
    roles: 'supervisor',
    body: 'RecoveryRequest',
    response: 'CaseDetail',
    errors: [400, 401, 403, 404, 409, 422],
  },
  {
    method: 'post',
    path: '/cases/{caseId}/approve',
    summary: 'Approve payment (supervisor, not the confirming clerk)',
    roles: 'supervisor',
    body: 'ApproveRequest',
    response: 'CaseDetail',
    errors: [400, 401, 403, 404, 409, 422],
  },
  {
    method: 'get',
    path: '/documents/{documentId}/pages/{pageNumber}',
    summary: 'The page image (locally the bytes; on AWS a redirect to a short-lived presigned URL)',
    roles: 'clerk, supervisor, institution (own cases)',
    responseContent: { 'image/png': 'binary', 'image/jpeg': 'binary' },
    errors: [302, 401, 403, 404],
  },
  {
    method: 'get',
    path: '/submissions/{submissionId}',
    summary: 'What came in: the e-mail (sender, subject, body) and every file with its state, refused ones with why',
    roles: 'clerk, supervisor',
    response: 'Submission',
    errors: [401, 404],
  },
  {
    method: 'get',
    path: '/submissions/{submissionId}/cases',
    summary: "An upload's cases with their states (batch view)",
    roles: 'clerk, supervisor, institution (own uploads)',
    response: 'Batch',
    errors: [401, 403],
  },
  {
    method: 'post',
    path: '/submissions/{submissionId}/confirm-clean',
    summary: 'Confirm every open case of the upload with nothing flagged',
    roles: 'clerk, supervisor',
    response: 'ConfirmCleanResult',
    errors: [401, 403],
  },
  {
    method: 'get',
    path: '/batches',
    summary: "The caller's institution's batches, newest first",
    roles: 'institution (own batches; staff get an empty list)',
    response: 'BatchList',
    errors: [401, 403],
  },
  {
    method: 'post',
    path: '/batches',
    summary: "Create a batch (roster + certificate files) for the caller's institution and get presigned upload URLs (multipart for large files)",
    roles: 'institution',
    body: 'CreateBatchRequest',
    response: 'CreatedBatch',
    errors: [400, 401, 403, 422],
  },
  {
    method: 'post',
    path: '/batches/{batchId}/uploads/complete',
    summary: "Complete a multipart upload of one of the batch's files with the ETags of its parts",
    roles: 'institution (own batches)',
    body: 'CompleteUploadRequest',
    response: 'CompletedUpload',
    errors: [400, 401, 403, 404, 422],
  },
  {
    method: 'get',
    path: '/batches/{batchId}',
    summary: 'Batch progress: documents by state and pages, cases by state, roster matching, amounts under XH36-3.7.a/b',
    roles: 'clerk, supervisor, institution (own batches)',
    response: 'BatchProgress',
    errors: [401, 403, 404],
  },
  {
    method: 'get',
    path: '/batches/{batchId}/report.xlsx',
    summary: 'The batch report workbook (counts by state, amounts, the roster matched against the certificates)',
    roles: 'clerk, supervisor, institution (own batches)',
    responseContent: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'binary' },
    errors: [401, 403, 404],
  },
  {
    method: 'get',
    path: '/exports/payments',
    summary: 'Approved payments between from and to (approval day, Beijing time), as XLSX (default), CSV or JSON',
    roles: 'supervisor',
    query: paymentsQuerySchema,
    responseContent: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'binary', 'text/csv': 'text', 'application/json': 'PaymentRow[]' },
    errors: [400, 401, 403],
  },
  ...(REPORT_ROUTES as unknown as RouteDoc[]),
];

const DEV_ROUTES: RouteDoc[] = [
  { method: 'get', path: '/auth/users', summary: 'Local only: the seeded users', roles: 'anyone (local stack only)', response: 'DevUsers', errors: [] },
  {
    method: 'post',
    path: '/auth/sign-in',
    summary: 'Local only: a signed token for a seeded user',
    roles: 'anyone (local stack only)',
    body: 'SignInRequest',
    response: 'SignInResponse',
    errors: [400, 401],
  },
];

/**
 * The OpenAPI 3.1 document of the API, its schemas generated from the zod schemas the handlers validate with.
 *
 * @example
 * const doc = openApiDocument({ devSignIn: true }); // doc.paths['/api/cases/{caseId}'].get
 */
export function openApiDocument(options: { devSignIn?: boolean; basePath?: string } = {}): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(COMPONENTS)) registry.add(schema, { id });
  const generated = z.toJSONSchema(registry, { uri: (id) => `#/components/schemas/${id}`, unrepresentable: 'any', io: 'input' }) as {
    schemas: Record<string, Record<string, unknown>>;
  };
  const schemas = Object.fromEntries(
    Object.entries(generated.schemas).map(([id, schema]) => {
      const { $schema: _s, $id: _i, ...rest } = schema;
      return [id, rest];
    }),
  );
  const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
  const base = options.basePath ?? '/api';
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of [...ROUTES, ...(options.devSignIn ? DEV_ROUTES : [])]) {
    const pathParams = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: m[1] === 'pageNumber' ? 'integer' : 'string' },
    }));
    const queryParams = route.query
      ? Object.entries(
          (z.toJSONSchema(route.query, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, unknown>; required?: string[] }).properties ??
            {},
        ).map(([name, schema]) => ({
          name,
          in: 'query',
          required: ((z.toJSONSchema(route.query!, { io: 'input', unrepresentable: 'any' }) as { required?: string[] }).required ?? []).includes(name),
          schema,
        }))
      : [];
    const responses: Record<string, unknown> = {};
    if (route.response) responses['200'] = { description: 'OK', content: { 'application/json': { schema: ref(route.response) } } };
    if (route.responseContent) {
      responses['200'] = {
        description: 'OK',
        content: Object.fromEntries(
          Object.entries(route.responseContent).map(([type, kind]) => [
            type,
            {
              schema:
                kind === 'PaymentRow[]'
                  ? { type: 'array', items: ref('PaymentRow') }
                  : kind === 'binary'
                    ? { type: 'string', format: 'binary' }
                    : { type: 'string' },
            },
          ]),
        ),
      };
    }
    for (const status of route.errors) {
      responses[String(status)] =
        status === 204 || status === 302
          ? { description: status === 302 ? 'Redirect to a presigned URL (AWS)' : STATUS_TEXT[status] }
          : { description: STATUS_TEXT[status], content: { 'application/json': { schema: ref('Error') } } };
    }
    (paths[`${base}${route.path}`] ??= {})[route.method] = {
      summary: route.summary,
      description: `Who: ${route.roles}.`,
      ...(pathParams.length + queryParams.length > 0 ? { parameters: [...pathParams, ...queryParams] } : {}),
      ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: ref(route.body) } } } } : {}),
      responses,
      ...(route.roles.startsWith('anyone') ? { security: [] } : {}),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Skill Subsidy Intake — review API',
      version: '1.0.0',
      description: 'Clerks confirm what the machine read; supervisors approve; finance gets the payments.',
    },
    security: [{ bearer: [] }],
    components: { schemas, securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    paths,
  };
}

async function body<T>(c: Context, schema: z.ZodType<T>): Promise<T> {
  let raw: unknown;
  try {
    const text = await c.req.text();
    raw = text.trim() === '' ? {} : JSON.parse(text);
  } catch (error) {
    throw new InvalidRequestError('body is not JSON', { cause: error });
  }
  return parse(schema, raw);
}

function parse<T>(schema: z.ZodType<T>, raw: unknown): T {
  const result = schema.safeParse(raw);
  if (!result.success) throw new InvalidRequestError(result.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; '));
  return result.data;
}

/**
 * The review API.
 *
 * @example
 * const api = createReviewApi({ review, pages, authenticate: bearerAuthenticator(signIn), devSignIn: signIn });
 * const response = await api.request('/queues', { headers: { authorization: `Bearer ${token}` } });
 */
export function createReviewApi(deps: ReviewApiDeps): Hono<{ Variables: { principal: Principal } }> {
  const app = new Hono<{ Variables: { principal: Principal } }>();
  const base = deps.basePath ?? '/api';
  const { review } = deps;

  app.onError((error, c) => {
    const { status, body: errorBody } = httpErrorOf(error);
    if (status === 500) console.error('review API error', error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    return c.json(errorBody, status);
  });
  app.notFound((c) => c.json({ error: { code: 'no_route', message: `no route ${c.req.method} ${c.req.path}`, zh: '接口不存在' } }, 404));
  // Before anything reads a body or looks an id up: bounded bodies, ids no longer than an id can be.
  app.use('*', requestLimits());

  const openApi = openApiDocument({ devSignIn: Boolean(deps.devSignIn), basePath: base });
  app.get('/openapi.json', (c) => c.json(openApi));

  if (deps.devSignIn) {
    const signIn = deps.devSignIn;
    app.get('/auth/users', (c) =>
      c.json(
        devUsersResponseSchema.parse({
          users: signIn.users.map((u) => ({
            userId: u.username,
            displayName: u.name,
            roles: u.groups,
            ...(u.institutionId ? { institutionId: u.institutionId } : {}),
          })),
        }),
      ),
    );
    app.post('/auth/sign-in', async (c) => {
      const { username } = await body(c, signInRequestSchema);
      const { token, principal } = await signIn.signIn(username);
      return c.json(signInResponseSchema.parse({ token, user: principal }));
    });
  }

  // Everything below needs a caller.
  app.use('*', async (c, next) => {
    c.set('principal', await deps.authenticate(c));
    await next();
  });

  const detail = async (principal: Principal, caseId: string): Promise<CaseDetail> => {
    const { reviewCase, audit } = await review.read(principal, caseId);
    return detailOf(reviewCase, audit, base, principal, review.currentTime());
  };
  /** After a write (staff only, so no access check to repeat): the case as written, with its new audit trail. */
  /** A case as the case view reads it, with its audit trail. */
  const detailBody = (c: Context<{ Variables: { principal: Principal } }>, written: ReviewCase, audit: CaseDetail['audit']) =>
    caseDetailSchema.parse(detailOf(written, audit, base, c.get('principal'), review.currentTime()));
  const answer = async (c: Context<{ Variables: { principal: Principal } }>, written: ReviewCase) => {
    return c.json(detailBody(c, written, await review.trail(written.caseId)));
  };

  app.get('/me', (c) => c.json(meResponseSchema.parse(c.get('principal'))));
  app.get('/queues', async (c) => c.json(queuesResponseSchema.parse({ queues: await review.queues(c.get('principal')) })));
  app.get('/queues/:queue/cases', async (c) => {
    const query = parse(caseListQuerySchema, c.req.query());
    return c.json(caseListResponseSchema.parse(await review.listQueue(c.get('principal'), c.req.param('queue'), query)));
  });
  app.post('/queues/:queue/claim', async (c) => {
    // Where the claim's time goes on the server, as a Server-Timing header (the API bench sets it beside the
    // adapter's split): the claim in the store, the audit trail (0 when read beside the claim), the answer built.
    const started = performance.now();
    const claimed = await review.claim(c.get('principal'), c.req.param('queue'));
    const claimedAt = performance.now();
    if (!claimed) {
      c.header('server-timing', `claim;dur=${(claimedAt - started).toFixed(1)}`);
      return c.body(null, 204);
    }
    // The trail as the claim left it, read beside the claim's write (no second round trip to the store after it).
    const audit = await review.trailOfClaimed(claimed);
    const trailAt = performance.now();
    const text = JSON.stringify(detailBody(c, claimed, audit));
    const builtAt = performance.now();
    c.header(
      'server-timing',
      [`claim;dur=${(claimedAt - started).toFixed(1)}`, `trail;dur=${(trailAt - claimedAt).toFixed(1)}`, `answer;dur=${(builtAt - trailAt).toFixed(1)}`].join(
        ', ',
      ),
    );
    return c.body(text, 200, { 'content-type': 'application/json' });
  });
  if (deps.search) {
    const search = deps.search;
    app.get('/cases', async (c) => {
      const query = parse(caseSearchQuerySchema, c.req.query());
      c.header('cache-control', 'no-store');
      return c.json(caseSearchResponseSchema.parse(await search.list(c.get('principal'), query)));
    });
  }
  app.get('/cases/:caseId', async (c) => {
    const principal = c.get('principal');
    const shown = await detail(principal, c.req.param('caseId'));
    // A training body gets its own view: never the staff's notes, user ids or correction history.
    return isStaff(principal) ? c.json(caseDetailSchema.parse(shown)) : c.json(institutionCaseViewSchema.parse(institutionViewOf(shown)));
  });
  app.patch('/cases/:caseId/fields', async (c) => {
    const request = await body(c, correctFieldsRequestSchema);
    return answer(c, await review.correctFields(c.get('principal'), c.req.param('caseId'), request));
  });
  app.post('/cases/:caseId/confirm', async (c) => {
    const { version } = await body(c, confirmRequestSchema);
    return answer(c, await review.confirm(c.get('principal'), c.req.param('caseId'), version));
  });
  app.post('/cases/:caseId/findings/:code/resolve', async (c) => {
    const { version, key, note } = await body(c, resolveFindingRequestSchema);
    return answer(c, await review.resolveFinding(c.get('principal'), c.req.param('caseId'), version, { code: c.req.param('code'), key, note }));
  });
  app.post('/cases/:caseId/reject', async (c) => {
    const { version, reason } = await body(c, rejectRequestSchema);
    return answer(c, await review.reject(c.get('principal'), c.req.param('caseId'), version, reason));
  });
  app.post('/cases/:caseId/request-documents', async (c) => {
    const { version, documents, note } = await body(c, requestDocumentsRequestSchema);
    return answer(c, await review.requestDocuments(c.get('principal'), c.req.param('caseId'), version, documents, note));
  });
  app.post('/cases/:caseId/release', async (c) => {
    const { version } = await body(c, releaseRequestSchema);
    return answer(c, await review.release(c.get('principal'), c.req.param('caseId'), version));
  });
  app.post('/cases/:caseId/evidence', async (c) => {
    const { version, ...evidence } = await body(c, recordEvidenceRequestSchema);
    return answer(c, await review.recordEvidence(c.get('principal'), c.req.param('caseId'), version, evidence));
  });
  app.post('/cases/:caseId/classify', async (c) => {
    const { version, ...classification } = await body(c, classifyRequestSchema);
    return answer(c, await review.classify(c.get('principal'), c.req.param('caseId'), version, classification));
  });
  app.post('/cases/:caseId/pages', async (c) => {
    const { version, ...grouping } = await body(c, regroupPagesRequestSchema);
    return answer(c, await review.regroupPages(c.get('principal'), c.req.param('caseId'), version, grouping));
  });
  app.post('/cases/:caseId/decline', async (c) => {
    const { version, reason } = await body(c, declineRequestSchema);
    return answer(c, await review.decline(c.get('principal'), c.req.param('caseId'), version, reason));
  });
  app.post('/cases/:caseId/recovery', async (c) => {
    const { version, ...recovery } = await body(c, recoveryRequestSchema);
    return answer(c, await review.recordRecovery(c.get('principal'), c.req.param('caseId'), version, recovery));
  });
  app.post('/cases/:caseId/approve', async (c) => {
    const { version } = await body(c, approveRequestSchema);
    return answer(c, await review.approve(c.get('principal'), c.req.param('caseId'), version));
  });
  app.get('/documents/:documentId/pages/:pageNumber', async (c) => {
    const pageNumber = parse(z.coerce.number().int().positive(), c.req.param('pageNumber'));
    const image = await deps.pages.get(c.get('principal'), c.req.param('documentId'), pageNumber);
    if (image.kind === 'link') {
      c.header('cache-control', 'no-store');
      return c.redirect(image.url, 302);
    }
    c.header('content-type', image.contentType);
    c.header('cache-control', 'private, max-age=300');
    return c.body(image.bytes as Uint8Array<ArrayBuffer>);
  });
  if (deps.submissions) {
    const submissions = deps.submissions;
    app.get('/submissions/:submissionId', async (c) =>
      c.json(submissionDetailSchema.parse(await submissions.detail(c.get('principal'), c.req.param('submissionId')))),
    );
  }
  app.get('/submissions/:submissionId/cases', async (c) => {
    const principal = c.get('principal');
    const cases = await review.batch(principal, c.req.param('submissionId'));
    const counts: Record<string, number> = {};
    for (const reviewCase of cases) counts[reviewCase.status] = (counts[reviewCase.status] ?? 0) + 1;
    // Who holds a case is the bureau's business.
    const summaries = cases.map(summaryOf).map((summary) => (isStaff(principal) ? summary : { ...summary, lease: undefined }));
    return c.json(batchResponseSchema.parse({ submissionId: c.req.param('submissionId'), cases: summaries, counts }));
  });
  app.post('/submissions/:submissionId/confirm-clean', async (c) =>
    c.json(confirmCleanResponseSchema.parse(await review.confirmClean(c.get('principal'), c.req.param('submissionId')))),
  );
  if (deps.batches) {
    const batches = deps.batches;
    app.get('/batches', async (c) => c.json(batchListResponseSchema.parse({ batches: await batches.list(c.get('principal')) })));
    app.post('/batches', async (c) => {
      const request = await body(c, createBatchRequestSchema);
      const { batch, uploads } = await batches.create(c.get('principal'), request);
      return c.json(createBatchResponseSchema.parse({ batch: listItemOf(batch), uploads }));
    });
    app.post('/batches/:batchId/uploads/complete', async (c) => {
      const request = await body(c, completeUploadRequestSchema);
      return c.json(completeUploadResponseSchema.parse(await batches.completeUpload(c.get('principal'), c.req.param('batchId'), request)));
    });
    app.get('/batches/:batchId', async (c) => {
      const batchId = c.req.param('batchId');
      c.header('cache-control', 'no-store');
      return c.json(
        batchProgressSchema.parse(await batches.progress(c.get('principal'), batchId, `${base}/batches/${encodeURIComponent(batchId)}/report.xlsx`)),
      );
    });
    app.get('/batches/:batchId/report.xlsx', async (c) => {
      const batchId = c.req.param('batchId');
      const bytes = await batches.report(c.get('principal'), batchId);
      c.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      c.header('content-disposition', `attachment; filename="${batchId}-report.xlsx"`);
      c.header('cache-control', 'no-store');
      return c.body(bytes as Uint8Array<ArrayBuffer>);
    });
  }
  app.get('/exports/payments', async (c) => {
    const query = parse(paymentsQuerySchema, c.req.query());
    const rows = paymentRows(await review.approvedCases(c.get('principal')), query);
    const name = `payments-${query.from}-${query.to}`;
    if (query.format === 'json') return c.json(z.array(paymentRowSchema).parse(rows));
    if (query.format === 'csv') {
      c.header('content-type', 'text/csv; charset=utf-8');
      c.header('content-disposition', `attachment; filename="${name}.csv"`);
      return c.body(paymentsCsv(rows));
    }
    c.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    c.header('content-disposition', `attachment; filename="${name}.xlsx"`);
    return c.body((await paymentsXlsx(rows, query)) as Uint8Array<ArrayBuffer>);
  });
  if (deps.reports) registerReportRoutes(app, deps.reports);
  return app;
}

/**
 * The case detail a response carries: the case, the URLs of its pages, the audit trail.
 *
 * @example
 * detailOf(reviewCase, audit, '/api').pages[0].url; // '/api/documents/doc-1/pages/1'
 */
/**
 * What a training body sees of a case (`institutionCaseViewSchema`).
 *
 * @example
 * institutionViewOf(detailOf(reviewCase, [])).case.statusZh; // '待审核'
 */
export function institutionViewOf(detail: CaseDetail): InstitutionCaseView {
  const c = detail.case;
  const d = c.decision;
  const shown = displayedOutcome(c);
  const programme = d ? programmeIdSchema.safeParse(d.programme) : undefined;
  return {
    view: 'institution',
    case: {
      caseId: c.caseId,
      submissionId: c.submissionId,
      status: c.status,
      statusZh: CASE_STATUS_ZH[c.status] ?? c.status,
      ...(d
        ? {
            programme: d.programme,
            ...(programme?.success ? { programmeTitle: PROGRAMME_TITLES[programme.data].zh } : {}),
            // Held by an open finding: 待核对, and no amount as if granted (displayedOutcome).
            outcome: d.outcome,
            outcomeZh: shown?.outcomeZh ?? d.outcome,
            ...(shown?.amountYuan === undefined ? {} : { amountYuan: shown.amountYuan }),
          }
        : {}),
      reasons: shownReasons(c)
        .filter((reason) => !reason.zh.startsWith('缺少材料：'))
        .map((reason) => ({ ruleId: reason.ruleId, zh: clerkText(reason.zh, c.documents) })),
      missingDocuments: [...new Set((d?.missingDocumentDetails ?? []).map((missing) => missing.zh))],
      requestedDocuments: c.requestedDocuments ?? [],
      ...(c.rejection ? { rejectionReason: c.rejection.reason } : {}),
      ...(c.declination ? { declineReason: c.declination.reason } : {}),
      ...(unconfirmedFigures(d).length ? { unconfirmedFigures: unconfirmedFigures(d).map((f) => ({ titleZh: f.titleZh, document: f.document })) } : {}),
      documents: c.documents.map((document) => ({
        documentId: document.documentId,
        type: document.type,
        typeZh: DOCUMENT_TITLES_ZH[document.type] ?? document.type,
        pages: document.pages,
      })),
      createdAt: c.createdAt,
      updatedAt: c.updatedAt,
    },
    pages: detail.pages,
  };
}

export function detailOf(reviewCase: ReviewCase, audit: CaseDetail['audit'], base = '/api', principal?: Principal, now = new Date()): CaseDetail {
  const seen = new Set<string>();
  const pages: CaseDetail['pages'] = [];
  for (const document of reviewCase.documents) {
    for (const pageNumber of document.pages) {
      const key = `${document.documentId}/${pageNumber}`;
      if (seen.has(key)) continue;
      seen.add(key);
      pages.push({ documentId: document.documentId, pageNumber, url: `${base}/documents/${encodeURIComponent(document.documentId)}/pages/${pageNumber}` });
    }
  }
  const findings = caseFindings(reviewCase).map((finding) => ({ ...finding, zh: clerkText(finding.zh, reviewCase.documents) }));
  return { case: reviewCase, pages, audit, findings, view: caseTextOf(reviewCase, audit, principal, now) };
}

/**
 * Reads `Authorization: Bearer <token>` and verifies it with `verify`; no header or a bad token is a 401.
 *
 * @example
 * const authenticate = bearerAuthenticator((token) => signIn.verify(token));
 */
export function bearerAuthenticator(verify: (token: string) => Promise<Principal>): Authenticate {
  return async (c) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new NotAuthenticatedError('no bearer token');
    return verify(match[1]!);
  };
}
