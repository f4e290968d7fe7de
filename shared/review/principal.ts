import { z } from 'zod';
import type { ReviewCase } from '../cases/review-case.js';
import { ForbiddenError, ReviewNotFoundError } from './errors.js';

/** The groups a user belongs to (Cognito groups on AWS, the seeded users locally). */
export const ReviewRole = {
  clerk: 'clerk',
  supervisor: 'supervisor',
  institution: 'institution',
} as const;
export const reviewRoleSchema = z.enum([ReviewRole.clerk, ReviewRole.supervisor, ReviewRole.institution]);
export type ReviewRoleName = z.infer<typeof reviewRoleSchema>;

/** Who is calling: the user id written into audit events, their roles and, for a training institution, its id. */
export const principalSchema = z.object({
  userId: z.string().min(1),
  displayName: z.string().optional(),
  roles: z.array(reviewRoleSchema),
  institutionId: z.string().optional(),
});
export type Principal = z.infer<typeof principalSchema>;

/** Staff of the bureau: clerks and supervisors (a supervisor can do what a clerk can). */
export function isStaff(principal: Principal): boolean {
  return principal.roles.includes('clerk') || principal.roles.includes('supervisor');
}

/**
 * Refuses unless the caller has one of `roles`.
 *
 * @example
 * requireRole(principal, ['supervisor']); // throws ForbiddenError for a clerk
 */
export function requireRole(principal: Principal, roles: readonly ReviewRoleName[]): void {
  if (!roles.some((role) => principal.roles.includes(role))) {
    throw new ForbiddenError('role_required', '您没有执行此操作的权限。', `${principal.userId} lacks role ${roles.join(' or ')}`);
  }
}

/** The institution a case belongs to: set on the case, or the training body that submitted the batch. */
export function institutionOf(reviewCase: Pick<ReviewCase, 'institutionId' | 'applicant'>): string | undefined {
  if (reviewCase.institutionId) return reviewCase.institutionId;
  return reviewCase.applicant?.kind === 'training_body' ? reviewCase.applicant.id : undefined;
}

/**
 * Refuses a case the caller may not see: staff see every case, an institution only its own submissions' cases.
 * Another institution's case answers exactly as an unknown id does (404 `case_not_found`): an answer that differed
 * would tell a training body which ids exist.
 *
 * @example
 * assertMayRead({ userId: 'inst-a', roles: ['institution'], institutionId: 'A' }, caseOfB); // throws ReviewNotFoundError
 */
export function assertMayRead(principal: Principal, reviewCase: Pick<ReviewCase, 'caseId' | 'institutionId' | 'applicant'>): void {
  if (isStaff(principal)) return;
  if (principal.roles.includes('institution') && principal.institutionId && institutionOf(reviewCase) === principal.institutionId) return;
  throw new ReviewNotFoundError('case', reviewCase.caseId);
}
