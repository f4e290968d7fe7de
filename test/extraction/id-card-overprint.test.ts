import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { scanPage, type Line } from './support/text-lines.js';

// ID-card copies stamped `仅供本次申报使用` across the card (seen family id-card/proc-W, seed 9802, phone photos):
// lines from those pages' geometry, values of their own.

const TODAY = '2026-12-06';

/** A card photographed small on a page, its rows as the engine boxed them, the first two given. */
function card(first: Line, second: Line): Line[] {
  return [
    first,
    second,
    ['出生1983次身报使用', 701, 395, 218, 51],
    ['住址浙江省杭州市余杭区建设', 706, 428, 241, 37],
    ['路334号17幢705室', 748, 459, 153, 28],
    ['公民身份号码330110198303070526', 713, 577, 283, 28],
    ['中华人民共和国', 815, 722, 219, 35],
    ['居民身份证', 845, 756, 160, 39],
  ];
}

const read = (lines: readonly Line[]) => extractDocuments([scanPage(lines, { size: { width: 1429, height: 1900 } })], { today: TODAY })[0];

describe('an ID card’s name whose label a stamp cut', () => {
  it('reads the name after a lone 名 (the label’s 姓 lost) above a stamped 性别 row, flagged', () => {
    const doc = read(card(['名邵文杰', 732, 355, 71, 27], ['性叙供本电据', 703, 373, 167, 47]));
    expect(doc.type).toBe('id_card');
    expect(doc.fields.name).toMatchObject({ value: '邵文杰', needsReview: true });
    expect(doc.fields.name.issues).toContain('label_inferred');
  });

  it('reads no name from a row the stamp’s words took whole', () => {
    const doc = read(card(['技办邮技能补贴使用', 732, 355, 171, 27], ['性叙供本电据', 703, 373, 167, 47]));
    expect(doc.fields.name?.value ?? null).toBeNull();
  });
});
