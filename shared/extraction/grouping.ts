import type { CertificateKind, DocumentTypeName } from '../documents/index.js';
import type { PageClassification } from './classify.js';
import type { PageLayout } from './page-layout.js';
import { pageSignals, type PageSignals } from './page-signals.js';

/** Document-level issue: the pages' evidence disagreed about a boundary; the pages were kept together. */
export const BOUNDARY_UNCERTAIN = 'document_boundary_inconsistent';

/** Pages (in file order) that form one document, with its type. */
export interface PageGroup {
  type: DocumentTypeName;
  kind?: CertificateKind;
  typeConfidence: number;
  layouts: PageLayout[];
  /** Why the group's pages may not all belong together (BOUNDARY_UNCERTAIN), for the clerk. */
  issues: string[];
  /** Pages (1-based, of the file) where the evidence about a boundary disagreed. */
  uncertainPages: number[];
}

const MULTI_PAGE: ReadonlySet<DocumentTypeName> = new Set(['labor_contract', 'internship_agreement', 'social_insurance_record']);
const CONTRACTS: ReadonlySet<DocumentTypeName> = new Set(['labor_contract', 'internship_agreement']);

interface OpenGroup extends PageGroup {
  signals: PageSignals[];
  /** Only a cover or instructions pages so far: the body (which may repeat the title) is still to come. */
  coverOnly: boolean;
  lastPrinted?: PageSignals['printed'];
  lastClause?: number;
  clauseStyle?: PageSignals['clauseStyle'];
  contractNumber?: string;
  firstParty?: string;
  secondParty?: string;
}

/** One piece of evidence for or against a page continuing the open document, with its weight. */
interface Evidence {
  reason: string;
  weight: number;
}

/** The clause head without its mark that follows the open document's last list clause, on a page with no marked one. */
function unmarkedFollowing(group: OpenGroup, s: PageSignals): number | undefined {
  if (s.firstClause !== undefined || s.instructions || group.clauseStyle !== 'list' || group.lastClause === undefined) return undefined;
  return s.unmarkedClauses?.find((n) => n === group.lastClause! + 1);
}

/** Weights: 3 a title of another kind, 2 a strong sign (page or clause numbering, a mark), 1 a hint. */
function weigh(group: OpenGroup, page: PageClassification, s: PageSignals): { carry: Evidence[]; split: Evidence[] } {
  const carry: Evidence[] = [];
  const split: Evidence[] = [];
  const previous = group.signals[group.signals.length - 1];
  const last = group.lastPrinted;
  // The header the page before printed at the top, repeated at the same height: the document's running header. The
  // page's title is then that header, no title of its own nor a cover's; the header speaks for the page only where
  // nothing else says a new document begins (the next contract of one form prints the same header over clauses that
  // start again, or other parties).
  const header = s.runningHeader;
  const repeatsHeader = Boolean(
    header && previous?.runningHeader && header.words === previous.runningHeader.words && Math.abs(header.top - previous.runningHeader.top) < 0.015,
  );
  const titled = page.titled && !repeatsHeader;
  if (s.printed) {
    if (last && s.printed.index === last.index + 1 && (s.printed.count === undefined || last.count === undefined || s.printed.count === last.count)) {
      carry.push({ reason: 'page_number_follows', weight: 2 });
    } else if (last && (s.printed.index <= last.index || (s.printed.count !== undefined && last.count !== undefined && s.printed.count !== last.count))) {
      split.push({ reason: 'page_numbering_restarts', weight: 2 });
    } else if (last && s.printed.index > last.index) {
      // Pages between may be lost or blank: a later number of the same count still points the same way.
      carry.push({ reason: 'page_number_later', weight: 1 });
    } else if (!last && s.printed.index > 1) {
      carry.push({ reason: 'page_number_past_first', weight: 2 });
    } else if (!last && s.printed.index === 1 && group.coverOnly) {
      carry.push({ reason: 'numbering_starts_after_cover', weight: 1 });
    }
  }
  if (previous?.endsBody) carry.push({ reason: 'body_ended_before', weight: 2 });
  if (s.continuationMark) carry.push({ reason: 'continuation_mark', weight: 2 });
  if (s.firstClause !== undefined && !s.instructions && (!group.clauseStyle || group.clauseStyle === s.clauseStyle)) {
    // The next clause, the same one continued, or the one after it when the engine lost the next one's number.
    if (group.lastClause !== undefined && s.firstClause >= group.lastClause && s.firstClause <= group.lastClause + 2) {
      carry.push({ reason: 'clause_follows', weight: 2 });
    } else if (group.lastClause !== undefined && s.firstClause === 1) {
      split.push({ reason: 'clauses_restart', weight: 2 });
    } else if (group.lastClause === undefined && s.firstClause > 1 && CONTRACTS.has(group.type)) {
      carry.push({ reason: 'clause_past_first', weight: 2 });
    }
  }
  // A page whose clause heads all lost their 、 (`十其他` on a photo) still continues a list whose next number it holds.
  const nextUnmarked = unmarkedFollowing(group, s);
  if (nextUnmarked !== undefined) carry.push({ reason: 'clause_follows', weight: 2 });
  if (s.contractNumber && group.contractNumber) {
    if (s.contractNumber === group.contractNumber) carry.push({ reason: 'same_contract_number', weight: 2 });
    else split.push({ reason: 'other_contract_number', weight: 2 });
  }
  const sameParty = (a?: string, b?: string) => (a && b ? a === b : undefined);
  const parties = [sameParty(s.firstParty, group.firstParty), sameParty(s.secondParty, group.secondParty)].filter((p) => p !== undefined);
  if (parties.length > 0 && parties.every(Boolean)) carry.push({ reason: 'same_parties', weight: 1 });
  else if (parties.length > 0 && !parties.some(Boolean)) split.push({ reason: 'other_parties', weight: 1 });
  if (group.coverOnly && (page.type === group.type || !titled)) carry.push({ reason: 'after_cover', weight: 2 });
  if (s.instructions && CONTRACTS.has(group.type)) carry.push({ reason: 'instructions_page', weight: 2 });
  if (s.signature && !titled && (!s.cover || repeatsHeader)) carry.push({ reason: 'signature_page', weight: 2 });
  // The change and renewal record closes a contract (its title names the contract's kind, not a new document).
  const changeRecord = s.changeRecord && CONTRACTS.has(group.type);
  if (changeRecord) carry.push({ reason: 'change_record_page', weight: 2 });
  if (s.cover && !group.coverOnly && !repeatsHeader) split.push({ reason: 'cover_page', weight: 2 });
  if (page.titled && page.type !== group.type && page.type !== 'unknown') split.push({ reason: 'title_of_other_kind', weight: 3 });
  else if (titled && page.type === group.type && !group.coverOnly && !changeRecord) split.push({ reason: 'title_of_same_kind', weight: 1 });
  if (repeatsHeader && split.length === 0) carry.push({ reason: 'running_header_repeats', weight: 2 });
  return { carry, split };
}

