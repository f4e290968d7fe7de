/**
 * 案件查询 (issue 16 item 3): the bureau staff's lists of cases by state, "我的案件" and search by name, ID number,
 * certificate number or case id, over `GET /api/cases`. The query lives in the hash (`#/cases/status=confirmed&q=…`),
 * so a list can be reloaded, bookmarked and returned to from a case with the browser's Back.
 */
import { beijingTime, CASE_STATUS_ZH, OUTCOME_ZH, programmeTitleZh } from '../../shared/cases/labels-zh.js';
import type { CaseSearchResponse, CaseSummary } from '../../shared/review/api-schemas.js';
import type { PageKit } from './batch-upload.js';
import { listKeys } from './list-keys.js';

/** The tabs, in the order of a case's life; the keys are the API's `status` values, the labels shared/cases' own. */
const TABS: { state: string; label: string }[] = ['needs_review', 'awaiting_documents', 'confirmed', 'approved', 'paid', 'rejected', 'declined'].map(
  (state) => ({ state, label: CASE_STATUS_ZH[state] ?? state }),
);

interface ListQuery {
  status?: string;
  q?: string;
  mine: boolean;
}

function parseQuery(arg: string): ListQuery {
  const params = new URLSearchParams(arg);
  const q = params.get('q')?.trim();
  const status = params.get('status') ?? undefined;
  return { ...(status ? { status } : {}), ...(q ? { q } : {}), mine: params.get('mine') === '1' };
}

function hashOf(query: ListQuery): string {
  const params = new URLSearchParams();
  if (query.status) params.set('status', query.status);
  if (query.q) params.set('q', query.q);
  if (query.mine) params.set('mine', '1');
  const text = params.toString();
  return `#/cases${text ? `/${text}` : ''}`;
}

/**
 * Renders the list for the hash argument (`status=…&q=…&mine=1`). Without a term or "我的案件" a state is always
 * chosen (待审核 first); with one, "全部" lists every state.
 *
 * @example
 * await caseListsView(kit, 'status=confirmed');
 */
