/**
 * `#/submission/<id>`: what came in under one submission, for the bureau's staff. For an e-mail: the sender (and
 * whether SES verified it), subject, body and the reply stored for the sender; for every file, its state in Chinese,
 * why it was refused or rejected, and the cases it went to. Nothing that came in is hidden, refused files included.
 */
import type { SubmissionDetail } from '../../shared/review/submission-service.js';
import { DOCUMENT_TITLES_ZH } from '../../shared/cases/labels-zh.js';
import type { PageKit } from './batch-upload.js';

const beijing = (iso: string | undefined): string => {
  if (!iso) return '—';
  const at = new Date(Date.parse(iso) + 8 * 3600_000);
  return Number.isNaN(at.getTime()) ? iso : `${at.toISOString().slice(0, 16).replace('T', ' ')}（北京时间）`;
};

export async function submissionView(kit: PageKit, submissionId: string): Promise<void> {
  const { esc } = kit;
  const detail = await kit.api<SubmissionDetail>('GET', `/submissions/${encodeURIComponent(submissionId)}`);
  const mail = detail.email;
  const titles = (types: string[]) => [...new Set(types)].map((type) => DOCUMENT_TITLES_ZH[type as keyof typeof DOCUMENT_TITLES_ZH] ?? type).join('、');
  kit.view().innerHTML = `
    <h1>来件详情</h1>
    <p class="muted">来件编号 ${esc(detail.submissionId)} · ${detail.channel === 'email' ? '电子邮件' : '上传'}</p>
    ${
      mail
        ? `<section class="email" id="email">
            <table class="kv">
              <tr><th>发件人</th><td>${esc(mail.fromName ? `${mail.fromName} <${mail.from ?? ''}>` : (mail.from ?? '—'))}${
                mail.senderVerified === false ? ' <span class="warn" id="sender-unverified">发件人未通过来源验证，不能据此认定申请人</span>' : ''
              }</td></tr>
              <tr><th>主题</th><td>${esc(mail.subject ?? '（无主题）')}</td></tr>
              <tr><th>发送时间</th><td>${esc(beijing(mail.sentAt))}</td></tr>
              <tr><th>收到时间</th><td>${esc(beijing(mail.receivedAt))}</td></tr>
              <tr><th>受理情况</th><td>${esc(mail.stateZh)}${mail.reasonZh ? `：${esc(mail.reasonZh)}` : ''}</td></tr>
            </table>
            <h2>正文</h2>
            <pre class="body" id="email-body">${esc(mail.bodyText ?? '（无正文）')}</pre>
            ${mail.replyText ? `<details><summary>给发件人的回复</summary><pre>${esc(mail.replyText)}</pre></details>` : ''}
          </section>`
        : ''
    }
    <h2>附件与文件（${detail.files.length}）</h2>
    <table id="files"><thead><tr><th>文件名</th><th>状态</th><th>原因</th><th>识别出的材料</th><th>案件</th></tr></thead><tbody>${detail.files
      .map(
        (
          file,
        ) => `<tr data-file="${esc(file.fileName)}" data-state="${esc(file.state)}" class="${file.state === 'refused' || file.state === 'rejected' || file.state === 'failed' ? 'refused' : ''}">
          <td>${file.fromArchive ? '└ ' : ''}${esc(file.fileName)}${file.pageCount ? ` <span class="muted">（${file.pageCount} 页）</span>` : ''}</td>
          <td>${esc(file.stateZh)}</td>
          <td>${esc(file.reasonZh ?? '')}</td>
          <td>${esc(titles(file.documentTypes))}</td>
          <td>${file.caseIds.map((id) => `<a href="#/case/${encodeURIComponent(id)}">${esc(id)}</a>`).join('<br/>')}</td>
        </tr>`,
      )
      .join('')}</tbody></table>
    ${detail.caseIds.length ? `<p>本次来件的案件：${detail.caseIds.map((id) => `<a href="#/case/${encodeURIComponent(id)}">${esc(id)}</a>`).join('、')}</p>` : '<p class="muted">本次来件尚未形成案件。</p>'}`;
  kit.keys('<kbd>Esc</kbd> 返回');
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') history.back();
  };
  document.addEventListener('keydown', onKey);
  kit.onLeave(() => document.removeEventListener('keydown', onKey));
}
