/**
 * The supervisors' yearly targets report on the page (`#/reports`, nav link 年度目标): person-times and certificates by
 * programme and level from approved and paid cases, against the 12,500 a year of XH36-1 (一、总体要求: 平均每年培训
 * 1.25万人次以上), the amounts approved, paid and recovered, and the same report as an XLSX download. Kept apart from
 * app.ts, which lends it the page's API helper, banner and key bar.
 */
import type { TargetsReport } from '../../shared/exports/targets-report.js';
import type { PageKit } from './batch-upload.js';

const XLSX_NAME = (year: number) => `年度目标-${year}.xlsx`;

/** The year in Beijing (UTC+8) today. */
const thisYear = () => Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));

const count = (value: number) => value.toLocaleString('zh-CN');

/**
 * Shows the report of the year in the address (`#/reports/2021`), else of this year; supervisors only (the API answers
 * 403 to anyone else, shown in the banner).
 *
 * @example
 * if (name === 'reports') return await reportsView(kit, apiBase(), arg);
 */
export async function reportsView(kit: PageKit, apiBase: string, yearArg?: string): Promise<void> {
  const year = /^\d{4}$/.test(yearArg ?? '') ? Number(yearArg) : thisYear();
  kit.view().innerHTML = `<h1>年度目标完成情况</h1>
    <p class="muted">西人社〔2020〕36号 一、总体要求：平均每年培训1.25万人次以上。按已审批、已支付案件统计（案件按其决定依据日期计入年度）。</p>
    <form id="report-year" class="actions"><label>年度 <input type="number" id="year" min="2000" max="2100" value="${year}" /></label>
      <button type="submit">查看</button><button type="button" class="primary" id="report-xlsx">下载 Excel <kbd>Alt+X</kbd></button></form>
    <div id="report"><p class="muted">正在统计…</p></div>`;
  kit.keys('<kbd>Enter</kbd> 查看所选年度 · <kbd>Alt+X</kbd> 下载 Excel');

  const form = kit.view().querySelector<HTMLFormElement>('#report-year')!;
  const chosenYear = () => Number(kit.view().querySelector<HTMLInputElement>('#year')!.value);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = chosenYear();
    if (/^\d{4}$/.test(String(chosen))) location.hash = `#/reports/${chosen}`;
  });
  const download = async () => {
    try {
      const response = await fetch(`${apiBase}/reports/targets.xlsx?year=${year}`, { headers: { authorization: `Bearer ${kit.token()}` } });
      if (!response.ok) {
        const body = (await response.json().catch(() => ({}))) as { error?: { zh?: string } };
        kit.banner(body.error?.zh ?? `下载失败（${response.status}）`);
        return;
      }
      const link = document.createElement('a');
      link.href = URL.createObjectURL(await response.blob());
      link.download = XLSX_NAME(year);
      link.click();
    } catch (error) {
      kit.show(error);
    }
  };
  kit
    .view()
    .querySelector('#report-xlsx')!
    .addEventListener('click', () => void download());
  const onKey = (event: KeyboardEvent) => {
    if (!(event.altKey && event.key.toLowerCase() === 'x')) return;
    event.preventDefault();
    void download();
  };
  document.addEventListener('keydown', onKey);
  kit.onLeave(() => document.removeEventListener('keydown', onKey));

  const report = await kit.api<TargetsReport>('GET', `/reports/targets?year=${year}`);
  kit.view().querySelector('#report')!.innerHTML = reportHtml(report, kit);
}

function reportHtml(report: TargetsReport, kit: PageKit): string {
  const t = report.totals;
  const esc = kit.esc;
  const share = Math.min(100, t.percentOfTarget ?? 0);
  const target = report.target
    ? `<p id="target-line"><strong>${count(t.personTimes)}</strong> 人次 / 目标 ${count(report.target.personTimes)} 人次（完成 ${t.percentOfTarget}%）</p>
       <div class="bar" role="progressbar" aria-label="完成年度目标" aria-valuemin="0" aria-valuemax="100" aria-valuenow="${share}"><span style="width:${share}%"></span><em>${t.percentOfTarget}%</em></div>
       <p class="muted">${esc(report.target.reference)}</p>`
    : `<p id="target-line"><strong>${count(t.personTimes)}</strong> 人次（${report.year}年不在政策实施期内，无年度目标）</p>`;
  const programmes = report.byProgramme.length
    ? `<table id="by-programme"><thead><tr><th>补贴项目</th><th>政策条款</th><th>案件数</th><th>培训人次</th><th>证书数</th><th>已审批未拨付</th><th>已拨付</th><th>已追回</th></tr></thead><tbody>${report.byProgramme
        .map(
          (row) =>
            `<tr data-programme="${esc(row.programme)}"><td>${esc(row.programmeTitle)}</td><td>${esc(row.programme)}</td><td>${count(row.cases)}</td><td>${count(row.personTimes)}</td><td>${count(row.certificates)}</td><td>${kit.yuan(row.approvedYuan)}</td><td>${kit.yuan(row.paidYuan)}</td><td>${kit.yuan(row.recoveredYuan)}</td></tr>`,
        )
        .join(
          '',
        )}</tbody><tfoot><tr><th colspan="2">合计</th><th>${count(t.cases)}</th><th>${count(t.personTimes)}</th><th>${count(t.certificates)}</th><th>${kit.yuan(t.approvedYuan)}</th><th>${kit.yuan(t.paidYuan)}</th><th>${kit.yuan(t.recoveredYuan)}</th></tr></tfoot></table>`
    : '<p class="muted">该年度没有已审批的案件。</p>';
  const titles = new Map(report.byProgramme.map((row) => [row.programme, row.programmeTitle]));
  const certificates = report.certificates.length
    ? `<h2>证书（按项目、类别、等级）</h2><table id="certificates"><thead><tr><th>补贴项目</th><th>证书类别</th><th>等级</th><th>证书数</th></tr></thead><tbody>${report.certificates
        .map(
          (row) =>
            `<tr><td>${esc(titles.get(row.programme) ?? row.programme)}</td><td>${esc(row.kindZh)}</td><td>${esc(row.levelZh)}</td><td>${count(row.count)}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : '';
  const estimated = report.estimatedCaseIds.length ? `<p class="muted">另有 ${report.estimatedCaseIds.length} 件早期案件按每案 1 人次估算。</p>` : '';
  return `<section id="totals">${target}
      <ul class="totals"><li>证书 <strong>${count(t.certificates)}</strong> 本</li><li>案件 <strong>${count(t.cases)}</strong> 件</li>
      <li>已审批未拨付 <strong>${kit.yuan(t.approvedYuan)}</strong></li><li>已拨付 <strong>${kit.yuan(t.paidYuan)}</strong></li><li>已追回 <strong>${kit.yuan(t.recoveredYuan)}</strong></li></ul></section>
    <h2>按补贴项目</h2>${programmes}${certificates}${estimated}`;
}
