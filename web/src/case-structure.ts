/**
 * The forms that change what a case is made of: its programme and document types (人工分类, for 未分类 cases) and how a
 * file's pages form documents (调整分页: split and merge). Each builds the dialog's markup from the case and turns
 * the submitted form into the API's request; the case view shows the dialog and sends the request.
 */
import type { CaseDetail, ClassifyRequest, RegroupPagesRequest } from '../../shared/review/api-schemas.js';
import { DOCUMENT_TITLES_ZH } from '../../shared/cases/labels-zh.js';
import { documentTypeSchema } from '../../shared/documents/document-type.js';
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

/**
 * The 调整分页 form: each page of each file put in a numbered document (a new number splits it off, the same number
 * merges).
 *
 * @example
 * const data = await askForm('调整材料分页', regroupForm(regroupableFiles(detail.case.documents), esc));
 */
export function regroupForm(files: [string, Documents][], esc: Esc): string {
  return `<p class="muted">每一页选择归入第几份材料：选一个新的序号即拆分为新材料，选相同序号即合并。提交后按原识别结果重新读取（不重新识别）。</p>${files
    .map(([documentId, docs], f) => {
      const pages = pagesOf(docs);
      return `<fieldset data-file="${esc(documentId)}"><legend>${docs.map((d) => esc(TITLES[d.type] ?? '材料')).join(' + ')}</legend>${pages
        .map((n) => {
          const now = docs.findIndex((d) => d.pages.includes(n)) + 1;
          return `<label>第${n}页 归入材料 <select name="page-${f}-${n}" data-file="${esc(documentId)}" data-page="${n}">${pages.map((_, i) => `<option value="${i + 1}" ${i + 1 === now ? 'selected' : ''}>${i + 1}</option>`).join('')}</select></label>`;
        })
        .join('')}</fieldset>`;
    })
    .join('')}`;
}

/** One pages request per file from the submitted form (a file left as it was is answered unchanged by the server). */
export function regroupRequests(files: [string, Documents][], data: FormData): Omit<RegroupPagesRequest, 'version'>[] {
  return files.map(([documentId, docs], f) => {
    const groups = new Map<number, number[]>();
    for (const n of pagesOf(docs)) {
      const to = Number(data.get(`page-${f}-${n}`) ?? 1);
      groups.set(to, [...(groups.get(to) ?? []), n]);
    }
    return { documentId, groups: [...groups.entries()].sort(([a], [b]) => a - b).map(([, pages]) => ({ pages })) };
  });
}
