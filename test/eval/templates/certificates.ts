import type { DocumentData } from '../factory/documents.js';
import type { Rng } from '../factory/random.js';
import {
  A4,
  A4_LANDSCAPE,
  baseCss,
  date,
  type Entry,
  esc,
  frame,
  gridEntries,
  HELD_OUT_FONTS,
  inlineEntries,
  leaderEntries,
  levelText,
  photo,
  seal,
  SEEN_FONTS,
  type Sheet,
  spread,
  stackedEntries,
  type TemplateFamily,
} from './kit.js';

type Certificate = Extract<DocumentData, { issuer: string }>;

const TITLES: Record<Certificate['kind'], string> = {
  skill_level: '职业技能等级证书',
  qualification: '职业资格证书',
  special_ability: '专项职业能力证书',
  special_operation: '特种作业操作证',
  training_completion: '培训合格证书',
};

function certificate(data: DocumentData): Certificate {
  if (!('issuer' in data)) throw new Error(`not a certificate: ${data.kind}`);
  return data;
}

const nameLabel = (rng: Rng): string => rng.pick([spread('姓名', '　'), spread('姓名', ' '), '姓名', '持证人']);
const idLabel = (rng: Rng): string => rng.pick(['证件号码', '身份证号', '公民身份号码', '身份证号码']);
const numberLabel = (rng: Rng): string => rng.pick(['证书编号', '证书号', '编号']);
const dateLabel = (rng: Rng): string => rng.pick(['发证日期', '颁证日期', '签发日期']);
const issuerLabel = (rng: Rng, c: Certificate): string =>
  c.kind === 'skill_level'
    ? rng.pick(['评价机构', '发证单位'])
    : c.kind === 'training_completion'
      ? rng.pick(['培训机构', '发证单位'])
      : rng.pick(['发证机关', '发证单位']);

function occupationEntry(rng: Rng, c: Certificate): Entry {
  switch (c.kind) {
    case 'special_ability':
      return [rng.pick(['专项能力名称', '能力名称', '项目名称']), c.occupation];
    case 'special_operation':
      return [rng.pick(['准操项目', '操作项目']), c.occupation];
    case 'training_completion':
      return [rng.pick(['培训项目', '培训内容']), c.occupation];
    default:
      return [rng.pick(['职业（工种）', '职业名称', '工种/职业方向']), c.occupation];
  }
}

/** The entries a certificate prints, in a shuffled-but-sensible order, each label drawn from its variants. */
function certificateEntries(rng: Rng, c: Certificate): { person: Entry[]; body: Entry[] } {
  const person: Entry[] = [
    [nameLabel(rng), c.person.name],
    [rng.pick(['性别', spread('性别', '　')]), c.person.sex],
    [idLabel(rng), c.person.idNumber],
  ];
  const body: Entry[] = [occupationEntry(rng, c)];
  if (c.kind === 'skill_level' || c.kind === 'qualification') {
    body.push([
      rng.pick(['职业技能等级', '等级', '级别', '技能等级']),
      levelText(rng, c.level, c.kind === 'skill_level' ? ['slash', 'grade', 'paren'] : ['national', 'title', 'grade', 'paren']),
    ]);
  }
  if (c.kind === 'special_operation') {
    body.unshift([rng.pick(['作业类别', '操作类别']), c.category]);
    body.push([rng.pick(['有效期至', '有效期限至']), date(rng, c.validUntil, ['cn_padded', 'dotted', 'dashed'])]);
  }
  body.push([numberLabel(rng), c.certificateNumber]);
  return { person, body };
}

function sheet(size: { widthMm: number; heightMm: number }, font: string, sizePt: number, body: string, css = ''): Sheet {
  return { ...size, body, css: baseCss(font, sizePt) + css };
}

/** Landscape skill-level certificate: photo left, label：value lines right, issuer and date under a red seal. */
const ribbon: TemplateFamily = {
  name: 'certificate/ribbon',
  heldOut: false,
  kinds: ['skill_level', 'special_ability', 'qualification'],
  render(data, rng) {
    const c = certificate(data);
    const { person, body } = certificateEntries(rng, c);
    const colon = rng.pick(['：', ':', '　']);
    const issued = date(rng, c.issueDate);
    return [
      sheet(
        A4_LANDSCAPE,
        rng.pick(SEEN_FONTS),
        rng.pick([14, 15, 16]),
        `
      ${frame(rng.pick(['#b8860b', '#a52a2a', '#2e5e8c']), 8)}
      <div class="title" style="position:absolute;top:24mm;left:0;right:0;font-size:28pt">${TITLES[c.kind]}</div>
      ${photo(32, 42, { left: 34, top: 56 })}
      <div style="position:absolute;left:${rng.int(86, 96)}mm;top:${rng.int(52, 58)}mm">${inlineEntries([...person, ...body], colon, { labelWidthEm: rng.pick([0, 6]) })}</div>
      <div style="position:absolute;right:36mm;bottom:${rng.int(22, 30)}mm;text-align:right">
        <div class="row">${esc(issuerLabel(rng, c))}${colon}${esc(c.issuer)}</div>
        <div class="row">${esc(dateLabel(rng))}${colon}${esc(issued)}</div>
      </div>
      ${seal(c.issuer, 40, { left: 205, top: 140 })}`,
      ),
    ];
  },
};

