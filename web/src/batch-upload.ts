/**
 * A training institution's bulk upload on the page: the batch list, "新建批次" (roster + certificate files uploaded
 * straight to S3 with the presigned URLs the API hands out, a progress bar per file and overall, a retry button on a
 * failed upload) and the batch's progress, polled until every document is final. Kept apart from app.ts, which
 * gives it the page's API helper, banner and key bar.
 */
import type { z } from 'zod';
import { listKeys } from './list-keys.js';
import type { batchListItemSchema, batchProgressSchema, createBatchResponseSchema } from '../../shared/review/api-schemas.js';
import { CASE_STATUS_ZH } from '../../shared/cases/labels-zh.js';

type BatchListItem = z.infer<typeof batchListItemSchema>;
type BatchProgress = z.infer<typeof batchProgressSchema>;
type CreatedBatch = z.infer<typeof createBatchResponseSchema>;
type UploadTarget = CreatedBatch['uploads'][number];

/** What app.ts lends this module. */
export interface PageKit {
  api<T>(method: string, path: string, body?: unknown): Promise<T>;
  token(): string;
  view(): HTMLElement;
  banner(text: string | undefined, kind?: 'error' | 'info'): void;
  show(error: unknown): void;
  keys(html: string): void;
  esc(value: unknown): string;
  yuan(amount: number | undefined): string;
  /** Registers what to undo when the view is left (key handlers, the poll). */
  onLeave(cleanup: () => void): void;
}

const DOCUMENT_STATUS: Record<string, string> = {
  received: '已接收',
  processing: '识别中',
  processed: '已识别',
  needs_review: '已识别（待核对）',
  rejected: '已拒收',
  failed: '处理失败',
  duplicate: '重复上传',
};
const FIELD_LABELS: Record<string, string> = {
  holderName: '姓名',
  idNumber: '身份证号',
  occupation: '职业（工种）',
  level: '等级',
  certificateNumber: '证书编号',
  issueDate: '发证日期',
};
const REASONS: Record<string, string> = {
  pdf_encrypted: 'PDF 已加密',
  zip_encrypted_entry: '压缩包内文件有密码',
  type_mismatch: '文件内容与扩展名不符',
  empty_file: '空文件',
  truncated: '文件不完整',
  serves_no_case: '没有证书案件需要此材料，未并入任何案件',
};
/** The programmes a batch claims under, as PROGRAMME_TITLES names them (kept here: the page bundles no policy code). */
const BATCH_PROGRAMME_TITLES: Record<string, string> = { 'XH36-3.7.a': '高技能人才培训补贴（培训机构）', 'XH36-3.7.b': '高技能人才培训补贴（企业）' };
const ROSTER_TYPES = /\.(xlsx|csv)$/i;
const CERTIFICATE_TYPES = /\.(zip|pdf|jpe?g|png|tiff?)$/i;

const contentTypeOf = (file: File): string =>
  file.type ||
  (/\.zip$/i.test(file.name)
    ? 'application/zip'
    : /\.pdf$/i.test(file.name)
      ? 'application/pdf'
      : /\.csv$/i.test(file.name)
        ? 'text/csv'
        : 'application/octet-stream');
const percent = (done: number, total: number) => (total <= 0 ? 100 : Math.min(100, Math.floor((done / total) * 100)));
const mib = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/** A progress bar people and screen readers can read. */
function bar(id: string, label: string, value: number): string {
  return `<div class="bar" id="${id}" role="progressbar" aria-label="${label}" aria-valuemin="0" aria-valuemax="100" aria-valuenow="${value}"><span style="width:${value}%"></span><em>${value}%</em></div>`;
}

function setBar(element: HTMLElement | null, value: number): void {
  if (!element) return;
  element.setAttribute('aria-valuenow', String(value));
  (element.querySelector('span') as HTMLElement).style.width = `${value}%`;
  (element.querySelector('em') as HTMLElement).textContent = `${value}%`;
}

