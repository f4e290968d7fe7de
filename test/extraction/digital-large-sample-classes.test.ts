import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { residentId } from './support/documents.js';
import { textLayerPage as page, type Line } from './support/text-lines.js';

// Digital PDFs must read every field exactly (issue 12; digital27, 2026-12-07 small hours). Classes found on large
// digital-only samples of every seen family (seeds 10021-10022); each test builds its own text-layer lines, with the
// geometry of the page it was found on and values of its own. No eval file is read here.

const TODAY = '2026-12-07';
const readOne = (lines: readonly Line[]) => extractDocuments([page(lines)], { today: TODAY })[0];

describe('a record whose table row gives its employer and span as one text run', () => {
  it('reads the current employer from the run before its span, not the row above’s employer carried down', () => {
    // `杭州西溪网络科技有限公司2016-03—2022-05`: the text layer joined the employer's cell and the span's (nothing drawn
    // between them); the employer cell was dropped for its digits and the row above's employer carried down (unflagged).
    const doc = readOne([
      ['社会保险个人参保证明', 591, 213, 472, 47],
      ['姓　　　　　名', 205, 406, 253, 36],
      ['邵文静', 489, 406, 108, 36],
      ['公民身份号码', 205, 556, 217, 36],
      [residentId('19880305', '330108', '702'), 489, 556, 361, 36],
      ['序号', 219, 823, 65, 33],
      ['缴费单位', 439, 823, 130, 33],
      ['缴费起止年月', 762, 823, 195, 33],
      ['月数', 1019, 823, 65, 33],
      ['险种', 1240, 823, 65, 33],
      ['1', 242, 894, 18, 33],
      ['杭州明达物流有限公司', 342, 894, 325, 33],
      ['2012-04—2015-09', 725, 894, 268, 33],
      ['42', 1034, 894, 36, 33],
      ['企业职工基本养老保险', 1110, 894, 325, 33],
      ['2', 242, 965, 18, 33],
      ['杭州西溪网络科技有限公司2016-03—2022-05', 309, 965, 684, 33],
      ['75', 1034, 965, 36, 33],
      ['养老保险', 1207, 965, 130, 33],
      ['实际缴费月数合计 117 月', 205, 1056, 381, 36],
      ['杭州市社会保险事业管理中心', 979, 1199, 469, 36],
    ]);
    expect(doc.type).toBe('social_insurance_record');
    expect(doc.fields.employerName.value).toBe('杭州西溪网络科技有限公司');
    expect(doc.fields.monthsPaid.value).toBe(117);
  });
});

describe('a value off its label’s row whose wrap runs on into the next value’s lines', () => {
  it('flags the value when its last wrapped line may as well open the value under it', () => {
    // `茶叶炒制技艺` 21 px over `专项能力名称`; `浙江省农业技` | `术推广服务中` | `心` centred on `发证单位`, every line at
    // one pitch and flush: the occupation took the issuer's first line as its wrap (unflagged) though both splits fit.
    const doc = readOne([
      ['专项职业能力证书', 515, 197, 618, 72],
      ['姓名', 150, 356, 67, 33],
      ['王丽娜', 381, 375, 100, 33],
      ['公民身份号码', 150, 425, 200, 33],
      [residentId('19690420', '330105', '188'), 381, 425, 333, 33],
      ['专项能力名称', 150, 517, 200, 33],
      ['证书号', 650, 517, 100, 33],
      ['ZX20193301454493', 781, 544, 298, 33],
      ['发 证 单 位', 150, 585, 156, 33],
      ['茶叶炒制技艺', 381, 496, 200, 33],
      ['浙江省农业技', 381, 546, 200, 33],
      ['术推广服务中', 381, 592, 200, 33],
      ['心', 381, 635, 33, 33],
      ['颁证日期：2019.08.21', 1171, 825, 333, 33],
    ]);
    expect(doc.type).toBe('vocational_certificate');
    expect(doc.fields.occupation.value === '茶叶炒制技艺' || doc.fields.occupation.needsReview).toBe(true);
  });
});

