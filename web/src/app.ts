/**
 * The clerk's page: plain TypeScript, no framework, bundled by esbuild (web/build.ts). Hash routes:
 * `#/` queues (staff) or the institution's batches · `#/queue/<q>` the queue · `#/case/<id>` a case ·
 * `#/batch/<submission>` an upload's cases · `#/submission/<id>` what came in (e-mail, files, refusals) · `#/batches/new` a new batch upload · `#/batches/<id>` a batch's progress ·
 * `#/exports`.
 * Every label is Simplified Chinese; everything works from the keyboard (the footer lists the keys of each view).
 */
import type { CaseDetail, CaseSummary } from '../../shared/review/api-schemas.js';
import { beijingTime, CASE_STATUS_ZH, OUTCOME_ZH, programmeTitleZh } from '../../shared/cases/labels-zh.js';
import { programmeIdSchema } from '../../shared/policy/programmes.js';
import { listKeys } from './list-keys.js';
import { ApiFailure, type ApiError } from './api-failure.js';
import { caseView as caseViewOf, type CaseKit } from './case-view.js';
import { batchListView, batchProgressView, newBatchView, type PageKit } from './batch-upload.js';
import { submissionView } from './submission-view.js';
import {
  beginCognitoSignIn,
  cognitoSignOutUrl,
  completeCognitoSignIn,
  forgetCognitoSignIn,
  keepCognitoSignIn,
  loadPageConfig,
  type PageConfig,
} from './cognito-sign-in.js';
import { reportsView } from './reports-view.js';
import { caseListsView, holderText } from './case-lists.js';

type Me = { userId: string; displayName?: string; roles: string[]; institutionId?: string };

const $ = <T extends HTMLElement>(selector: string, root: ParentNode = document) => root.querySelector(selector) as T;
const view = () => $('#view');

// ---------------------------------------------------------------- session and API

let me: Me | undefined;
const token = () => sessionStorage.getItem('intake.token') ?? '';
/** How this deployment signs in (`config.json`): the development sign-in locally, Cognito's hosted UI on AWS. */
let pageConfig: PageConfig = { auth: 'dev' };
/** Why the last Cognito sign-in did not complete, for the sign-in view. */
let signInProblem: string | undefined;
const apiBase = () => pageConfig.apiBase ?? '/api';

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
  $('#who').textContent =
    `${me.displayName ?? me.userId}（${me.roles.map((r) => ({ clerk: '经办', supervisor: '主管', institution: '培训机构' })[r] ?? r).join('、')}）`;
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
    if (name === 'case' && arg) return await caseViewOf(caseKit, arg);
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

/** What the case views (case-view.ts) borrow: the kit plus who is signed in and the queue's claim. */
const caseKit: CaseKit = { ...kit, me: () => me, isStaff, isSupervisor, apiBase, claimNext };

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
  view()
    .querySelectorAll<HTMLButtonElement>('button[data-user]')
    .forEach((b) => b.addEventListener('click', () => signIn(b.dataset.user!)));
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
  const go = () => beginCognitoSignIn(pageConfig).catch((error) => banner(`无法打开登录页面：${error instanceof Error ? error.message : String(error)}`));
  const button = $('#cognito-sign-in') as HTMLButtonElement;
  button.addEventListener('click', () => void go());
  button.focus();
}

// ---------------------------------------------------------------- queues

