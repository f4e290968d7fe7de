import type { ReviewCase } from '../cases/review-case.js';
import { listStateOf, type CaseLists, type Page } from '../ports/case-repository.js';
import type { CaseSearchQuery, CaseSearchResponse } from './api-schemas.js';
import { requireRole, type Principal } from './principal.js';
import { summaryOf } from './review-service.js';

const STAFF = ['clerk', 'supervisor'] as const;
/** A search reads at most this many matches before the state and "mine" filters: a term names a handful of cases. */
const SEARCH_LIMIT = 100;

/**
 * The bureau staff's case lists (issue 16 item 3): a state's cases (待审批 for a supervisor, 待补材料, 已驳回, …),
 * "my cases", and search by case id, ID number, name or certificate number, each page one index query and the counts
 * from counters. Institutions have their batch views instead (403 here).
 *
 * @example
 * const search = new CaseSearchService({ cases });
 * const page = await search.list(supervisor, { status: 'confirmed', mine: false });
 */
export class CaseSearchService {
  constructor(private readonly deps: { cases: CaseLists }) {}

  async list(principal: Principal, query: CaseSearchQuery): Promise<CaseSearchResponse> {
    requireRole(principal, STAFF);
    const limit = query.limit ?? 50;
    const wanted = (c: ReviewCase) =>
      (query.status === undefined || (query.status === 'needs_review' ? listStateOf(c.status) === 'needs_review' : c.status === query.status)) &&
      (!query.mine || c.lease?.holder === principal.userId || c.confirmedBy === principal.userId);
    const [page, counts] = await Promise.all([this.page(principal, query, limit), this.deps.cases.countStates()]);
    const items = page.items.filter(wanted).slice(0, limit);
    return { items: items.map(summaryOf), ...(page.cursor ? { cursor: page.cursor } : {}), counts };
  }

  /** The one index read a query needs: the search keys for a term, the caller's cases, or a state's partition. */
  private async page(principal: Principal, query: CaseSearchQuery, limit: number): Promise<Page<ReviewCase>> {
    if (query.q !== undefined) {
      return { items: await this.deps.cases.search(query.q, { limit: SEARCH_LIMIT }) };
    }
    if (query.mine) return this.deps.cases.listHeldBy(principal.userId, { limit, cursor: query.cursor });
    return this.deps.cases.listByState(listStateOf(query.status ?? 'needs_review'), { limit, cursor: query.cursor });
  }
}
