import type { DocumentData } from '../factory/documents.js';
import type { Rng } from '../factory/random.js';
import { A4, A4_LANDSCAPE, baseCss, date, esc, gridEntries, HELD_OUT_FONTS, photo, seal, SEEN_FONTS, spread, type TemplateFamily } from './kit.js';

type Licence = Extract<DocumentData, { kind: 'business_license' }>;
type IdCard = Extract<DocumentData, { kind: 'id_card' }>;

function licence(data: DocumentData): Licence {
  if (data.kind !== 'business_license') throw new Error(`not a business licence: ${data.kind}`);
  return data;
}
function idCard(data: DocumentData): IdCard {
  if (data.kind !== 'id_card') throw new Error(`not an ID card: ${data.kind}`);
  return data;
}

const SCOPE =
  '一般项目：技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广；软件开发；信息系统集成服务；职业技能培训（不含需取得许可的培训）（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）。';

function qr(at: { left: number; top: number }, rng: Rng): string {
  const cells = Array.from({ length: 144 }, () => (rng.chance(0.5) ? '#111' : '#fff'));
  return `<div style="position:absolute;left:${at.left}mm;top:${at.top}mm;display:grid;grid-template-columns:repeat(12,2.2mm)">${cells.map((c) => `<div style="width:2.2mm;height:2.2mm;background:${c}"></div>`).join('')}</div>`;
}

/** 营业执照 (副本 style): two columns of spaced labels, 统一社会信用代码 on top, registry seal at the bottom right. */
const classicLicence: TemplateFamily = {
  name: 'licence/classic',
  heldOut: false,
  kinds: ['business_license'],
  render(data, rng) {
    const l = licence(data);
    const e = l.enterprise;
    const gap = rng.pick(['　　', '  ', '　']);
    const row = (label: string, value: string): string =>
      `<div class="row" style="white-space:normal"><span class="lb" style="display:inline-block;width:6.5em">${esc(label)}</span><span class="v">${esc(value)}</span></div>`;
    return [
      {
        ...A4_LANDSCAPE,
        css: baseCss(rng.pick(SEEN_FONTS), 12.5),
        body: `<div style="position:absolute;inset:6mm;border:2mm solid #b5462f"></div>
        <div style="position:absolute;left:20mm;top:20mm">统一社会信用代码<br>${esc(e.creditCode)}</div>
        <div class="title" style="position:absolute;top:22mm;left:0;right:0;font-size:36pt;letter-spacing:0.4em">营业执照</div>
        <div style="position:absolute;top:42mm;left:0;right:0;text-align:center">（副　本）</div>
        ${qr({ left: 248, top: 18 }, rng)}
        <div style="position:absolute;left:24mm;top:62mm;width:120mm">
          ${row(`名${gap}称`, e.name)}${row(`类${gap}型`, e.companyForm)}${row('法定代表人', e.legalRepresentative)}
          ${row(`经营范围`, SCOPE)}
        </div>
        <div style="position:absolute;left:156mm;top:62mm;width:118mm">
          ${row('注册资本', e.capital)}${row('成立日期', date(rng, e.established, ['cn_padded', 'cn']))}
          ${row('营业期限', `${date(rng, e.established, ['cn_padded'])}至长期`)}${row(`住${gap}所`, e.address)}
        </div>
        <div style="position:absolute;right:30mm;bottom:26mm;text-align:center">登记机关<br>${esc(date(rng, l.issued, ['cn_padded', 'cn']))}</div>
        ${seal('杭州市西湖区市场监督管理局', 40, { left: 222, top: 140 })}`,
      },
    ];
  },
};

/** Held out: an older portrait licence with the facts in a ruled table. */
const tableLicence: TemplateFamily = {
  name: 'licence/table',
  heldOut: true,
  kinds: ['business_license'],
  render(data, rng) {
    const l = licence(data);
    const e = l.enterprise;
    return [
      {
        ...A4,
        css: baseCss(rng.pick(HELD_OUT_FONTS), 13),
        body: `<div class="title" style="position:absolute;top:26mm;left:0;right:0;font-size:32pt">营 业 执 照</div>
        <div style="position:absolute;left:22mm;right:22mm;top:62mm">${gridEntries(
          [
            ['统一社会信用代码', e.creditCode],
            ['名称', e.name],
            ['住所', e.address],
            ['法定代表人', e.legalRepresentative],
            ['注册资本', e.capital],
            ['成立日期', date(rng, e.established, ['cn_padded', 'cn', 'dashed'])],
            ['经营范围', SCOPE],
          ],
          1,
        )}</div>
        <div style="position:absolute;right:30mm;top:232mm;text-align:center">杭州市西湖区市场监督管理局<br>${esc(date(rng, l.issued))}</div>
        ${seal('杭州市西湖区市场监督管理局', 40, { left: 130, top: 220 })}`,
      },
    ];
  },
};

