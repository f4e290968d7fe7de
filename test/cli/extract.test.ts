import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { extractFiles, formatTable, register, toJsonEntry } from '../../cli/commands/extract.js';
import { extractDocuments } from '../../shared/extraction/index.js';
import type { OcrEngine } from '../../shared/ocr/index.js';
import { company, person } from '../extraction/support/documents.js';
import { makeDigitalPdf, makeEncryptedPdf } from '../pdf/pdf-factory.js';
import { buildZip } from '../archives/zip-factory.js';

let dir: string;
const contractPath = () => path.join(dir, '劳动 合同.pdf');

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'intake-extract-'));
  writeFileSync(
    contractPath(),
    makeDigitalPdf([
      [
        { text: '劳动合同书', x: 250, y: 80, size: 22 },
        { text: `甲方（用人单位）：${company.name}`, x: 72, y: 140 },
        { text: `统一社会信用代码：${company.code}`, x: 72, y: 170 },
        { text: `乙方（劳动者）：${person.name}`, x: 72, y: 200 },
        { text: `身份证号码：${person.id}`, x: 72, y: 230 },
        { text: '固定期限：自 2019 年 3 月 1 日起至 2024 年 2 月 28 日止。', x: 72, y: 290 },
      ],
    ]),
  );
  writeFileSync(path.join(dir, 'empty.pdf'), '');
  writeFileSync(path.join(dir, 'locked.pdf'), makeEncryptedPdf());
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

/** Digital PDFs need no OCR: an engine that fails proves it was never asked. */
const noOcr: OcrEngine = { name: 'paddle', recognize: () => Promise.reject(new Error('OCR must not run for a text layer')) };

describe('extractFiles / toJsonEntry', () => {
  it('prints exactly file, documents[type, pages, fields{value, confidence, needsReview}] for a readable file', async () => {
    const [result] = await extractFiles([contractPath()], { ocr: noOcr, extract: (pages) => extractDocuments(pages) });

    const entry = toJsonEntry(result!);

    expect(Object.keys(entry)).toEqual(['file', 'documents']);
    expect(entry.file).toBe(contractPath());
    expect(entry.documents).toHaveLength(1);
    expect(Object.keys(entry.documents[0]!)).toEqual(['type', 'pages', 'fields']);
    expect(entry.documents[0]).toMatchObject({ type: 'labor_contract', pages: [1] });
    for (const field of Object.values(entry.documents[0]!.fields)) expect(Object.keys(field)).toEqual(['value', 'confidence', 'needsReview']);
    expect(entry.documents[0]!.fields.employeeIdNumber).toEqual({ value: person.id, confidence: 1, needsReview: false });
  });

  it('gives an unreadable file `error` {code, message} and no documents', async () => {
    const results = await extractFiles([path.join(dir, 'empty.pdf'), path.join(dir, 'locked.pdf'), path.join(dir, 'missing.pdf')], {
      ocr: noOcr,
      extract: (pages) => extractDocuments(pages),
    });

    expect(results.map(toJsonEntry).map((entry) => [entry.documents, entry.error?.code])).toEqual([
      [[], 'empty_file'],
      [[], 'pdf_encrypted'],
      [[], 'file_not_found'],
    ]);
  });
});

describe('extractFiles on a ZIP', () => {
  it('reads each entry of a stored ZIP of PDFs as the pipeline would, named archive.zip/entry, and lists refused entries', async () => {
    const contract = new Uint8Array(await import('node:fs/promises').then((fs) => fs.readFile(contractPath())));
    const zipPath = path.join(dir, '批量.zip');
    writeFileSync(
      zipPath,
      await buildZip([
        { name: '合同/张三.pdf', bytes: contract, store: true },
        { name: '../逃逸.pdf', bytes: contract, store: true },
      ]),
    );

    const results = await extractFiles([zipPath], { ocr: noOcr, extract: (pages) => extractDocuments(pages) });

    expect(results.map((result) => [result.file, result.documents.map((d) => d.type), result.error?.code])).toEqual([
      [`${zipPath}/合同/张三.pdf`, ['labor_contract'], undefined],
      [`${zipPath}/../逃逸.pdf`, [], 'zip_entry_unsafe_path'],
    ]);
  });
});

describe('formatTable', () => {
  it('masks names and ID numbers unless asked to reveal them', async () => {
    const results = await extractFiles([contractPath()], { ocr: noOcr, extract: (pages) => extractDocuments(pages) });
    const table = formatTable(results, { reveal: false });
    expect(table).toContain('labor_contract');
    expect(table).not.toContain(person.id);
    expect(table).toContain(`${person.id.slice(0, 4)}**********${person.id.slice(-4)}`);
    expect(formatTable(results, { reveal: true })).toContain(person.id);
  });
});

describe('intake extract', () => {
  async function run(...args: string[]): Promise<string> {
    let out = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out += chunk.toString();
      return true;
    });
    const program = new Command('intake').exitOverride();
    register(program);
    await program.parseAsync(['node', 'intake', 'extract', ...args]);
    return out;
  }

  it('prints the JSON array and exits 0 when every file was read', async () => {
    const parsed = JSON.parse(await run(contractPath(), '--json')) as unknown[];
    expect(parsed).toHaveLength(1);
    expect(process.exitCode ?? 0).toBe(0);
  });

  it('exits 1 when any file was rejected', async () => {
    const parsed = JSON.parse(await run(contractPath(), path.join(dir, 'empty.pdf'), '--json')) as { error?: { code: string } }[];
    expect(parsed[1]!.error!.code).toBe('empty_file');
    expect(process.exitCode).toBe(1);
  });
});
