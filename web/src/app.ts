/**
 * The clerk's page: plain TypeScript, no framework, bundled by esbuild (web/build.ts). Hash routes:
 * `#/` queues (staff) or the institution's batches · `#/queue/<q>` the queue · `#/case/<id>` a case ·
 * `#/batch/<submission>` an upload's cases · `#/submission/<id>` what came in (e-mail, files, refusals) · `#/batches/new` a new batch upload · `#/batches/<id>` a batch's progress ·
 * `#/exports`.
 * Every label is Simplified Chinese; everything works from the keyboard (the footer lists the keys of each view).
 */
import type { CaseDetail, CaseSummary, InstitutionCaseView } from '../../shared/review/api-schemas.js';
import { DOCUMENT_TITLES_ZH } from '../../shared/cases/labels-zh.js';
import { listKeys } from './list-keys.js';
import { batchListView, batchProgressView, newBatchView, type PageKit } from './batch-upload.js';
import { submissionView } from './submission-view.js';
import { beginCognitoSignIn, cognitoSignOutUrl, completeCognitoSignIn, forgetCognitoSignIn, keepCognitoSignIn, loadPageConfig, type PageConfig } from './cognito-sign-in.js';
import { reportsView } from './reports-view.js';
import { caseListsView } from './case-lists.js';

type Me = { userId: string; displayName?: string; roles: string[]; institutionId?: string };
type Field = CaseDetail['case']['documents'][number]['fields'][string];
type ApiError = { code: string; message: string; zh: string; details?: Record<string, unknown> };

const $ = <T extends HTMLElement>(selector: string, root: ParentNode = document) => root.querySelector(selector) as T;
const view = () => $('#view');

const DOC_TITLES: Record<string, string> = DOCUMENT_TITLES_ZH;
const FIELD_LABELS: Record<string, string> = {
  holderName: '持证人', idNumber: '身份证号', occupation: '职业（工种）', level: '等级', certificateKind: '证书类别', certificateNumber: '证书编号',
  issueDate: '发证日期', issuer: '发证机关', employerName: '用人单位', employerCreditCode: '统一社会信用代码', employeeName: '劳动者', employeeIdNumber: '劳动者身份证号',
  startDate: '起始日期', endDate: '终止日期', signedDate: '签订日期', title: '聘任职务', personName: '姓名', monthsPaid: '缴费月数', periodStart: '缴费起始',
  periodEnd: '缴费截止', companyName: '企业名称', creditCode: '统一社会信用代码', address: '住所', establishedDate: '成立日期', legalRepresentative: '法定代表人',
  name: '姓名', birthDate: '出生日期',
};
const STATUS: Record<string, string> = {
  needs_review: '待审核', claimed: '审核中', awaiting_documents: '待补件', confirmed: '已确认', rejected: '已退回', approved: '已审批', paid: '已支付',
};
const OUTCOME: Record<string, string> = { eligible: '符合', ineligible: '不符合', needs_review: '待核对', missing_documents: '缺少材料' };
const ACTIONS: Record<string, string> = {
  create: '生成案件', documents_added: '补充材料', claim: '领取', release: '释放', correct_fields: '更正字段', confirm: '确认', reject: '退回',
  request_documents: '要求补件', approve: '审批通过',
};

// ---------------------------------------------------------------- session and API

let me: Me | undefined;
const token = () => sessionStorage.getItem('intake.token') ?? '';
/** How this deployment signs in (`config.json`): the development sign-in locally, Cognito's hosted UI on AWS. */
let pageConfig: PageConfig = { auth: 'dev' };
/** Why the last Cognito sign-in did not complete, for the sign-in view. */
let signInProblem: string | undefined;
const apiBase = () => pageConfig.apiBase ?? '/api';

class ApiFailure extends Error {
  constructor(readonly status: number, readonly error: ApiError) {
    super(error.message);
  }
}

async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${apiBase()}${path}`, {
    method,
    headers: { authorization: `Bearer ${token()}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (response.status === 204) return undefined as T;
  const json = (await response.json().catch(() => ({}))) as { error?: ApiError };
  if (!response.ok) {
    const error = json.error ?? { code: 'http_' + response.status, message: response.statusText, zh: `请求失败（${response.status}）` };
    if (response.status === 401 && path !== '/auth/sign-in') {
      sessionStorage.removeItem('intake.token');
      me = undefined;
    }
    throw new ApiFailure(response.status, error);
  }
  return json as T;
}

function banner(text: string | undefined, kind: 'error' | 'info' = 'error'): void {
  const element = $('#banner');
  element.hidden = !text;
  element.className = kind === 'info' ? 'info' : '';
  element.textContent = text ?? '';
}

function show(error: unknown): void {
  banner(error instanceof ApiFailure ? error.error.zh : `出错了：${String(error)}`);
}

function keys(html: string): void {
  $('#keys').innerHTML = html;
}