export async function caseListsView(kit: PageKit, arg: string): Promise<void> {
  const query = parseQuery(arg);
  const filtered = query.q !== undefined || query.mine;
  const status = query.status ?? (filtered ? undefined : 'needs_review');
  // Cursors of the pages before this one, so "上一页" goes back without asking the server.
  const earlier: (string | undefined)[] = [];
  let cursor: string | undefined;

  const load = async (): Promise<void> => {
    const params = new URLSearchParams({ limit: '50' });
    if (status) params.set('status', status);
    if (query.q) params.set('q', query.q);
    if (query.mine) params.set('mine', '1');
    if (cursor) params.set('cursor', cursor);
    const page = await kit.api<CaseSearchResponse>('GET', `/cases?${params}`);
    render(page);
  };

  const render = (page: CaseSearchResponse): void => {
    const tabs = [...(filtered ? [{ state: '', label: '全部' }] : []), ...TABS]
      .map(({ state, label }) => {
        const active = (status ?? '') === state;
        const count = state ? ` <span class="count">${page.counts[state as keyof CaseSearchResponse['counts']] ?? 0}</span>` : '';
        return `<a class="tab${active ? ' active' : ''}" role="tab" aria-selected="${active}" data-state="${state}" href="${hashOf({ ...query, ...(state ? { status: state } : { status: undefined }) })}">${label}${count}</a>`;
      })
      .join('');
    kit.view().innerHTML = `<h1>案件查询</h1>
      <form id="case-search" class="actions" role="search">
        <input id="case-q" name="q" type="search" placeholder="姓名、身份证号、证书编号或案件号" value="${kit.esc(query.q ?? '')}" autocomplete="off" aria-label="查询">
        <button class="primary" type="submit">查询</button>
        <label><input id="mine" type="checkbox" ${query.mine ? 'checked' : ''}> 我的案件 <kbd>m</kbd></label>
        ${query.q ? '<button type="button" id="clear-q">清除查询</button>' : ''}
      </form>
      <nav class="tabs" role="tablist" aria-label="案件状态">${tabs}</nav>
      <table id="case-list"><thead><tr><th>案件</th><th>申请人</th><th>项目</th><th>状态</th><th>待核对</th><th>判定</th><th>金额</th><th>收到（北京时间）</th></tr></thead><tbody>${page.items.map(row).join('')}</tbody></table>
      ${page.items.length === 0 ? `<p class="muted" id="empty">${query.q ? '没有找到与查询相符的案件。' : '此状态下没有案件。'}</p>` : ''}
      <div class="actions">${earlier.length > 0 ? '<button id="previous">上一页 <kbd>p</kbd></button>' : ''}${page.cursor ? '<button id="next">下一页 <kbd>n</kbd></button>' : ''}</div>`;
    kit.keys('<kbd>/</kbd> 查询 · <kbd>m</kbd> 我的案件 · <kbd>↑</kbd><kbd>↓</kbd> 选择 · <kbd>Enter</kbd> 打开案件 · <kbd>n</kbd>/<kbd>p</kbd> 翻页');
    const input = kit.view().querySelector<HTMLInputElement>('#case-q')!;
    kit
      .view()
      .querySelector('#case-search')!
      .addEventListener('submit', (event) => {
        event.preventDefault();
        const q = input.value.trim();
        // A new term searches every state; clearing it goes back to the state's list.
        location.hash = hashOf({ ...query, q: q || undefined, status: q ? undefined : query.status });
      });
    kit
      .view()
      .querySelector('#clear-q')
      ?.addEventListener('click', () => (location.hash = hashOf({ ...query, q: undefined })));
    kit
      .view()
      .querySelector('#mine')!
      .addEventListener('change', () => (location.hash = hashOf({ ...query, mine: !query.mine })));
    const next = () => {
      if (!page.cursor) return;
      earlier.push(cursor);
      cursor = page.cursor;
      void load().catch(kit.show);
    };
    const previous = () => {
      if (earlier.length === 0) return;
      cursor = earlier.pop();
      void load().catch(kit.show);
    };
    kit.view().querySelector('#next')?.addEventListener('click', next);
    kit.view().querySelector('#previous')?.addEventListener('click', previous);
    const rows = Array.from(kit.view().querySelectorAll<HTMLElement>('tr[data-case]'));
    const open = (r: HTMLElement) => (location.hash = `#/case/${encodeURIComponent(r.dataset.case!)}`);
    rows.forEach((r) => r.addEventListener('click', () => open(r)));
    stopKeys?.();
    stopKeys = listKeys(rows, open, (event) => {
      if (event.key === '/') input.focus();
      else if (event.key === 'm') location.hash = hashOf({ ...query, mine: !query.mine });
      else if (event.key === 'n') next();
      else if (event.key === 'p') previous();
      else return false;
      event.preventDefault();
      return true;
    });
    // A search typed and sent keeps the caret in the box for the next one.
    if (query.q && rows.length === 0) input.focus();
  };

  let stopKeys: (() => void) | undefined;
  kit.onLeave(() => stopKeys?.());
  await load();
}

/**
 * Who holds a case, for people: the display name kept when the lease was taken, with the user id beside it (two
 * clerks may share a name); the id alone for a lease taken before names were kept.
 *
 * @example
 * holderText({ holder: 'clerk2', holderName: '李敏' }); // '李敏（clerk2）'
 */
export function holderText(lease: { holder: string; holderName?: string }): string {
  return lease.holderName ? `${lease.holderName}（${lease.holder}）` : lease.holder;
}

function row(c: CaseSummary): string {
  const esc = (value: unknown) =>
    String(value ?? '').replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
  const amount = c.amountYuan === undefined ? '—' : `${c.amountYuan.toLocaleString('zh-CN')} 元`;
  return `<tr tabindex="-1" data-case="${esc(c.caseId)}"><td>${esc(c.caseId)}</td><td>${esc(c.personName ?? '')}</td><td title="${esc(c.queue)}">${esc(programmeTitleZh(c.queue))}</td><td><span class="status ${esc(c.status)}">${CASE_STATUS_ZH[c.status] ?? esc(c.status)}${c.lease ? ` · <span class="holder">${esc(holderText(c.lease))}</span>` : ''}</span></td><td>${c.flaggedFieldCount}</td><td class="outcome${c.findingsOpen ? ' findings-open' : ''}">${esc(c.outcomeZh ?? OUTCOME_ZH[c.outcome ?? ''] ?? '')}</td><td>${amount}</td><td>${esc(beijingTime(c.createdAt))}</td></tr>`;
}
