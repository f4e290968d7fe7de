import type { DocumentData } from '../factory/documents.js';
import { A4, baseCss, date, esc, gridEntries, HELD_OUT_FONTS, seal, SEEN_FONTS, type TemplateFamily } from './kit.js';

type Unrelated = Extract<DocumentData, { kind: 'unrelated' }>;

function unrelated(data: DocumentData): Unrelated {
  if (data.kind !== 'unrelated') throw new Error(`not an unrelated page: ${data.kind}`);
  return data;
}

/** A company notice that names a person, a company and a date: looks official, is no claim document. */
const notice: TemplateFamily = {
  name: 'other/notice',
  heldOut: false,
  kinds: ['unrelated'],
  render(data, rng) {
    const u = unrelated(data);
    return [
      {
        ...A4,
        css: baseCss(rng.pick(SEEN_FONTS), 14),
        body: `<div style="position:absolute;left:26mm;right:26mm;top:30mm">
        <div class="title" style="font-size:22pt;margin-bottom:10mm">关于开展${rng.pick(['安全生产月', '年度体检', '消防演练', '技能比武'])}活动的通知</div>
        <p style="text-indent:0">各部门：</p>
        <p>为进一步做好相关工作，经公司研究决定，于 ${esc(date(rng, u.date))} 组织开展本次活动。请各部门负责人认真组织，确保全员参加。</p>
        <p>联系人：${esc(u.person.name)}，联系电话：0571-8${rng.digits(7)}。</p>
        <p>特此通知。</p>
        <div style="margin-top:20mm;text-align:right">${esc(u.enterprise.name)}<br>${esc(date(rng, u.date))}</div></div>
        ${seal(u.enterprise.name, 38, { left: 128, top: 120 })}`,
      },
    ];
  },
};

/** Held out: a receipt for a fee. */
const receipt: TemplateFamily = {
  name: 'other/receipt',
  heldOut: true,
  kinds: ['unrelated'],
  render(data, rng) {
    const u = unrelated(data);
    return [
      {
        ...A4,
        css: baseCss(rng.pick(HELD_OUT_FONTS), 13),
        body: `<div style="position:absolute;left:20mm;right:20mm;top:30mm">
        <div class="title" style="font-size:22pt;margin-bottom:8mm">收 款 收 据</div>
        ${gridEntries(
          [
            ['交款单位（人）', u.person.name],
            ['收款事由', rng.pick(['资料费', '场地租赁费', '会务费'])],
            ['金额（小写）', `¥${u.amount}.00`],
            ['收款日期', date(rng, u.date)],
            ['收款单位', u.enterprise.name],
          ],
          1,
        )}</div>
        ${seal(u.enterprise.name, 36, { left: 130, top: 110 })}`,
      },
    ];
  },
};

export const UNRELATED_FAMILIES: readonly TemplateFamily[] = [notice, receipt];