function cardFront(c: IdCard, rng: Rng, scale: number): string {
  const p = c.person;
  const b = p.birth;
  const lbl = (t: string): string => `<span style="color:#2a6fb0;font-size:0.85em;display:inline-block;width:3.4em">${t}</span>`;
  return `<div style="position:relative;width:${85.6 * scale}mm;height:${54 * scale}mm;border:1px solid #999;border-radius:${3 * scale}mm;background:linear-gradient(120deg,#eef4f8,#f8f3e8);font-size:${5.2 * scale}pt">
    <div style="position:absolute;left:${5 * scale}mm;top:${5 * scale}mm;line-height:1.9">
      <div>${lbl(spread('姓名', '　'))}${esc(p.name)}</div>
      <div>${lbl(spread('性别', '　'))}${p.sex}　　${lbl(spread('民族', '　'))}${esc(p.ethnicity)}</div>
      <div>${lbl(spread('出生', '　'))}${b.year} 年 ${b.month} 月 ${b.day} 日</div>
      <div style="display:flex">${lbl(spread('住址', '　'))}<span style="width:${44 * scale}mm;line-height:1.5">${esc(p.address)}</span></div>
    </div>
    ${photo(26 * scale, 32 * scale, { left: 55 * scale, top: 8 * scale })}
    <div style="position:absolute;left:${5 * scale}mm;bottom:${5 * scale}mm;font-size:1.05em">${lbl('公民身份号码').replace('width:3.4em', 'width:auto;margin-right:1em')}<span style="letter-spacing:0.08em">${p.idNumber}</span></div>
  </div>`;
}

function cardBack(c: IdCard, rng: Rng, scale: number): string {
  const to = { ...c.validFrom, year: c.validFrom.year + 20 };
  return `<div style="position:relative;width:${85.6 * scale}mm;height:${54 * scale}mm;border:1px solid #999;border-radius:${3 * scale}mm;background:linear-gradient(120deg,#f6efe1,#e9f1f7);font-size:${5.2 * scale}pt">
    <div style="position:absolute;left:${30 * scale}mm;top:${8 * scale}mm;font-size:1.6em;font-weight:bold;letter-spacing:0.2em">中华人民共和国<br>居民身份证</div>
    <div style="position:absolute;left:${14 * scale}mm;bottom:${6 * scale}mm;line-height:1.9">
      <div>签发机关　杭州市公安局${rng.pick(['西湖分局', '上城分局', '拱墅分局'])}</div>
      <div>有效期限　${date(rng, c.validFrom, ['dotted'])}-${date(rng, to, ['dotted'])}</div>
    </div></div>`;
}

/** A photocopy of both sides of the card on one A4 page, twice card size. */
const copy: TemplateFamily = {
  name: 'id-card/copy',
  heldOut: false,
  kinds: ['id_card'],
  render(data, rng) {
    const c = idCard(data);
    return [
      {
        ...A4,
        css: baseCss(rng.pick(SEEN_FONTS), 12),
        body: `<div style="position:absolute;left:19mm;top:22mm">${cardFront(c, rng, 2)}</div>
        <div style="position:absolute;left:19mm;top:152mm">${cardBack(c, rng, 2)}</div>`,
      },
    ];
  },
};

/** Held out: the front alone, enlarged on a landscape page and slightly off-centre, in another font. */
const enlarged: TemplateFamily = {
  name: 'id-card/enlarged',
  heldOut: true,
  kinds: ['id_card'],
  render(data, rng) {
    const c = idCard(data);
    return [
      {
        ...A4_LANDSCAPE,
        css: baseCss(rng.pick(HELD_OUT_FONTS), 12),
        body: `<div style="position:absolute;left:${rng.int(20, 40)}mm;top:${rng.int(16, 30)}mm">${cardFront(c, rng, 2.6)}</div>`,
      },
    ];
  },
};

export const IDENTITY_FAMILIES: readonly TemplateFamily[] = [classicLicence, tableLicence, copy, enlarged];
