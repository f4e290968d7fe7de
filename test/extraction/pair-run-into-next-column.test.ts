import { describe, expect, it } from 'vitest';
import { buildPageLayout, extractDocuments } from '../../shared/extraction/index.js';
import { enginePage, type Line } from './support/text-lines.js';

// Issue 12 class 2, two label/value columns on one row. On a photo of an individual business's licence the engine
// boxed the left pair's value and the right column's pair as one line, with no gap between them:
// `名称杭州市西湖区之江电子商务经营者丁辉芳`, the name's last character `店` wrapped below. Read as one value, the
// company's name took in `经营者丁辉芳`, unflagged, and the operator was not found. The right column's label starts
// where that column's labels start on the rows above and below (`类型`, `注册日期`).

/** Characters 40 px apart, so the glued line's 15th character (`经`) stands at x = 150 + 14 × 40 = 710. */
const COLUMN = 710;

function licence(glued: string): Line[] {
  return [
    ['营业执照', 600, 300, 320, 80],
    ['注册号330106650742322(1-1)', 150, 480, 500, 40],
    ['类型个体工商户', COLUMN, 480, 280, 40],
    [glued, 150, 560, [...glued].length * 40, 40],
    ['店', 230, 610, 40, 40],
    ['组成形式家庭经营', 150, 680, 320, 40],
    ['注册日期2011.02.02', COLUMN, 680, 400, 40],
    ['经营场所', 150, 760, 160, 40],
    ['浙江省杭州市西湖区三墩镇古墩路523号', 330, 760, 700, 40],
  ];
}

describe('a pair boxed together with the next column’s pair on its row', () => {
  it('cuts the box where the next column’s label starts', () => {
    const layout = buildPageLayout(enginePage(licence('名称杭州市西湖区之江电子商务经营者丁辉芳')));
    expect(layout.lines.map((l) => l.text)).toEqual(expect.arrayContaining(['名称杭州市西湖区之江电子商务', '经营者丁辉芳']));
  });

  it('reads the company’s name without the operator, and the operator beside their own label', () => {
    const [doc] = extractDocuments([enginePage(licence('名称杭州市西湖区之江电子商务经营者丁辉芳'))], { today: '2026-12-07' });
    expect(doc.type).toBe('business_license');
    expect(doc.fields.companyName?.value).toBe('杭州市西湖区之江电子商务店');
    expect(doc.fields.legalRepresentative?.value).toBe('丁辉芳');
  });

  it('never cuts inside a longer label that starts before the column (`社会信用代码`, not `信用代码`)', () => {
    // `信` is the 14th character: x = 150 + 13 × 40 = 670, where two other rows' labels start.
    const glued = '用工单位浙江紫金汽车维社会信用代码91330106MA2AK59581';
    const layout = buildPageLayout(
      enginePage([
        ['劳动合同', 600, 300, 320, 80],
        ['法定代表人王明', 670, 400, 280, 40],
        [glued, 150, 480, [...glued].length * 40, 40],
        ['联系电话13800000000', 670, 560, 400, 40],
      ]),
    );
    expect(layout.lines.some((l) => l.text.startsWith('信用代码'))).toBe(false);
  });

  it('leaves a label word inside a value alone where no column of labels starts', () => {
    // `经营者` ten characters in, at x = 550: no label of another row starts there.
    const layout = buildPageLayout(enginePage(licence('名称杭州市西湖区经营者之家服务部')));
    expect(layout.lines.some((l) => l.text === '名称杭州市西湖区经营者之家服务部')).toBe(true);
  });
});
