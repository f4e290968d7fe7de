import { describe, expect, it } from 'vitest';
import { PEER_PHOTO_JOBS, scoreText, substringDistance } from '../../bench/ocr-peers.js';
import { PHOTO_CAPTURES } from '../eval/render/degrade.js';
import { ALL_PROCEDURAL_FAMILIES } from '../eval/procedural/families.js';

describe('ocr-peers text score', () => {
  it('counts one edit for a line read with one wrong character, wherever the engine put it', () => {
    // Prepare: a page's text with the known line inside a longer row, one character misread.
    const text = '乙方（劳动者）：王晓朋性别：男';

    // Act
    const distance = substringDistance('王晓明', text);

    // Assess
    expect(distance).toBe(1);
  });

  it('scores full-width and ASCII punctuation and spacing alike, so engines are compared on characters', () => {
    const score = scoreText('甲方 (用人单位) :杭州\n西湖智能制造有限公司', [['甲方（用人单位）：杭州西湖智能制造有限公司']]);

    expect(score).toEqual({ right: 21, total: 21, verbatim: 1 });
  });

  it('shows an engine that reads less: characters it left out are not right', () => {
    // Prepare: two known lines; the text holds the first and only half of the second.
    const known = [['姓名：李静怡'], ['发证机构：杭州市西湖区职业技能鉴定中心']];

    // Act
    const score = scoreText('姓名：李静怡\n发证机构：杭州市', known);

    // Assess
    expect(score.total).toBe(6 + 19);
    expect(score.right).toBe(6 + 8);
    expect(score.verbatim).toBe(1);
  });

  it('takes the best of the ways a value may be printed (a date in Chinese or with dots)', () => {
    const score = scoreText('发证日期：2019.07.10', [['2019年07月10日', '2019.07.10']]);

    expect(score).toEqual({ right: 10, total: 10, verbatim: 1 });
  });
});

describe('ocr-peers photos made on a machine that has none', () => {
  it('come from seen procedural families only, one of each capture compared since cpu29', () => {
    for (const job of PEER_PHOTO_JOBS) {
      const family = ALL_PROCEDURAL_FAMILIES.find((f) => f.name === job.family);
      expect(family?.heldOut).toBe(false);
      expect(family?.kinds).toContain(job.kind);
      if ('capture' in job) expect(PHOTO_CAPTURES).toContain(job.capture);
    }
    const captures = PEER_PHOTO_JOBS.map((job) => ('capture' in job ? job.capture : 'plain'));
    expect(new Set(captures)).toEqual(new Set(['plain', 'perspective', 'glare', 'curl', 'shadow', 'small', 'turned_no_flag']));
  });
});