/** Why an upload failed, in words for the institution's staff. */
class UploadFailure extends Error {}

/**
 * PUTs `body` to a presigned URL with XMLHttpRequest (fetch reports no upload progress) and answers the ETag S3 sent.
 *
 * @example
 * const eTag = await putWithProgress(url, file.slice(0, partSize), undefined, (sent) => draw(sent));
 */
export function putWithProgress(url: string, body: Blob, contentType: string | undefined, onProgress: (sent: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', url);
    // The presigned PUT signed this content type: the browser must send exactly it.
    if (contentType) xhr.setRequestHeader('Content-Type', contentType);
    xhr.upload.onprogress = (event) => onProgress(event.loaded);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) resolve(xhr.getResponseHeader('ETag') ?? '');
      else if (xhr.status === 403) reject(new UploadFailure('存储服务拒绝了上传（HTTP 403）：上传链接可能已过期，请重新创建批次。'));
      else reject(new UploadFailure(`存储服务未接受上传（HTTP ${xhr.status}），请稍后重试。`));
    };
    xhr.onerror = () => reject(new UploadFailure('网络中断或无法连接存储服务，上传未完成。请检查网络后点击“重试”。'));
    xhr.ontimeout = () => reject(new UploadFailure('上传超时，请检查网络后点击“重试”。'));
    xhr.send(body);
  });
}

interface FileUpload {
  file: File;
  role: 'roster' | 'certificates';
  contentType: string;
  target?: UploadTarget;
  /** Bytes acknowledged by S3 (whole parts) plus the part in flight. */
  sent: number;
  /** ETags of the parts already uploaded (a retry carries on after them). */
  parts: { partNumber: number; eTag: string }[];
  done: boolean;
  error?: string;
}

/**
 * Where a batch stands, as its list row says it: waiting for its files, being read (files read / files), or read with
 * its cases by state (`已识别 · 待审核 2、已审批 1`).
 *
 * @example
 * batchStateZh(batch); // '识别中（3/5 份文件）'
 */
export function batchStateZh(batch: BatchListItem): string {
  const state = batch.state;
  if (!state) return '—';
  if (state.documents === 0) return '等待文件';
  if (state.documentsFinal < state.documents) return `识别中（${state.documentsFinal}/${state.documents} 份文件）`;
  const cases = Object.entries(state.casesByStatus).map(([status, n]) => `${CASE_STATUS_ZH[status] ?? status} ${n}`);
  return cases.length > 0 ? `已识别 · ${cases.join('、')}` : '已识别';
}

/**
 * The institution's home: its batches, newest first, and "新建批次".
 *
 * @example
 * await batchListView(kit);
 */