type Decision = { join: false } | { join: true; uncertain: boolean; weak: boolean };

function decide(group: OpenGroup, page: PageClassification, s: PageSignals): Decision {
  if (page.type === 'id_card' && group.type === 'id_card') {
    return page.idCardBack && group.layouts.length === 1 ? { join: true, uncertain: false, weak: false } : { join: false };
  }
  if (!MULTI_PAGE.has(group.type)) return { join: false };
  const { carry, split } = weigh(group, page, s);
  const forIt = carry.reduce((n, e) => n + e.weight, 0);
  const against = split.reduce((n, e) => n + e.weight, 0);
  // Clear evidence one way; where strong signs point both ways and neither clearly outweighs the other, the pages
  // stay together and the clerk is asked.
  if (against >= forIt + 3 || (against > forIt && forIt < 2)) return { join: false };
  if (forIt >= 2 && against >= 2 && forIt < against + 3) return { join: true, uncertain: true, weak: false };
  if (forIt > 0) return { join: true, uncertain: false, weak: forIt < 2 };
  // No sign either way. A near-blank or unreadable page inside a multi-page document stays with it.
  if (page.type === 'unknown' && page.textLength < 30) return { join: true, uncertain: false, weak: true };
  if (page.titled) return { join: false };
  // An untitled page that shares the open document's vocabulary and fits no other type clearly better (an
  // agreement's party page also scores as a contract: 甲方, 乙方, 第一条).
  const own = page.scores[group.type] ?? 0;
  const best = Math.max(...Object.values(page.scores).map((v) => v ?? 0));
  return own >= 1 && best - own <= 2 ? { join: true, uncertain: false, weak: true } : { join: false };
}

function absorb(group: OpenGroup, layout: PageLayout, s: PageSignals, page: PageClassification): void {
  group.layouts.push(layout);
  group.signals.push(s);
  if (s.printed) group.lastPrinted = s.printed;
  // An instructions page numbers its notes (一、二、…): they are no clauses.
  if (s.lastClause !== undefined && !s.instructions) {
    if (group.clauseStyle && group.clauseStyle !== s.clauseStyle) {
      if (s.clauseStyle === 'article') group.lastClause = s.lastClause;
    } else group.lastClause = Math.max(group.lastClause ?? 0, s.lastClause);
    if (!group.clauseStyle || s.clauseStyle === 'article') group.clauseStyle = s.clauseStyle;
  }
  const unmarked = unmarkedFollowing(group, s);
  if (unmarked !== undefined) group.lastClause = Math.max(unmarked, ...(s.unmarkedClauses ?? []).filter((n) => n > unmarked && n <= unmarked + 3));
  group.contractNumber ??= s.contractNumber;
  group.firstParty ??= s.firstParty;
  group.secondParty ??= s.secondParty;
  group.coverOnly = group.coverOnly && (s.cover || s.instructions);
  // A group opened by an untitled page takes the type of a titled page of its own that follows.
  if (group.type === 'unknown' && page.titled) group.type = page.type;
}

