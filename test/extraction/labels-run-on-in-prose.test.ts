import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { NUMBER_RUN_ON_NEXT_ROW } from '../../shared/extraction/numbers-run-on.js';
import { enginePage, type Line, textLayerPage } from './support/text-lines.js';

// Run-on prose (fill-in-the-blank forms): labels and values in one sentence, `，、；。` or nothing between pairs, the
// values wrapping at the paragraph's right end onto the next row mid-value. Pages rebuilt from the geometry of seen
// proc-R files (seeds 10111–10119) with values of their own. No held-out file or code is read.

const TODAY = '2026-12-07';
const LANDSCAPE = { width: 2339, height: 1653 };
const read = (lines: readonly Line[], engine = false, size?: typeof LANDSCAPE) =>
  extractDocuments([engine ? enginePage(lines, { confidence: 0.98, size }) : textLayerPage(lines, size)], { today: TODAY })[0];

describe('a number cut by the wrap of run-on prose', () => {
  it('reads a record’s ID whose head ends the label’s row and whose rest opens the next, flagged', () => {
    const doc = read([
      ['杭州市社会保险参保缴费证明（个人）', 449, 143, 755, 56],
      ['参保人:李海燕。身份证号码：330', 197, 265, 482, 40],
      ['106198803124514。参保状态正', 197, 328, 479, 40],
      ['常参保。性　别女以上情况属实。', 197, 388, 479, 40],
      ['序号', 227, 510, 57, 36],
      ['单位名称', 472, 510, 115, 36],
      ['起始年月', 817, 510, 115, 36],
      ['截止年月', 1075, 510, 115, 36],
      ['1', 247, 577, 17, 36],
      ['杭州之江科技有限公司', 386, 577, 287, 36],
      ['2014年12月', 794, 577, 161, 36],
      ['2021年06月', 1052, 577, 161, 36],
      ['实际缴费月数合计 79 月', 197, 728, 345, 40],
      ['杭州市社会保险事业管理中心', 1042, 865, 415, 40],
    ]);
    expect(doc.type).toBe('social_insurance_record');
    expect(doc.fields.idNumber.value).toBe('330106198803124514');
    expect(doc.fields.idNumber.issues).toContain(NUMBER_RUN_ON_NEXT_ROW);
  });

  it('reads a certificate’s number wrapped at the row’s end on a scan whole, not its head alone', () => {
    const doc = read(
      [
        ['专项职业能力证书', 454, 189, 843, 72],
        ['姓名:郝晨性别:男身份证号码330106198803124519', 273, 360, 900, 40],
        ['项目名称:中式面点制作证书号:ZX20203301', 338, 579, 666, 40],
        ['771208颁证日期:2020.06.04。', 274, 644, 541, 42],
        ['发证单位:杭州市职业能力建设指导服务中心', 869, 789, 634, 45],
      ],
      true,
    );
    expect(doc.fields.certificateNumber.value).toBe('ZX20203301771208');
    expect(doc.fields.certificateNumber.needsReview).toBe(true);
  });

  // The lead's, from a held-out page (blind v19, a scanner-app photo): the run-on rule had joined the next row's `0111`.
  it('leaves a certificate’s number boxed alone in its cell whole, though the row under it opens with digits', () => {
    const doc = read(
      [
        ['培训合格证书', 505, 267, 293, 75],
        ['证件号', 727, 382, 94, 38],
        ['性别', 558, 401, 70, 31],
        ['女', 646, 400, 23, 21],
        ['姓名龙秀丽', 235, 407, 185, 54],
        ['330110200011076109', 233, 459, 236, 48],
        ['培训时间', 672, 492, 95, 35],
        ['培训专业家政服务员技能培训', 239, 501, 330, 62],
        ['二〇二一年九月十四日至二〇二一年九月二十一日', 241, 537, 546, 71],
        ['证书编码', 240, 618, 98, 36],
        ['PX202187608171', 365, 605, 167, 39],
        ['0111', 241, 669, 69, 31],
        ['培训机构：杭州西溪职业技术培训中心', 749, 699, 371, 53],
        ['颁证日期：二〇二一年十月一日', 782, 738, 307, 50],
      ],
      true,
    );
    expect(doc.fields.certificateNumber.value).toBe('PX202187608171');
  });
});

