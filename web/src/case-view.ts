/**
 * The case views of the page: the clerk's and supervisor's workspace (page image, fields, decision, actions, audit)
 * and a training body's read-only view. Moved out of app.ts so the case-level work and the lists can change apart;
 * it borrows the session and the helpers of the page through `CaseKit`.
 */
import type { CaseDetail, InstitutionCaseView } from '../../shared/review/api-schemas.js';
import { EVIDENCE_ZH } from '../../shared/cases/evidence.js';
import { CERTIFICATE_KIND_ZH, DOCUMENT_TITLES_ZH, FIELD_LABELS_ZH } from '../../shared/cases/labels-zh.js';
import { pagesInWords, regionOn, sideOn } from '../../shared/documents/page-regions.js';
import { programmeIdSchema } from '../../shared/policy/programmes.js';
import { ApiFailure } from './api-failure.js';
import { CASE_KEYS, keyLabel, typingInField } from './key-map.js';
import { mountPageWorkspace, pageWorkspaceHtml, type PageWorkspace } from './page-workspace.js';
import { askForm as askFormDialog, askText } from './dialogs.js';
import { classifyForm, classifyRequest, regroupableFiles, regroupForm, regroupRequests } from './case-structure.js';
import type { PageKit } from './batch-upload.js';

/** What the case views borrow from the page beyond the batch views' kit: who is signed in, the API base, the queue. */
export interface CaseKit extends PageKit {
  me(): { userId: string; displayName?: string; roles: string[] } | undefined;
  isStaff(): boolean;
  isSupervisor(): boolean;
  apiBase(): string;
  /** Claims the next case of a queue and opens it (app.ts owns it: routing). */
  claimNext(queue: string, note?: string): Promise<void>;
}

type Field = CaseDetail['case']['documents'][number]['fields'][string];

const $ = <T extends HTMLElement>(selector: string, root: ParentNode = document) => root.querySelector(selector) as T;

const DOC_TITLES: Record<string, string> = DOCUMENT_TITLES_ZH;
const FIELD_LABELS: Record<string, string> = FIELD_LABELS_ZH;

interface FieldRef {
  documentId: string;
  indexInFile: number;
  field: string;
  page: number;
  box?: { x: number; y: number; width: number; height: number };
}

/** A training body's view of its case: state, outcome, reasons and what is asked for (the API gives nothing more). */
export async function institutionCaseView(kit: CaseKit, caseId: string): Promise<void> {
  const shown = await kit.api<InstitutionCaseView>('GET', `/cases/${encodeURIComponent(caseId)}`);
  const c = shown.case;
  kit.view().innerHTML = `<h1>案件 ${kit.esc(c.caseId)}</h1>
    <div class="decision ${kit.esc(c.outcome ?? '')}" id="decision">
      <div class="headline">${c.outcomeZh ? `${kit.esc(c.outcomeZh)} · ${kit.yuan(c.amountYuan)} · ${kit.esc(c.programmeTitle ?? c.programme ?? '')}` : '尚未判定'}</div>
      <div class="muted">状态：<span class="status ${kit.esc(c.status)}">${kit.esc(c.statusZh)}</span></div>
      ${c.reasons.length ? `<ul>${c.reasons.map((r) => `<li><span class="clause">${kit.esc(r.ruleId)}</span>${kit.esc(r.zh)}</li>`).join('')}</ul>` : ''}
      ${c.missingDocuments.length ? `<p>缺少材料：${c.missingDocuments.map(kit.esc).join('、')}</p>` : ''}
      ${c.requestedDocuments.length ? `<p id="requested">请补交：${c.requestedDocuments.map(kit.esc).join('、')}</p>` : ''}
      ${c.rejectionReason ? `<p>驳回原因：${kit.esc(c.rejectionReason)}</p>` : ''}
      ${c.declineReason ? `<p id="declined">不予补贴原因：${kit.esc(c.declineReason)}</p>` : ''}
      ${c.unconfirmedFigures?.length ? `<p class="unconfirmed" id="unconfirmed"><strong>待确认标准</strong>金额所依据的标准尚未经区人社局确认：${c.unconfirmedFigures.map((f) => `${kit.esc(f.titleZh)}（${kit.esc(f.document)}）`).join('、')}</p>` : ''}
    </div>
    <h3>已提交材料</h3><ul>${c.documents.map((d) => `<li>${kit.esc(d.typeZh)}（第${d.pages.join('、')}页）</li>`).join('')}</ul>
    <p><a href="#/batch/${encodeURIComponent(c.submissionId)}">整批查看</a></p>`;
  kit.keys('<kbd>Esc</kbd> 返回');
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') location.hash = '#/';
  };
  document.addEventListener('keydown', onKey);
  kit.onLeave(() => document.removeEventListener('keydown', onKey));
}

