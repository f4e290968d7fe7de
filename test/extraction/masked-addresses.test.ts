import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { ADDRESS_INCOMPLETE, readAddress } from '../../shared/extraction/value-readers.js';
import { company, person } from './support/documents.js';
import { PageBuilder } from './support/page-builder.js';

// Issue 12 class 9: a masked value is missing and flagged, never guessed from what is left. Found on the seen mask
// families (test/eval/procedural/families.ts, proc-M): the engine boxes no `*`, so a starred address reaches the
// reader as its area and its last unit; a barred one leaves its label alone, and the reader took the next column's
// words for it. Constructed lines with values of their own.

const TODAY = '2026-12-05';

/** An ID card's text as the engine reads a scan of it, the address in two lines (the second indented as it wraps). */
function readCard(addressLine: string, wrapLine: string) {
  const page = new PageBuilder({ width: 1000, height: 630, lineHeight: 28, top: 60 })
    .line(`姓名${person.name}`, 60)
    .row([
      [60, '性别男'],
      [330, '民族汉'],
    ])
    .line('出生1990年3月7日', 60)
    .line(addressLine, 60)
    .line(wrapLine, 100)
    .row([
      [60, '公民身份号码'],
      [400, person.id],
    ])
    .build();
  return extractDocuments([page], { today: TODAY });
}

describe('readAddress on what a mask leaves', () => {
  it('reads no address from words that name no place (the next column’s capital, a stamp’s words)', () => {
    expect(readAddress('万元人民币')).toBeNull();
    expect(readAddress('仅限申领职业技能补贴使用')).toBeNull();
  });

  it('flags as incomplete an address that names only areas, or areas and a last unit with nothing between', () => {
    for (const left of ['浙江省室', '浙江省杭州市西湖区', '杭州市西湖区号']) {
      const r = readAddress(left);
      expect(r?.value).toBe(left);
      expect(r?.issues).toContain(ADDRESS_INCOMPLETE);
    }
  });

  it('keeps whole addresses unflagged: a street and number, a village, a building named after its area', () => {
    for (const whole of ['浙江省杭州市西湖区文三路90号3幢201室', '浙江省杭州市西湖区三墩镇石马村', '杭州市西湖区西溪谷国际商务中心']) {
      const r = readAddress(whole);
      expect(r?.value).toBe(whole);
      expect(r?.issues ?? []).not.toContain(ADDRESS_INCOMPLETE);
    }
  });
});

describe('an ID card whose address was starred out', () => {
  it('flags the address the reader puts together from the area and the last unit the stars left', () => {
    // `住址浙江省**************室`: the engine read `住址浙江省` and, on the wrapped line, `室`.
    const [doc] = readCard('住址浙江省', '室');
    expect(doc.type).toBe('id_card');
    expect(doc.fields.name.value).toBe(person.name);
    const address = doc.fields.address;
    expect(address.value === null || address.needsReview).toBe(true);
    if (address.value !== null) expect(address.issues).toContain(ADDRESS_INCOMPLETE);
  });
});

describe('an ID card whose address stars the engine read as one star', () => {
  it('reports no address when one `*` is left of the masked run, flagged value_masked', () => {
    // `住址浙江省杭州**************` | `204室`: the engine read the stars as `*·` (a phone photo of a seen mask family).
    const [doc] = readCard('住址浙江省杭州*·', '204室');
    expect(doc.fields.address.value).toBeNull();
    expect(doc.fields.address.issues).toContain('value_masked');
    expect(doc.fields.address.needsReview).toBe(true);
  });

  it('reads no address from a text with one star, a whole address as before', () => {
    expect(readAddress('浙江省杭州市余杭区人民路375号12幢2201室')?.value).toBe('浙江省杭州市余杭区人民路375号12幢2201室');
    expect(readAddress('浙江省杭州*·204室')?.value).toBeNull();
  });
});

describe('a barred-out credit code under a bilingual label', () => {
  /** A contract's bilingual rows as the engine reads a scan: each caption over its English gloss, the code barred out. */
  function readContract() {
    const page = new PageBuilder({ width: 1240, height: 1754, lineHeight: 44, top: 220 })
      .title('劳动合同')
      .at(214, 390, '用人单位：')
      .at(679, 412, company.name, { height: 41 })
      .at(233, 432, 'Employer', { height: 40 })
      .at(179, 499, '社会信用代码：')
      .at(146, 542, 'Unified Social Credit Code', { height: 38 })
      .at(197, 611, '法定代表人：')
      .at(470, 620, '段宇燕', { height: 56 })
      .at(175, 651, 'Legal Representative', { height: 39 })
      .at(213, 826, '职工姓名：')
      .at(932, 841, person.name, { height: 53 })
      .at(231, 870, 'Employee', { height: 40 })
      .at(199, 937, '身份证号码：')
      .at(724, 952, person.id, { height: 45 })
      .at(251, 976, 'ID No.', { height: 42 })
      .build();
    return extractDocuments([page], { today: TODAY });
  }

  it('reads no credit code from the caption’s English gloss: a code carries its area’s digits', () => {
    const contract = readContract().find((d) => d.type === 'labor_contract');
    expect(contract?.fields.employerName?.value).toBe(company.name);
    expect(contract?.fields.employerCreditCode?.value ?? null).toBeNull();
  });
});
