import { describe, expect, it } from 'vitest';
import type { OcrPage } from '../../shared/ocr/index.js';
import { extractDocuments } from '../../shared/extraction/index.js';
import { readOrganisationName } from '../../shared/extraction/value-readers.js';
import { creditCode } from './support/documents.js';
import type { Line } from './support/text-lines.js';

// Issue 12, class 8 (curled and stepped photos): the detector boxed a spread label's first character onto the value
// before it with no gap (`称杭州…服务有限类` | `型有限责任公司…`, the `类` of `类　型`), and the name's wrap `公司` one
// row down was joined after it: `…有限类公司` read confident. Constructed lines, names of their own.

const TODAY = '2026-12-05';
const NAME = '杭州云栖数码科技服务有限公司';

function licence(nameLine: string, nextOnRow: string, wrap: string | undefined = '公司'): OcrPage {
  const lines: Line[] = [
    ['统一社会信用代码', 147, 199, 249, 43],
    [creditCode('7KD3N2W5X', '330106'), 145, 244, 387, 43],
    ['营业执照', 450, 347, 636, 112],
    ['名', 189, 525, 42, 40],
    [nameLine, 301, 530, 547, 34],
    [nextOnRow, 924, 527, 471, 37],
    ...(wrap ? [[wrap, 367, 571, 64, 37] as Line] : []),
    ['股)', 986, 566, 53, 41],
    ['法定代表人潘建', 185, 618, 250, 44],
    ['注册资本3000万元人民币', 809, 620, 395, 38],
    ['成立日期2005.08.05', 811, 675, 343, 38],
    ['经营范围', 185, 819, 166, 40],
    ['一般项目：技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广；', 330, 828, 1054, 33],
    ['登记机关：', 1253, 1067, 133, 39],
  ];
  return {
    pageNumber: 1,
    width: 1653,
    height: 1400,
    rotation: 0,
    source: 'paddle',
    lines: lines.map(([text, x, y, width, height]) => ({ text, confidence: 0.999, box: { x, y, width, height } })),
  };
}

describe('a spread label’s first character glued to the value before it without a gap', () => {
  it('is cut from the value when the next box on the row goes on with the label’s rest and a value; the name is flagged', () => {
    const [doc] = extractDocuments([licence(`称${NAME.slice(0, -2)}类`, '型有限责任公司（自然人投资或控')], { today: TODAY });

    expect(doc.type).toBe('business_license');
    expect(doc.fields.companyName).toMatchObject({ value: NAME, needsReview: true });
  });

  it('is cut from the value when the label’s rest is boxed alone and its value further on; the name is flagged', () => {
    // A noisy scan of an individual business's licence: `杭州市西湖区恒信类` | `型` | `个体工商户`, the name wrapping
    // to `信息技术服务部` under it. Read joined, `…恒信类信息技术服务部` was confident. That page's lines.
    const lines: Line[] = [
      ['统一社会信用代码', 176, 160, 295, 56],
      [`${creditCode('HUA8YY1JW', '330106')} (1-1)`, 177, 211, 478, 63],
      ['营业执照', 549, 249, 529, 115],
      ['型', 959, 430, 48, 48],
      ['个体工商户', 1178, 414, 168, 53],
      ['名称', 201, 457, 86, 55],
      ['杭州市西湖区恒信类', 486, 434, 383, 65],
      ['信息技术服务部', 489, 487, 261, 58],
      ['营', 958, 549, 54, 47],
      ['者白霞伟', 1109, 536, 188, 55],
      ['经', 819, 553, 51, 48],
      ['组成形式', 205, 573, 181, 54],
      ['个人经营', 491, 561, 152, 55],
      ['注册日期', 823, 622, 152, 48],
      ['2009年5月17日', 1181, 602, 252, 54],
      ['经营范围', 220, 908, 156, 55],
      ['一般项目：技术服务、技术开发、技术咨询、技术交流、技术', 510, 864, 972, 86],
    ];
    const page: OcrPage = {
      pageNumber: 1,
      width: 1744,
      height: 2400,
      rotation: 0,
      source: 'paddle',
      lines: lines.map(([text, x, y, width, height]) => ({ text, confidence: 0.999, box: { x, y, width, height } })),
    };

    const [doc] = extractDocuments([page], { today: TODAY });

    expect(doc.type).toBe('business_license');
    expect(doc.fields.companyName).toMatchObject({ value: '杭州市西湖区恒信信息技术服务部', needsReview: true });
  });

  it('stays the value’s when it and the next box spell no label', () => {
    const [doc] = extractDocuments([licence(`称${NAME}`, '型有限责任公司（自然人投资或控', '')], { today: TODAY });

    expect(doc.fields.companyName.value).toBe(NAME);
  });
});

describe('an organisation name whose legal form a stray character breaks', () => {
  it('is flagged, not read as a whole name (`…有限类公司`)', () => {
    const reading = readOrganisationName('杭州云栖数码科技服务有限类公司');

    expect(reading?.issues).toContain('organisation_name_incomplete');
    expect(reading!.plausibility).toBeLessThan(1);
  });

  it.each(['杭州钱塘科技健康服务股有限公司西湖分公司', '杭州云栖数码科技有限任公司', '杭州云栖数码科技有责任公司'])(
    'is flagged when its legal form lost a character (%s)',
    (name) => {
      const reading = readOrganisationName(name);

      expect(reading?.issues).toContain('organisation_name_incomplete');
      expect(reading!.plausibility).toBeLessThan(1);
    },
  );

  it('leaves 控股有限公司 alone: a legal form of its own, not 股份 short of 份', () => {
    expect(readOrganisationName('杭州云栖数码控股有限公司')).toMatchObject({ plausibility: 1, issues: [] });
  });

  it('leaves whole legal forms alone (有限公司, 有限责任公司, 有限合伙, a 有限 well before the form)', () => {
    for (const name of ['杭州云栖数码科技有限公司', '杭州云栖数码科技有限责任公司', '杭州有限元仿真科技有限公司']) {
      expect(readOrganisationName(name), name).toMatchObject({ value: name, plausibility: 1, issues: [] });
    }
    expect(readOrganisationName('杭州云栖创业投资合伙企业(有限合伙)')?.issues).toEqual([]);
  });
});
