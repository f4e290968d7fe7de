/**
 * The forms that change what a case is made of: its programme and document types (人工分类, for 未分类 cases) and how a
 * file's pages form documents (调整分页: split and merge, and the two parts of a page two documents share). Each builds the dialog's markup from the case and turns
 * the submitted form into the API's request; the case view shows the dialog and sends the request.
 */
import type { CaseDetail, ClassifyRequest, RegroupPagesRequest } from '../../shared/review/api-schemas.js';
import { DOCUMENT_TITLES_ZH } from '../../shared/cases/labels-zh.js';
import { documentTypeSchema } from '../../shared/documents/document-type.js';
import type { PageRegion } from '../../shared/documents/extracted-document.js';
import { PART_SIDE_ZH, regionOn, sideOn, type PartSide } from '../../shared/documents/page-regions.js';
import { PROGRAMME_TITLES, programmeIdSchema } from '../../shared/policy/programmes.js';

type Documents = CaseDetail['case']['documents'];
type Esc = (value: string) => string;
const TITLES: Record<string, string> = DOCUMENT_TITLES_ZH;

/**
 * The 人工分类 form: the programme claimed and each document's type (the current one selected).
 *
 * @example
 * const data = await askForm('人工分类', classifyForm(detail.case.documents, esc));
 */
export function classifyForm(documents: Documents, esc: Esc): string {
  const types = documentTypeSchema.options.filter((t) => t !== 'unknown');
  return `<label>申请的补贴项目 <select name="programme" required><option value="">请选择</option>${programmeIdSchema.options
    .map((p) => `<option value="${esc(p)}">${esc(PROGRAMME_TITLES[p].zh)}（${esc(p)}）</option>`)
    .join('')}</select></label>
    <fieldset><legend>材料类型</legend>${documents
      .map(
        (d, i) =>
          `<label>${esc(TITLES[d.type] ?? '材料')}（第${d.pages.join('、')}页） <select name="type-${i}" data-document="${esc(d.documentId)}" data-index="${d.indexInFile}">${types
            .map((t) => `<option value="${esc(t)}" ${t === d.type ? 'selected' : ''}>${esc(TITLES[t] ?? t)}</option>`)
            .join('')}${d.type === 'unknown' ? `<option value="unknown" selected>${esc(TITLES.unknown ?? '无法识别的材料')}</option>` : ''}</select></label>`,
      )
      .join('')}</fieldset>`;
}

/** The classify request from the submitted form (only the documents whose type changed); undefined without a programme. */
export function classifyRequest(documents: Documents, data: FormData): Omit<ClassifyRequest, 'version'> | undefined {
  const programme = programmeIdSchema.safeParse(String(data.get('programme') ?? ''));
  if (!programme.success) return undefined;
  const changed = documents
    .map((d, i) => ({
      documentId: d.documentId,
      indexInFile: d.indexInFile,
      type: documentTypeSchema.parse(String(data.get(`type-${i}`) ?? d.type)),
      was: d.type,
    }))
    .filter((d) => d.type !== d.was)
    .map(({ was: _was, ...d }) => d);
  return { programme: programme.data, documents: changed };
}

/** Files whose pages can be grouped otherwise: more than one page, or more than one document read from them. */
export function regroupableFiles(documents: Documents): [string, Documents][] {
  const files = new Map<string, Documents>();
  for (const d of documents) files.set(d.documentId, [...(files.get(d.documentId) ?? []), d]);
  return [...files.entries()].filter(([, docs]) => docs.length > 1 || docs.some((d) => d.pages.length > 1));
}

const pagesOf = (docs: Documents) => [...new Set(docs.flatMap((d) => d.pages))].sort((a, b) => a - b);

/** What the clerk places in a document: a page, or one of the two parts of a page two documents share. */
interface Placed {
  page: number;
  /** The document (1-based in the file) holding it now. */
  now: number;
  /** For a part: its box (in the page image's pixels) and its side. */
  part?: { region: PageRegion; side: PartSide | undefined };
}