async function queuesView(): Promise<void> {
  const { queues } = await api<{ queues: { queue: string; title: string; waiting: number }[] }>('GET', '/queues');
  const sorted = [...queues].sort((a, b) => b.waiting - a.waiting);
  view().innerHTML = `<h1>审核队列</h1><table><thead><tr><th>队列（条款）</th><th>项目</th><th>待审核</th></tr></thead><tbody>${sorted
    .map(
      (q) =>
        `<tr tabindex="-1" data-queue="${esc(q.queue)}"><td>${programmeIdSchema.safeParse(q.queue).success ? `<span class="clause">${esc(q.queue)}</span>` : '—'}</td><td>${esc(q.title)}</td><td>${q.waiting}</td></tr>`,
    )
    .join('')}</tbody></table>
    <p class="hint">批次：<input id="batch-id" placeholder="提交批次编号，如 batch-…" /> <button id="open-batch">打开批次</button></p>`;
  keys('<kbd>↑</kbd><kbd>↓</kbd> 选择 · <kbd>Enter</kbd> 打开队列 · <kbd>c</kbd> 领取所选队列的下一件');
  const rows = Array.from(view().querySelectorAll<HTMLElement>('tr[data-queue]'));
  rows.forEach((row) => row.addEventListener('click', () => (location.hash = `#/queue/${encodeURIComponent(row.dataset.queue!)}`)));
  $('#open-batch').addEventListener('click', () => (location.hash = `#/batch/${encodeURIComponent(($('#batch-id') as HTMLInputElement).value.trim())}`));
  cleanup = listKeys(
    rows,
    (row) => (location.hash = `#/queue/${encodeURIComponent(row.dataset.queue!)}`),
    (event) => {
      if (event.key !== 'c') return false;
      const row = rows.find((r) => r.classList.contains('selected'));
      if (row) void claimNext(row.dataset.queue!);
      return true;
    },
  );
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
  const page = await api<{ items: CaseSummary[]; cursor?: string }>(
    'GET',
    `/queues/${encodeURIComponent(queue)}/cases?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
  );
  // The queue by its programme title (未分类 for the unclassified one), the clause id beside a programme's.
  const title = programmeTitleZh(queue);
  view().innerHTML = `<h1>队列 ${esc(title)}${title !== queue && queue.startsWith('XH36-') ? ` <span class="clause">${esc(queue)}</span>` : ''}</h1>
    <div class="actions"><button class="primary" id="claim">领取下一件 <kbd>c</kbd></button>${page.cursor ? '<button id="more">下一页 <kbd>n</kbd></button>' : ''}</div>
    <table><thead><tr><th>案件</th><th>申请人</th><th>状态</th><th>待核对</th><th>判定</th><th>金额</th><th>收到（北京时间）</th></tr></thead><tbody>${page.items
      .map(
        (c) =>
          `<tr tabindex="-1" data-case="${esc(c.caseId)}"><td>${esc(c.caseId)}</td><td>${esc(c.personName ?? '')}</td><td><span class="status ${c.status}">${CASE_STATUS_ZH[c.status]}${c.lease ? ` · <span class="holder">${esc(holderText(c.lease))}</span>` : ''}</span></td><td>${c.flaggedFieldCount}</td><td class="outcome">${esc(c.outcomeZh ?? OUTCOME_ZH[c.outcome ?? ''] ?? '')}</td><td>${yuan(c.amountYuan)}</td><td>${esc(beijingTime(c.createdAt))}</td></tr>`,
      )
      .join('')}</tbody></table>${page.items.length === 0 ? '<p class="muted">此队列没有待审核的案件。</p>' : ''}`;
  keys('<kbd>c</kbd> 领取下一件 · <kbd>↑</kbd><kbd>↓</kbd> 选择 · <kbd>Enter</kbd> 打开（不领取） · <kbd>Esc</kbd> 返回队列列表');
  sessionStorage.setItem('intake.queue', queue);
  $('#claim').addEventListener('click', () => claimNext(queue));
  const rows = Array.from(view().querySelectorAll<HTMLElement>('tr[data-case]'));
  rows.forEach((row) => row.addEventListener('click', () => (location.hash = `#/case/${encodeURIComponent(row.dataset.case!)}`)));
  document.getElementById('more')?.addEventListener('click', () => void queueView(queue, page.cursor));
  cleanup = listKeys(
    rows,
    (row) => (location.hash = `#/case/${encodeURIComponent(row.dataset.case!)}`),
    (event) => {
      if (event.key === 'c') void claimNext(queue);
      else if (event.key === 'n' && page.cursor) void queueView(queue, page.cursor);
      else if (event.key === 'Escape') location.hash = '#/';
      else return false;
      return true;
    },
  );
}

// ---------------------------------------------------------------- batches, institutions, exports

async function batchView(submissionId: string): Promise<void> {
  const batch = await api<{ submissionId: string; cases: CaseSummary[]; counts: Record<string, number> }>(
    'GET',
    `/submissions/${encodeURIComponent(submissionId)}/cases`,
  );
  const clean = batch.cases.filter((c) => c.flaggedFieldCount === 0 && (c.status === 'needs_review' || c.status === 'claimed')).length;
  view().innerHTML = `<h1>批次 ${esc(submissionId)}</h1>${submissionId.startsWith('batch-') ? `<p><a href="#/batches/${encodeURIComponent(submissionId)}">批次进度与名册核对</a></p>` : ''}
    <p>${Object.entries(batch.counts)
      .map(([s, n]) => `<span class="status ${s}">${CASE_STATUS_ZH[s] ?? s} ${n}</span>`)
      .join(' ')}</p>
    ${isStaff() ? `<div class="actions"><button class="primary" id="confirm-clean" ${clean ? '' : 'disabled'}>确认全部无疑点案件（${clean} 件） <kbd>Alt+A</kbd></button></div>` : ''}
    <table><thead><tr><th>案件</th><th>持证人</th><th>状态</th><th>待核对</th><th>判定</th><th>金额</th></tr></thead><tbody>${batch.cases
      .map(
        (c) =>
          `<tr tabindex="-1" data-case="${esc(c.caseId)}"><td>${esc(c.caseId)}</td><td>${esc(c.personName ?? '')}</td><td><span class="status ${c.status}">${CASE_STATUS_ZH[c.status]}</span></td><td>${c.flaggedFieldCount}</td><td class="outcome">${esc(c.outcomeZh ?? OUTCOME_ZH[c.outcome ?? ''] ?? '')}</td><td>${yuan(c.amountYuan)}</td></tr>`,
      )
      .join('')}</tbody></table>${batch.cases.length === 0 ? '<p class="muted">此批次没有案件（或尚在识别中）。</p>' : ''}`;
  keys(`<kbd>↑</kbd><kbd>↓</kbd> 选择 · <kbd>Enter</kbd> 打开案件${isStaff() ? ' · <kbd>Alt+A</kbd> 确认全部无疑点案件' : ''}`);
  const confirmClean = async () => {
    try {
      const result = await api<{ confirmed: string[]; skipped: { caseId: string; reason: string }[] }>(
        'POST',
        `/submissions/${encodeURIComponent(submissionId)}/confirm-clean`,
      );
      await batchView(submissionId);
      banner(`已确认 ${result.confirmed.length} 件；${result.skipped.length} 件需逐件审核。`, 'info');
    } catch (error) {
      show(error);
    }
  };
  document.getElementById('confirm-clean')?.addEventListener('click', () => void confirmClean());
  const rows = Array.from(view().querySelectorAll<HTMLElement>('tr[data-case]'));
  rows.forEach((row) => row.addEventListener('click', () => (location.hash = `#/case/${encodeURIComponent(row.dataset.case!)}`)));
  cleanup = listKeys(
    rows,
    (row) => (location.hash = `#/case/${encodeURIComponent(row.dataset.case!)}`),
    (event) => {
      if (!(event.altKey && event.key.toLowerCase() === 'a') || !isStaff()) return false;
      void confirmClean();
      return true;
    },
  );
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
      const rows = await api<
        { payeeName: string; payeeId: string; programmeTitle: string; clause: string; amountYuan: number; amountStatusZh: string; caseId: string }[]
      >('GET', `/exports/payments?${range()}&format=json`);
      const total = rows.reduce((sum, r) => sum + r.amountYuan, 0);
      $('#rows').innerHTML =
        `<table id="payments"><thead><tr><th>收款人</th><th>身份证号/信用代码</th><th>项目</th><th>条款</th><th>金额</th><th>金额状态</th><th>案件</th></tr></thead><tbody>${rows
          .map(
            (r) =>
              `<tr><td>${esc(r.payeeName)}</td><td>${esc(r.payeeId)}</td><td>${esc(r.programmeTitle)}</td><td>${esc(r.clause)}</td><td>${yuan(r.amountYuan)}</td><td>${esc(r.amountStatusZh)}</td><td>${esc(r.caseId)}</td></tr>`,
          )
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
