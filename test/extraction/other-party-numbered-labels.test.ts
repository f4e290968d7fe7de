import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { otherPartyLabelStart } from '../../shared/extraction/other-party-labels.js';
import { person, residentId } from './support/documents.js';
import { enginePage } from './support/text-lines.js';

// A confident-wrong ID on a curled record photo (curl23, seed 9843): someone else's label numbered in brackets and
// glued to its number. Constructed lines with values of our own; no eval file is read.

describe('an other-party label after a bracketed item number', () => {
  it('starts at the other party’s word when a bracketed number stands right before it', () => {
    expect(otherPartyLabelStart('(6)联系人身份证号330105', 6, 0)).toBe(3);
    expect(otherPartyLabelStart('（12）担保人身份证号:330105', 7, 0)).toBe(4);
    // A bracket that closes a word is no item number: the label keeps its own reading.
    expect(otherPartyLabelStart('(自然人)联系人身份证号', 8, 0)).toBeUndefined();
  });
});

describe('a contact’s ID number glued to its numbered label', () => {
  it('never takes it for the insured person’s, the label’s item number in brackets before it', () => {
    // A curled record's grid of numbered items: `（6）联系人身份证号` boxed with the contact's number on one line, a
    // little over `(5)公民身份号码` and the person's own number beside it. The bracketed number glued to the other
    // party's word hid that word: the contact's number was read as the insured person's, confidently.
    const contactId = residentId('19720208', '330105', '805');
    const page = enginePage(
      [
        ['社会保险个人参保证明', 593, 246, 407, 50],
        ['(1)参保状态', 184, 351, 205, 49],
        ['正常参保', 479, 351, 157, 50],
        ['(2)性别', 842, 352, 130, 48],
        ['男', 1173, 344, 47, 50],
        ['(3)受理人', 183, 431, 165, 45],
        ['魏婷宇', 477, 428, 122, 52],
        ['(4)参保人', 841, 432, 167, 44],
        [person.name, 1172, 414, 123, 58],
        [`（6）联系人身份证号${contactId}`, 849, 480, 657, 77],
        ['(5)公民身份号码', 187, 508, 263, 45],
        [person.id, 449, 512, 362, 36],
        ['(盖章)', 505, 553, 110, 50],
        ['缴费单位', 382, 669, 143, 48],
        ['缴费起止年月', 807, 670, 201, 45],
        ['月数', 1112, 657, 85, 58],
        ['险种', 1269, 643, 85, 57],
        ['18', 1131, 736, 45, 42],
        ['养老保险', 1239, 709, 146, 65],
        ['杭州紫金家政服务有限公司', 258, 743, 393, 41],
        ['2016.04—2017.09', 776, 745, 267, 36],
        ['44', 1129, 805, 48, 43],
        ['养老保险', 1237, 776, 148, 67],
        ['杭州灵隐科技股份有限公司', 258, 813, 393, 42],
        ['2018.03—2021.10', 775, 813, 268, 40],
        ['合计：62个月', 183, 902, 215, 45],
        ['杭州市西湖区社会保险管理服务中心', 832, 1061, 584, 88],
        ['2021-12-20', 1026, 1150, 196, 56],
      ],
      { size: { width: 1595, height: 2400 }, typeShare: 0.6 },
    );
    const doc = extractDocuments([page], { today: '2026-12-06' })[0];
    expect(doc.fields.idNumber.value).toBe(person.id);
  });
});
