import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import type { OcrPage } from '../../shared/ocr/index.js';
import {
  idCardPage,
  laborContractPages,
  otherCertificatePage,
  qualificationBookletPage,
  skillLevelCertificatePage,
  socialInsurancePage,
} from './support/documents.js';
import { PageBuilder } from './support/page-builder.js';

const renumber = (pages: OcrPage[]): OcrPage[] => pages.map((p, i) => ({ ...p, pageNumber: i + 1 }));
const read = (pages: OcrPage[]) => extractDocuments(renumber(pages), { today: '2026-11-27' });

describe('extractDocuments splitting a multi-page scan', () => {
  it('splits a scan of three certificates into one document per page', () => {
    const docs = read([skillLevelCertificatePage(), qualificationBookletPage(), otherCertificatePage('特种作业操作证')]);
    expect(docs.map((d) => [d.type, d.pages])).toEqual([
      ['vocational_certificate', [1]],
      ['vocational_certificate', [2]],
      ['vocational_certificate', [3]],
    ]);
    expect(docs.map((d) => d.fields.certificateKind.value)).toEqual(['skill_level', 'qualification', 'special_operation']);
  });

  it('keeps a contract together and starts a new document at the certificate after it', () => {
    const docs = read([...laborContractPages({ pageNumbers: false }), skillLevelCertificatePage()]);
    expect(docs.map((d) => [d.type, d.pages])).toEqual([
      ['labor_contract', [1, 2, 3]],
      ['vocational_certificate', [4]],
    ]);
  });

  it('splits a certificate, a contract and an insurance record scanned together', () => {
    const docs = read([skillLevelCertificatePage(), ...laborContractPages(), socialInsurancePage()]);
    expect(docs.map((d) => [d.type, d.pages])).toEqual([
      ['vocational_certificate', [1]],
      ['labor_contract', [2, 3, 4]],
      ['social_insurance_record', [5]],
    ]);
  });

  it('starts a new contract when page numbering restarts', () => {
    const docs = read([...laborContractPages(), ...laborContractPages()]);
    expect(docs.map((d) => d.pages)).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
  });

  it('joins an ID card back to its front', () => {
    const back = new PageBuilder({ width: 1000, height: 630 })
      .title('中华人民共和国 居民身份证')
      .line('签发机关 杭州市公安局西湖分局')
      .line('有效期限 2015.05.06-2035.05.06')
      .build();
    const docs = read([idCardPage(), back]);
    expect(docs.map((d) => [d.type, d.pages])).toEqual([['id_card', [1, 2]]]);
  });

  it('gives each document a type confidence, high where a title names the type', () => {
    const docs = read([skillLevelCertificatePage(), ...laborContractPages()]);
    for (const doc of docs) expect(doc.typeConfidence).toBeGreaterThanOrEqual(0.95);
  });
});

describe('extractDocuments keeping an unreadable page inside a contract', () => {
  it('keeps an unreadable middle page with the contract around it, with a lower type confidence', () => {
    const [cover, , signature] = laborContractPages({ pageNumbers: false });
    const smudged = new PageBuilder().line('。唔田岂冂丨口由屮', 1300).line('囗丶乚亅', 300).line('冖冫几凵', 700).build();
    const docs = read([cover, smudged, signature]);
    expect(docs.map((d) => [d.type, d.pages])).toEqual([['labor_contract', [1, 2, 3]]]);
    expect(docs[0].typeConfidence).toBeLessThanOrEqual(0.8);
  });

  it('leaves a blank page inside a contract out of every document, splitting nothing', () => {
    const [cover, , signature] = laborContractPages({ pageNumbers: false });
    const blank = new PageBuilder().line('。唔田', 1300).build();
    const docs = read([cover, blank, signature]);
    expect(docs.map((d) => [d.type, d.pages])).toEqual([['labor_contract', [1, 3]]]);
  });

  it('leaves a blank page after a certificate out of every document', () => {
    const docs = read([skillLevelCertificatePage(), new PageBuilder().line('。', 800).build()]);
    expect(docs.map((d) => [d.type, d.pages])).toEqual([['vocational_certificate', [1]]]);
  });
});
