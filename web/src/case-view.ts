/**
 * The case views of the page: the clerk's and supervisor's workspace (page image, fields, decision, actions, audit)
 * and a training body's read-only view. Moved out of app.ts so the case-level work and the lists can change apart;
 * it borrows the session and the helpers of the page through `CaseKit`.
 */
import type { CaseDetail, InstitutionCaseView } from '../../shared/review/api-schemas.js';
import { CASE_STATUS_ZH, DOCUMENT_TITLES_ZH, OUTCOME_ZH } from '../../shared/review/labels.js';
import { ApiFailure } from './api-failure.js';
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
const STATUS: Record<string, string> = CASE_STATUS_ZH;
const OUTCOME: Record<string, string> = OUTCOME_ZH;
const FIELD_LABELS: Record<string, string> = {
  holderName: '持证人', idNumber: '身份证号', occupation: '职业（工种）', level: '等级', certificateKind: '证书类别', certificateNumber: '证书编号',
  issueDate: '发证日期', issuer: '发证机关', employerName: '用人单位', employerCreditCode: '统一社会信用代码', employeeName: '劳动者', employeeIdNumber: '劳动者身份证号',
  startDate: '起始日期', endDate: '终止日期', signedDate: '签订日期', title: '聘任职务', personName: '姓名', monthsPaid: '缴费月数', periodStart: '缴费起始',
  periodEnd: '缴费截止', companyName: '企业名称', creditCode: '统一社会信用代码', address: '住所', establishedDate: '成立日期', legalRepresentative: '法定代表人',
  name: '姓名', birthDate: '出生日期',
};
const ACTIONS: Record<string, string> = {
  create: '生成案件', documents_added: '补充材料', claim: '领取', release: '释放', correct_fields: '更正字段', confirm: '确认', reject: '退回',
  request_documents: '要求补件', approve: '审批通过',
};

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
  let currentPage = detail.pages[0] ? `${detail.pages[0].documentId}/${detail.pages[0].pageNumber}` : '';
  let showAudit = false;
  let focusKey: string | undefined;
  const keyOf = (ref: Pick<FieldRef, 'documentId' | 'indexInFile' | 'field'>) => `${ref.documentId}#${ref.indexInFile}#${ref.field}`;

  const loadImage = async (documentId: string, pageNumber: number) => {
    const key = `${documentId}/${pageNumber}`;
    if (!imageUrls.has(key)) {
      const response = await fetch(`${kit.apiBase()}/documents/${encodeURIComponent(documentId)}/pages/${pageNumber}`, { headers: { authorization: `Bearer ${kit.token()}` } });
      if (!response.ok) return undefined;
      imageUrls.set(key, URL.createObjectURL(await response.blob()));
    }
    return imageUrls.get(key);
  };

  const showPage = async (key: string, box?: FieldRef['box'], fieldKey?: string) => {
    currentPage = key;
    const [documentId, pageNumber] = [key.slice(0, key.lastIndexOf('/')), Number(key.slice(key.lastIndexOf('/') + 1))];
    kit.view().querySelectorAll<HTMLButtonElement>('.page-tabs button').forEach((b) => b.classList.toggle('current', b.dataset.page === key));
    const img = $('#page-img') as HTMLImageElement;
    const url = await loadImage(documentId, pageNumber);
    // A later focus may have moved on while this page loaded: only the latest field's page and box are shown.
    if (!img || (fieldKey !== undefined && fieldKey !== focusKey)) return;
    if (url && img.src !== url) {
      img.src = url;
      await img.decode().catch(() => undefined);
    }
    if (fieldKey !== undefined && fieldKey !== focusKey) return;
    drawBox(box, fieldKey);
  };

  /** The box is in the served image's pixels (`source.box`), scaled to the size the image is shown at. */
  const drawBox = (box?: FieldRef['box'], fieldKey?: string) => {
    const img = $('#page-img') as HTMLImageElement;
    const frame = $('#page-box');
    if (!img || !frame) return;
    frame.dataset.key = fieldKey ?? '';
    frame.dataset.page = currentPage;
    if (!box || !img.naturalWidth) {
      frame.hidden = true;
      return;
    }
    // Decoded but not laid out yet: draw once it has a size.
    if (!img.clientWidth) {
      requestAnimationFrame(() => drawBox(box, fieldKey));
      return;
    }
    const scale = img.clientWidth / img.naturalWidth;
    Object.assign(frame.style, { left: `${box.x * scale}px`, top: `${box.y * scale}px`, width: `${box.width * scale}px`, height: `${box.height * scale}px` });
    frame.hidden = false;
  };

  const fieldRefs = (): (FieldRef & { value: Field })[] => {
    const refs: (FieldRef & { value: Field })[] = [];
    for (const document of detail.case.documents) {
      for (const [field, value] of Object.entries(document.fields)) {
        refs.push({ documentId: document.documentId, indexInFile: document.indexInFile, field, page: value.source?.page ?? document.pages[0] ?? 1, box: value.source?.box, value });
      }
    }
    return refs;
  };

  const render = () => {
    const c = detail.case;
    const d = c.decision;
    const open = ['needs_review', 'claimed', 'awaiting_documents'].includes(c.status);
    const flagged = c.flaggedFieldCount;
    const openFindingCount = detail.findings.filter((f) => !f.resolution).length;
    // Actions only where they are allowed: no editing of a case another clerk holds, no approval by the person who
    // confirmed, none of a case that is not 符合 or still has an open point.
    const leasedElsewhere = c.status === 'claimed' && !!c.lease && c.lease.holder !== kit.me()?.userId && Date.parse(c.lease.expiresAt) > Date.now() && !kit.isSupervisor();
    const editable = open && kit.isStaff() && !leasedElsewhere;
    const mayApprove = c.status === 'confirmed' && kit.isSupervisor() && c.confirmedBy !== kit.me()?.userId && d?.outcome === 'eligible' && (d?.amountYuan ?? 0) > 0 && openFindingCount === 0;
    // Documents with flagged fields first, and inside each document the flagged fields first.
    const documents = [...c.documents].sort((a, b) => Number(Object.values(b.fields).some((f) => f.needsReview)) - Number(Object.values(a.fields).some((f) => f.needsReview)));
    kit.view().innerHTML = `
      <div class="case">
        <section class="page-pane">
          <div class="page-tabs">${detail.pages
            .map((p) => {
              const type = c.documents.find((doc) => doc.documentId === p.documentId)?.type ?? 'unknown';
              return `<button data-page="${kit.esc(p.documentId)}/${p.pageNumber}" tabindex="-1">${kit.esc(DOC_TITLES[type] ?? type)} 第${p.pageNumber}页</button>`;
            })
            .join('')}</div>
          <div class="page-frame"><img id="page-img" alt="材料页面" /><div id="page-box" class="box" hidden></div></div>
        </section>
        <section>
          <div class="decision ${d?.outcome ?? ''}" id="decision">
            <div class="headline">${d ? `${kit.esc(OUTCOME[d.outcome] ?? d.outcome)} · ${kit.yuan(d.amountYuan)} · <span class="clause">${kit.esc(d.programme)}</span>` : '规则未能判定（未分类）'}</div>
            <div class="muted">案件 ${kit.esc(c.caseId)} · <span class="status ${c.status}">${STATUS[c.status]}</span>${c.lease ? ` · 领取人 ${kit.esc(c.lease.holder)}` : ''} · 版本 ${c.version}${c.confirmedBy ? ` · 确认人 ${kit.esc(c.confirmedBy)}` : ''}${c.approvedBy ? ` · 审批人 ${kit.esc(c.approvedBy)}` : ''}</div>
            ${d ? `<ul>${d.reasons.map((r) => `<li><span class="clause">${kit.esc(r.ruleId)}</span>${kit.esc(r.zh)}</li>`).join('')}${(d.missingDocumentDetails ?? []).map((m) => `<li><span class="clause">${kit.esc(m.ruleId)}</span>缺少：${kit.esc(m.zh)}</li>`).join('')}</ul>` : ''}
            ${detail.findings
              .map((f) =>
                f.resolution
                  ? `<p class="finding resolved" data-finding="${kit.esc(f.code)}">已处理疑点：${kit.esc(f.zh)}<br/>处理说明：${kit.esc(f.resolution.note)}（${kit.esc(f.resolution.by)}）</p>`
                  : `<div class="finding open" data-finding="${kit.esc(f.code)}"><strong>疑点</strong>${kit.esc(f.zh)}<ul>${f.documents
                      .map((doc) => `<li>${kit.esc(DOC_TITLES[doc.type] ?? doc.type)}：${kit.esc(doc.name ?? '—')}${doc.idNumber ? ` · ${kit.esc(doc.idNumber)}` : ''}</li>`)
                      .join('')}</ul>${open && kit.isStaff() ? `<button class="resolve-finding" data-code="${kit.esc(f.code)}" data-key="${kit.esc(f.key)}">处理疑点（说明核对结果） <kbd>Alt+F</kbd></button>` : ''}</div>`,
              )
              .join('')}
            ${c.rejection ? `<p>退回原因：${kit.esc(c.rejection.reason)}（${kit.esc(c.rejection.by)}）</p>` : ''}
            ${c.requestedDocuments ? `<p>要求补件：${c.requestedDocuments.map(kit.esc).join('、')}</p>` : ''}
          </div>
          <div class="actions">
            ${editable ? `${openFindingCount === 0 ? `<button class="primary" id="confirm">确认${flagged ? `（还有 ${flagged} 处待核对）` : ''} <kbd>Ctrl+Enter</kbd></button>` : ''}<button class="danger" id="reject">退回 <kbd>Alt+R</kbd></button><button id="request">要求补件 <kbd>Alt+D</kbd></button>${c.status === 'claimed' ? '<button id="release">释放 <kbd>Alt+L</kbd></button>' : ''}` : ''}
            ${mayApprove ? '<button class="primary" id="approve">审批通过 <kbd>Alt+P</kbd></button>' : ''}
            ${leasedElsewhere ? `<p class="muted" id="leased">此案件由 ${kit.esc(c.lease!.holder)} 领取审核中，您只能查看。</p>` : ''}
            <button id="audit-toggle">审核记录 <kbd>Alt+H</kbd></button>
            ${c.submissionId.startsWith('batch-') || c.institutionId ? `<a href="#/batch/${encodeURIComponent(c.submissionId)}">整批查看</a>` : ''}
          </div>
          <div class="audit" id="audit" ${showAudit ? '' : 'hidden'}><table><thead><tr><th>时间</th><th>操作人</th><th>操作</th><th>修改前 → 修改后</th></tr></thead><tbody>${detail.audit
            .map((e) => `<tr><td>${kit.esc(e.at.slice(0, 19).replace('T', ' '))}</td><td>${kit.esc(e.actor)}</td><td>${kit.esc(ACTIONS[e.action] ?? e.action)}</td><td><pre>${kit.esc(e.before === undefined ? '' : JSON.stringify(e.before))}\n→ ${kit.esc(e.after === undefined ? '' : JSON.stringify(e.after))}</pre></td></tr>`)
            .join('')}</tbody></table></div>
          ${documents
            .map((document) => {
              const entries = Object.entries(document.fields).sort(([, a], [, b]) => Number(b.needsReview) - Number(a.needsReview));
              return `<div class="doc"><h3>${kit.esc(DOC_TITLES[document.type] ?? document.type)} <span class="muted">（第${document.pages.join('、')}页）</span></h3>${entries
                .map(([name, field]) => {
                  const key = keyOf({ documentId: document.documentId, indexInFile: document.indexInFile, field: name });
                  const shown = pending.get(key) ?? (field.value === null ? '' : String(field.value));
                  return `<label class="field${field.needsReview ? ' flagged' : ''}${field.correction ? ' corrected' : ''}${pending.has(key) ? ' pending' : ''}" data-key="${kit.esc(key)}">
                    <span>${kit.esc(FIELD_LABELS[name] ?? name)}</span>
                    <input name="${kit.esc(name)}" data-key="${kit.esc(key)}" value="${kit.esc(shown)}" ${editable ? '' : 'readonly'} aria-label="${kit.esc(FIELD_LABELS[name] ?? name)}" />
                    <span class="conf" title="${kit.esc((field.issues ?? []).join(', '))}">${Math.round(field.confidence * 100)}%</span></label>`;
                })
                .join('')}</div>`;
            })
            .join('')}
        </section>
      </div>`;
    kit.keys(
      kit.isStaff()
        ? '<kbd>Enter</kbd> 接受当前字段并跳到下一个待核对字段 · <kbd>Tab</kbd> 下一个字段 · <kbd>Ctrl+Enter</kbd> 确认并领取下一件 · <kbd>Alt+R</kbd> 退回 · <kbd>Alt+D</kbd> 要求补件 · <kbd>Alt+L</kbd> 释放 · <kbd>Alt+H</kbd> 审核记录 · <kbd>Esc</kbd> 返回队列'
        : '<kbd>Alt+H</kbd> 审核记录 · <kbd>Esc</kbd> 返回',
    );
    wire();
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
      (document.getElementById('confirm') ?? document.getElementById('approve') ?? document.getElementById('audit-toggle'))?.focus();
    }
  };

  const wire = () => {
    kit.view().querySelectorAll<HTMLButtonElement>('.page-tabs button').forEach((b) => b.addEventListener('click', () => void showPage(b.dataset.page!)));
    kit.view().querySelectorAll<HTMLInputElement>('input[data-key]').forEach((input) => {
      input.addEventListener('focus', () => {
        focusKey = input.dataset.key!;
        const ref = refs().find((r) => keyOf(r) === focusKey);
        if (ref) void showPage(`${ref.documentId}/${ref.page}`, ref.box, focusKey);
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
    kit.view().querySelectorAll<HTMLButtonElement>('button.resolve-finding').forEach((b) => b.addEventListener('click', () => void resolveFinding(b.dataset.code!, b.dataset.key!)));
    document.getElementById('reject')?.addEventListener('click', () => void reject());
    document.getElementById('request')?.addEventListener('click', () => void requestDocuments());
    document.getElementById('release')?.addEventListener('click', () => void act('release', {}));
    document.getElementById('approve')?.addEventListener('click', () => void act('approve', {}));
    document.getElementById('audit-toggle')?.addEventListener('click', () => {
      showAudit = !showAudit;
      $('#audit').hidden = !showAudit;
    });
    const ref = refs().find((r) => keyOf(r) === focusKey);
    void showPage(ref ? `${ref.documentId}/${ref.page}` : currentPage, ref?.box, ref ? focusKey : undefined);
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
    // Numbers stay numbers (level, months), empty means "no value".
    const value = typed === '' ? null : typeof original === 'number' && /^-?\d+(\.\d+)?$/.test(typed) ? Number(typed) : typed;
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
      kit.banner({ confirm: '已确认。', reject: '已退回。', 'request-documents': '已要求补件。', release: '已释放回队列。', approve: '已审批通过。' }[action] ?? '完成。', 'info');
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

  const ask = (title: string, label: string): Promise<string | undefined> =>
    new Promise((resolve) => {
      const dialog = document.createElement('dialog');
      dialog.innerHTML = `<form method="dialog"><h3>${kit.esc(title)}</h3><label>${kit.esc(label)}<textarea rows="3" required></textarea></label><div class="actions"><button value="ok" class="primary">提交 <kbd>Ctrl+Enter</kbd></button><button value="cancel" formnovalidate>取消 <kbd>Esc</kbd></button></div></form>`;
      document.body.append(dialog);
      const text = dialog.querySelector('textarea')!;
      text.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' && event.ctrlKey) {
          event.preventDefault();
          event.stopPropagation();
          dialog.close('ok');
        }
      });
      dialog.addEventListener('close', () => {
        const value = dialog.returnValue === 'ok' ? text.value.trim() : '';
        dialog.remove();
        resolve(value || undefined);
      });
      dialog.showModal();
      text.focus();
    });

  const resolveFinding = async (code: string, key: string) => {
    const note = await ask('处理疑点', '核对结果（如：已核对身份证原件，合同上为曾用名）');
    if (note) await act(`findings/${encodeURIComponent(code)}/resolve`, { key, note });
  };
  const reject = async () => {
    const reason = await ask('退回案件', '退回原因（将告知申请人）');
    if (reason) await act('reject', { reason });
  };
  const requestDocuments = async () => {
    const which = await ask('要求补件', '需补交的材料（用顿号或逗号分隔）');
    if (which) await act('request-documents', { documents: which.split(/[、,，;；\n]+/).map((s) => s.trim()).filter(Boolean) });
  };

  const onKey = (event: KeyboardEvent) => {
    if (document.querySelector('dialog[open]')) return;
    const key = event.key.toLowerCase();
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && document.getElementById('confirm')) void confirmAndNext();
    else if (event.altKey && key === 'r' && document.getElementById('reject')) void reject();
    else if (event.altKey && key === 'd' && document.getElementById('request')) void requestDocuments();
    else if (event.altKey && key === 'l' && document.getElementById('release')) void act('release', {});
    else if (event.altKey && key === 'p' && document.getElementById('approve')) void act('approve', {});
    else if (event.altKey && key === 'h') document.getElementById('audit-toggle')?.click();
    else if (event.altKey && key === 'f' && document.querySelector('button.resolve-finding')) document.querySelector<HTMLButtonElement>('button.resolve-finding')!.click();
    else if (event.key === 'Escape') location.hash = kit.isStaff() ? `#/queue/${encodeURIComponent(sessionStorage.getItem('intake.queue') ?? detail.case.queue)}` : '#/';
    else return;
    event.preventDefault();
  };
  const onResize = () => {
    const ref = refs().find((r) => keyOf(r) === focusKey);
    drawBox(ref?.box, ref ? focusKey : undefined);
  };
  document.addEventListener('keydown', onKey);
  window.addEventListener('resize', onResize);
  kit.onLeave(() => {
    document.removeEventListener('keydown', onKey);
    window.removeEventListener('resize', onResize);
    for (const url of imageUrls.values()) URL.revokeObjectURL(url);
  });

  const first = nextFlagged();
  focusKey = first ? keyOf(first) : undefined;
  render();
  // A clean case: focus sits on "确认", so one Enter confirms it.
  focusField(focusKey);
}