describe('an address centred on its label in a cell three characters wide', () => {
  it('reads the head lines that stand nearer the label above, followed up the evenly set run to its top', () => {
    // Ten lines of three characters centred on `营业场所∶`, five over its row: the middle ones are nearer `负责人∶`
    // (its name beside it) than their own label and tight both ways, so only `西湖区` on was read (flagged).
    const doc = readOne([
      ['营业执照', 545, 286, 523, 97],
      ['统一社会信用代码∶', 654, 559, 325, 38],
      ['91330106MA2W44PR3K', 1045, 559, 325, 38],
      ['名称∶', 254, 761, 108, 38],
      ['杭州明', 476, 663, 108, 38],
      ['湖科技', 476, 711, 108, 38],
      ['有限公', 476, 761, 108, 38],
      ['司', 476, 809, 36, 38],
      ['类型∶', 654, 761, 108, 38],
      ['有限责任公司', 1045, 761, 325, 38],
      ['负责人∶', 254, 961, 144, 38],
      ['周平', 476, 961, 72, 38],
      ['成立日期∶', 654, 961, 181, 38],
      ['2019年08月07日', 1045, 961, 253, 38],
      ['营业场所∶', 254, 1259, 181, 38],
      ['浙江省', 476, 1041, 108, 38],
      ['杭州市', 476, 1089, 108, 38],
      ['西湖区', 476, 1139, 108, 38],
      ['转塘街', 476, 1186, 108, 38],
      ['道古墩', 476, 1236, 108, 38],
      ['路512号', 476, 1284, 126, 38],
      ['文新科', 476, 1332, 108, 38],
      ['技园综', 476, 1382, 108, 38],
      ['合楼3幢', 476, 1430, 126, 38],
      ['8层1206室', 476, 1478, 160, 38],
      ['营业期限∶', 654, 1259, 181, 38],
      ['2019.08.07至长期', 1045, 1259, 289, 38],
      ['经营范围∶', 254, 1680, 181, 38],
      ['一般项目：技术服务、技术开发、技术咨询、技术交流、', 476, 1657, 903, 38],
      ['登记机关∶', 1250, 1947, 181, 38],
    ]);
    expect(doc.type).toBe('business_license');
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区转塘街道古墩路512号文新科技园综合楼3幢8层1206室');
  });
});

describe('an address stacked over its label under a capital’s label with its sum beside it', () => {
  it('reads the address, for a capital’s label waits for an amount in 元', () => {
    // proc-S licence, the fill-in printed high: `浙江省…古墩路318` | `号…1102室` over `住　所：`, its first line 51 px
    // under `注册资本：`, whose `500万元人民币` stands beside it 18 px high. The capital's label was taken to wait for
    // the address (null).
    const doc = readOne([
      ['营业执照', 521, 223, 567, 105],
      ['名', 189, 457, 32, 33],
      ['称：', 317, 457, 64, 33],
      ['杭州华创网络科技有限公司', 476, 436, 400, 32],
      ['类', 874, 411, 32, 33],
      ['型：', 1002, 411, 64, 33],
      ['有限责任公司(自然人投资或控股)', 1098, 390, 480, 35],
      ['法 定 代 表 人：', 189, 567, 255, 33],
      ['郭明远', 189, 595, 96, 32],
      ['注册资本：', 874, 613, 192, 33],
      ['500万元人民币', 1098, 595, 210, 35],
      ['成立日期：', 202, 726, 192, 33],
      ['2011年3月8日', 189, 751, 200, 35],
      ['住', 874, 769, 32, 33],
      ['所：', 1002, 769, 64, 33],
      ['浙江省杭州市西湖区文新街道古墩路318', 874, 664, 564, 35],
      ['号西湖科技园综合楼2幢11层1102室', 874, 707, 487, 35],
      ['营业期限：', 189, 838, 192, 33],
      ['2011.03.08至2031年03月', 476, 820, 363, 35],
      ['07日', 476, 866, 65, 35],
      ['经　营　范　围：', 189, 953, 255, 33],
      ['一般项目：技术服务、技术开发、技术咨询、技术交流、技术转让、', 476, 934, 958, 32],
      ['登记机关：', 1305, 1286, 160, 33],
    ]);
    expect(doc.type).toBe('business_license');
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区文新街道古墩路318号西湖科技园综合楼2幢11层1102室');
  });
});
