import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { textLayerPage } from './support/text-lines.js';

// A text-layer page whose value was read by OCR from a picture pasted on it (mixed31, `read-pages.ts`): the line OCR
// read keeps its confidence (under the review threshold), so the value is shown to the clerk; the layer's lines stay exact.

const TODAY = '2026-11-27';

function certificate(nameConfidence: number, words: boolean) {
  const page = textLayerPage([
    ['职业技能等级证书', 600, 200, 460, 60],
    ['姓名：', 150, 400, 110, 36],
    ['王晓明', 300, 400, 110, 36],
    ['身份证号码：', 150, 480, 220, 36],
    ['330106198507121234', 400, 480, 330, 36],
    ['职业（工种）：', 150, 560, 250, 36],
    ['保育员', 420, 560, 110, 36],
    ['发证日期：2021年06月18日', 150, 640, 470, 36],
  ]);
  const name = page.lines[2]!;
  name.confidence = nameConfidence;
  if (words) name.words = [{ text: name.text, confidence: nameConfidence, box: name.box }];
  return extractDocuments([page], { today: TODAY })[0]!;
}

describe('a line OCR read on a text-layer page', () => {
  it('flags a value read from a pasted picture for review, by the confidence OCR gave it', () => {
    const doc = certificate(0.85, true);

    expect(doc.fields.holderName.value).toBe('王晓明');
    expect(doc.fields.holderName.needsReview).toBe(true);
    expect(doc.fields.occupation.needsReview).toBe(false);
  });

  it('reads the text layer’s own lines as exact, whatever confidence they carry', () => {
    const doc = certificate(0.85, false);

    expect(doc.fields.holderName.value).toBe('王晓明');
    expect(doc.fields.holderName.needsReview).toBe(false);
  });
});
