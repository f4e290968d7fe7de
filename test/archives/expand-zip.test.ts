import { describe, expect, it } from 'vitest';
import {
  ArchiveBombError,
  ArchiveCorruptError,
  ArchiveTooManyEntriesError,
  archiveLimitsSchema,
  decodeEntryName,
  expandZip,
  unsafeEntryName,
} from '../../shared/archives/index.js';
import { describeFailure } from '../../shared/intake/index.js';
import iconv from 'iconv-lite';
import { buildZip, pdfBytes } from './zip-factory.js';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('expandZip', () => {
  it('takes out every file with its folder path and skips folders and macOS forks', async () => {
    const zip = await buildZip([
      { name: '证书/张三.pdf', bytes: pdfBytes('a') },
      { name: '证书/李四.pdf', bytes: pdfBytes('b') },
      { name: '__MACOSX/证书/._张三.pdf', bytes: 'fork' },
    ]);
    const expansion = await expandZip(zip);
    expect(expansion.entries.map((entry) => entry.path)).toEqual(['证书/张三.pdf', '证书/李四.pdf']);
    expect(text(expansion.entries[0]!.bytes)).toContain('% a');
    expect(expansion.skipped).toEqual(['__MACOSX/证书/._张三.pdf']);
    expect(expansion.refused).toEqual([]);
  });

  it('decodes GBK entry names written without the UTF-8 flag (Chinese Windows)', async () => {
    const zip = await buildZip([{ name: '职业资格证书-王晓明.pdf', bytes: pdfBytes('gbk'), gbkName: true }]);
    const expansion = await expandZip(zip);
    expect(expansion.entries.map((entry) => entry.path)).toEqual(['职业资格证书-王晓明.pdf']);
  });

  it('refuses entries with ../ or absolute paths with reason `zip_entry_unsafe_path` and keeps the others', async () => {
    const zip = await buildZip([
      { name: '../../etc/cron.pdf', bytes: pdfBytes('evil') },
      { name: '/abs/evil.pdf', bytes: pdfBytes('abs') },
      { name: 'good.pdf', bytes: pdfBytes('ok') },
    ]);
    const expansion = await expandZip(zip);
    expect(expansion.entries.map((entry) => entry.path)).toEqual(['good.pdf']);
    expect(expansion.refused).toEqual([
      { path: '../../etc/cron.pdf', code: 'zip_entry_unsafe_path', detail: 'parent_directory' },
      { path: '/abs/evil.pdf', code: 'zip_entry_unsafe_path', detail: 'absolute_path' },
    ]);
  });

  it('refuses password-protected entries with reason `zip_entry_encrypted`', async () => {
    const zip = await buildZip([
      { name: 'secret.pdf', bytes: pdfBytes('s'), encrypted: true },
      { name: 'open.pdf', bytes: pdfBytes('o') },
    ]);
    const expansion = await expandZip(zip);
    expect(expansion.entries.map((entry) => entry.path)).toEqual(['open.pdf']);
    expect(expansion.refused).toEqual([{ path: 'secret.pdf', code: 'zip_entry_encrypted', detail: 'entry is password-protected' }]);
  });

  it('expands a ZIP inside the ZIP and refuses one nested deeper than the limit with `zip_nested_too_deep`', async () => {
    const innermost = await buildZip([{ name: 'deep.pdf', bytes: pdfBytes('deep') }]);
    const inner = await buildZip([
      { name: 'inner.pdf', bytes: pdfBytes('inner') },
      { name: 'more.zip', bytes: innermost },
    ]);
    const outer = await buildZip([
      { name: 'top.pdf', bytes: pdfBytes('top') },
      { name: 'batch2.zip', bytes: inner },
    ]);
    const expansion = await expandZip(outer, archiveLimitsSchema.parse({ maxDepth: 1 }));
    expect(expansion.entries.map((entry) => [entry.path, entry.depth])).toEqual([
      ['top.pdf', 0],
      ['batch2.zip/inner.pdf', 1],
    ]);
    expect(expansion.refused).toEqual([expect.objectContaining({ path: 'batch2.zip/more.zip', code: 'zip_nested_too_deep' })]);
  });

  it('refuses a decompression bomb by its compression ratio before inflating it, with reason `zip_bomb`', async () => {
    const zip = await buildZip([{ name: 'zeros.pdf', bytes: new Uint8Array(8 * 1024 * 1024) }]);
    const error = await expandZip(zip).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ArchiveBombError);
    expect((error as ArchiveBombError).measure).toBe('ratio');
    expect(describeFailure(error).error.code).toBe('zip_bomb');
  });

  it('refuses a ZIP whose total expanded size exceeds the limit, with reason `zip_bomb`', async () => {
    const random = new Uint8Array(300_000).map((_, index) => (index * 7919) % 251);
    const zip = await buildZip([
      { name: 'a.pdf', bytes: random, store: true },
      { name: 'b.pdf', bytes: random, store: true },
    ]);
    const error = await expandZip(zip, archiveLimitsSchema.parse({ maxTotalBytes: 500_000 })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ArchiveBombError);
    expect((error as ArchiveBombError).measure).toBe('total_size');
  });

  it('refuses a ZIP with more entries than the limit with reason `zip_too_many_entries`', async () => {
    const zip = await buildZip(Array.from({ length: 6 }, (_, index) => ({ name: `${index}.pdf`, bytes: pdfBytes(String(index)) })));
    const error = await expandZip(zip, archiveLimitsSchema.parse({ maxEntries: 5 })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ArchiveTooManyEntriesError);
    expect(describeFailure(error).error.code).toBe('zip_too_many_entries');
  });

  it('refuses a truncated ZIP with reason `zip_corrupt`', async () => {
    const zip = await buildZip([{ name: 'a.pdf', bytes: pdfBytes('a') }]);
    const error = await expandZip(zip.subarray(0, zip.length - 30)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ArchiveCorruptError);
    expect(describeFailure(error)).toMatchObject({ status: 'rejected', error: { code: 'zip_corrupt' } });
  });
});

describe('decodeEntryName', () => {
  it('reads UTF-8 names written without the flag (macOS, 7-Zip) as UTF-8', () => {
    expect(decodeEntryName(Buffer.from('证书.pdf', 'utf8'), 0)).toBe('证书.pdf');
  });

  it('reads GB18030 names that are not valid UTF-8', () => {
    expect(decodeEntryName(iconv.encode('考核发证名册.xlsx', 'gb18030'), 0)).toBe('考核发证名册.xlsx');
  });
});

describe('unsafeEntryName', () => {
  it('refuses Windows drive paths and backslash traversal', () => {
    expect(unsafeEntryName('C:\\Windows\\x.pdf')).toBe('absolute_path');
    expect(unsafeEntryName('a\\..\\..\\x.pdf')).toBe('parent_directory');
    expect(unsafeEntryName('a/b..c.pdf')).toBeUndefined();
  });
});