describe('labels glued into run-on prose', () => {
  it('finds a licence’s labels glued to the value before them, spaced inside a line or after a stop', () => {
    const doc = read(
      [
        ['注册号', 95, 222, 104, 36],
        ['330106125161589 (2-1)', 97, 272, 364, 36],
        ['企业法人营业执照', 707, 226, 842, 39],
        ['名 称杭州西溪物流有限公司类 型：有限责任公司(自然人投资或控股)。注册资本500万元人民币。法定代表人：周晓彤。营', 160, 419, 1909, 36],
        ['业期限二〇一四年一月十五日至长期。成立日期2014年1月15日住 所浙江省杭州市西湖区古墩路318号5幢1203室经营范 围一般项目：技术', 110, 479, 1978, 36],
        ['服务、技术开发、技术咨询。', 110, 542, 500, 36],
        ['登记机关：', 1933, 904, 174, 36],
        ['发照日期：2015年12月26日', 1812, 967, 416, 36],
      ],
      false,
      LANDSCAPE,
    );
    expect(doc.type).toBe('business_license');
    expect(doc.fields.companyName.value).toBe('杭州西溪物流有限公司');
    expect(doc.fields.legalRepresentative.value).toBe('周晓彤');
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区古墩路318号5幢1203室');
  });

  it('finds a branch’s person in charge glued after a date and an individual’s labels wrapped after their head', () => {
    const branch = read(
      [
        ['统一社会信用代码', 228, 182, 259, 35],
        ['91330106MA2Y6NL82A', 229, 233, 306, 37],
        ['营业执照', 541, 214, 540, 108],
        ['名称杭州卓越网络科技股份有限公司西湖分公司 类型:其他股份有', 271, 427, 1171, 37],
        ['限公司分公司(非上市)营业期限:2006-08-18至2026.08.18负责人俞振成立日期', 205, 486, 1235, 37],
        ['2006年8月18日营业场所浙江省杭州市西湖区莫干山路249号26幢2206室', 204, 541, 1231, 40],
        ['登记机关:', 203, 932, 146, 38],
      ],
      true,
    );
    expect(branch.fields.legalRepresentative.value).toBe('俞振');
    const individual = read(
      [
        ['编号:653833027432075', 1102, 128, 365, 36],
        ['营业执照', 531, 212, 550, 105],
        ['名称:杭州市西湖区钱塘家政服务部', 111, 394, 545, 41],
        ['注册号330106773468386(1-1)现类', 110, 461, 540, 41],
        ['型个体工商户注册日期2014.07.10现经', 110, 527, 545, 39],
        ['营者:孟艳婷。组成形式:个人经营经', 109, 596, 559, 36],
        ['营场所浙江省杭州市西湖区留下街道西', 110, 661, 540, 41],
        ['园路508号黄龙国际中心1幢7层1606室', 109, 726, 544, 42],
        ['登记机关:', 203, 932, 146, 38],
      ],
      true,
    );
    expect(individual.fields.legalRepresentative.value).toBe('孟艳婷');
    expect(individual.fields.address.value).toBe('浙江省杭州市西湖区留下街道西园路508号黄龙国际中心1幢7层1606室');
  });
});

describe('a value that ends like a label’s head, beside a box that opens with a label', () => {
  it('stays whole: `固定期限` | `起始日期:` is no `期限起始` and the start date is read', () => {
    const contract: Line[] = [
      ['劳动合同书', 601, 203, 431, 69],
      ['甲方（用人单位）名称:', 150, 367, 520, 36],
      ['浙江汇通科技环境服务有限公司', 748, 367, 695, 34],
      ['合同类型:', 150, 673, 150, 35],
      ['固定期限', 358, 673, 138, 33],
      ['起始日期:', 555, 673, 185, 35],
      ['2020/01/09', 776, 673, 169, 35],
      ['用工终止日: 二〇二二年一月八', 983, 673, 521, 35],
      ['日　工作岗位:', 150, 750, 235, 35],
      ['网络与信息安全管理员', 452, 750, 333, 34],
      ['订立日期：2020.01.07', 150, 1162, 334, 36],
    ];

    const doc = extractDocuments([textLayerPage(contract)], { today: TODAY })[0];

    expect(doc.fields.startDate).toMatchObject({ value: '2020-01-09', needsReview: false });
  });
});

describe('run-on licence prose whose `；` were read `:`', () => {
  const licence = (row: string): Line[] => [
    ['营业执照', 343, 82, 160, 30],
    ['统一社会信用代码91330106MA2J0YUBDK企业名称杭州之江信息技术有限公司；企业类型', 36, 165, 640, 17],
    [row, 38, 242, 616, 18],
    ['五年四月二十六日至长期；营业场所浙江省杭州市西湖区文三路216号17幢1402室', 36, 317, 640, 18],
    ['登记机关：', 759, 548, 52, 17],
  ];

  it('reads the weak label after a colon that parts pairs (`分公:负责人方欣一:登记成立日期…:经营期限…`), flagged', () => {
    const doc = read(licence('有限责任公司分公司:负责人方欣一:登记成立日期二O一五年四月廿六日:经营期限二O一'), true);
    expect(doc.type).toBe('business_license');
    expect(doc.fields.legalRepresentative.value).toBe('方欣一');
    expect(doc.fields.legalRepresentative.needsReview).toBe(true);
  });

  it('takes no weak label after a colon where the line’s colons follow their labels (`负责人:` its value after)', () => {
    const doc = read(licence('有限责任公司分公司;负责人:方欣一;成立日期:二O一五年四月廿六日;营业期限:二O一'), true);
    expect(doc.fields.legalRepresentative.value).toBe('方欣一');
  });
});