function open(layout: PageLayout, s: PageSignals, page: PageClassification): OpenGroup {
  const group: OpenGroup = {
    type: page.type,
    kind: page.kind,
    typeConfidence: page.confidence,
    layouts: [],
    issues: [],
    uncertainPages: [],
    signals: [],
    coverOnly: true,
  };
  absorb(group, layout, s, page);
  group.coverOnly = s.cover || s.instructions;
  return group;
}

/**
 * Splits a file's pages into documents from the pages' own evidence. A new document begins at a page titled with a
 * known kind that is not a continuation; a page continues the open document when its printed page number follows
 * the last, when the page before ended its body (`以下为签署页`), when its first clause follows the last one, when
 * it repeats the contract number or the parties, or when it is the contract's instructions or signature page. A
 * cover is never a document of its own: the body after it continues it even when it repeats the title. Blank pages
 * (blank back sides of a duplex scan) belong to no document and split nothing; a blank page is kept only where the
 * printed numbering shows it is a page the scan lost. Where strong evidence points both ways the pages are kept
 * together and the group carries BOUNDARY_UNCERTAIN.
 *
 * @example
 * groupPages(layouts, classifications).map((g) => g.layouts.length); // [6, 1, 1]
 */
export function groupPages(layouts: readonly PageLayout[], classes: readonly PageClassification[]): PageGroup[] {
  const groups: OpenGroup[] = [];
  const signals = layouts.map((layout, i) => {
    const s = pageSignals(layout, classes[i].titled);
    // Only a contract has a cover and a contract number (a certificate also has a title, a 编号 and few lines).
    s.cover = s.cover && CONTRACTS.has(classes[i].type);
    if (!CONTRACTS.has(classes[i].type)) s.contractNumber = undefined;
    return s;
  });
  // A scanner or an app that numbers every page of the file (`3/8` on page 3 of 8) says nothing about where its
  // documents begin when the file holds documents of several kinds: such numbers are not evidence.
  const numbered = signals.filter((s) => s.printed);
  const titledKinds = new Set(classes.filter((c) => c.titled && c.type !== 'unknown').map((c) => c.type));
  const fileNumbering =
    numbered.length > 1 &&
    titledKinds.size > 1 &&
    numbered.every((s) => s.printed!.index === layouts.findIndex((l) => l.page === s.page) + 1 && (s.printed!.count ?? layouts.length) === layouts.length);
  if (fileNumbering) for (const s of signals) s.printed = undefined;
  let blanks: number[] = [];
  layouts.forEach((layout, i) => {
    const page = classes[i];
    const s = signals[i];
    const current = groups[groups.length - 1];
    if (s.blank && !page.titled) {
      blanks.push(i);
      return;
    }
    const pendingBlanks = blanks;
    blanks = [];
    const decision = current ? decide(current, page, s) : ({ join: false } as const);
    if (current && decision.join) {
      // A blank page between two numbered pages whose numbers leave a gap for it is a page the scan lost. Only the
      // number of the page right before the blanks counts: when that page's number went unread, the gap is its own.
      const before = current.signals[current.signals.length - 1]?.printed;
      const gap = s.printed && before ? s.printed.index - before.index - 1 : 0;
      if (gap > 0 && gap === pendingBlanks.length) {
        for (const b of pendingBlanks) current.layouts.push(layouts[b]);
        current.typeConfidence = Math.min(current.typeConfidence, 0.8);
      }
      absorb(current, layout, s, page);
      if (decision.uncertain) {
        current.uncertainPages.push(layout.page);
        if (!current.issues.includes(BOUNDARY_UNCERTAIN)) current.issues.push(BOUNDARY_UNCERTAIN);
        current.typeConfidence = Math.min(current.typeConfidence, 0.8);
      } else if (decision.weak) {
        // Joined on vocabulary or a hint alone: the split is less certain.
        current.typeConfidence = Math.min(current.typeConfidence, page.type === 'unknown' ? 0.8 : 0.85);
      }
      return;
    }
    groups.push(open(layout, s, page));
  });
  // A file of blank pages only: one unknown document, so the clerk still sees what came in.
  if (groups.length === 0 && layouts.length > 0) {
    return [{ type: 'unknown', typeConfidence: 0.9, layouts: [...layouts], issues: [], uncertainPages: [] }];
  }
  return groups.map(({ type, kind, typeConfidence, layouts: pages, issues, uncertainPages }) => ({
    type,
    kind,
    typeConfidence,
    layouts: pages,
    issues,
    uncertainPages,
  }));
}
