import type { CertificateKind, DocumentTypeName } from '../documents/index.js';
import type { PageClassification } from './classify.js';
import type { PageLayout } from './page-layout.js';

/** Pages (in file order) that form one document, with its type. */
export interface PageGroup {
  type: DocumentTypeName;
  kind?: CertificateKind;
  typeConfidence: number;
  layouts: PageLayout[];
}

const MULTI_PAGE: ReadonlySet<DocumentTypeName> = new Set(['labor_contract', 'internship_agreement', 'social_insurance_record']);

function continues(group: PageGroup, page: PageClassification): boolean {
  if (page.type === 'id_card' && group.type === 'id_card') return Boolean(page.idCardBack) && group.layouts.length === 1;
  if (!MULTI_PAGE.has(group.type)) return false;
  // A near-blank or unreadable page inside a multi-page document (a page the scanner or OCR lost) stays with it.
  if (page.type === 'unknown' && page.textLength < 30) return true;
  if (page.titled && page.type !== group.type) return false;
  const expectedIndex = group.layouts.length + 1;
  if (page.pageIndex !== undefined) {
    // Printed numbering is the strongest sign either way.
    return page.pageIndex === expectedIndex || (page.pageIndex > 1 && page.type === group.type);
  }
  if (page.titled) return false;
  if (page.continuation) return true;
  // An untitled page that shares the open document's vocabulary and fits no other type clearly better (an
  // agreement's party page also scores as a contract: 甲方, 乙方, 第一条).
  const own = page.scores[group.type] ?? 0;
  const best = Math.max(...Object.values(page.scores).map((s) => s ?? 0));
  return own >= 1 && best - own <= 2;
}

/**
 * Splits a file's pages into documents: one per certificate page, consecutive pages of a contract, agreement or
 * insurance record together (continuation pages carry no title: page numbers, later clause numbers, signature
 * blocks or their vocabulary tie them to the open document), an ID card's back to its front.
 *
 * @example
 * groupPages(layouts, classifications).map((g) => g.layouts.length); // [3, 1, 1]
 */
export function groupPages(layouts: readonly PageLayout[], classes: readonly PageClassification[]): PageGroup[] {
  const groups: PageGroup[] = [];
  layouts.forEach((layout, i) => {
    const page = classes[i];
    const open = groups[groups.length - 1];
    if (open && continues(open, page)) {
      open.layouts.push(layout);
      if (!page.titled && !page.continuation && page.pageIndex === undefined && page.type !== 'unknown') {
        // Joined on vocabulary alone: the split is less certain.
        open.typeConfidence = Math.min(open.typeConfidence, 0.85);
      }
      if (page.type === 'unknown') open.typeConfidence = Math.min(open.typeConfidence, 0.8);
      return;
    }
    groups.push({ type: page.type, kind: page.kind, typeConfidence: page.confidence, layouts: [layout] });
  });
  return groups;
}
