import { describe, expect, it } from 'vitest';
import type { Box } from '../../shared/documents/index.js';
import type { OcrPage } from '../../shared/ocr/index.js';
import { extractDocuments } from '../../shared/extraction/index.js';
import { company, creditCode } from './support/documents.js';
import type { Line } from './support/text-lines.js';

// Issue 12, class 8 (curled photos): the engine reports a curled page's lines on its rows straightened (`box`) and
// keeps where each moved line lies on the image (`pageBox`). The clerk's page view draws a field's `source.box` on the
// image as photographed, so the box must come from `pageBox`; the reader keeps laying out by `box`. Constructed lines.

const TODAY = '2026-12-05';
const ADDRESS_HEAD = '浙江省杭州市拱墅区湖墅南路38';
const ADDRESS_WRAP = '7号5幢802室';

function spread(text: string, x: number, y: number, pitch: number): Line[] {
  return [...text].map((ch, i) => [ch, x + i * pitch, y, 36, 38]);
}

/** A licence read by OCR; `lifted` gives the lines the curl lifted their place on the image (`pageBox`). */
function licence(lifted: ReadonlyMap<string, Box> = new Map()): OcrPage {
  const lines: Line[] = [
    ['统一社会信用代码', 157, 143, 289, 38],
    [creditCode('7KD3N2W5X', '330106'), 157, 201, 325, 38],
    ['营业执照', 581, 235, 460, 89],
    ['名称:', 157, 501, 115, 38],
    [company.name, 327, 501, 500, 38],
    ['成立日期:', 157, 834, 181, 38],
    ['2016/03/11', 393, 834, 181, 38],
    ...spread('企业住所', 157, 916, 83),
    [`: ${ADDRESS_HEAD}`, 488, 916, 556, 38],
    [ADDRESS_WRAP, 528, 999, 235, 38],
    ...spread('经营范围', 1148, 916, 83),
    ['一般项目：技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广；软件', 178, 1082, 1339, 38],
    ['登记机关:', 1288, 1624, 162, 38],
  ];
  return {
    pageNumber: 1,
    width: 1653,
    height: 2339,
    rotation: 0,
    source: 'paddle',
    lines: lines.map(([text, x, y, width, height]) => {
      const pageBox = lifted.get(text);
      return { text, confidence: 0.99, box: { x, y, width, height }, ...(pageBox ? { pageBox } : {}) };
    }),
  };
}

const NAME_ON_IMAGE: Box = { x: 330, y: 452, width: 498, height: 62 };
const HEAD_ON_IMAGE: Box = { x: 490, y: 851, width: 554, height: 70 };
const WRAP_ON_IMAGE: Box = { x: 529, y: 946, width: 236, height: 44 };

describe('field boxes on a curled page', () => {
  it('are the page boxes of the lines a value was read from, where the curl put them on the image', () => {
    const lifted = new Map([
      [company.name, NAME_ON_IMAGE],
      [`: ${ADDRESS_HEAD}`, HEAD_ON_IMAGE],
      [ADDRESS_WRAP, WRAP_ON_IMAGE],
    ]);
    const [doc] = extractDocuments([licence(lifted)], { today: TODAY });

    expect(doc.fields.companyName.value).toBe(company.name);
    expect(doc.fields.companyName.source!.box).toEqual(NAME_ON_IMAGE);
    // The address joined its wrap: its box is the union of both lines' page boxes (the colon's share cut off).
    expect(doc.fields.address.value).toBe(`${ADDRESS_HEAD}${ADDRESS_WRAP}`);
    const box = doc.fields.address.source!.box!;
    expect(box.y).toBe(HEAD_ON_IMAGE.y);
    expect(box.y + box.height).toBe(WRAP_ON_IMAGE.y + WRAP_ON_IMAGE.height);
    expect(box.x + box.width).toBeCloseTo(HEAD_ON_IMAGE.x + HEAD_ON_IMAGE.width, 6);
    expect(box.x).toBeGreaterThanOrEqual(HEAD_ON_IMAGE.x);
    expect(box.x).toBeLessThan(WRAP_ON_IMAGE.x);
  });

  it('reads the same values, flags and confidences as the page laid out by its boxes alone', () => {
    const lifted = new Map([
      [company.name, NAME_ON_IMAGE],
      [`: ${ADDRESS_HEAD}`, HEAD_ON_IMAGE],
      [ADDRESS_WRAP, WRAP_ON_IMAGE],
    ]);
    const withoutBoxes = (page: OcrPage) =>
      extractDocuments([page], { today: TODAY }).map((d) =>
        Object.fromEntries(Object.entries(d.fields).map(([k, f]) => [k, { ...f, source: f.source && { ...f.source, box: undefined } }])),
      );

    expect(withoutBoxes(licence(lifted))).toEqual(withoutBoxes(licence()));
  });

  it('leaves a field on an unmoved line, and every field of a page without page boxes, on the engine’s box', () => {
    const [curledDoc] = extractDocuments([licence(new Map([[company.name, NAME_ON_IMAGE]]))], { today: TODAY });
    const [flatDoc] = extractDocuments([licence()], { today: TODAY });

    expect(flatDoc.fields.companyName.source!.box).toEqual({ x: 327, y: 501, width: 500, height: 38 });
    expect(curledDoc.fields.creditCode.source!.box).toEqual({ x: 157, y: 201, width: 325, height: 38 });
    expect(curledDoc.fields.creditCode.source!.box).toEqual(flatDoc.fields.creditCode.source!.box);
    expect(curledDoc.fields.address.source!.box).toEqual(flatDoc.fields.address.source!.box);
  });
});
