import { type DocumentData, totalMonths } from '../factory/documents.js';
import { formatMonth, monthsBetween, type MonthStyle } from '../factory/dates.js';
import { A4, baseCss, date, esc, gridEntries, HELD_OUT_FONTS, inlineEntries, seal, SEEN_FONTS, stackedEntries, type TemplateFamily } from './kit.js';

type Record_ = Extract<DocumentData, { kind: 'social_insurance_record' }>;

function record(data: DocumentData): Record_ {
  if (data.kind !== 'social_insurance_record') throw new Error(`not a social-insurance record: ${data.kind}`);
  return data;
}

const TITLE = ['杭州市社会保险参保缴费证明（个人）', '社会保险个人参保证明', '浙江省社会保险参保缴费记录'];

function spanTable(r: Record_, style: MonthStyle, opts: { months: boolean; joined: boolean; total: boolean }): string {
  const head = opts.joined
    ? ['序号', '缴费单位', '缴费起止年月', ...(opts.months ? ['月数'] : []), '险种']
    : ['序号', '缴费单位名称', '起始年月', '终止年月', ...(opts.months ? ['缴费月数'] : []), '险种'];
  const rows = r.spans.map((s, i) => {
    const period = opts.joined ? [`${formatMonth(s.from, style)}-${formatMonth(s.to, style)}`] : [formatMonth(s.from, style), formatMonth(s.to, style)];
    return [String(i + 1), s.employer, ...period, ...(opts.months ? [String(monthsBetween(s.from, s.to))] : []), '企业职工基本养老保险'];
  });
  const body = rows.map((cells) => `<tr>${cells.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('');
  const total = opts.total ? `<tr><td colspan="${head.length}">合计缴费月数：${totalMonths(r.spans)}个月</td></tr>` : '';
  return `<table class="spans"><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr>${body}${total}</table>`;
}

const TABLE_CSS = `table.spans { border-collapse: collapse; width: 100%; margin-top: 8mm; font-size: 0.9em; }
  table.spans td, table.spans th { border: 1px solid #333; padding: 2mm 2mm; text-align: center; }`;

/** Person as label：value lines, then a table with separate start and end month columns. */
const classic: TemplateFamily = {
  name: 'record/classic',
  heldOut: false,
  kinds: ['social_insurance_record'],
  render(data, rng) {
    const r = record(data);
    return [
      {
        ...A4,
        css: baseCss(rng.pick(SEEN_FONTS), 12) + TABLE_CSS,
        body: `<div style="position:absolute;left:18mm;right:18mm;top:20mm">
        <div class="title" style="font-size:18pt;letter-spacing:0.1em;margin-bottom:8mm">${rng.pick(TITLE)}</div>
        ${inlineEntries(
          [
            [rng.pick(['姓名', '姓　名', '参保人']), r.person.name],
            [rng.pick(['公民身份号码', '身份证号码', '证件号码']), r.person.idNumber],
            ['参保状态', '正常参保'],
          ],
          '：',
        )}
        ${spanTable(r, rng.pick(['compact', 'dashed', 'dotted']), { months: rng.chance(0.7), joined: false, total: rng.chance(0.6) })}
        <div style="margin-top:12mm;text-align:right">打印日期：${esc(date(rng, r.printed))}</div>
        <div style="text-align:right">杭州市社会保险事业管理中心</div></div>
        ${seal('杭州市社会保险事业管理中心社保业务专用章', 40, { left: 140, top: 150 })}`,
      },
    ];
  },
};

/** Person in a ruled header grid, spans as "起止年月" in one cell. */
const gridded: TemplateFamily = {
  name: 'record/gridded',
  heldOut: false,
  kinds: ['social_insurance_record'],
  render(data, rng) {
    const r = record(data);
    return [
      {
        ...A4,
        css: baseCss(rng.pick(SEEN_FONTS), 11.5) + TABLE_CSS,
        body: `<div style="position:absolute;left:16mm;right:16mm;top:18mm">
        <div class="title" style="font-size:17pt;margin-bottom:6mm">${rng.pick(TITLE)}</div>
        ${gridEntries(
          [
            ['姓名', r.person.name],
            ['性别', r.person.sex],
            ['身份证号', r.person.idNumber],
            ['险种', '养老保险'],
          ],
          2,
        )}
        ${spanTable(r, rng.pick(['compact', 'dashed']), { months: true, joined: true, total: rng.chance(0.5) })}
        <div style="margin-top:10mm">本证明仅证明参保人在本市的参保缴费情况。</div>
        <div style="margin-top:4mm;text-align:right">${esc(date(rng, r.printed))}</div></div>
        ${seal('杭州市西湖区社会保险管理服务中心', 38, { left: 146, top: 168 })}`,
      },
    ];
  },
};

/** Held out: person details stacked (label above value), months printed 2015年03月, no month counts at all. */
const stacked: TemplateFamily = {
  name: 'record/stacked',
  heldOut: true,
  kinds: ['social_insurance_record'],
  render(data, rng) {
    const r = record(data);
    return [
      {
        ...A4,
        css: baseCss(rng.pick(HELD_OUT_FONTS), 12) + TABLE_CSS,
        body: `<div style="position:absolute;left:18mm;right:18mm;top:18mm">
        <div style="font-size:16pt;font-weight:bold;border-bottom:2px solid #1f6f78;padding-bottom:3mm;margin-bottom:6mm">参保缴费明细</div>
        ${stackedEntries(
          [
            ['参保人姓名', r.person.name],
            ['社会保障号码', r.person.idNumber],
            ['出生日期', date(rng, r.person.birth, ['dashed', 'cn_padded'])],
          ],
          3,
        )}
        ${spanTable(r, 'cn', { months: false, joined: false, total: false })}
        <div style="margin-top:10mm;text-align:right">出具日期：${esc(date(rng, r.printed))}</div></div>
        ${seal('杭州市社会保险事业管理中心', 38, { left: 140, top: 140 })}`,
      },
    ];
  },
};

export const RECORD_FAMILIES: readonly TemplateFamily[] = [classic, gridded, stacked];