export async function batchListView(kit: PageKit): Promise<void> {
  const { batches } = await kit.api<{ batches: BatchListItem[] }>('GET', '/batches');
  kit.view().innerHTML = `<h1>我的批次</h1>
    <div class="actions"><button class="primary" id="new-batch">新建批次 <kbd>n</kbd></button></div>
    <table><thead><tr><th>批次编号</th><th>名册</th><th>证书文件</th><th>状态</th><th>创建时间</th></tr></thead><tbody>${batches
      .map(
        (b) =>
          `<tr tabindex="-1" data-batch="${kit.esc(b.batchId)}"><td>${kit.esc(b.batchId)}</td><td>${kit.esc(b.rosterFileName ?? '—')}</td><td>${kit.esc(b.certificateFiles.join('、'))}</td><td class="batch-state">${kit.esc(batchStateZh(b))}</td><td>${kit.esc(beijing(b.createdAt))}</td></tr>`,
      )
      .join('')}</tbody></table>${batches.length === 0 ? '<p class="muted">还没有提交过批次。按 <kbd>n</kbd> 新建批次，上传考核发证名册和证书。</p>' : ''}
    <p class="hint">按编号查看：批次 <input id="batch-id" placeholder="batch-…" /> <button id="open">查看</button>　案件 <input id="case-id" placeholder="case-…" /> <button id="open-case">查看</button></p>`;
  kit.keys('<kbd>n</kbd> 新建批次 · <kbd>↑</kbd><kbd>↓</kbd> 选择 · <kbd>Enter</kbd> 查看批次进度');
  const rows = Array.from(kit.view().querySelectorAll<HTMLElement>('tr[data-batch]'));
  const open = (row: HTMLElement) => (location.hash = `#/batches/${encodeURIComponent(row.dataset.batch!)}`);
  rows.forEach((row) => row.addEventListener('click', () => open(row)));
  const byId = (id: string) => document.getElementById(id) as HTMLInputElement;
  byId('new-batch').addEventListener('click', () => (location.hash = '#/batches/new'));
  const openBatch = () => byId('batch-id').value.trim() && (location.hash = `#/batches/${encodeURIComponent(byId('batch-id').value.trim())}`);
  const openCase = () => byId('case-id').value.trim() && (location.hash = `#/case/${encodeURIComponent(byId('case-id').value.trim())}`);
  byId('open').addEventListener('click', openBatch);
  byId('open-case').addEventListener('click', openCase);
  byId('batch-id').addEventListener('keydown', (e) => e.key === 'Enter' && openBatch());
  byId('case-id').addEventListener('keydown', (e) => e.key === 'Enter' && openCase());
  const stopKeys = listKeys(rows, open, (event) => {
    if (event.key !== 'n') return false;
    event.preventDefault();
    location.hash = '#/batches/new';
    return true;
  });
  kit.onLeave(stopKeys);
  if (rows.length === 0) byId('new-batch').focus();
}

const beijing = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

/**
 * "新建批次": choose the roster and the certificate files, create the batch, upload every file with its own progress
 * bar and an overall one, then open the batch's progress.
 *
 * @example
 * newBatchView(kit);
 */