const esc = (value: unknown) => String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const yuan = (amount: number | undefined) => (amount === undefined ? '—' : `${amount.toLocaleString('zh-CN')} 元`);
const isStaff = () => !!me && (me.roles.includes('clerk') || me.roles.includes('supervisor'));
const isSupervisor = () => !!me && me.roles.includes('supervisor');

// ---------------------------------------------------------------- routing

let cleanup: (() => void) | undefined;
/** A message for the next view (route() clears the banner): "已确认" survives opening the next case. */
let flash: string | undefined;

/** One route at a time: a sign-in and a hash change arriving together must not leave two views' key handlers. */
let routing: Promise<void> = Promise.resolve();

function route(): Promise<void> {
  routing = routing.then(routeNow, routeNow);
  return routing;
}

async function routeNow(): Promise<void> {
  cleanup?.();
  cleanup = undefined;
  banner(undefined);
  await renderRoute();
  if (flash) banner(flash, 'info');
  flash = undefined;
}

async function renderRoute(): Promise<void> {
  if (!token()) return signInView();
  if (!me) {
    try {
      me = await api<Me>('GET', '/me');
    } catch {
      return signInView();
    }
  }
  $('#who').textContent = `${me.displayName ?? me.userId}（${me.roles.map((r) => ({ clerk: '经办', supervisor: '主管', institution: '培训机构' })[r] ?? r).join('、')}）`;
  $('#nav').innerHTML = isStaff()
    ? `<a href="#/">队列</a><a href="#/cases">案件查询</a>${isSupervisor() ? '<a href="#/exports">支付清单</a><a href="#/reports">年度目标</a>' : ''}<a href="#/signout">退出</a>`
    : '<a href="#/">我的批次</a><a href="#/batches/new">新建批次</a><a href="#/signout">退出</a>';
  const [, name, ...rest] = location.hash.replace(/^#/, '').split('/');
  const arg = decodeURIComponent(rest.join('/'));
  try {
    if (name === 'signout') {
      sessionStorage.removeItem('intake.token');
      me = undefined;
      if (pageConfig.auth === 'cognito') {
        // The hosted UI keeps its own session: end it too, or the next sign-in would skip the password.
        history.replaceState(null, '', `${location.pathname}#/`);
        await forgetCognitoSignIn(pageConfig).catch(() => undefined);
        location.assign(cognitoSignOutUrl(pageConfig));
        return;
      }
      location.hash = '#/';
      return;
    }
    if (name === 'case' && arg) return await caseView(arg);
    if (name === 'queue' && arg) return await queueView(arg);
    if (name === 'batch' && arg) return await batchView(arg);
    if (name === 'submission' && arg && isStaff()) return await submissionView(kit, arg);
    if (name === 'batches' && arg === 'new') return newBatchView(kit);
    if (name === 'batches' && arg) return await batchProgressView(kit, arg);
    if (name === 'exports') return exportsView();
    if (name === 'reports') return await reportsView(kit, apiBase(), arg);
    if (name === 'cases' && isStaff()) return await caseListsView(kit, arg);
    return isStaff() ? await queuesView() : await batchListView(kit);
  } catch (error) {
    view().innerHTML = '';
    show(error);
  }
}

/** What the batch upload views (batch-upload.ts) borrow from the page. */
const kit: PageKit = {
  api,
  token,
  view,
  banner,
  show,
  keys,
  esc: (value) => esc(value),
  yuan: (amount) => yuan(amount),
  onLeave: (undo) => {
    const previous = cleanup;
    cleanup = () => {
      previous?.();
      undo();
    };
  },
};


// ---------------------------------------------------------------- sign-in (local development sign-in)

async function signInView(): Promise<void> {
  $('#nav').innerHTML = '';
  $('#who').textContent = '';
  if (pageConfig.auth === 'cognito') return cognitoSignInView();
  if (signInProblem) banner(signInProblem);
  signInProblem = undefined;
  const { users } = await api<{ users: Me[] }>('GET', '/auth/users').catch(() => ({ users: [] as Me[] }));
  view().innerHTML = `<h1>登录</h1><p class="muted">本机开发环境：选择一位预置用户（按数字键）。</p><div class="users">${users
    .map((u, i) => `<button data-user="${esc(u.userId)}"><kbd>${i + 1}</kbd> ${esc(u.displayName)} · ${esc(u.userId)}</button>`)
    .join('')}</div>`;
  keys('<kbd>1</kbd>–<kbd>9</kbd> 选择用户登录');
  const signIn = async (username: string) => {
    try {
      const result = await api<{ token: string; user: Me }>('POST', '/auth/sign-in', { username });
      sessionStorage.setItem('intake.token', result.token);
      me = result.user;
      await route();
    } catch (error) {
      show(error);
    }
  };
  view().querySelectorAll<HTMLButtonElement>('button[data-user]').forEach((b) => b.addEventListener('click', () => signIn(b.dataset.user!)));
  const onKey = (event: KeyboardEvent) => {
    const user = users[Number(event.key) - 1];
    if (user) void signIn(user.userId);
  };
  document.addEventListener('keydown', onKey);
  cleanup = () => document.removeEventListener('keydown', onKey);
}

/** On AWS: one button to Cognito's hosted sign-in page, which comes back with a code (see start()). */
function cognitoSignInView(): void {
  view().innerHTML = `<h1>登录</h1><p>请使用本局统一身份认证账号登录（经办、主管或培训机构账号）。</p>
    <div class="actions"><button class="primary" id="cognito-sign-in">登录 <kbd>Enter</kbd></button></div>`;
  keys('<kbd>Enter</kbd> 前往登录页面');
  if (signInProblem) banner(signInProblem);
  signInProblem = undefined;
  const go = () =>
    beginCognitoSignIn(pageConfig).catch((error) => banner(`无法打开登录页面：${error instanceof Error ? error.message : String(error)}`));
  const button = $('#cognito-sign-in') as HTMLButtonElement;
  button.addEventListener('click', () => void go());
  button.focus();
}

// ---------------------------------------------------------------- queues

async function queuesView(): Promise<void> {
  const { queues } = await api<{ queues: { queue: string; title: string; waiting: number }[] }>('GET', '/queues');
  const sorted = [...queues].sort((a, b) => b.waiting - a.waiting);
  view().innerHTML = `<h1>审核队列</h1><table><thead><tr><th>队列（条款）</th><th>项目</th><th>待审核</th></tr></thead><tbody>${sorted
    .map((q) => `<tr tabindex="-1" data-queue="${esc(q.queue)}"><td><span class="clause">${esc(q.queue)}</span></td><td>${esc(q.title)}</td><td>${q.waiting}</td></tr>`)
    .join('')}</tbody></table>
    <p class="hint">批次：<input id="batch-id" placeholder="提交批次编号，如 batch-…" /> <button id="open-batch">打开批次</button></p>`;
  keys('<kbd>↑</kbd><kbd>↓</kbd> 选择 · <kbd>Enter</kbd> 打开队列 · <kbd>c</kbd> 领取所选队列的下一件');
  const rows = Array.from(view().querySelectorAll<HTMLElement>('tr[data-queue]'));
  rows.forEach((row) => row.addEventListener('click', () => (location.hash = `#/queue/${encodeURIComponent(row.dataset.queue!)}`)));
  $('#open-batch').addEventListener('click', () => (location.hash = `#/batch/${encodeURIComponent(($('#batch-id') as HTMLInputElement).value.trim())}`));
  cleanup = listKeys(rows, (row) => (location.hash = `#/queue/${encodeURIComponent(row.dataset.queue!)}`), (event) => {
    if (event.key !== 'c') return false;
    const row = rows.find((r) => r.classList.contains('selected'));
    if (row) void claimNext(row.dataset.queue!);
    return true;
  });
}

async function claimNext(queue: string, note = ''): Promise<void> {
  const from = location.hash;
  try {
    const claimed = await api<CaseDetail | undefined>('POST', `/queues/${encodeURIComponent(queue)}/claim`);
    sessionStorage.setItem('intake.queue', queue);
    const target = claimed ? `#/case/${encodeURIComponent(claimed.case.caseId)}` : `#/queue/${encodeURIComponent(queue)}`;
    const message = `${note}${claimed ? `已领取下一件：${claimed.case.caseId}` : '此队列已没有待领取的案件。'}`;
    // The clerk moved on while the claim was under way: stay where they went and say what was claimed.
    if (location.hash !== from) {
      banner(message, 'info');
      return;
    }
    flash = message;
    if (location.hash === target) await route();
    else location.hash = target;
  } catch (error) {
    show(error);
  }
}

async function queueView(queue: string, cursor?: string): Promise<void> {
  const page = await api<{ items: CaseSummary[]; cursor?: string }>('GET', `/queues/${encodeURIComponent(queue)}/cases?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
  view().innerHTML = `<h1>队列 <span class="clause">${esc(queue)}</span></h1>
    <div class="actions"><button class="primary" id="claim">领取下一件 <kbd>c</kbd></button>${page.cursor ? '<button id="more">下一页 <kbd>n</kbd></button>' : ''}</div>
    <table><thead><tr><th>案件</th><th>申请人</th><th>状态</th><th>待核对</th><th>判定</th><th>金额</th><th>收到</th></tr></thead><tbody>${page.items
      .map(
        (c) => `<tr tabindex="-1" data-case="${esc(c.caseId)}"><td>${esc(c.caseId)}</td><td>${esc(c.personName ?? '')}</td><td><span class="status ${c.status}">${STATUS[c.status]}${c.lease ? ` · ${esc(c.lease.holder)}` : ''}</span></td><td>${c.flaggedFieldCount}</td><td>${esc(OUTCOME[c.outcome ?? ''] ?? '')}</td><td>${yuan(c.amountYuan)}</td><td>${esc(c.createdAt.slice(0, 16).replace('T', ' '))}</td></tr>`,
      )
      .join('')}</tbody></table>${page.items.length === 0 ? '<p class="muted">此队列没有待审核的案件。</p>' : ''}`;
  keys('<kbd>c</kbd> 领取下一件 · <kbd>↑</kbd><kbd>↓</kbd> 选择 · <kbd>Enter</kbd> 打开（不领取） · <kbd>Esc</kbd> 返回队列列表');
  sessionStorage.setItem('intake.queue', queue);
  $('#claim').addEventListener('click', () => claimNext(queue));
  const rows = Array.from(view().querySelectorAll<HTMLElement>('tr[data-case]'));
  rows.forEach((row) => row.addEventListener('click', () => (location.hash = `#/case/${encodeURIComponent(row.dataset.case!)}`)));
  document.getElementById('more')?.addEventListener('click', () => void queueView(queue, page.cursor));
  cleanup = listKeys(rows, (row) => (location.hash = `#/case/${encodeURIComponent(row.dataset.case!)}`), (event) => {
    if (event.key === 'c') void claimNext(queue);
    else if (event.key === 'n' && page.cursor) void queueView(queue, page.cursor);
    else if (event.key === 'Escape') location.hash = '#/';
    else return false;
    return true;
  });
}

// ---------------------------------------------------------------- the case

interface FieldRef {
  documentId: string;
  indexInFile: number;
  field: string;
  page: number;
  box?: { x: number; y: number; width: number; height: number };
}

/** A training body's view of its case: state, outcome, reasons and what is asked for (the API gives nothing more). */
async function institutionCaseView(caseId: string): Promise<void> {
  const shown = await api<InstitutionCaseView>('GET', `/cases/${encodeURIComponent(caseId)}`);
  const c = shown.case;
  view().innerHTML = `<h1>案件 ${esc(c.caseId)}</h1>
    <div class="decision ${esc(c.outcome ?? '')}" id="decision">
      <div class="headline">${c.outcomeZh ? `${esc(c.outcomeZh)} · ${yuan(c.amountYuan)} · ${esc(c.programmeTitle ?? c.programme ?? '')}` : '尚未判定'}</div>
      <div class="muted">状态：<span class="status ${esc(c.status)}">${esc(c.statusZh)}</span></div>
      ${c.reasons.length ? `<ul>${c.reasons.map((r) => `<li><span class="clause">${esc(r.ruleId)}</span>${esc(r.zh)}</li>`).join('')}</ul>` : ''}
      ${c.missingDocuments.length ? `<p>缺少材料：${c.missingDocuments.map(esc).join('、')}</p>` : ''}
      ${c.requestedDocuments.length ? `<p id="requested">请补交：${c.requestedDocuments.map(esc).join('、')}</p>` : ''}
      ${c.rejectionReason ? `<p>驳回原因：${esc(c.rejectionReason)}</p>` : ''}
    </div>
    <h3>已提交材料</h3><ul>${c.documents.map((d) => `<li>${esc(d.typeZh)}（第${d.pages.join('、')}页）</li>`).join('')}</ul>
    <p><a href="#/batch/${encodeURIComponent(c.submissionId)}">整批查看</a></p>`;
  keys('<kbd>Esc</kbd> 返回');
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') location.hash = '#/';
  };
  document.addEventListener('keydown', onKey);
  cleanup = () => document.removeEventListener('keydown', onKey);
}

async function caseView(caseId: string): Promise<void> {
  if (!isStaff()) return institutionCaseView(caseId);
  let detail = await api<CaseDetail>('GET', `/cases/${encodeURIComponent(caseId)}`);
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
      const response = await fetch(`${apiBase()}/documents/${encodeURIComponent(documentId)}/pages/${pageNumber}`, { headers: { authorization: `Bearer ${token()}` } });
      if (!response.ok) return undefined;
      imageUrls.set(key, URL.createObjectURL(await response.blob()));
    }
    return imageUrls.get(key);
  };

  const showPage = async (key: string, box?: FieldRef['box'], fieldKey?: string) => {
    currentPage = key;
    const [documentId, pageNumber] = [key.slice(0, key.lastIndexOf('/')), Number(key.slice(key.lastIndexOf('/') + 1))];
    view().querySelectorAll<HTMLButtonElement>('.page-tabs button').forEach((b) => b.classList.toggle('current', b.dataset.page === key));
    const img = $('#page-img') as HTMLImageElement;
    const url = await loadImage(documentId, pageNumber);
    // A later focus may have moved on while this page loaded: only the latest field's page and box are shown.
    if (!img || (fieldKey !== undefined && fieldKey !== focusKey)) return;
    if (url && img.src !== url) img.src = url;
    // Wait for the image whoever set its source: an earlier focus on the same page may have set it and still be
    // loading (its own wait then ended early because the focus moved on), and a box drawn on an image with no size
    // yet would stay hidden.
    if (!img.complete || !img.naturalWidth) await img.decode().catch(() => undefined);
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
    if (!box) {
      frame.hidden = true;
      return;
    }
    if (!img.naturalWidth) {
      frame.hidden = true;
      // Not loaded yet (or its decode was cut short): draw when it has loaded, if this is still the field in focus.
      if (img.getAttribute('src')) img.addEventListener('load', () => (fieldKey === undefined || fieldKey === focusKey) && drawBox(box, fieldKey), { once: true });
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
    const leasedElsewhere = c.status === 'claimed' && !!c.lease && c.lease.holder !== me?.userId && Date.parse(c.lease.expiresAt) > Date.now() && !isSupervisor();
    const editable = open && isStaff() && !leasedElsewhere;
    const mayApprove = c.status === 'confirmed' && isSupervisor() && c.confirmedBy !== me?.userId && d?.outcome === 'eligible' && (d?.amountYuan ?? 0) > 0 && openFindingCount === 0;
    // Documents with flagged fields first, and inside each document the flagged fields first.
    const documents = [...c.documents].sort((a, b) => Number(Object.values(b.fields).some((f) => f.needsReview)) - Number(Object.values(a.fields).some((f) => f.needsReview)));
    view().innerHTML = `
      <div class="case">
        <section class="page-pane">
          <div class="page-tabs">${detail.pages
            .map((p) => {
              const type = c.documents.find((doc) => doc.documentId === p.documentId)?.type ?? 'unknown';
              return `<button data-page="${esc(p.documentId)}/${p.pageNumber}" tabindex="-1">${esc(DOC_TITLES[type] ?? type)} 第${p.pageNumber}页</button>`;
            })
            .join('')}</div>
          <div class="page-frame"><img id="page-img" alt="材料页面" /><div id="page-box" class="box" hidden></div></div>
        </section>
        <section>
          <div class="decision ${d?.outcome ?? ''}" id="decision">
            <div class="headline">${d ? `${esc(OUTCOME[d.outcome] ?? d.outcome)} · ${yuan(d.amountYuan)} · <span class="clause">${esc(d.programme)}</span>` : '规则未能判定（未分类）'}</div>
            <div class="muted">案件 ${esc(c.caseId)} · <span class="status ${c.status}">${STATUS[c.status]}</span>${c.lease ? ` · 领取人 ${esc(c.lease.holder)}` : ''} · 版本 ${c.version}${c.confirmedBy ? ` · 确认人 ${esc(c.confirmedBy)}` : ''}${c.approvedBy ? ` · 审批人 ${esc(c.approvedBy)}` : ''}</div>
            ${d ? `<ul>${d.reasons.map((r) => `<li><span class="clause">${esc(r.ruleId)}</span>${esc(r.zh)}</li>`).join('')}${(d.missingDocumentDetails ?? []).map((m) => `<li><span class="clause">${esc(m.ruleId)}</span>缺少：${esc(m.zh)}</li>`).join('')}</ul>` : ''}
            ${detail.findings
              .map((f) =>
                f.resolution
                  ? `<p class="finding resolved" data-finding="${esc(f.code)}">已处理疑点：${esc(f.zh)}<br/>处理说明：${esc(f.resolution.note)}（${esc(f.resolution.by)}）</p>`
                  : `<div class="finding open" data-finding="${esc(f.code)}"><strong>疑点</strong>${esc(f.zh)}<ul>${f.documents
                      .map((doc) => `<li>${esc(DOC_TITLES[doc.type] ?? doc.type)}：${esc(doc.name ?? '—')}${doc.idNumber ? ` · ${esc(doc.idNumber)}` : ''}</li>`)
                      .join('')}</ul>${open && isStaff() ? `<button class="resolve-finding" data-code="${esc(f.code)}" data-key="${esc(f.key)}">处理疑点（说明核对结果） <kbd>Alt+F</kbd></button>` : ''}</div>`,
              )
              .join('')}
            ${c.rejection ? `<p>退回原因：${esc(c.rejection.reason)}（${esc(c.rejection.by)}）</p>` : ''}
            ${c.requestedDocuments ? `<p>要求补件：${c.requestedDocuments.map(esc).join('、')}</p>` : ''}
          </div>
          <div class="actions">
            ${editable ? `${openFindingCount === 0 ? `<button class="primary" id="confirm">确认${flagged ? `（还有 ${flagged} 处待核对）` : ''} <kbd>Ctrl+Enter</kbd></button>` : ''}<button class="danger" id="reject">退回 <kbd>Alt+R</kbd></button><button id="request">要求补件 <kbd>Alt+D</kbd></button>${c.status === 'claimed' ? '<button id="release">释放 <kbd>Alt+L</kbd></button>' : ''}` : ''}
            ${mayApprove ? '<button class="primary" id="approve">审批通过 <kbd>Alt+P</kbd></button>' : ''}
            ${leasedElsewhere ? `<p class="muted" id="leased">此案件由 ${esc(c.lease!.holder)} 领取审核中，您只能查看。</p>` : ''}
            <button id="audit-toggle">审核记录 <kbd>Alt+H</kbd></button>
            ${c.submissionId.startsWith('batch-') || c.institutionId ? `<a href="#/batch/${encodeURIComponent(c.submissionId)}">整批查看</a>` : ''}
            <a id="submission-link" href="#/submission/${encodeURIComponent(c.submissionId)}">来件详情</a>
          </div>
          <div class="audit" id="audit" ${showAudit ? '' : 'hidden'}><table><thead><tr><th>时间</th><th>操作人</th><th>操作</th><th>修改前 → 修改后</th></tr></thead><tbody>${detail.audit
            .map((e) => `<tr><td>${esc(e.at.slice(0, 19).replace('T', ' '))}</td><td>${esc(e.actor)}</td><td>${esc(ACTIONS[e.action] ?? e.action)}</td><td><pre>${esc(e.before === undefined ? '' : JSON.stringify(e.before))}\n→ ${esc(e.after === undefined ? '' : JSON.stringify(e.after))}</pre></td></tr>`)
            .join('')}</tbody></table></div>
          ${documents
            .map((document) => {
              const entries = Object.entries(document.fields).sort(([, a], [, b]) => Number(b.needsReview) - Number(a.needsReview));
              return `<div class="doc"><h3>${esc(DOC_TITLES[document.type] ?? document.type)} <span class="muted">（第${document.pages.join('、')}页）</span></h3>${entries
                .map(([name, field]) => {
                  const key = keyOf({ documentId: document.documentId, indexInFile: document.indexInFile, field: name });
                  const shown = pending.get(key) ?? (field.value === null ? '' : String(field.value));
                  return `<label class="field${field.needsReview ? ' flagged' : ''}${field.correction ? ' corrected' : ''}${pending.has(key) ? ' pending' : ''}" data-key="${esc(key)}">
                    <span>${esc(FIELD_LABELS[name] ?? name)}</span>
                    <input name="${esc(name)}" data-key="${esc(key)}" value="${esc(shown)}" ${editable ? '' : 'readonly'} aria-label="${esc(FIELD_LABELS[name] ?? name)}" />
                    <span class="conf" title="${esc((field.issues ?? []).join(', '))}">${Math.round(field.confidence * 100)}%</span></label>`;
                })
                .join('')}</div>`;
            })
            .join('')}
        </section>
      </div>`;
    keys(
      isStaff()
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
    const input = key ? view().querySelector<HTMLInputElement>(`input[data-key="${CSS.escape(key)}"]`) : null;
    if (input) {
      input.focus();
      input.select();
    } else {
      (document.getElementById('confirm') ?? document.getElementById('approve') ?? document.getElementById('audit-toggle'))?.focus();
    }
  };

  const wire = () => {
    view().querySelectorAll<HTMLButtonElement>('.page-tabs button').forEach((b) => b.addEventListener('click', () => void showPage(b.dataset.page!)));
    view().querySelectorAll<HTMLInputElement>('input[data-key]').forEach((input) => {
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
    view().querySelectorAll<HTMLButtonElement>('button.resolve-finding').forEach((b) => b.addEventListener('click', () => void resolveFinding(b.dataset.code!, b.dataset.key!)));
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
    detail = await api<CaseDetail>('GET', `/cases/${encodeURIComponent(caseId)}`);
    render();
    banner(`${error.error.zh}${pending.size ? '（您输入的内容仍保留在标红的字段中，按 Enter 可在新版本上重新提交。）' : ''}`);
    focusField(focusKey);
  };

  const accept = async (key: string) => {
    const ref = refs().find((r) => keyOf(r) === key);
    if (!ref) return;
    const input = view().querySelector<HTMLInputElement>(`input[data-key="${CSS.escape(key)}"]`)!;
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
      detail = await api<CaseDetail>('PATCH', `/cases/${encodeURIComponent(caseId)}/fields`, {
        version: detail.case.version,
        corrections: [{ documentId: ref.documentId, indexInFile: ref.indexInFile, field: ref.field, value }],
      });
      pending.delete(key);
      banner(undefined);
      const following = nextFlagged(key);
      focusKey = following ? keyOf(following) : undefined;
      render();
      focusField(focusKey);
    } catch (error) {
      if (error instanceof ApiFailure && error.status === 409) return conflict(error);
      show(error);
    }
  };

  const act = async (action: string, body: Record<string, unknown>): Promise<boolean> => {
    try {
      detail = await api<CaseDetail>('POST', `/cases/${encodeURIComponent(caseId)}/${action}`, { version: detail.case.version, ...body });
      pending.clear();
      render();
      banner({ confirm: '已确认。', reject: '已退回。', 'request-documents': '已要求补件。', release: '已释放回队列。', approve: '已审批通过。' }[action] ?? '完成。', 'info');
      return true;
    } catch (error) {
      if (error instanceof ApiFailure && error.status === 409) await conflict(error);
      else show(error);
      return false;
    }
  };

  const confirmAndNext = async () => {
    if (pending.size > 0) {
      banner(`还有 ${pending.size} 处输入尚未提交（按 Enter 提交），确认前请先处理。`);
      return;
    }
    if (!(await act('confirm', {}))) return;
    const queue = sessionStorage.getItem('intake.queue') ?? detail.case.queue;
    await claimNext(queue, '已确认。');
  };

  const ask = (title: string, label: string): Promise<string | undefined> =>
    new Promise((resolve) => {
      const dialog = document.createElement('dialog');
      dialog.innerHTML = `<form method="dialog"><h3>${esc(title)}</h3><label>${esc(label)}<textarea rows="3" required></textarea></label><div class="actions"><button value="ok" class="primary">提交 <kbd>Ctrl+Enter</kbd></button><button value="cancel" formnovalidate>取消 <kbd>Esc</kbd></button></div></form>`;
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
    else if (event.key === 'Escape') location.hash = isStaff() ? `#/queue/${encodeURIComponent(sessionStorage.getItem('intake.queue') ?? detail.case.queue)}` : '#/';
    else return;
    event.preventDefault();
  };
  const onResize = () => {
    const ref = refs().find((r) => keyOf(r) === focusKey);
    drawBox(ref?.box, ref ? focusKey : undefined);
  };
  document.addEventListener('keydown', onKey);
  window.addEventListener('resize', onResize);
  cleanup = () => {
    document.removeEventListener('keydown', onKey);
    window.removeEventListener('resize', onResize);
    for (const url of imageUrls.values()) URL.revokeObjectURL(url);
  };

  const first = nextFlagged();
  focusKey = first ? keyOf(first) : undefined;
  render();
  // A clean case: focus sits on "确认", so one Enter confirms it.
  focusField(focusKey);
}

// ---------------------------------------------------------------- batches, institutions, exports

async function batchView(submissionId: string): Promise<void> {
  const batch = await api<{ submissionId: string; cases: CaseSummary[]; counts: Record<string, number> }>('GET', `/submissions/${encodeURIComponent(submissionId)}/cases`);
  const clean = batch.cases.filter((c) => c.flaggedFieldCount === 0 && (c.status === 'needs_review' || c.status === 'claimed')).length;
  view().innerHTML = `<h1>批次 ${esc(submissionId)}</h1>${submissionId.startsWith('batch-') ? `<p><a href="#/batches/${encodeURIComponent(submissionId)}">批次进度与名册核对</a></p>` : ''}
    <p>${Object.entries(batch.counts).map(([s, n]) => `<span class="status ${s}">${STATUS[s] ?? s} ${n}</span>`).join(' ')}</p>
    ${isStaff() ? `<div class="actions"><button class="primary" id="confirm-clean" ${clean ? '' : 'disabled'}>确认全部无疑点案件（${clean} 件） <kbd>Alt+A</kbd></button></div>` : ''}
    <table><thead><tr><th>案件</th><th>持证人</th><th>状态</th><th>待核对</th><th>判定</th><th>金额</th></tr></thead><tbody>${batch.cases
      .map((c) => `<tr tabindex="-1" data-case="${esc(c.caseId)}"><td>${esc(c.caseId)}</td><td>${esc(c.personName ?? '')}</td><td><span class="status ${c.status}">${STATUS[c.status]}</span></td><td>${c.flaggedFieldCount}</td><td>${esc(OUTCOME[c.outcome ?? ''] ?? '')}</td><td>${yuan(c.amountYuan)}</td></tr>`)
      .join('')}</tbody></table>${batch.cases.length === 0 ? '<p class="muted">此批次没有案件（或尚在识别中）。</p>' : ''}`;
  keys(`<kbd>↑</kbd><kbd>↓</kbd> 选择 · <kbd>Enter</kbd> 打开案件${isStaff() ? ' · <kbd>Alt+A</kbd> 确认全部无疑点案件' : ''}`);
  const confirmClean = async () => {
    try {
      const result = await api<{ confirmed: string[]; skipped: { caseId: string; reason: string }[] }>('POST', `/submissions/${encodeURIComponent(submissionId)}/confirm-clean`);
      await batchView(submissionId);
      banner(`已确认 ${result.confirmed.length} 件；${result.skipped.length} 件需逐件审核。`, 'info');
    } catch (error) {
      show(error);
    }
  };
  document.getElementById('confirm-clean')?.addEventListener('click', () => void confirmClean());
  const rows = Array.from(view().querySelectorAll<HTMLElement>('tr[data-case]'));
  rows.forEach((row) => row.addEventListener('click', () => (location.hash = `#/case/${encodeURIComponent(row.dataset.case!)}`)));
  cleanup = listKeys(rows, (row) => (location.hash = `#/case/${encodeURIComponent(row.dataset.case!)}`), (event) => {
    if (!(event.altKey && event.key.toLowerCase() === 'a') || !isStaff()) return false;
    void confirmClean();
    return true;
  });
}

function exportsView(): void {
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const monthStart = `${today.slice(0, 8)}01`;
  view().innerHTML = `<h1>支付清单导出</h1><p>审批日期 从 <input type="date" id="from" value="${monthStart}" /> 至 <input type="date" id="to" value="${today}" /></p>
    <div class="actions"><button class="primary" id="xlsx">导出 Excel <kbd>Alt+X</kbd></button><button id="csv">导出 CSV</button><button id="preview">预览 <kbd>Alt+V</kbd></button></div><div id="rows"></div>`;
  keys('<kbd>Alt+X</kbd> 导出 Excel · <kbd>Alt+V</kbd> 预览');
  const range = () => `from=${($('#from') as HTMLInputElement).value}&to=${($('#to') as HTMLInputElement).value}`;
  const download = async (format: 'xlsx' | 'csv') => {
    const response = await fetch(`${apiBase()}/exports/payments?${range()}&format=${format}`, { headers: { authorization: `Bearer ${token()}` } });
    if (!response.ok) return show(new ApiFailure(response.status, ((await response.json()) as { error: ApiError }).error));
    const link = document.createElement('a');
    link.href = URL.createObjectURL(await response.blob());
    link.download = `支付清单-${range().replace(/[^0-9-]+/g, '_')}.${format}`;
    link.click();
  };
  const preview = async () => {
    try {
      const rows = await api<{ payeeName: string; payeeId: string; programmeTitle: string; clause: string; amountYuan: number; amountStatusZh: string; caseId: string }[]>('GET', `/exports/payments?${range()}&format=json`);
      const total = rows.reduce((sum, r) => sum + r.amountYuan, 0);
      $('#rows').innerHTML = `<table id="payments"><thead><tr><th>收款人</th><th>身份证号/信用代码</th><th>项目</th><th>条款</th><th>金额</th><th>金额状态</th><th>案件</th></tr></thead><tbody>${rows
        .map((r) => `<tr><td>${esc(r.payeeName)}</td><td>${esc(r.payeeId)}</td><td>${esc(r.programmeTitle)}</td><td>${esc(r.clause)}</td><td>${yuan(r.amountYuan)}</td><td>${esc(r.amountStatusZh)}</td><td>${esc(r.caseId)}</td></tr>`)
        .join('')}</tbody><tfoot><tr><th colspan="4">合计 ${rows.length} 笔</th><th>${yuan(total)}</th><th colspan="2"></th></tr></tfoot></table>`;
    } catch (error) {
      show(error);
    }
  };
  $('#xlsx').addEventListener('click', () => void download('xlsx'));
  $('#csv').addEventListener('click', () => void download('csv'));
  $('#preview').addEventListener('click', () => void preview());
  const onKey = (event: KeyboardEvent) => {
    if (event.altKey && event.key.toLowerCase() === 'x') void download('xlsx');
    else if (event.altKey && event.key.toLowerCase() === 'v') void preview();
    else return;
    event.preventDefault();
  };
  document.addEventListener('keydown', onKey);
  cleanup = () => document.removeEventListener('keydown', onKey);
}

/**
 * Reads how to sign in (`config.json`), finishes a Cognito sign-in when the hosted UI has just sent the browser back
 * with a code, then shows the view the address names.
 */
async function start(): Promise<void> {
  try {
    pageConfig = await loadPageConfig();
    if (pageConfig.auth === 'cognito') {
      const idToken = await completeCognitoSignIn(pageConfig, new URL(location.href));
      if (idToken) {
        sessionStorage.setItem('intake.token', idToken);
        me = undefined;
      }
      // Renew the tokens before they expire (refresh token), so a clerk is not signed out mid-case after an hour.
      keepCognitoSignIn(pageConfig, (renewed) => sessionStorage.setItem('intake.token', renewed));
    }
  } catch (error) {
    signInProblem = `登录未完成，请重新登录。（${error instanceof Error ? error.message : String(error)}）`;
  } finally {
    // A spent code must not be replayed by a reload.
    if (location.search) history.replaceState(null, '', `${location.pathname}${location.hash}`);
  }
  window.addEventListener('hashchange', () => void route());
  await route();
}

void start();