/** A file's pages in order, each shared page as its two parts (the documents read from them, pair25). */
function placedOf(docs: Documents): Placed[][] {
  return pagesOf(docs).map((n) => {
    const parted = docs.flatMap((d, i) => {
      const box = regionOn(d, n);
      return box ? [{ page: n, now: i + 1, part: { region: { page: n, box }, side: sideOn(d, n, docs) } }] : [];
    });
    return parted.length === 2 ? parted : [{ page: n, now: docs.findIndex((d) => d.pages.includes(n)) + 1 }];
  });
}

/**
 * The 调整分页 form: each page of each file put in a numbered document (a new number splits it off, the same number
 * merges). A page two documents share offers each part apart (move one side to a document of its own, or to another
 * document) and "整页为一份材料" to read the page whole; both parts put in one document read it whole too.
 *
 * @example
 * const data = await askForm('调整材料分页', regroupForm(regroupableFiles(detail.case.documents), esc));
 */
export function regroupForm(files: [string, Documents][], esc: Esc): string {
  return `<p class="muted">每一页选择归入第几份材料：选一个新的序号即拆分为新材料，选相同序号即合并。一页上印有两份材料时，两部分分别选择；勾选“整页为一份材料”或两部分选相同序号，即按整页读取。提交后按原识别结果重新读取（不重新识别）。</p>${files
    .map(([documentId, docs], f) => {
      const placed = placedOf(docs);
      const count = placed.flat().length;
      const numbers = (now: number) =>
        Array.from({ length: count }, (_, i) => `<option value="${i + 1}" ${i + 1 === now ? 'selected' : ''}>${i + 1}</option>`).join('');
      return `<fieldset data-file="${esc(documentId)}"><legend>${docs.map((d, i) => `材料${i + 1} ${esc(TITLES[d.type] ?? '材料')}`).join(' + ')}</legend>${placed
        .map((units) => {
          const n = units[0]!.page;
          if (!units[0]!.part) {
            return `<label>第${n}页 归入材料 <select name="page-${f}-${n}" data-file="${esc(documentId)}" data-page="${n}">${numbers(units[0]!.now)}</select></label>`;
          }
          return `<div class="shared-page" data-page="${n}">${units
            .map((u) => {
              const side = u.part!.side;
              return `<label>第${n}页${side ? PART_SIDE_ZH[side] : '的一部分'}（现为材料${u.now} ${esc(TITLES[docs[u.now - 1]!.type] ?? '材料')}） 归入材料 <select name="part-${f}-${n}-${u.now}" data-file="${esc(documentId)}" data-page="${n}" data-part="${esc(side ?? '')}">${numbers(u.now)}</select></label>`;
            })
            .join(
              '',
            )}<label><input type="checkbox" name="whole-${f}-${n}" data-file="${esc(documentId)}" data-whole="${n}" /> 第${n}页整页为一份材料（不分两部分）</label></div>`;
        })
        .join('')}</fieldset>`;
    })
    .join('')}`;
}

/**
 * One pages request per file from the submitted form (a file left as it was is answered unchanged by the server). A
 * shared page's parts go to their documents with their regions; checked whole, or both in one document, the page goes
 * to the first part's document with no region (read whole).
 */
export function regroupRequests(files: [string, Documents][], data: FormData): Omit<RegroupPagesRequest, 'version'>[] {
  return files.map(([documentId, docs], f) => {
    const groups = new Map<number, { pages: number[]; regions: PageRegion[] }>();
    const put = (to: number, n: number, region?: PageRegion) => {
      const group = groups.get(to) ?? { pages: [], regions: [] };
      if (!group.pages.includes(n)) group.pages.push(n);
      if (region) group.regions.push(region);
      groups.set(to, group);
    };
    for (const units of placedOf(docs)) {
      const n = units[0]!.page;
      if (!units[0]!.part) {
        put(Number(data.get(`page-${f}-${n}`) ?? units[0]!.now), n);
        continue;
      }
      const to = units.map((u) => Number(data.get(`part-${f}-${n}-${u.now}`) ?? u.now));
      if (data.get(`whole-${f}-${n}`) !== null || to[0] === to[1]) put(to[0]!, n);
      else units.forEach((u, i) => put(to[i]!, n, u.part!.region));
    }
    return {
      documentId,
      groups: [...groups.entries()]
        .sort(([a], [b]) => a - b)
        .map(([, g]) => ({ pages: g.pages.sort((a, b) => a - b), ...(g.regions.length ? { regions: g.regions } : {}) })),
    };
  });
}
