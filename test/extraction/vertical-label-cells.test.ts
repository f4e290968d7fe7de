import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { buildPageLayout } from '../../shared/extraction/page-layout.js';
import { ONE_ROW_TABLE } from './support/insurance-record.js';
import { type Line, textLayerPage } from './support/text-lines.js';

// A ruled form whose label cells carry their label top to bottom, one character a row, beside the value's cell (a
// text layer gives each character its own line). Constructed lines with values of their own; no eval file is read.

const column = (label: string, x: number, top: number): Line[] => [...label].map((c, k): Line => [c, x, top + k * 36, 32, 32]);

const record: Line[] = [
  ['参保人员缴费情况表', 589, 201, 475, 55],
  ...column('参保人员姓名', 215, 365),
  ['欧阳雪梅', 283, 454, 152, 38],
  ...column('个人社会保障号码', 814, 329),
  ['330106198508120027', 882, 454, 342, 38],
  ...column('参保状态', 215, 641),
  ['正常参保', 283, 696, 152, 38],
  ...ONE_ROW_TABLE,
  ['实际缴费月数合计31月', 215, 1100, 320, 29],
];

describe('a label set down its cell beside the value', () => {
  it('is laid flat on the value’s row, ending before the value', () => {
    // Act
    const layout = buildPageLayout(textLayerPage(record));
    // Assess
    const label = layout.lines.find((l) => l.flat === '参保人员姓名');
    const value = layout.lines.find((l) => l.flat === '欧阳雪梅');
    expect(label && value && label.box.x + label.box.width).toBeLessThanOrEqual(value!.box.x);
  });

  it('reads the insured person’s name beside it', () => {
    const doc = extractDocuments([textLayerPage(record)], { today: '2026-12-07' })[0];
    expect(doc.type).toBe('social_insurance_record');
    expect(doc.fields.personName.value).toBe('欧阳雪梅');
    expect(doc.fields.idNumber.value).toBe('330106198508120027');
  });
});
