import { describe, expect, it } from 'vitest';
import { buildZip } from '../archives/zip-factory.js';
import { checkUpload, DEFAULT_INTAKE_LIMITS, describeFailure, REASONS, sniffType, typeFromFileName } from '../../shared/intake/index.js';

const text = (value: string) => new TextEncoder().encode(value);
const bytesOf = (...values: number[]) => Uint8Array.from([...values, ...new Array(32).fill(0)]);

/** Minimal real-shaped headers for each type (enough for magic-byte sniffing). */
const samples = {
  pdf: text('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n'),
  jpeg: bytesOf(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46),
  png: bytesOf(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
  tiffLittleEndian: bytesOf(0x49, 0x49, 0x2a, 0x00, 0x08, 0x00, 0x00, 0x00),
  tiffBigEndian: bytesOf(0x4d, 0x4d, 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08),
  zip: Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...text('....certificates/a.pdf')]),
  xlsx: Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...text('....[Content_Types].xml....xl/workbook.xml')]),
  eml: text('Received: from mx.example.com\r\nFrom: "王晓明" <wang@example.com>\r\nSubject: 申请\r\nMIME-Version: 1.0\r\n\r\nbody'),
  csv: text('姓名,身份证号,职业,等级\n王晓明,330106199001011234,电工,二级\n李四,330106199001011234,焊工,三级\n'),
};

describe('sniffType', () => {
  it.each([
    ['pdf', samples.pdf],
    ['jpeg', samples.jpeg],
    ['png', samples.png],
    ['tiff', samples.tiffLittleEndian],
    ['tiff', samples.tiffBigEndian],
    ['zip', samples.zip],
    ['xlsx', samples.xlsx],
    ['eml', samples.eml],
    ['csv', samples.csv],
  ] as const)('recognises %s by its bytes', (expected, bytes) => {
    expect(sniffType(bytes)).toBe(expected);
  });

  it('finds a PDF header preceded by junk within the first KiB, as PDF readers do', () => {
    expect(sniffType(Uint8Array.from([...new Array(100).fill(0x20), ...samples.pdf]))).toBe('pdf');
  });

  it('says zip for a stored (uncompressed) ZIP of PDFs, whose first KiB also holds `%PDF-`', async () => {
    const zip = await buildZip([{ name: '证书.pdf', bytes: '%PDF-1.7\n1 0 obj\n%%EOF\n', store: true }]);
    expect(new TextDecoder('latin1').decode(zip.subarray(0, 1024))).toContain('%PDF-');
    expect(sniffType(zip)).toBe('zip');
  });

  it('says unknown for bytes of no known type', () => {
    expect(sniffType(Uint8Array.from([0x00, 0x01, 0x02, 0x03, 0xfe, 0x00]))).toBe('unknown');
    expect(sniffType(new Uint8Array())).toBe('unknown');
  });
});

describe('typeFromFileName', () => {
  it('reads the extension case-insensitively, Chinese names and spaces included', () => {
    expect(typeFromFileName('技师 证书.PDF')).toBe('pdf');
    expect(typeFromFileName('扫描件.jpeg')).toBe('jpeg');
    expect(typeFromFileName('README')).toBeUndefined();
  });
});

describe('checkUpload', () => {
  it('accepts a PDF named .pdf', () => {
    expect(checkUpload(samples.pdf, '合同.pdf', DEFAULT_INTAKE_LIMITS)).toEqual({ type: 'pdf', claimedType: 'pdf' });
  });

  it('accepts a PNG named .jpg (image types are interchangeable) and reports the real type', () => {
    expect(checkUpload(samples.png, 'photo.jpg', DEFAULT_INTAKE_LIMITS).type).toBe('png');
  });

  it.each([
    ['an empty file with reason `empty_file`', new Uint8Array(), 'a.pdf', 'empty_file'],
    ['a "PDF" whose bytes are not a PDF with reason `type_mismatch`', samples.png, '证书.pdf', 'type_mismatch'],
    ['a "PDF" of unknown bytes with reason `type_mismatch`', text('hello world, not a pdf'), 'a.pdf', 'type_mismatch'],
    ['bytes of no known type with reason `unsupported_type`', Uint8Array.from([0, 1, 2, 3]), 'blob', 'unsupported_type'],
    ['a ZIP with reason `unsupported_here`', samples.zip, 'batch.zip', 'unsupported_here'],
    ['an e-mail with reason `unsupported_here`', samples.eml, 'mail.eml', 'unsupported_here'],
  ])('rejects %s', (_name, bytes, fileName, code) => {
    expect(() => checkUpload(bytes, fileName, DEFAULT_INTAKE_LIMITS)).toThrowError(expect.objectContaining({ code }));
  });

  it('rejects a file over the size limit with reason `file_too_large`', () => {
    expect(() => checkUpload(samples.pdf, 'a.pdf', { maxFileBytes: 10 })).toThrowError(
      expect.objectContaining({ code: 'file_too_large', size: samples.pdf.length, limit: 10 }),
    );
  });
});

describe('describeFailure', () => {
  it('maps a known code to `rejected` with the Chinese sentence for people and the English one for logs', () => {
    let caught: unknown;
    try {
      checkUpload(new Uint8Array(), 'a.pdf', DEFAULT_INTAKE_LIMITS);
    } catch (error) {
      caught = error;
    }
    const failure = describeFailure(caught);
    expect(failure.status).toBe('rejected');
    expect(failure.error).toEqual({ code: 'empty_file', message: REASONS.empty_file.zh });
    expect(failure.logMessage).toContain('The file is empty');
  });

  it('maps errors from other modules by their code (e.g. `pdf_encrypted` from shared/pdf)', () => {
    const error = Object.assign(new Error('needs password'), { code: 'pdf_encrypted' });
    expect(describeFailure(error)).toMatchObject({ status: 'rejected', error: { code: 'pdf_encrypted' } });
  });

  it('maps an unexpected error to `failed` / `processing_failed`, never blaming the sender', () => {
    expect(describeFailure(new TypeError('x is undefined'))).toMatchObject({
      status: 'failed',
      error: { code: 'processing_failed', message: REASONS.processing_failed.zh },
    });
  });
});