/** A ruled table of the certificate's facts, two pairs per row, with the photo in a corner. */
const ruled: TemplateFamily = {
  name: 'certificate/ruled',
  heldOut: false,
  kinds: ['skill_level', 'special_ability', 'training_completion'],
  render(data, rng) {
    const c = certificate(data);
    const { person, body } = certificateEntries(rng, c);
    const issued = date(rng, c.issueDate);
    const entries: Entry[] = [...person, ...body, [issuerLabel(rng, c), c.issuer], [dateLabel(rng), issued]];
    return [
      sheet(
        A4_LANDSCAPE,
        rng.pick(SEEN_FONTS),
        rng.pick([13, 14]),
        `
      ${frame('#555', 7)}
      <div class="title" style="position:absolute;top:22mm;left:0;right:0;font-size:26pt">${TITLES[c.kind]}</div>
      ${photo(28, 36, { left: 240, top: 20 })}
      <div style="position:absolute;left:26mm;right:26mm;top:62mm">${gridEntries(entries, 2, { shaded: rng.chance(0.5) })}</div>
      ${seal(c.issuer, 38, { left: 200, top: 145 })}`,
      ),
    ];
  },
};

/** The 职业资格证书 booklet opened flat: holder's page left, certificate page right. */
const booklet: TemplateFamily = {
  name: 'certificate/booklet',
  heldOut: false,
  kinds: ['qualification', 'skill_level'],
  render(data, rng) {
    const c = certificate(data);
    const { person, body } = certificateEntries(rng, c);
    const colon = rng.pick(['：', ':']);
    const font = rng.pick(SEEN_FONTS);
    const birth: Entry = [rng.pick(['出生日期', '出生年月']), date(rng, c.person.birth, ['cn_padded', 'cn', 'dotted'])];
    return [
      sheet(
        A4_LANDSCAPE,
        font,
        14,
        `
      <div style="position:absolute;left:148.5mm;top:8mm;bottom:8mm;border-left:1px dashed #888"></div>
      <div style="position:absolute;left:14mm;top:18mm;width:120mm">
        ${photo(30, 40)}
        <div style="margin-top:8mm">${stackedEntries([...person, birth], 2)}</div>
      </div>
      <div style="position:absolute;left:162mm;top:18mm;width:122mm">
        <div class="title" style="font-size:22pt;margin-bottom:8mm">${TITLES[c.kind]}</div>
        ${inlineEntries(body, colon)}
        <div class="row">${esc(issuerLabel(rng, c))}${colon}${esc(c.issuer)}</div>
        <div class="row">${esc(dateLabel(rng))}${colon}${esc(date(rng, c.issueDate))}</div>
      </div>
      ${seal(c.issuer, 36, { left: 232, top: 128 })}`,
      ),
    ];
  },
};

/** Portrait certificate with a sentence of award and the facts beneath. */
const narrative: TemplateFamily = {
  name: 'certificate/narrative',
  heldOut: false,
  kinds: ['training_completion', 'special_ability'],
  render(data, rng) {
    const c = certificate(data);
    const sentence =
      c.kind === 'training_completion'
        ? `学员 ${esc(c.person.name)}（${esc(idLabel(rng))}：${esc(c.person.idNumber)}）于 ${esc(date(rng, c.trainingFrom))} 至 ${esc(date(rng, c.trainingTo))} 参加 ${esc(c.occupation)} 培训，修完规定课程，经考核成绩合格，特发此证。`
        : `${esc(c.person.name)}（${esc(idLabel(rng))}：${esc(c.person.idNumber)}）经考核，具备 ${esc(c.occupation)} 专项职业能力，特发此证。`;
    return [
      sheet(
        A4,
        rng.pick(SEEN_FONTS),
        15,
        `
      ${frame('#8b0000', 9)}
      <div class="title" style="position:absolute;top:40mm;left:0;right:0;font-size:30pt">${TITLES[c.kind]}</div>
      <div style="position:absolute;top:82mm;left:30mm;right:30mm"><p>${sentence}</p></div>
      <div style="position:absolute;top:160mm;left:30mm">${inlineEntries([[numberLabel(rng), c.certificateNumber]], '：')}</div>
      <div style="position:absolute;top:210mm;right:34mm;text-align:center">
        <div class="row">${esc(c.issuer)}</div><div class="row">${esc(date(rng, c.issueDate))}</div>
      </div>
      ${seal(c.issuer, 40, { left: 122, top: 196 })}`,
      ),
    ];
  },
};