export function newBatchView(kit: PageKit): void {
  kit.view().innerHTML = `<h1>新建批次</h1>
    <form id="new-batch-form" class="upload-form">
      <p><label for="roster">考核发证名册（Excel .xlsx 或 CSV，须含姓名、身份证号、证书编号等列）</label><br /><input type="file" id="roster" accept=".xlsx,.csv" /></p>
      <p><label for="certificates">证书文件（ZIP 压缩包、PDF、图片，或一份每页一张证书的长扫描件；可多选）</label><br /><input type="file" id="certificates" accept=".zip,.pdf,.jpg,.jpeg,.png,.tif,.tiff" multiple /></p>
      <div class="actions"><button type="submit" class="primary" id="start-upload">创建批次并上传 <kbd>Ctrl+Enter</kbd></button><a href="#/">返回我的批次</a></div>
    </form>
    <section id="upload" hidden>
      <h2>上传进度 <span id="upload-batch" class="muted"></span></h2>
      <p>全部文件：</p>${bar('overall', '全部文件上传进度', 0)}
      <ul id="files" class="files"></ul>
    </section>`;
  kit.keys('<kbd>Tab</kbd> 在选择框与按钮间移动 · <kbd>Enter</kbd>/<kbd>空格</kbd> 选择文件 · <kbd>Ctrl+Enter</kbd> 创建批次并上传');
  const form = document.getElementById('new-batch-form') as HTMLFormElement;
  const rosterInput = document.getElementById('roster') as HTMLInputElement;
  const certificatesInput = document.getElementById('certificates') as HTMLInputElement;
  rosterInput.focus();
  let uploads: FileUpload[] = [];
  let batchId: string | undefined;
  let busy = false;

  const drawFiles = () => {
    const list = document.getElementById('files')!;
    list.innerHTML = uploads
      .map(
        (
          u,
          i,
        ) => `<li data-file="${i}" class="${u.error ? 'failed' : u.done ? 'done' : ''}"><span class="name">${u.role === 'roster' ? '名册：' : ''}${kit.esc(u.file.name)}</span> <span class="muted">${mib(u.file.size)}</span>
          ${bar(`file-${i}`, `${u.file.name} 上传进度`, percent(u.sent, u.file.size))}
          ${u.done ? '<span class="ok">已上传</span>' : ''}${u.error ? `<p class="error" role="alert">${kit.esc(u.error)}</p><button class="retry" data-retry="${i}">重试 <kbd>r</kbd></button>` : ''}</li>`,
      )
      .join('');
    list.querySelectorAll<HTMLButtonElement>('button[data-retry]').forEach((button) => button.addEventListener('click', () => void retry()));
    list.querySelector<HTMLButtonElement>('button[data-retry]')?.focus();
  };
  const drawProgress = () => {
    uploads.forEach((u, i) => setBar(document.getElementById(`file-${i}`), percent(u.sent, u.file.size)));
    const total = uploads.reduce((sum, u) => sum + u.file.size, 0);
    setBar(
      document.getElementById('overall'),
      percent(
        uploads.reduce((sum, u) => sum + u.sent, 0),
        total,
      ),
    );
  };

  const uploadOne = async (u: FileUpload) => {
    const target = u.target!;
    if (target.method === 'PUT') {
      u.sent = 0;
      await putWithProgress(target.url, u.file, u.contentType, (sent) => {
        u.sent = sent;
        drawProgress();
      });
      u.sent = u.file.size;
    } else {
      // Parts in order; a retry starts at the first part without an ETag.
      for (const part of target.parts) {
        if (u.parts.some((p) => p.partNumber === part.partNumber)) continue;
        const start = (part.partNumber - 1) * target.partSize;
        const chunk = u.file.slice(start, Math.min(u.file.size, start + target.partSize));
        if (chunk.size === 0) continue;
        const eTag = await putWithProgress(part.url, chunk, undefined, (sent) => {
          u.sent = start + sent;
          drawProgress();
        });
        if (!eTag) throw new UploadFailure('存储服务未返回分片校验值（ETag），无法合并分片。请联系管理员检查存储桶的跨域（CORS）设置。');
        u.parts.push({ partNumber: part.partNumber, eTag });
        u.sent = start + chunk.size;
      }
      await kit.api('POST', `/batches/${encodeURIComponent(batchId!)}/uploads/complete`, { key: target.key, uploadId: target.uploadId, parts: u.parts });
    }
    u.done = true;
  };

  const runUploads = async () => {
    busy = true;
    for (const u of uploads) {
      if (u.done) continue;
      u.error = undefined;
      try {
        await uploadOne(u);
      } catch (error) {
        u.error = error instanceof UploadFailure ? error.message : `上传失败：${(error as { error?: { zh?: string } }).error?.zh ?? String(error)}`;
      }
      drawFiles();
      drawProgress();
    }
    busy = false;
    const failed = uploads.filter((u) => u.error).length;
    if (failed > 0) {
      kit.banner(`${failed} 个文件上传失败。已上传的文件不会重复上传，点击“重试”继续。`);
      return;
    }
    kit.banner('全部文件已上传（100%），正在打开批次进度……', 'info');
    // A moment to see the bars full before the progress view replaces them.
    const target = `#/batches/${encodeURIComponent(batchId!)}`;
    setTimeout(() => {
      if (location.hash === '#/batches/new') location.hash = target;
    }, 1000);
  };
  const retry = async () => {
    if (!busy) await runUploads();
  };

  const start = async () => {
    if (busy || batchId) return;
    const roster = rosterInput.files?.[0];
    const certificates = Array.from(certificatesInput.files ?? []);
    if (!roster) return fail(rosterInput, '请选择考核发证名册（.xlsx 或 .csv）。');
    if (!ROSTER_TYPES.test(roster.name))
      return fail(rosterInput, `名册“${roster.name}”须为 Excel 工作簿（.xlsx）或 CSV 文件；旧版 .xls 请另存为 .xlsx 后再上传。`);
    if (certificates.length === 0) return fail(certificatesInput, '请至少选择一个证书文件（ZIP 压缩包、PDF 或图片）。');
    const odd = certificates.filter((file) => !CERTIFICATE_TYPES.test(file.name));
    if (odd.length > 0) return fail(certificatesInput, `以下文件不是 ZIP、PDF 或图片，无法识别：${odd.map((file) => file.name).join('、')}`);
    uploads = [{ file: roster, role: 'roster' as const }, ...certificates.map((file) => ({ file, role: 'certificates' as const }))].map((u) => ({
      ...u,
      contentType: contentTypeOf(u.file),
      sent: 0,
      parts: [],
      done: false,
    }));
    busy = true;
    try {
      const created = await kit.api<CreatedBatch>('POST', '/batches', {
        files: uploads.map((u) => ({ name: u.file.name, size: u.file.size, contentType: u.contentType, role: u.role })),
      });
      batchId = created.batch.batchId;
      uploads.forEach((u, i) => (u.target = created.uploads[i]));
    } catch (error) {
      busy = false;
      uploads = [];
      kit.show(error);
      return;
    }
    (document.getElementById('start-upload') as HTMLButtonElement).disabled = true;
    rosterInput.disabled = true;
    certificatesInput.disabled = true;
    document.getElementById('upload')!.hidden = false;
    document.getElementById('upload-batch')!.textContent = batchId;
    drawFiles();
    await runUploads();
  };
  const fail = (input: HTMLInputElement, text: string) => {
    kit.banner(text);
    input.focus();
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void start();
  });
  const onKey = (event: KeyboardEvent) => {
    if (event.ctrlKey && event.key === 'Enter') void start();
    else if (event.key === 'r' && !busy && uploads.some((u) => u.error)) void retry();
    else return;
    event.preventDefault();
  };
  document.addEventListener('keydown', onKey);
  kit.onLeave(() => document.removeEventListener('keydown', onKey));
}

