import { describe, expect, it } from 'vitest';
import { extractDocuments, mayNameEmployerOnlyInSeal } from '../../shared/extraction/index.js';
import type { OcrPage } from '../../shared/ocr/index.js';
import { company, person } from './support/documents.js';
import { PageBuilder } from './support/page-builder.js';

// Which pages the engine reads seals' rings on (sealgate26): reading a ring costs 10–17 % of a sealed page, and the
// reader uses a ring only for a 聘书's employer printed nowhere but in its seal (issue 19). The gate decides from the
// page's own lines, read by the page's pass before any ring.

function page(lines: string[], at: [x: number, y: number, text: string][] = [], width?: number): OcrPage {
  const b = new PageBuilder({ top: 200, width });
  for (const line of lines) b.line(line, 186);
  for (const [x, y, text] of at) b.at(x, y, text);
  return b.build();
}

const letterLines = ['聘　书', `兹聘任 ${person.name} 同志为我公司 高级技师，聘期自 2021年1月1日 至 2023年12月31日。`, '特发此聘书。'];
const certificateLines = [
  '职业技能等级证书',
  `姓名：${person.name}`,
  '职业（工种）：电工',
  '等级：四级/中级工',
  '证书编号：S000033010000213000123',
  '发证日期：2021年3月1日',
];

describe('mayNameEmployerOnlyInSeal', () => {
  it('asks for the seal’s ring on a 聘书 that prints no employer', () => {
    expect(mayNameEmployerOnlyInSeal(page(letterLines, [[1000, 1900, '2020年12月25日']]))).toBe(true);
  });

  it('asks for the ring on a 聘书 untitled but written in its own words', () => {
    const untitled = [`兹聘请 ${person.name} 同志为我公司高级技师，聘期自 2021年1月1日 至 2023年12月31日。`, '特发此聘书。'];
    expect(mayNameEmployerOnlyInSeal(page(untitled))).toBe(true);
  });

  it('asks for no ring on a certificate, a contract or a licence, sealed or not', () => {
    const contract = ['劳动合同', `用人单位（甲方）：${company.name}`, `劳动者（乙方）：${person.name}`, '一、合同期限', '本合同为固定期限劳动合同。'];
    const licence = ['营业执照', `统一社会信用代码：${company.code}`, `名称：${company.name}`, '法定代表人：朱鸣', '成立日期：2015年3月2日'];
    for (const lines of [certificateLines, contract, licence]) expect(mayNameEmployerOnlyInSeal(page(lines))).toBe(false);
  });

  it('asks for no ring on a 聘书 that prints its employer’s name under its seal, which the reader takes first', () => {
    const signed = page(letterLines, [
      [980, 1840, `${company.name}（盖章）`],
      [1000, 1900, '2020年12月25日'],
    ]);

    expect(mayNameEmployerOnlyInSeal(signed)).toBe(false);
    expect(extractDocuments([signed], { today: '2026-12-06' })[0].fields.employerName.value).toBe(company.name);
  });

  it('asks for no ring on a 聘书 that prints its employer beside its label', () => {
    const labelled = page(['聘　书', `受聘人姓名：${person.name}`, '聘任职务：质量工程师', '聘期开始：2018-12-25', `用人单位：${company.name}`]);

    expect(mayNameEmployerOnlyInSeal(labelled)).toBe(false);
    expect(extractDocuments([labelled], { today: '2026-12-06' })[0].fields.employerName.value).toBe(company.name);
  });

  it('asks for the ring on a page holding a certificate beside a 聘书, though the certificate prints a whole organisation’s name', () => {
    const b = new PageBuilder({ top: 200, width: 3400 });
    for (const line of [...certificateLines, company.name]) b.line(line, 186);
    letterLines.forEach((text, i) => b.at(1900, 200 + i * 80, text));

    expect(mayNameEmployerOnlyInSeal(b.build())).toBe(true);
  });
});
