import { describe, expect, it } from 'vitest';
import { extractedDocumentSchema, type ExtractedDocument } from '../../shared/documents/index.js';
import { extractDocuments, extractGroupedDocuments } from '../../shared/extraction/index.js';
import { scanPage, type Line } from './support/text-lines.js';

// Two documents in one photo or one scanned page (issue 19, pair25): a certificate beside an ID card, a 聘书 above a
// certificate. Each is read from its own part of the page; both keep the page, each with its region.

const read = (lines: Line[], size: { width: number; height: number }) => extractDocuments([scanPage(lines, { size })], { today: '2026-12-06' });

/** Lines of a certificate whose left edge is at x and top at y. */
const certificate = (x: number, y: number): Line[] => [
  ['职业技能等级证书', x + 150, y, 520, 64],
  ['姓名：王晓明', x, y + 140, 330, 40],
  ['身份证号：330106199003071234', x, y + 210, 620, 40],
  ['职业（工种）：电工', x, y + 280, 380, 40],
  ['职业技能等级：三级/高级工', x, y + 350, 520, 40],
  ['证书编号：2133010600123456', x, y + 420, 560, 40],
  ['发证日期：2021年06月18日', x, y + 490, 520, 40],
  ['发证单位：杭州市职业技能鉴定中心', x, y + 560, 660, 40],
];

/** Lines of an ID card's front whose left edge is at x and top at y. */
const cardFront = (x: number, y: number): Line[] => [
  ['姓名　王晓明', x, y, 300, 40],
  ['性别　男　　民族　汉', x, y + 70, 420, 40],
  ['出生　1990年3月7日', x, y + 140, 400, 40],
  ['住址　浙江省杭州市西湖区文三路100号', x, y + 210, 640, 40],
  ['公民身份号码　330106199003071234', x, y + 380, 680, 40],
];

const within = (doc: ExtractedDocument) =>
  Object.values(doc.fields).every((f) => {
    const region = doc.regions?.[0]?.box;
    if (!f.source?.box || !region) return true;
    const cx = f.source.box.x + f.source.box.width / 2;
    const cy = f.source.box.y + f.source.box.height / 2;
    return cx >= region.x && cx <= region.x + region.width && cy >= region.y && cy <= region.y + region.height;
  });