/**
 * One case in one line: its file (and place in the file), the holder, the state, the outcome, the amount where payable,
 * and why — in Chinese, as the training body reads it (issue 16).
 */
/**
 * The batch's state in one sentence: done; waiting for files; every file that arrived read but some not arrived (named,
 * with what to do); or being read.
 */
function batchStateLine(kit: PageKit, p: BatchProgress): string {
  if (p.allFinal) return '全部材料已处理完毕。';
  const waiting = p.waitingForFiles ?? [];
  if (p.documents.total === 0) return waiting.length > 0 ? `等待文件到达：${waiting.map(kit.esc).join('、')}……` : '等待文件到达，正在接收……';
  if (p.documents.final === p.documents.total && waiting.length > 0)
    return `已到达的材料均已处理；尚未收到文件：${waiting.map(kit.esc).join('、')}（上传未完成的，请在“新建批次”中重新上传）。页面每 2 秒自动刷新……`;
  return '正在识别中，页面每 2 秒自动刷新……';
}

function caseOutcomeLine(kit: PageKit, line: BatchProgress['caseOutcomes'][number]): string {
  const place = line.certificateInFile > 1 ? ` 第 ${line.certificateInFile} 张` : '';
  const amount = line.outcome === 'eligible' && line.amountYuan !== undefined && line.amountYuan > 0 ? ` · ${kit.yuan(line.amountYuan)}` : '';
  return `<li data-case="${kit.esc(line.caseId)}"><span class="file">${kit.esc(line.fileName)}${place}</span>${line.holderName ? `（${kit.esc(line.holderName)}）` : ''} · <span class="status ${kit.esc(line.status)}">${kit.esc(line.statusZh)}</span> · <strong class="outcome">${kit.esc(line.outcomeZh)}</strong>${amount}${line.reasonZh ? `：<span class="reason">${kit.esc(line.reasonZh)}</span>` : ''}</li>`;
}

/**
 * The batch's progress, polled every 2 s until every document is final: documents by state with a bar of those done,
 * pages, cases by state, amounts claimed, the roster's matching problems, the report download and the cases.
 *
 * @example
 * await batchProgressView(kit, 'batch-20261127-9f2c4e1a');
 */
