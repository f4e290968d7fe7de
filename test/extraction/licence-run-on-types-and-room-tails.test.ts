import { describe, expect, it } from 'vitest';
import { ADDRESS_TAIL_INFERRED, withAddressShapeChecked } from '../../shared/extraction/address-shape.js';
import type { DraftField } from '../../shared/extraction/document-context.js';
import { extractDocuments } from '../../shared/extraction/index.js';
import { creditCode } from './support/documents.js';
import { enginePage as engineRead, type Line } from './support/text-lines.js';

// Issue 12 on business licences (licence17): text the engine or a join ran onto a value's end — the registrant type
// after the registered name, a watermark's or a seal's piece after the room number of an address. Rebuilt on
// constructed engine lines from the geometry of dev pages (seed 9563), with values of their own. No eval file is read.

const TODAY = '2026-12-06';

/** A page as the engine reads it: each line at 0.99 with a box per character, set evenly across the line's box. */
const enginePage = (lines: readonly Line[]) => engineRead(lines, { size: { width: 2400, height: 1746 }, confidence: 0.99, typeShare: 0.7 });
const read = (lines: readonly Line[]) => extractDocuments([enginePage(lines)], { today: TODAY })[0];

/** A landscape 副本 whose name line is `nameLine` (the engine's box, the label beside it) and whose representative is `person`. */
const licence = (nameLine: string, person: string, address = '浙江省杭州市西湖区文三路90号3幢1201室'): Line[] => [
  ['营业执照', 1003, 242, 417, 101],
  ['统一社会信用代码', 203, 419, 240, 54],
  [creditCode('MA2C8WJ63'), 684, 420, 420, 54],
  ['名称', 201, 479, 103, 53],
  [nameLine, 681, 480, 44 * [...nameLine].length, 56],
  ['类型', 198, 560, 103, 52],
  ['法定代表人', 196, 640, 180, 53],
  [person, 668, 640, 110, 50],
  ['成立日期', 190, 720, 167, 54],
  ['2012年03月09日', 668, 720, 300, 52],
  ['住所', 189, 800, 103, 52],
  [address, 665, 800, 44 * [...address].length, 54],
  ['经营范围', 185, 880, 160, 52],
  ['一般项目：技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广；软件开发', 662, 880, 1373, 54],
];

describe('a registered name with the registrant type run on after it', () => {
  it('reads `…服务部` from `…服务部个体工商户` (the 类型 row’s value boxed with the name), flagged', () => {
    const doc = read(licence('杭州市西湖区云栖电气设备服务部个体工商户', '程立群'));
    expect(doc.type).toBe('business_license');
    expect(doc.fields.companyName.value).toBe('杭州市西湖区云栖电气设备服务部');
    expect(doc.fields.companyName.needsReview).toBe(true);
    expect(doc.fields.companyName.issues).toContain('organisation_name_boundary_inferred');
  });

  it('reads the name before `其他股份有限公司(非上市)` and the representative run on after both', () => {
    const doc = read(licence('杭州云栖机械制造股份有限公司其他股份有限公司(非上市)程立群', '程立群'));
    expect(doc.fields.companyName.value).toBe('杭州云栖机械制造股份有限公司');
    expect(doc.fields.companyName.needsReview).toBe(true);
    expect(doc.fields.legalRepresentative.value).toBe('程立群');
  });

  it('reads the name before a legal form and its bracket after a name already ending with 公司', () => {
    const doc = read(licence('杭州云栖电子商务有限公司型有限责任公司(自然人投资或控股)', '程立群'));
    expect(doc.fields.companyName.value).toBe('杭州云栖电子商务有限公司');
    expect(doc.fields.companyName.needsReview).toBe(true);
  });

  it('keeps a name whose own legal form follows a word ending like a shop’s (`…西部有限责任公司`)', () => {
    const doc = read(licence('杭州云栖西部有限责任公司', '程立群'));
    expect(doc.fields.companyName.value).toBe('杭州云栖西部有限责任公司');
    expect(doc.fields.companyName.issues ?? []).not.toContain('organisation_name_boundary_inferred');
  });
});

describe('an address with text after its room number', () => {
  it('reads the address up to its room when a watermark’s piece is boxed with the wrap (`…606室报使`), flagged', () => {
    const doc = read(licence('杭州云栖网络科技有限公司', '程立群', '浙江省杭州市西湖区和平路52号3幢606室报使'));
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区和平路52号3幢606室');
    expect(doc.fields.address.needsReview).toBe(true);
    expect(doc.fields.address.issues).toContain(ADDRESS_TAIL_INFERRED);
  });

  it('cuts a digit, a mark or a seal’s lettering after the room, flagged', () => {
    for (const [text, address] of [
      ['浙江省杭州市西湖区天目山路12号5幢1706室9', '浙江省杭州市西湖区天目山路12号5幢1706室'],
      ['浙江省杭州市西湖区紫霞街60号1幢13层2007室8~', '浙江省杭州市西湖区紫霞街60号1幢13层2007室'],
      ['浙江省杭州市西湖区西园路21号11幢12层607室业务专角章', '浙江省杭州市西湖区西园路21号11幢12层607室'],
    ]) {
      const field = withAddressShapeChecked<DraftField>({ value: text, confidence: 0.97, needsReview: false });
      expect(field.value).toBe(address);
      expect(field.issues).toEqual([ADDRESS_TAIL_INFERRED]);
    }
  });

  it('keeps an address ending at its room, listing rooms, or with a bracket after the room', () => {
    for (const address of [
      '浙江省杭州市西湖区文三路90号3幢1201室',
      '浙江省杭州市西湖区文三路90号3幢1201室、1202室',
      '浙江省杭州市西湖区文三路90号3幢1201室(自主申报)',
    ]) {
      const field = withAddressShapeChecked<DraftField>({ value: address, confidence: 0.97, needsReview: false });
      expect(field.value).toBe(address);
      expect(field.issues ?? []).toEqual([]);
    }
  });
});

describe('a registered name whose legal form holds a misread character', () => {
  it('flags `有隈公司`, `冇限公司`, `有限责仼公司` and `股伤有限公司` however sure the engine was of each character', () => {
    for (const name of ['杭州云栖网络科技有隈公司', '杭州云栖网络科技冇限公司', '杭州云栖网络科技有限责仼公司', '杭州云栖网络科技股伤有限公司']) {
      const doc = read(licence(name, '程立群'));
      expect(doc.fields.companyName.value).toBe(name);
      expect(doc.fields.companyName.needsReview).toBe(true);
    }
  });

  it('passes whole legal forms, `控股有限公司` among them, unflagged', () => {
    for (const name of ['杭州云栖网络科技有限公司', '杭州云栖网络科技有限责任公司', '杭州云栖网络科技股份有限公司', '杭州云栖控股有限公司']) {
      const doc = read(licence(name, '程立群'));
      expect(doc.fields.companyName.value).toBe(name);
      expect(doc.fields.companyName.needsReview).toBe(false);
    }
  });
});

describe('a name whose line runs on into the 类型 label', () => {
  it('gives `公司` back to the name read as the label `公司类型` (`…有限公司类型`), flagged', () => {
    const doc = read(licence('杭州云栖建筑工程有限公司类型', '程立群'));
    expect(doc.fields.companyName.value).toBe('杭州云栖建筑工程有限公司');
    expect(doc.fields.companyName.needsReview).toBe(true);
    expect(doc.fields.companyName.issues).toContain('organisation_name_boundary_inferred');
  });
});
