import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { buildPageLayout } from '../../shared/extraction/page-layout.js';
import { enginePage, type Line, textLayerPage } from './support/text-lines.js';

// A label cut by the wrap of run-on prose whose rest the engine boxed in pieces on the next row (a spread label:
// `…；职` | `工姓` | `名：` | `钟飞红`). Pages rebuilt from the geometry of seen proc-R files (seed 10221, the
// generator's `run-on:label-cut-by-wrap` and `run-on:label-spread`) with values of their own. No held-out file is read.

const TODAY = '2026-12-07';
const read = (lines: readonly Line[], engine = true) =>
  extractDocuments([engine ? enginePage(lines, { confidence: 0.98 }) : textLayerPage(lines)], { today: TODAY })[0];

describe('a label cut by the wrap whose rest is boxed in pieces', () => {
  it('reads a certificate’s ID whose label’s head ends a row and whose rest opens the next in two boxes', () => {
    const doc = read([
      ['培训结业证书', 575, 281, 277, 52],
      ['姓名程晓燕、性别：女公民', 239, 409, 440, 46],
      ['身份号', 240, 456, 205, 45],
      ['码：3301061', 493, 456, 195, 37],
      ['98906174522；', 242, 505, 185, 36],
      ['培训内容：养老护理员岗前培训，培训时间20', 250, 583, 520, 47],
      ['20年02月09日至二0二0年二月十五日，证书号：', 252, 636, 560, 45],
      ['PX202092299165。特此登记。', 260, 688, 360, 46],
      ['杭州西溪职业技术培训中心', 895, 944, 308, 48],
      ['2020.03.01', 981, 997, 139, 40],
    ]);
    expect(doc.fields.idNumber.value).toBe('330106198906174522');
    expect(doc.fields.holderName.value).toBe('程晓燕');
  });

  it('reads a contract’s employee whose label is cut after a separator and spread over two boxes at the margin', () => {
    const doc = read([
      ['劳动合同书', 589, 272, 241, 49],
      ['甲方（用人单位）名称：杭州云栖餐饮管理有', 239, 372, 438, 35],
      ['限公司，统一社会信用代码9133010629GCB7U085，', 238, 416, 520, 36],
      ['地址：浙江省杭州市西湖区文三路305号西；职', 240, 464, 538, 36],
      ['工姓', 242, 507, 62, 34],
      ['名：', 352, 507, 48, 34],
      ['钟飞红，身份证号码：330102199203042813，', 420, 507, 420, 34],
      ['合同期限自2018年8月25日起至2021年8月24日止。', 244, 551, 530, 35],
      ['一、乙方同意根据甲方工作需要，在上述岗位工作，服从甲方管理。', 251, 640, 601, 33],
      ['甲方（盖章）：', 249, 757, 153, 32],
      ['乙方（签字）：', 715, 755, 157, 34],
      ['签订日期：2018年8月22日', 250, 801, 300, 34],
    ]);
    expect(doc.type).toBe('labor_contract');
    expect(doc.fields.employeeName.value).toBe('钟飞红');
  });

  it('reads an operation certificate’s item whose label is cut into a box on its row and one at the next row’s margin', () => {
    const doc = read([
      ['特种作业操作证', 422, 307, 469, 51],
      ['持证人:方建国性别男身份证号:330', 261, 415, 359, 29],
      ['10219920304281', 264, 454, 163, 25],
      ['3。作业类别电工作业;操', 260, 534, 256, 26],
      ['作项', 531, 534, 116, 26],
      ['目低压电工作业;有效期至2', 259, 575, 393, 26],
      ['024.04.24、证书编号:T330102199203042813', 257, 617, 398, 24],
      ['于2018年04月25日发证;', 254, 656, 245, 25],
      ['杭州市应急管理局', 827, 721, 222, 49],
      ['颁证日期:二〇一八年四月二十五日', 750, 770, 321, 26],
    ]);
    expect(doc.fields.occupation.value).toBe('低压电工作业');
  });

  it('reads a label’s rest read spaced in a text layer whole, its value after it', () => {
    const layout = buildPageLayout(
      textLayerPage([
        ['劳动合同书', 601, 211, 430, 69],
        ['甲方杭州灵隐科技有限公司。其统一社会信用代码:91330106MA221R4RNM 法定', 118, 375, 900, 34],
        ['代表 人薛志。乙方：姚超鸣。居民身份证号码330302197403036364。', 118, 450, 880, 34],
      ]),
    );
    expect(layout.lines.map((l) => l.text)).toContain('法定代表人 薛志。乙方:姚超鸣。居民身份证号码330302197403036364。');
  });

  it('leaves a word of prose whose characters are no label’s head at the row’s end', () => {
    const doc = read([
      ['劳动合同书', 589, 272, 241, 49],
      ['甲方（用人单位）名称：杭州云栖餐饮管理有限公司，乙方：', 239, 372, 560, 35],
      ['钟飞红，身份证号码：330102199203042813，工作', 240, 416, 520, 36],
      ['岗', 242, 464, 30, 34],
      ['位：焊工。', 300, 464, 110, 34],
      ['签订日期：2018年8月22日', 250, 801, 300, 34],
    ]);
    expect(doc.fields.employeeName.value).toBe('钟飞红');
    expect(doc.fields.employeeIdNumber.value).toBe('330102199203042813');
  });

  it('leaves a label’s head at the end of a row that stops short of the row under it: prose broke it, no wrap', () => {
    const layout = buildPageLayout(
      textLayerPage([
        ['姓名：钟飞红，地', 118, 375, 300, 34],
        ['址浙江省杭州市西湖区文三路305号华星时代广场，联系电话:15104421072。', 118, 450, 900, 34],
      ]),
    );
    expect(layout.lines.map((l) => l.text)).toEqual(['姓名:钟飞红,地', '址浙江省杭州市西湖区文三路305号华星时代广场,联系电话:15104421072。']);
  });
});