export async function batchProgressView(kit: PageKit, batchId: string): Promise<void> {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  kit.onLeave(() => {
    stopped = true;
    clearTimeout(timer);
  });
  const first = await kit.api<BatchProgress>('GET', `/batches/${encodeURIComponent(batchId)}`);
  kit.view().innerHTML = `<h1>批次进度 <span class="muted">${kit.esc(batchId)}</span></h1>
    <div class="actions"><button class="primary" id="report">下载批次报告（Excel） <kbd>Alt+X</kbd></button><a id="cases-link" href="#/batch/${encodeURIComponent(batchId)}">查看本批次案件 <kbd>Alt+C</kbd></a><a href="#/">返回我的批次</a></div>
    <div id="progress" aria-live="polite"></div>`;
  kit.keys('<kbd>Alt+X</kbd> 下载批次报告 · <kbd>Alt+C</kbd> 查看本批次案件 · <kbd>Esc</kbd> 返回我的批次');
  const draw = (p: BatchProgress) => {
    const docs = p.documents;
    const share = docs.total === 0 ? 0 : percent(docs.final, docs.total);
    const m = p.matching;
    const problems: string[] = [
      ...m.rowsWithoutCertificate.map((r) => `名册第 ${r.rowNumber} 行${r.holderName ? `（${kit.esc(r.holderName)}）` : ''}：未找到对应证书`),
      ...m.certificatesWithoutRow.map(
        (c) => `证书 ${kit.esc(c.fileName ?? c.documentId)}${c.indexInFile > 0 ? ` 第 ${c.indexInFile + 1} 张` : ''}：名册中没有对应的人员`,
      ),
      ...m.withFlags.map(
        (f) =>
          `名册第 ${f.rowNumber} 行${f.holderName ? `（${kit.esc(f.holderName)}）` : ''}：${f.fields.map((x) => `${FIELD_LABELS[x.field] ?? x.field}${x.kind === 'unread' ? '未能识别' : '与证书不一致'}`).join('，')}${f.caseId ? ` · <a href="#/case/${encodeURIComponent(f.caseId)}">查看案件</a>` : ''}`,
      ),
      ...m.duplicateRows.map((d) => `证书编号 ${kit.esc(d.certificateNumber)} 在名册中重复出现（第 ${d.rowNumbers.join('、')} 行）`),
      ...m.crossBatchDuplicates.map((d) =>
        d.otherBatches.length > 0
          ? `名册第 ${d.rowNumber} 行：证书编号 ${kit.esc(d.certificateNumber)} 另见批次 ${d.otherBatches.map(kit.esc).join('、')}，待核对`
          : `名册第 ${d.rowNumber} 行：证书编号 ${kit.esc(d.certificateNumber)} 另有申报，待区人社局核对`,
      ),
      ...docs.problems.map(
        (d) => `文件 ${kit.esc(d.fileName)}：${DOCUMENT_STATUS[d.status] ?? d.status}${d.reason ? `（${kit.esc(REASONS[d.reason] ?? d.reason)}）` : ''}`,
      ),
    ];
    document.getElementById('progress')!.innerHTML = `
      <p id="state" class="${p.allFinal ? 'ok' : ''}">${batchStateLine(kit, p)}</p>
      <p>已处理材料 <strong id="docs-final">${docs.final}</strong> / <strong id="docs-total">${docs.total}</strong>${docs.pagesTotal > 0 ? ` · 页数 ${docs.pagesDone} / ${docs.pagesTotal}` : ''}</p>
      ${bar('docs-bar', '材料处理进度', p.allFinal ? 100 : share)}
      <h2>材料状态</h2><p>${
        Object.entries(docs.byStatus)
          .map(([s, n]) => `<span class="status ${s}">${DOCUMENT_STATUS[s] ?? s} ${n}</span>`)
          .join(' ') || '<span class="muted">暂无</span>'
      }</p>
      <h2>案件</h2><p>共 ${p.cases.total} 件 ${Object.entries(p.cases.byStatus)
        .map(([s, n]) => `<span class="status ${s}">${CASE_STATUS_ZH[s] ?? s} ${n}</span>`)
        .join(' ')}</p>
      <p>申报金额：${Object.entries(p.amountsByProgramme)
        .map(
          ([programme, amount]) =>
            `${kit.esc(BATCH_PROGRAMME_TITLES[programme] ?? programme)} <span class="clause">${kit.esc(programme)}</span> ${kit.yuan(amount)}`,
        )
        .join('　')}</p>
      <h2>名册核对</h2>
      ${p.roster.error ? `<p class="error" role="alert">${kit.esc(p.roster.error.zh)}</p>` : !p.roster.uploaded ? '<p class="muted">名册尚未上传。</p>' : ''}
      <table id="matching"><tbody>
        <tr><th>名册人数</th><td data-count="rows">${m.rosterRows}</td></tr>
        <tr><th>已匹配证书</th><td data-count="matched">${m.matched}</td></tr>
        <tr><th>名册有、证书缺</th><td data-count="rowsWithoutCertificate">${m.rowsWithoutCertificate.length}</td></tr>
        <tr><th>有证书、名册无</th><td data-count="certificatesWithoutRow">${m.certificatesWithoutRow.length}</td></tr>
        <tr><th>信息不一致</th><td data-count="withFlags">${m.withFlags.length}</td></tr>
        <tr><th>重复申报</th><td data-count="duplicates">${m.duplicateRows.length + m.crossBatchDuplicates.length}</td></tr>
      </tbody></table>
      ${p.caseOutcomes.length > 0 ? `<h2>各案件审核结果</h2><ul id="case-outcomes">${p.caseOutcomes.map((line) => caseOutcomeLine(kit, line)).join('')}</ul>` : ''}
      ${problems.length > 0 ? `<h2>需要注意</h2><ul id="problems">${problems.map((line) => `<li>${line}</li>`).join('')}</ul>` : p.allFinal && m.rosterRows > 0 ? '<p class="ok">名册与证书全部一致。</p>' : ''}`;
  };
  draw(first);
  const download = async () => {
    try {
      const response = await fetch(first.reportUrl, { headers: { authorization: `Bearer ${kit.token()}` } });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(await response.blob());
      link.download = `批次报告-${batchId}.xlsx`;
      link.click();
    } catch (error) {
      kit.banner(`批次报告下载失败：${String(error)}`);
    }
  };
  document.getElementById('report')!.addEventListener('click', () => void download());
  const onKey = (event: KeyboardEvent) => {
    if (event.altKey && event.key.toLowerCase() === 'x') void download();
    else if (event.altKey && event.key.toLowerCase() === 'c') location.hash = `#/batch/${encodeURIComponent(batchId)}`;
    else if (event.key === 'Escape') location.hash = '#/';
    else return;
    event.preventDefault();
  };
  document.addEventListener('keydown', onKey);
  kit.onLeave(() => document.removeEventListener('keydown', onKey));
  (document.getElementById('report') as HTMLButtonElement).focus();

  let failing = false;
  const poll = async () => {
    if (stopped) return;
    try {
      const next = await kit.api<BatchProgress>('GET', `/batches/${encodeURIComponent(batchId)}`);
      if (stopped) return;
      if (failing) kit.banner(undefined);
      failing = false;
      draw(next);
      if (next.allFinal) return;
    } catch (error) {
      // A missed poll is retried on the next tick; the view says so rather than going blank.
      failing = true;
      if (!stopped) kit.banner(`刷新进度失败，稍后自动重试：${(error as { error?: { zh?: string } }).error?.zh ?? String(error)}`);
    }
    if (!stopped) timer = setTimeout(() => void poll(), 2000);
  };
  if (!first.allFinal) timer = setTimeout(() => void poll(), 2000);
}