/** 特种作业操作证: front and back of the card, drawn at twice card size on one A4 page, as copy shops do. */
const operationCard: TemplateFamily = {
  name: 'certificate/operation-card',
  heldOut: false,
  kinds: ['special_operation'],
  render(data, rng) {
    const c = certificate(data);
    const { person, body } = certificateEntries(rng, c);
    const issued: Entry = [rng.pick(['初领日期', '发证日期']), date(rng, c.issueDate, ['cn_padded', 'dotted', 'dashed'])];
    return [
      sheet(
        A4,
        rng.pick(SEEN_FONTS),
        12.5,
        `
      <div style="position:absolute;left:19mm;top:18mm;width:171mm;height:108mm;border:1px solid #666;border-radius:5mm;background:#f4f8fb">
        <div class="title" style="margin-top:5mm;font-size:17pt">中华人民共和国${TITLES[c.kind]}</div>
        ${photo(26, 34, { left: 136, top: 24 })}
        <div style="position:absolute;left:8mm;top:20mm;width:124mm">${inlineEntries([...person, ...body.slice(0, 2)], '：')}</div>
      </div>
      <div style="position:absolute;left:19mm;top:145mm;width:171mm;height:108mm;border:1px solid #666;border-radius:5mm;background:#f4f8fb">
        <div style="position:absolute;left:8mm;top:10mm;width:155mm">${inlineEntries([...body.slice(2), issued, [issuerLabel(rng, c), c.issuer]], '：')}</div>
        ${seal(c.issuer, 34, { left: 120, top: 58 })}
      </div>`,
      ),
    ];
  },
};

/** Held out: bilingual labels on dotted leaders, in fonts the tuned families never use. */
const bilingualLeader: TemplateFamily = {
  name: 'certificate/bilingual-leader',
  heldOut: true,
  kinds: ['skill_level', 'qualification', 'special_ability', 'training_completion', 'special_operation'],
  render(data, rng) {
    const c = certificate(data);
    const { person, body } = certificateEntries(rng, c);
    const en: Record<string, string> = { 0: 'Name', 1: 'Sex', 2: 'ID No.' };
    const people = person.map(([l, v], i): Entry => [`${l} ${en[i]}`, v]);
    return [
      sheet(
        A4_LANDSCAPE,
        rng.pick(HELD_OUT_FONTS),
        14,
        `
      <div style="position:absolute;inset:0;background:linear-gradient(135deg,#fffaf0,#f3ead7)"></div>
      <div style="position:absolute;left:0;top:0;bottom:0;width:16mm;background:#7a1f1f"></div>
      <div style="position:absolute;left:30mm;top:16mm;font-size:24pt;font-weight:bold">${TITLES[c.kind]}</div>
      <div style="position:absolute;left:30mm;top:30mm;font-size:10pt;color:#555;letter-spacing:0.2em">CERTIFICATE</div>
      <div style="position:absolute;left:30mm;top:48mm;width:170mm">${leaderEntries([...people, ...body, [issuerLabel(rng, c), c.issuer], [dateLabel(rng), date(rng, c.issueDate)]])}</div>
      ${photo(34, 44, { left: 226, top: 50 })}
      ${seal(c.issuer, 42, { left: 220, top: 128 }, 0.7)}`,
      ),
    ];
  },
};

/** Held out: a card whose values sit under small labels (label above value), with a coloured header band. */
const stackedCard: TemplateFamily = {
  name: 'certificate/stacked-card',
  heldOut: true,
  kinds: ['special_operation', 'skill_level', 'training_completion'],
  render(data, rng) {
    const c = certificate(data);
    const { person, body } = certificateEntries(rng, c);
    return [
      sheet(
        A4,
        rng.pick(HELD_OUT_FONTS),
        13,
        `
      <div style="position:absolute;left:15mm;top:30mm;width:180mm;height:200mm;border:1px solid #888;border-radius:4mm;overflow:hidden">
        <div style="background:#1f6f78;color:#fff;padding:6mm 8mm;font-size:20pt;font-weight:bold">${TITLES[c.kind]}</div>
        <div style="padding:8mm">${stackedEntries([...person, ...body, [issuerLabel(rng, c), c.issuer], [dateLabel(rng), date(rng, c.issueDate)]], 2)}</div>
        ${photo(30, 40, { left: 140, top: 150 })}
      </div>
      ${seal(c.issuer, 36, { left: 100, top: 190 })}`,
      ),
    ];
  },
};

export const CERTIFICATE_FAMILIES: readonly TemplateFamily[] = [ribbon, ruled, booklet, narrative, operationCard, bilingualLeader, stackedCard];
