import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { readRegistrationNumberValue } from '../../shared/extraction/value-readers.js';
import { textLayerPage, type Line } from './support/text-lines.js';

const TODAY = '2026-12-07';

/** A pre-2016 licence (a digital copy) whose 注册号 is printed masked: the label stands with no number after it. */
const maskedRegistrationLicence = (serialLine: Line): Line[] => [
  serialLine,
  ['企业法人营业执照', 312, 284, 1007, 106],
  ['注册号', 150, 471, 119, 31],
  ['(2-1)', 620, 471, 65, 33],
  ['名称', 749, 471, 163, 31],
  ['杭州启航电子商务有限公司', 973, 471, 400, 31],
  ['法定代表人姓名', 556, 611, 300, 33],
  ['侯明', 900, 611, 70, 33],
  ['成立日期', 1307, 752, 197, 31],
  ['2004/08/13', 213, 821, 160, 33],
  ['住所', 446, 821, 154, 31],
  ['浙江省杭州市西湖区三墩镇文三路846号', 638, 821, 592, 33],
  ['登记机关：', 1314, 1361, 153, 31],
  ['2004年11月24日', 1277, 1417, 227, 33],
];

describe('a licence’s number printed as another label’s value', () => {
  const serial = '330106081234569';

  it('is no lost 注册号: the licence’s serial beside `证照编号` is left where the 注册号 is masked', () => {
    expect(readRegistrationNumberValue(serial)).not.toBeNull();
    const doc = extractDocuments([textLayerPage(maskedRegistrationLicence([`证照编号：${serial}`, 1105, 86, 407, 33]))], { today: TODAY })[0];

    expect(doc.fields.creditCode?.value ?? null).toBeNull();
  });

  it('is still found alone on its line when its label was lost, as a guess the clerk confirms', () => {
    const doc = extractDocuments([textLayerPage(maskedRegistrationLicence([serial, 1105, 86, 300, 33]))], { today: TODAY })[0];

    expect(doc.fields.creditCode).toMatchObject({ value: serial, needsReview: true });
  });
});
