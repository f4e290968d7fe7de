import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { withoutOverlayPieces } from '../../shared/extraction/overlay-phrases.js';
import { scanPage, type Line } from './support/text-lines.js';

// Copies stamped `仅限办理职业技能补贴使用` / `仅供…审核使用` across an ID card (seen families id-card/proc-W and
// proc-M, phone photos): the stamp read into a value's line with one of its characters misread, so the exact stamp
// patterns miss it. Lines of those pages' geometry, values of their own.

const TODAY = '2026-12-07';

function card(address: Line): Line[] {
  return [
    ['姓名邵文杰', 732, 355, 120, 27],
    ['性别男民族汉', 703, 393, 167, 27],
    ['出生1983年3月7日', 701, 430, 218, 27],
    ['住址浙江省杭州市余杭区建设', 706, 468, 241, 27],
    address,
    ['公民身份号码330110198303070516', 713, 577, 283, 28],
  ];
}

const read = (lines: readonly Line[]) => extractDocuments([scanPage(lines, { size: { width: 1429, height: 1900 } })], { today: TODAY })[0];

describe('a misread piece of a stamp’s phrase glued to a value', () => {
  it('cuts it from an address’s wrapped line, the address flagged', () => {
    const doc = read(card(['路334号17幢705室侵限办理职业技能补贴使用', 748, 499, 353, 28]));
    expect(doc.type).toBe('id_card');
    expect(doc.fields.address).toMatchObject({ value: '浙江省杭州市余杭区建设路334号17幢705室', needsReview: true });
  });

  it('leaves an address with no stamp on it as it was read', () => {
    const doc = read(card(['路334号17幢705室', 748, 499, 153, 28]));
    expect(doc.fields.address.value).toBe('浙江省杭州市余杭区建设路334号17幢705室');
  });
});

describe('withoutOverlayPieces', () => {
  it('cuts a stamp’s piece with one misread character from a value’s end', () => {
    expect(withoutOverlayPieces('新49号侵限办理职业技能补贴使用')).toEqual({ text: '新49号', cut: true });
  });

  it('cuts the stamp’s lone first character after an employer’s name', () => {
    expect(withoutOverlayPieces('杭州明达科技有限公司仅')).toEqual({ text: '杭州明达科技有限公司', cut: true });
  });

  it('cuts a long piece from between a value’s parts', () => {
    expect(withoutOverlayPieces('湖区人力社保局审核使用发机关杭州市公安局').text).toBe('湖 发机关杭州市公安局');
  });

  it('keeps values that merely share a stamp’s words', () => {
    for (const value of ['杭州市西湖区人力资源和社会保障局', '质量审核员', '杭州市人民路12号', '试用期三个月', '有限公司', '申领职业技能补贴']) {
      expect(withoutOverlayPieces(value)).toEqual({ text: value, cut: false });
    }
  });

  it('leaves a value’s own last character that differs from the stamp’s first', () => {
    expect(withoutOverlayPieces('张三丰限办理职业技能补贴使用').text).toBe('张三丰');
  });
});
