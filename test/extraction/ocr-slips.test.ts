import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { normaliseText } from '../../shared/extraction/text.js';
import type { OcrPage } from '../../shared/ocr/index.js';
import { idCardPage, person } from './support/documents.js';
import { PageBuilder } from './support/page-builder.js';

const TODAY = '2026-11-27';
const read = (pages: OcrPage[]) => extractDocuments(pages, { today: TODAY });

/** The same page with one line's text replaced (what the engine read instead). */
function misread(page: OcrPage, from: string, to: string): OcrPage {
  return { ...page, lines: page.lines.map((line) => (line.text === from ? { ...line, text: to } : line)) };
}

describe('normaliseText on letter-spacing read as a dot', () => {
  it('joins a two-character label whose spacing was read as a dot (姓‧名) but keeps a minority name’s dot', () => {
    expect(normaliseText('姓‧名 尉迟艳华')).toBe('姓名 尉迟艳华');
    expect(normaliseText('阿依古丽·买买提')).toBe('阿依古丽·买买提');
  });
});

describe('extractDocuments on OCR slips in labels and values', () => {
  it('reads an ID card name whose label spacing was read as a dot (姓‧名)', () => {
    const page = new PageBuilder({ width: 1000, height: 630, lineHeight: 28, top: 60 })
      .line(`姓‧名 ${person.name}`, 60)
      .row([[60, '性别男'], [330, '民族汉']])
      .line('出生1990年3月7日', 60)
      .line('住址浙江省杭州市西湖区文三路90号3幢201室', 60)
      .row([[60, '公民身份号码'], [400, person.id]])
      .build();
    const [doc] = read([page]);
    expect(doc.type).toBe('id_card');
    expect(doc.fields.name.value).toBe(person.name);
  });

  it('reads an ID card name under a misread label (娃名) from its place above 性别, flagged for the clerk', () => {
    const page = misread(idCardPage(), '姓名', '娃名');
    const nameLine = page.lines.find((l) => l.text === person.name)!;
    // The engine read label and name as one line.
    page.lines = page.lines.filter((l) => l !== nameLine).map((l) => (l.text === '娃名' ? { ...l, text: `娃名${person.name}` } : l));
    const [doc] = read([page]);
    expect(doc.fields.name).toMatchObject({ value: person.name, needsReview: true });
    expect(doc.fields.name.issues).toContain('label_inferred');
  });

  it('reads a date the engine split into two boxes on its row (颁证日期：二〇- … 0年三月十日), flagged', () => {
    const page = new PageBuilder({ width: 2340, height: 1654 })
      .title('职业资格证书')
      .line(`姓名：${person.name}`, 700)
      .line(`证件号码：${person.id}`, 700)
      .line('工种/职业方向：中式面点师', 700)
      .line('等级：二级', 700)
      .line('证书号：1033010985206877', 700)
      .line('发证单位：杭州市人力资源和社会保障局', 1255)
      .row([[1431, '颁证日期：二〇-'], [1791, '0年三月十日']])
      .build();
    const [doc] = read([page]);
    expect(doc.fields.issueDate).toMatchObject({ value: '2010-03-10', needsReview: true });
  });
});
