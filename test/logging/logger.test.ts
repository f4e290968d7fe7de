import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger, maskFileName, maskIdNumber, maskName, maskPii } from '../../shared/logging/index.js';

afterEach(() => {
  vi.restoreAllMocks();
});

function captureLogs(): () => Record<string, unknown>[] {
  const lines: string[] = [];
  // Powertools writes each record as one JSON line through its console (stdout, and stderr for errors).
  for (const stream of [process.stdout, process.stderr]) {
    vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(chunk.toString());
      return true;
    });
  }
  return () =>
    lines
      .join('')
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('maskIdNumber / maskName', () => {
  it('keeps the region and last four characters of an ID number', () => {
    expect(maskIdNumber('33010619900101123X')).toBe('3301**********123X');
  });

  it('keeps the first and last character of a name', () => {
    expect(maskName('王晓明')).toBe('王*明');
    expect(maskName('欧阳娜娜')).toBe('欧**娜');
    expect(maskName('李四')).toBe('李*');
  });
});

describe('maskFileName', () => {
  it('masks the file name like a name and keeps folders and extension', () => {
    expect(maskFileName('incoming/sub-1/王晓明 证书.pdf')).toBe('incoming/sub-1/王****书.pdf');
    expect(maskFileName('incoming/330106199001011234/a.png')).toBe('incoming/3301**********1234/*.png');
  });

  it('masks a name used as a folder (an inbox subfolder named after the applicant)', () => {
    expect(maskFileName('incoming/王晓明/证书.pdf')).toBe('incoming/王*明/证*.pdf');
  });
});

describe('maskPii', () => {
  it('masks names under name keys, ID numbers under ID keys and ID numbers inside any text', () => {
    const masked = maskPii({
      fields: { holderName: { value: '王晓明', confidence: 0.9, source: { page: 1, raw: '姓名：王晓明' } }, idNumber: { value: '330106199001011234' } },
      note: 'matched 330106199001011234 on page 2',
      certificateNumber: 'S000033010621054000123',
    });
    expect(masked.fields.holderName.value).toBe('王*明');
    expect(masked.fields.holderName.source.raw).toBe('姓****明');
    expect(masked.fields.idNumber.value).toBe('3301**********1234');
    expect(masked.note).toBe('matched 3301**********1234 on page 2');
    expect(masked.certificateNumber).toBe('S000033010621054000123');
  });
});

describe('ids made from inbox folder names', () => {
  it('masks the names inside submission, case and batch ids wherever they are logged', () => {
    const masked = maskPii({ submissionId: '王晓明', caseId: 'case-王晓明', documentIds: ['doc-1', 'case-欧阳娜娜-doc-2'], batchId: 'batch-1' });
    expect(masked).toEqual({ submissionId: '王*明', caseId: 'case-王*明', documentIds: ['doc-1', 'case-欧**娜-doc-2'], batchId: 'batch-1' });
  });

  it("masks them in the embedded stack's own log lines too", async () => {
    const { createLocalLogger } = await import('../../local/local-log.js');
    const lines: string[] = [];
    const write = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => (lines.push(String(chunk)), true));
    try {
      createLocalLogger('inbox').info('uploaded', { submissionId: '王晓明', key: 'incoming/王晓明/证书.pdf' });
    } finally {
      write.mockRestore();
    }
    expect(lines.join('')).not.toContain('王晓明');
    expect(lines.join('')).toContain('王*明');
  });
});

describe('createLogger', () => {
  it('masks PII in every log record: message, attributes, nested fields and errors', () => {
    const read = captureLogs();
    const logger = createLogger({ serviceName: 'test', logLevel: 'INFO' });

    logger.info('read 330106199001011234', {
      document: { fields: { employeeName: { value: '张三丰' }, employeeIdNumber: { value: '330106199001011234' } } },
    });
    logger.error('failed', new Error('no case for 33010619900101123X'));

    const [info, error] = read();
    const text = JSON.stringify([info, error]);
    expect(text).not.toContain('330106199001011234');
    expect(text).not.toContain('33010619900101123X');
    expect(text).not.toContain('张三丰');
    expect(info!.message).toBe('read 3301**********1234');
    expect(JSON.stringify(info)).toContain('张*丰');
    expect(JSON.stringify(error)).toContain('3301**********123X');
  });
});