describe('two documents on one page', () => {
  it('reads a certificate and an ID card front side by side as two documents sharing the page, each from its own part', () => {
    // Prepare: a photo 3000 px wide, the certificate on the left, the card on the right, a desk between them.
    const lines = [...certificate(120, 300), ...cardFront(1900, 420)];

    // Act
    const docs = read(lines, { width: 3000, height: 1400 });

    // Assess
    expect(docs.map((d) => d.type).sort()).toEqual(['id_card', 'vocational_certificate']);
    const cert = docs.find((d) => d.type === 'vocational_certificate')!;
    const card = docs.find((d) => d.type === 'id_card')!;
    expect(cert.pages).toEqual([1]);
    expect(card.pages).toEqual([1]);
    expect(cert.regions?.[0]?.box.x).toBe(0);
    expect(card.regions?.[0]?.box.x).toBeGreaterThan(800);
    expect(cert.fields.holderName.value).toBe('王晓明');
    expect(cert.fields.certificateNumber.value).toBe('2133010600123456');
    expect(card.fields.idNumber.value).toBe('330106199003071234');
    expect(card.fields.address.value).toBe('浙江省杭州市西湖区文三路100号');
    expect(within(cert) && within(card)).toBe(true);
  });

  it('reads a 聘书 above a certificate on one flatbed page as two documents, each with its part', () => {
    const letter: Line[] = [
      ['聘　书', 700, 150, 260, 70],
      ['兹聘任 王晓明 同志为我公司 高级技师，聘期自 2021年1月1日 至 2023年12月31日。', 150, 300, 1350, 40],
      ['特发此聘书。', 150, 370, 240, 40],
      ['杭州启航家政服务有限公司', 900, 480, 480, 40],
      ['2020年12月25日', 960, 550, 320, 40],
    ];
    const docs = read([...letter, ...certificate(300, 900)], { width: 1654, height: 1700 });

    expect(docs.map((d) => d.type)).toEqual(['employment_letter', 'vocational_certificate']);
    const [appointment, cert] = docs;
    expect(appointment.regions?.[0]?.box.y).toBe(0);
    expect(cert.regions?.[0]?.box.y).toBeGreaterThan(600);
    expect(appointment.fields.employeeName.value).toBe('王晓明');
    expect(appointment.fields.title.value).toBe('高级技师');
    expect(cert.fields.occupation.value).toBe('电工');
    expect(within(appointment) && within(cert)).toBe(true);
  });

  it('keeps a contract’s page whose party table names the ID number one document', () => {
    const lines: Line[] = [
      ['劳动合同书', 600, 150, 420, 70],
      ['甲方（用人单位）：杭州启航家政服务有限公司', 150, 400, 900, 40],
      ['乙方（劳动者）：王晓明', 150, 470, 500, 40],
      ['性别：男　民族：汉', 150, 540, 400, 40],
      ['出生日期：1990年3月7日', 150, 610, 460, 40],
      ['住址：浙江省杭州市西湖区文三路100号', 150, 680, 760, 40],
      ['公民身份号码：330106199003071234', 150, 750, 700, 40],
      ['第一条　合同期限', 150, 820, 360, 40],
    ];
    const docs = read(lines, { width: 1654, height: 2340 });

    expect(docs).toHaveLength(1);
    expect(docs[0].type).toBe('labor_contract');
    expect(docs[0].regions).toBeUndefined();
  });

  it('parts a photo under two titles set large whose labels the engine garbled (an ID card’s back beside a certificate)', () => {
    // Prepare: the photo's engine lost 发证机关 and 证书编号 on the certificate and every label of the card.
    const lines: Line[] = [
      ['职业资格证书', 640, 713, 265, 64],
      ['姓名:王晓明', 590, 812, 200, 32],
      ['服业(工和):电工', 588, 888, 240, 35],
      ['编:12901091364', 589, 940, 250, 30],
      ['发证肌天:杭州市人力社保局', 858, 1191, 330, 30],
      ['姓真　王晓明', 1502, 539, 200, 31],
      ['生1990年3月7日', 1526, 595, 157, 33],
      ['中华人民共和国', 1754, 1106, 212, 42],
      ['居民身份证', 1756, 1144, 155, 64],
      ['发税关杭州市公宝易上浦分局', 1642, 1395, 244, 35],
    ];

    // Act
    const docs = read(lines, { width: 2641, height: 1986 });

    // Assess: two documents, the certificate's name read from its own part only.
    expect(docs.map((d) => d.type).sort()).toEqual(['id_card', 'vocational_certificate']);
    expect(docs.every((d) => d.pages.length === 1 && d.regions?.length === 1)).toBe(true);
    expect(docs.find((d) => d.type === 'vocational_certificate')!.fields.holderName.value).toBe('王晓明');
  });

  it('keeps a certificate one document when a label and the label under it spell a title (`职业技能等级` over `证书编号`)', () => {
    const lines: Line[] = [
      ['职业技能等级证书', 640, 260, 581, 92],
      ['姓名', 317, 390, 87, 63],
      ['林静婷', 541, 406, 120, 60],
      ['身份证号码', 318, 470, 184, 61],
      ['33011019720326031X', 541, 487, 376, 65],
      ['工种', 302, 684, 86, 58],
      ['美发师', 478, 694, 119, 60],
      ['职业技能等级', 971, 729, 216, 61],
      ['证书编号', 294, 853, 147, 59],
      ['S330106498185213402792', 473, 869, 457, 71],
      ['杭州西溪职业技术培训中心', 259, 1057, 418, 80],
      ['发证日期：2021年12月01日', 260, 1126, 459, 67],
    ];
    const docs = read(lines, { width: 1770, height: 2400 });

    expect(docs).toHaveLength(1);
    expect(docs[0].fields.occupation.value).toBe('美发师');
  });

  it('keeps each document’s region through the stored document’s schema (the embedded pipeline and the review page)', () => {
    const docs = read([...certificate(120, 300), ...cardFront(1900, 420)], { width: 3000, height: 1400 });

    const stored = docs.map((d) => extractedDocumentSchema.parse(JSON.parse(JSON.stringify(d))));

    expect(stored.map((d) => d.regions)).toEqual(docs.map((d) => d.regions));
    expect(stored.every((d) => d.regions?.length === 1)).toBe(true);
  });

  it('reads only its part of a shared page again when the clerk retypes one of the two documents', () => {
    const page = scanPage([...certificate(120, 300), ...cardFront(1900, 420)], { size: { width: 3000, height: 1400 } });
    const [cert, card] = extractDocuments([page], { today: '2026-12-06' })
      .sort((a, b) => a.type.localeCompare(b.type))
      .reverse();

    const [again] = extractGroupedDocuments([page], [{ pages: card.pages, type: 'id_card', regions: card.regions }], { today: '2026-12-06' });

    expect(cert.type).toBe('vocational_certificate');
    expect(again.regions).toEqual(card.regions);
    expect(again.fields.name.value).toBe('王晓明');
    expect(again.fields.idNumber.source?.box?.x).toBeGreaterThan(1800);
  });
});
