import { describe, expect, it } from 'vitest';
import { crossCheckDocuments, extractDocuments } from '../../shared/extraction/index.js';
import { laborContractPages, person, residentId, skillLevelCertificatePage } from './support/documents.js';

const TODAY = '2026-11-27';
const read = (pages: Parameters<typeof extractDocuments>[0]) => extractDocuments(pages, { today: TODAY, crossCheck: false });

describe('crossCheckDocuments', () => {
  it('flags the name on both documents when one ID number carries two different names', () => {
    const certificate = read([skillLevelCertificatePage({ name: '王晓朋' })]);
    const contract = read(laborContractPages());
    crossCheckDocuments([...certificate, ...contract]);
    expect(certificate[0].fields.holderName).toMatchObject({ needsReview: true, issues: ['name_mismatch_across_documents'] });
    expect(contract[0].fields.employeeName.issues).toContain('name_mismatch_across_documents');
    expect(contract[0].fields.employeeName.needsReview).toBe(true);
  });

  it('flags the ID numbers when one name carries two IDs that differ in a character or two', () => {
    const otherId = residentId('19900307', '330106', '125');
    const certificate = read([skillLevelCertificatePage({ id: otherId })]);
    const contract = read(laborContractPages());
    crossCheckDocuments([...certificate, ...contract]);
    expect(certificate[0].fields.idNumber.issues).toContain('id_mismatch_across_documents');
    expect(contract[0].fields.employeeIdNumber.issues).toContain('id_mismatch_across_documents');
  });

  it('leaves two different people alone in an enterprise roster, but not in a single-person claim', () => {
    const a = read([skillLevelCertificatePage()]);
    const b = read([skillLevelCertificatePage({ name: '李建国', id: residentId('19850612', '330102', '311') })]);
    crossCheckDocuments([...a, ...b]);
    expect(a[0].fields.holderName.needsReview).toBe(false);
    crossCheckDocuments([...a, ...b], { singlePerson: true });
    expect(a[0].fields.holderName.issues).toContain('name_mismatch_across_documents');
    expect(b[0].fields.idNumber.issues).toContain('id_mismatch_across_documents');
  });

  it('raises the confidence of a name read the same on two documents', () => {
    const certificate = read([skillLevelCertificatePage({ confidence: 0.96 })]);
    const before = certificate[0].fields.holderName.confidence;
    crossCheckDocuments([...certificate, ...read(laborContractPages())]);
    expect(certificate[0].fields.holderName.value).toBe(person.name);
    expect(certificate[0].fields.holderName.confidence).toBeGreaterThan(before);
  });

  it('runs inside extractDocuments for the documents of one file', () => {
    const docs = extractDocuments([skillLevelCertificatePage({ name: '王晓朋' }), ...laborContractPages({ firstPage: 2 })], {
      today: TODAY,
    });
    expect(docs[0].fields.holderName.issues).toContain('name_mismatch_across_documents');
  });
});