export async function caseView(kit: CaseKit, caseId: string): Promise<void> {
  if (!kit.isStaff()) return institutionCaseView(kit, caseId);
  let detail = await kit.api<CaseDetail>('GET', `/cases/${encodeURIComponent(caseId)}`);
  /** Values typed but not saved (kept across a conflict and a reload: nothing the clerk typed is lost). */
  const pending = new Map<string, string>();
  const imageUrls = new Map<string, string>();
  let workspace: PageWorkspace | undefined;
  let showAudit = false;
  let focusKey: string | undefined;
  const keyOf = (ref: Pick<FieldRef, 'documentId' | 'indexInFile' | 'field'>) => `${ref.documentId}#${ref.indexInFile}#${ref.field}`;

  const loadImage = async (documentId: string, pageNumber: number) => {
    const key = `${documentId}/${pageNumber}`;
    if (!imageUrls.has(key)) {
      const response = await fetch(`${kit.apiBase()}/documents/${encodeURIComponent(documentId)}/pages/${pageNumber}`, {
        headers: { authorization: `Bearer ${kit.token()}` },
      });
      if (!response.ok) return undefined;
      imageUrls.set(key, URL.createObjectURL(await response.blob()));
    }
    return imageUrls.get(key);
  };

  /** Shows a page in the workspace; a field's page and box only while that field is still in focus. */
  const showPage = (key: string, box?: FieldRef['box'], fieldKey?: string, ocrText?: string) =>
    workspace?.show(key, box, fieldKey, ocrText, () => fieldKey === undefined || fieldKey === focusKey);

  const fieldRefs = (): (FieldRef & { value: Field })[] => {
    const refs: (FieldRef & { value: Field })[] = [];
    for (const document of detail.case.documents) {
      for (const [field, value] of Object.entries(document.fields)) {
        refs.push({
          documentId: document.documentId,
          indexInFile: document.indexInFile,
          field,
          page: value.source?.page ?? document.pages[0] ?? 1,
          box: value.source?.box,
          value,
        });
      }
    }
    return refs;
  };

  const render = () => {
    const c = detail.case;
    const d = c.decision;
    const v = detail.view;
    const open = ['needs_review', 'claimed', 'awaiting_documents'].includes(c.status);
    const flagged = c.flaggedFieldCount;
    const who = (userId: string) => v.people[userId] ?? userId;
    // Actions only where they are allowed (the server sends the same conditions it enforces, `view.actions`): no
    // editing of a case another clerk holds, no approval by the person who confirmed, no 确认 of a case that is not 符合.
    const leasedElsewhere =
      c.status === 'claimed' && !!c.lease && c.lease.holder !== kit.me()?.userId && Date.parse(c.lease.expiresAt) > Date.now() && !kit.isSupervisor();
    const editable = open && kit.isStaff() && !leasedElsewhere;
    // Documents with flagged fields first, and inside each document the flagged fields first.
    const documents = [...c.documents].sort(
      (a, b) => Number(Object.values(b.fields).some((f) => f.needsReview)) - Number(Object.values(a.fields).some((f) => f.needsReview)),
    );
    const hints = [
      '<kbd>Enter</kbd> 接受当前字段并跳到下一个待核对字段',
      v.actions.confirm ? '<kbd>Ctrl+Enter</kbd> 确认并领取下一件' : '',
      v.actions.recordEvidence ? '<kbd>Alt+J</kbd> 补录核对结果' : '',
      v.actions.classify ? '<kbd>Alt+K</kbd> 人工分类' : '',
      v.actions.regroupPages && regroupable().length ? '<kbd>Alt+G</kbd> 调整分页' : '',
      v.actions.decline ? '<kbd>Alt+N</kbd> 不予补贴' : '',
      editable ? '<kbd>Alt+R</kbd> 退回 · <kbd>Alt+B</kbd> 要求补件' : '',
      editable && c.status === 'claimed' ? '<kbd>Alt+L</kbd> 释放' : '',
      v.actions.approve ? '<kbd>Alt+P</kbd> 审批通过' : '',
      v.actions.recover ? '<kbd>Alt+Z</kbd> 追回已拨付资金' : '',
      '<kbd>PageUp</kbd><kbd>PageDown</kbd> 翻页',
      '<kbd>?</kbd> 全部快捷键',
      '<kbd>Esc</kbd> 返回队列',
    ].filter(Boolean);
    kit.view().innerHTML = `
      <div class="case">
        ${pageWorkspaceHtml(
          detail.pages.map((p) => ({
            documentId: p.documentId,
            pageNumber: p.pageNumber,
            // A page two documents share is titled by both (证书 + 身份证 第1页), else by the file's document holding it.
            title: `${
              c.documents
                .filter((doc) => doc.documentId === p.documentId && doc.pages.includes(p.pageNumber))
                .map((doc) => DOC_TITLES[doc.type] ?? '材料')
                .join(' + ') ||
              (DOC_TITLES[c.documents.find((doc) => doc.documentId === p.documentId)?.type ?? 'unknown'] ?? '材料')
            } 第${p.pageNumber}页`,
          })),
          kit.esc,
        )}
        <section class="case-pane">
          <div class="decision ${d?.outcome ?? ''}" id="decision">
            <div class="headline">${d ? `${kit.esc(v.outcomeZh ?? '')} · ${kit.yuan(d.amountYuan)}${v.unconfirmedFigures.length ? '<span class="pending-standard">（待确认标准）</span>' : ''} · ${programmeIdSchema.safeParse(d.programme).success ? `<span class="clause">${kit.esc(d.programme)}</span> ` : ''}${kit.esc(v.programmeTitle ?? '')}` : '规则未能判定（未分类）'}</div>
            <div class="muted">案件 ${kit.esc(c.caseId)} · <span class="status ${c.status}">${kit.esc(v.statusZh)}</span>${c.lease ? ` · 领取人 ${kit.esc(who(c.lease.holder))}` : ''} · 版本 ${c.version}${c.confirmedBy ? ` · 确认人 ${kit.esc(who(c.confirmedBy))}` : ''}${c.approvedBy ? ` · 审批人 ${kit.esc(who(c.approvedBy))}` : ''}</div>
            ${v.unconfirmedFigures.length ? `<p class="unconfirmed" id="unconfirmed"><strong>待确认标准</strong>金额所依据的标准尚未经区人社局确认：${v.unconfirmedFigures.map((f) => `${kit.esc(f.titleZh)}（${kit.esc(f.document)}）`).join('、')}</p>` : ''}
            ${v.reasons.length ? `<ul>${v.reasons.map((r) => `<li><span class="clause">${kit.esc(r.ruleId)}</span>${kit.esc(r.zh)}</li>`).join('')}</ul>` : ''}
            ${v.missingDocuments.length ? `<p id="missing">缺少材料：${v.missingDocuments.map(kit.esc).join('、')}</p>` : ''}
            ${v.openPoints
              .map(
                (point, i) =>
                  `<div class="open-point" data-point="${i}"><strong>待核对</strong><span class="clause">${kit.esc(point.ruleId)}</span>${kit.esc(point.zh)}${
                    v.actions.recordEvidence && point.evidence.length
                      ? `<div class="evidence">已核对以下材料之一，可补录：${point.evidence.map((e) => `<button class="record-evidence" data-kind="${kit.esc(e.kind)}">${kit.esc(e.zh)}</button>`).join('')}</div>`
                      : ''
                  }</div>`,
              )
              .join('')}
            ${detail.findings
              .map((f) =>
                f.resolution
                  ? `<p class="finding resolved" data-finding="${kit.esc(f.code)}">已处理疑点：${kit.esc(f.zh)}<br/>处理说明：${kit.esc(f.resolution.note)}（${kit.esc(who(f.resolution.by))}）</p>`
                  : `<div class="finding open" data-finding="${kit.esc(f.code)}"><strong>疑点</strong>${kit.esc(f.zh)}<ul>${f.documents
                      .map(
                        (doc) =>
                          `<li>${kit.esc(DOC_TITLES[doc.type] ?? '材料')}：${kit.esc(doc.name ?? '—')}${doc.idNumber ? ` · ${kit.esc(doc.idNumber)}` : ''}</li>`,
                      )
                      .join(
                        '',
                      )}</ul>${editable ? `<button class="resolve-finding" data-code="${kit.esc(f.code)}" data-key="${kit.esc(f.key)}">处理疑点（说明核对结果） <kbd>Alt+Y</kbd></button>` : ''}</div>`,
              )
              .join('')}
            ${(c.recordedEvidence ?? []).map((e) => `<p class="evidence-recorded">已补录：${kit.esc(EVIDENCE_ZH[e.kind])}　${kit.esc(e.note)}（${kit.esc(who(e.by))}）</p>`).join('')}
            ${c.rejection ? `<p>退回原因：${kit.esc(c.rejection.reason)}（${kit.esc(who(c.rejection.by))}）</p>` : ''}
            ${c.declination ? `<p id="declined">不予补贴原因：${kit.esc(c.declination.reason)}（${kit.esc(who(c.declination.by))}）</p>` : ''}
            ${c.requestedDocuments ? `<p>要求补件：${c.requestedDocuments.map(kit.esc).join('、')}${c.requestNote ? `<br/><span class="muted">内部备注：${kit.esc(c.requestNote)}</span>` : ''}</p>` : ''}
            ${(c.recoveries ?? []).map((r) => `<p class="recovery">追回已拨付资金 ${kit.yuan(r.amountYuan)}：${kit.esc(r.reason)}${r.findingRef ? `（${kit.esc(r.findingRef)}）` : ''} · ${kit.esc(who(r.by))}</p>`).join('')}
          </div>
          <div class="actions">
            ${v.actions.confirm ? `<button class="primary" id="confirm">确认${flagged ? `（还有 ${flagged} 处待核对）` : ''} <kbd>Ctrl+Enter</kbd></button>` : ''}
            ${v.actions.classify ? '<button class="primary" id="classify">人工分类 <kbd>Alt+K</kbd></button>' : ''}
            ${v.actions.regroupPages && regroupable().length ? '<button id="regroup">调整分页 <kbd>Alt+G</kbd></button>' : ''}
            ${v.actions.decline ? '<button class="danger" id="decline">不予补贴 <kbd>Alt+N</kbd></button>' : ''}
            ${editable ? `<button class="danger" id="reject">退回 <kbd>Alt+R</kbd></button><button id="request">要求补件 <kbd>Alt+B</kbd></button>${c.status === 'claimed' ? '<button id="release">释放 <kbd>Alt+L</kbd></button>' : ''}` : ''}
            ${v.actions.approve ? '<button class="primary" id="approve">审批通过 <kbd>Alt+P</kbd></button>' : ''}
            ${v.actions.recover ? '<button class="danger" id="recover">追回已拨付资金 <kbd>Alt+Z</kbd></button>' : ''}
            ${leasedElsewhere ? `<p class="muted" id="leased">此案件由 ${kit.esc(who(c.lease!.holder))} 领取审核中，您只能查看。</p>` : ''}
            <button id="audit-toggle">审核记录 <kbd>Alt+H</kbd></button>
            ${c.submissionId.startsWith('batch-') || c.institutionId ? `<a href="#/batch/${encodeURIComponent(c.submissionId)}">整批查看</a>` : ''}
            <a id="submission-link" href="#/submission/${encodeURIComponent(c.submissionId)}">来件详情</a>
          </div>
          <div class="audit" id="audit" ${showAudit ? '' : 'hidden'}><table class="audit-table"><colgroup><col class="at" /><col class="who" /><col class="what" /><col /></colgroup><thead><tr><th>时间（北京）</th><th>操作人</th><th>操作</th><th>修改前 → 修改后</th></tr></thead><tbody>${v.audit
            .map((e) => `<tr><td>${kit.esc(e.at)}</td><td>${kit.esc(e.who)}</td><td>${kit.esc(e.what)}</td><td>${kit.esc(e.change)}</td></tr>`)
            .join('')}</tbody></table></div>
          ${documents
            .map((document) => {
              const entries = Object.entries(document.fields).sort(([, a], [, b]) => Number(b.needsReview) - Number(a.needsReview));
              return `<div class="doc"><h3>${kit.esc(DOC_TITLES[document.type] ?? '材料')} <span class="muted">（${kit.esc(pagesInWords(document, fileDocuments(document.documentId)))}）</span></h3>${entries
                .map(([name, field]) => {
                  const key = keyOf({ documentId: document.documentId, indexInFile: document.indexInFile, field: name });
                  // The certificate kind is shown and typed in Chinese (职业技能等级证书), never as its code.
                  const kind = name === 'certificateKind';
                  const stored = field.value === null ? '' : kind ? (CERTIFICATE_KIND_ZH[String(field.value)] ?? String(field.value)) : String(field.value);
                  const shown = pending.get(key) ?? stored;
                  const label = FIELD_LABELS[name] ?? name;
                  return `<label class="field${field.needsReview ? ' flagged' : ''}${field.correction ? ' corrected' : ''}${pending.has(key) ? ' pending' : ''}" data-key="${kit.esc(key)}">
                    <span>${kit.esc(label)}</span>
                    <input name="${kit.esc(name)}" data-key="${kit.esc(key)}" value="${kit.esc(shown)}" ${kind ? 'list="certificate-kinds"' : ''} ${editable ? '' : 'readonly'} aria-label="${kit.esc(label)}" />
                    <span class="conf" title="${field.needsReview ? '识别置信度低，请核对' : ''}">${Math.round(field.confidence * 100)}%</span></label>`;
                })
                .join('')}</div>`;
            })
            .join('')}
        </section>
        <datalist id="certificate-kinds">${Object.values(CERTIFICATE_KIND_ZH)
          .map((zh) => `<option value="${kit.esc(zh)}"></option>`)
          .join('')}</datalist>
      </div>`;
    kit.keys(hints.join(' · '));
    wire();
  };

  /** The documents read from one file, in the order the file gives them (材料1, 材料2… as the 调整分页 form numbers them). */
  const fileDocuments = (documentId: string) => detail.case.documents.filter((d) => d.documentId === documentId).sort((a, b) => a.indexInFile - b.indexInFile);

  /** A page two documents share: each one's part, named by its number in the file and its type. */
  const partsOf = (documentId: string, pageNumber: number) => {
    const docs = fileDocuments(documentId);
    return docs.flatMap((d, i) => {
      const box = regionOn(d, pageNumber);
      return box ? [{ box, label: `材料${i + 1} ${DOC_TITLES[d.type] ?? '材料'}`, side: sideOn(d, pageNumber, docs) }] : [];
    });
  };

  const refs = () => fieldRefs();
  const nextFlagged = (afterKey?: string) => {
    const all = refs();
    const start = afterKey ? all.findIndex((r) => keyOf(r) === afterKey) + 1 : 0;
    const ordered = [...all.slice(start), ...all.slice(0, start)];
    return ordered.find((r) => r.value.needsReview && keyOf(r) !== afterKey);
  };

  const focusField = (key: string | undefined) => {
    const input = key ? kit.view().querySelector<HTMLInputElement>(`input[data-key="${CSS.escape(key)}"]`) : null;
    if (input) {
      input.focus();
      input.select();
    } else {
      (
        document.getElementById('confirm') ??
        document.getElementById('approve') ??
        document.getElementById('classify') ??
        document.querySelector<HTMLElement>('button.record-evidence') ??
        document.getElementById('audit-toggle')
      )?.focus();
    }
  };

  const wire = () => {
    // The view is drawn again after every action: the workspace comes back at the zoom, rotation and page it had.
    const kept = workspace?.state();
    workspace?.destroy();
    workspace = mountPageWorkspace(
      kit.view(),
      { pages: detail.pages.map((p) => ({ documentId: p.documentId, pageNumber: p.pageNumber, title: '' })), loadImage, partsOf, esc: kit.esc },
      kept,
    );
    kit
      .view()
      .querySelectorAll<HTMLInputElement>('input[data-key]')
      .forEach((input) => {
        input.addEventListener('focus', () => {
          focusKey = input.dataset.key!;
          const ref = refs().find((r) => keyOf(r) === focusKey);
          if (ref) void showPage(`${ref.documentId}/${ref.page}`, ref.box, focusKey, ref.value.source?.raw);
        });
        input.addEventListener('input', () => {
          pending.set(input.dataset.key!, input.value);
          input.closest('.field')?.classList.add('pending');
        });
        input.addEventListener('keydown', (event) => {
          if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey) {
            event.preventDefault();
            void accept(input.dataset.key!);
          }
        });
      });
    document.getElementById('confirm')?.addEventListener('click', () => void confirmAndNext());
    kit
      .view()
      .querySelectorAll<HTMLButtonElement>('button.resolve-finding')
      .forEach((b) => b.addEventListener('click', () => void resolveFinding(b.dataset.code!, b.dataset.key!)));
    document.getElementById('reject')?.addEventListener('click', () => void reject());
    document.getElementById('request')?.addEventListener('click', () => void requestDocuments());
    document.getElementById('release')?.addEventListener('click', () => void act('release', {}));
    document.getElementById('approve')?.addEventListener('click', () => void act('approve', {}));
    document.getElementById('decline')?.addEventListener('click', () => void decline());
    document.getElementById('classify')?.addEventListener('click', () => void classify());
    document.getElementById('regroup')?.addEventListener('click', () => void regroup());
    document.getElementById('key-help')?.addEventListener('click', () => toggleKeyHelp());
    document.getElementById('recover')?.addEventListener('click', () => void recover());
    kit
      .view()
      .querySelectorAll<HTMLButtonElement>('button.record-evidence')
      .forEach((b) => b.addEventListener('click', () => void recordEvidence(b.dataset.kind!)));
    document.getElementById('audit-toggle')?.addEventListener('click', () => {
      showAudit = !showAudit;
      $('#audit').hidden = !showAudit;
    });
    const ref = refs().find((r) => keyOf(r) === focusKey);
    void showPage(ref ? `${ref.documentId}/${ref.page}` : workspace.current(), ref?.box, ref ? focusKey : undefined, ref?.value.source?.raw);
  };

  /** Typed values stay in `pending` until the server has them; a conflict reloads the case and keeps them. */
  const conflict = async (error: ApiFailure) => {
    detail = await kit.api<CaseDetail>('GET', `/cases/${encodeURIComponent(caseId)}`);
    render();
    kit.banner(`${error.error.zh}${pending.size ? '（您输入的内容仍保留在标红的字段中，按 Enter 可在新版本上重新提交。）' : ''}`);
    focusField(focusKey);
  };

  const accept = async (key: string) => {
    const ref = refs().find((r) => keyOf(r) === key);
    if (!ref) return;
    const input = kit.view().querySelector<HTMLInputElement>(`input[data-key="${CSS.escape(key)}"]`)!;
    const typed = input.value.trim();
    const original = ref.value.value;
    // Numbers stay numbers (level, months), empty means "no value", a certificate kind typed in Chinese is its code.
    const kindCode = ref.field === 'certificateKind' ? Object.entries(CERTIFICATE_KIND_ZH).find(([, zh]) => zh === typed)?.[0] : undefined;
    const value = typed === '' ? null : kindCode ? kindCode : typeof original === 'number' && /^-?\d+(\.\d+)?$/.test(typed) ? Number(typed) : typed;
    const next = nextFlagged(key);
    if (!ref.value.needsReview && value === original) {
      pending.delete(key);
      focusKey = next ? keyOf(next) : undefined;
      focusField(focusKey);
      return;
    }
    try {
      detail = await kit.api<CaseDetail>('PATCH', `/cases/${encodeURIComponent(caseId)}/fields`, {
        version: detail.case.version,
        corrections: [{ documentId: ref.documentId, indexInFile: ref.indexInFile, field: ref.field, value }],
      });
      pending.delete(key);
      kit.banner(undefined);
      const following = nextFlagged(key);
      focusKey = following ? keyOf(following) : undefined;
      render();
      focusField(focusKey);
    } catch (error) {
      if (error instanceof ApiFailure && error.status === 409) return conflict(error);
      kit.show(error);
    }
  };

  const act = async (action: string, body: Record<string, unknown>): Promise<boolean> => {
    try {
      detail = await kit.api<CaseDetail>('POST', `/cases/${encodeURIComponent(caseId)}/${action}`, { version: detail.case.version, ...body });
      pending.clear();
      render();
      kit.banner(
        {
          confirm: '已确认。',
          reject: '已退回。',
          'request-documents': '已要求补件。',
          release: '已释放回队列。',
          approve: '已审批通过。',
          decline: '已按不予补贴办结。',
          evidence: '已补录核对结果，规则已重新判定。',
          classify: '已分类，规则已重新判定。',
          pages: '已按新的分页重新读取，规则已重新判定。',
          recovery: '已登记追回已拨付资金。',
        }[action] ?? '完成。',
        'info',
      );
      return true;
    } catch (error) {
      if (error instanceof ApiFailure && error.status === 409) await conflict(error);
      else kit.show(error);
      return false;
    }
  };

  const confirmAndNext = async () => {
    if (pending.size > 0) {
      kit.banner(`还有 ${pending.size} 处输入尚未提交（按 Enter 提交），确认前请先处理。`);
      return;
    }
    if (!(await act('confirm', {}))) return;
    const queue = sessionStorage.getItem('intake.queue') ?? detail.case.queue;
    await kit.claimNext(queue, '已确认。');
  };

  const ask = (title: string, label: string) => askText(kit.esc, title, label);
  const askForm = (title: string, html: string) => askFormDialog(kit.esc, title, html);

  const resolveFinding = async (code: string, key: string) => {
    const note = await ask('处理疑点', '核对结果（如：已核对身份证原件，合同上为曾用名）');
    if (note) await act(`findings/${encodeURIComponent(code)}/resolve`, { key, note });
  };
  const reject = async () => {
    const reason = await ask('退回案件', '退回原因（将告知申请人）');
    if (reason) await act('reject', { reason });
  };
  /** The programme's standard documents as a checklist (the missing ones ticked), other documents and an internal note. */
  const requestDocuments = async () => {
    const data = await askForm(
      '要求补件',
      `<fieldset class="checklist"><legend>需补交的材料</legend>${detail.view.checklist
        .map(
          (item) =>
            `<label><input type="checkbox" name="doc" value="${kit.esc(item.code)}" ${item.missing ? 'checked' : ''} /> ${kit.esc(item.zh)}${item.missing ? '<small>（缺少）</small>' : ''}</label>`,
        )
        .join('')}</fieldset>
       <label>其他材料（将告知申请人）<input name="other" placeholder="如：户口簿首页" /></label>
       <label>内部备注（不告知申请人）<textarea name="note" rows="2"></textarea></label>`,
    );
    if (!data) return;
    const others = String(data.get('other') ?? '')
      .split(/[、,，;；]+/)
      .map((x) => x.trim())
      .filter(Boolean);
    const documents = [...data.getAll('doc').map(String), ...others];
    const note = String(data.get('note') ?? '').trim();
    if (documents.length === 0) return kit.banner('请至少勾选或填写一项需补交的材料。');
    await act('request-documents', { documents, ...(note ? { note } : {}) });
  };

  /** Records the evidence seen for an open point; the rules judge the case again. */
  const recordEvidence = async (kind: string) => {
    const label = detail.view.openPoints.flatMap((p) => p.evidence).find((e) => e.kind === kind)?.zh ?? '';
    const data = await askForm(
      '补录核对结果',
      `<p>${kit.esc(label)}</p><label>核对说明（所见材料、证件号码、有效期等）<textarea name="note" rows="3" required></textarea></label>${
        kind === 'residence_permit' ? '<label>居住证有效期至 <input type="date" name="validUntil" /></label>' : ''
      }`,
    );
    const note = String(data?.get('note') ?? '').trim();
    if (!data || !note) return;
    const validUntil = String(data.get('validUntil') ?? '');
    await act('evidence', { kind, note, ...(validUntil ? { validUntil } : {}) });
  };

  /** 未分类: the programme claimed and each document's type (case-structure.ts); the rules then judge the case again. */
  const classify = async () => {
    const data = await askForm('人工分类', classifyForm(detail.case.documents, kit.esc));
    if (!data) return;
    const request = classifyRequest(detail.case.documents, data);
    if (!request) return kit.banner('请选择申请的补贴项目。');
    await act('classify', request);
  };

  const regroupable = () => regroupableFiles(detail.case.documents);

  /** Split and merge a file's pages (case-structure.ts); the server reads them again from the stored pages. */
  const regroup = async () => {
    const files = regroupable();
    const data = await askForm('调整材料分页', regroupForm(files, kit.esc));
    if (!data) return;
    for (const request of regroupRequests(files, data)) if (!(await act('pages', request))) return;
  };

  const decline = async () => {
    const reason = await ask('不予补贴', '不予补贴的原因（将告知申请人）');
    if (reason) await act('decline', { reason });
  };

  /** XH36-4.2 追回已拨付资金: amount (at most what was paid and not yet recovered), the false information found, the finding. */
  const recover = async () => {
    const paid = detail.case.decision?.amountYuan ?? 0;
    const recovered = (detail.case.recoveries ?? []).reduce((sum, r) => sum + r.amountYuan, 0);
    const data = await askForm(
      '追回已拨付资金',
      `<p>已拨付 ${kit.yuan(paid)}，已追回 ${kit.yuan(recovered)}。</p>
       <label>追回原因（查实的虚造信息）<textarea name="reason" rows="2" required></textarea></label>
       <label>追回金额（元）<input type="number" name="amount" min="1" max="${paid - recovered}" value="${paid - recovered}" required /></label>
       <label>查实文书编号（可选）<input name="findingRef" /></label>`,
    );
    if (!data) return;
    const findingRef = String(data.get('findingRef') ?? '').trim();
    await act('recovery', { amountYuan: Number(data.get('amount')), reason: String(data.get('reason') ?? '').trim(), ...(findingRef ? { findingRef } : {}) });
  };

  /** The `?` overlay: every key of the view, from the one list the handlers follow (key-map.ts). */
  const toggleKeyHelp = () => {
    const open = document.getElementById('key-overlay');
    if (open) {
      open.remove();
      return;
    }
    const overlay = document.createElement('div');
    overlay.id = 'key-overlay';
    overlay.className = 'key-overlay';
    overlay.setAttribute('role', 'dialog');
    overlay.setAttribute('aria-label', '快捷键');
    overlay.innerHTML = `<h3>快捷键</h3><table><tbody>${CASE_KEYS.map((k) => `<tr data-keys="${kit.esc(k.keys)}"><td><kbd>${kit.esc(keyLabel(k.keys))}</kbd></td><td>${kit.esc(k.zh)}${k.outsideFields ? '<small class="muted">（光标不在输入框时）</small>' : ''}</td></tr>`).join('')}</tbody></table><p class="muted">按 <kbd>?</kbd> 或 <kbd>Esc</kbd> 关闭</p>`;
    document.body.append(overlay);
  };

  const onKey = (event: KeyboardEvent) => {
    if (document.querySelector('dialog[open]')) return;
    const key = event.key.toLowerCase();
    const outside = !typingInField(event) && !event.ctrlKey && !event.altKey && !event.metaKey;
    if (event.key === 'Escape' && document.getElementById('key-overlay')) toggleKeyHelp();
    else if (outside && event.key === '?') toggleKeyHelp();
    else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && document.getElementById('confirm')) void confirmAndNext();
    else if (event.altKey && key === 'r' && document.getElementById('reject')) void reject();
    else if (event.altKey && key === 'b' && document.getElementById('request')) void requestDocuments();
    else if (event.altKey && key === 'l' && document.getElementById('release')) void act('release', {});
    else if (event.altKey && key === 'p' && document.getElementById('approve')) void act('approve', {});
    else if (event.altKey && key === 'n' && document.getElementById('decline')) void decline();
    else if (event.altKey && key === 'k' && document.getElementById('classify')) void classify();
    else if (event.altKey && key === 'g' && document.getElementById('regroup')) void regroup();
    else if (event.altKey && key === 'z' && document.getElementById('recover')) void recover();
    else if (event.altKey && key === 'j' && document.querySelector('button.record-evidence'))
      document.querySelector<HTMLButtonElement>('button.record-evidence')!.focus();
    else if (event.altKey && key === 'h') document.getElementById('audit-toggle')?.click();
    else if (event.altKey && key === 'y' && document.querySelector('button.resolve-finding'))
      document.querySelector<HTMLButtonElement>('button.resolve-finding')!.click();
    else if (event.key === 'PageDown' && !event.ctrlKey) workspace?.turnPage(1);
    else if (event.key === 'PageUp' && !event.ctrlKey) workspace?.turnPage(-1);
    else if (outside && (event.key === '+' || event.key === '=')) workspace?.zoom(1);
    else if (outside && event.key === '-') workspace?.zoom(-1);
    else if (outside && event.key === '0') workspace?.reset();
    else if (outside && key === 'r') workspace?.rotate();
    else if (event.key === 'Escape')
      location.hash = kit.isStaff() ? `#/queue/${encodeURIComponent(sessionStorage.getItem('intake.queue') ?? detail.case.queue)}` : '#/';
    else return;
    event.preventDefault();
  };
  const onResize = () => {
    workspace?.redraw();
  };
  document.addEventListener('keydown', onKey);
  window.addEventListener('resize', onResize);
  kit.onLeave(() => {
    document.removeEventListener('keydown', onKey);
    window.removeEventListener('resize', onResize);
    workspace?.destroy();
    document.getElementById('key-overlay')?.remove();
    for (const url of imageUrls.values()) URL.revokeObjectURL(url);
  });

  const first = nextFlagged();
  focusKey = first ? keyOf(first) : undefined;
  render();
  // A clean case: focus sits on "确认", so one Enter confirms it.
  focusField(focusKey);
}
