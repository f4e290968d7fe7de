import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { creditCode } from './support/documents.js';
import { bentReadLine, bentRowPage, type BentLine } from './support/text-lines.js';

// curl24: on a curled phone photo the engine reads a long line along its bend and boxes it as a bent region (its
// characters at the straightened strip's height, twice their type, the box padded round the bend). A name stacked
// under its label on such a row: the box reaches up into the label's and is narrow for its height.

const TODAY = '2026-12-06';

/** A licence whose name is stacked under `名称：` (right column), the rest on level rows. */
const LEVEL_ROWS: BentLine[] = [
  ['营业执照', 560, 420, 440, 80],
  ['统一社会信用代码：', 100, 660, 260, 33],
  [`${creditCode('1GD8YCBAN')} (2-1)`, 100, 702, 430, 33],
  ['类型：', 100, 770, 90, 33],
  ['其他股份有限公司分公司(非上市)', 100, 812, 450, 33],
  ['负责人：', 730, 812, 112, 33],
  ['杜晓宇', 905, 812, 100, 33],
  ['成立日期：', 100, 880, 135, 33],
  ['2018年4月7日', 280, 880, 190, 33],
  ['营业场所：', 100, 990, 140, 33],
  ['浙江省杭州市西湖区建设路105', 280, 990, 420, 33],
  ['号26幢804室', 280, 1030, 180, 33],
  ['登记机关：', 1090, 1410, 150, 33],
  ['二〇二〇年二月二十二日', 1000, 1460, 350, 33],
];

function page(wrapY: number) {
  const base = bentRowPage([...LEVEL_ROWS, ['名称：', 730, 620, 81, 33], ['湖分公司', 730, wrapY, 129, 33]]);
  // The name's row runs level under the label, then falls 22 px towards the page's curled edge.
  base.lines.push(bentReadLine('杭州恒信机械制造数字服务股份有限公司西', 722, 660, 590, 31, 22));
  return base;
}

describe('a name stacked under its label on a row the engine read along a bend', () => {
  it('reads the bent first line under its label, not as a seal’s arc, and joins its wrap', () => {
    const doc = extractDocuments([page(704)], { today: TODAY })[0];
    expect(doc.type).toBe('business_license');
    expect(doc.fields.companyName.value).toBe('杭州恒信机械制造数字服务股份有限公司西湖分公司');
  });

  it('reads the bent first line, flagged as going on, when the line under it is set too far to be joined', () => {
    const doc = extractDocuments([page(745)], { today: TODAY })[0];
    expect(doc.fields.companyName.value).toBe('杭州恒信机械制造数字服务股份有限公司');
    expect(doc.fields.companyName.issues).toContain('value_may_continue');
    expect(doc.fields.companyName.needsReview).toBe(true);
  });
});
