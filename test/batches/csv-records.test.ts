import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeCsvText, MalformedCsvError, readCsvRecords } from '../../shared/batches/csv-records.js';

describe('readCsvRecords', () => {
  it('numbers each record by the line it starts on, across CRLF, LF and CR line ends and a quoted line break', () => {
    const records = readCsvRecords('a,b\r\n"x\ny",2\rlast,"q""q"\nend');
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x\ny', '2'] },
      { line: 4, fields: ['last', 'q"q'] },
      { line: 5, fields: ['end'] },
    ]);
  });

  it('leaves out empty lines and records of blank fields, keeping the line numbers of the others', () => {
    expect(readCsvRecords('h1,h2\n\n , \n,,\nv1,v2\n')).toEqual([
      { line: 1, fields: ['h1', 'h2'] },
      { line: 5, fields: ['v1', 'v2'] },
    ]);
  });

  it('keeps records of different lengths, a BOM dropped, and a quote inside an unquoted field as text', () => {
    expect(readCsvRecords('\uFEFFa,b,c\nab"c"d\n')).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['ab"c"d'] },
    ]);
  });

  it('refuses a quoted field that is never closed, naming the line its record starts on', () => {
    const error = (() => {
      try {
        return readCsvRecords('h1,h2\nv1,v2\nx,"open\nmore\n');
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(MalformedCsvError);
    expect(error).toMatchObject({ reason: 'quote_not_closed', line: 3 });
  });
});

describe('decodeCsvText', () => {
  it('reads UTF-8 without its BOM, and GB18030 as Excel on a Chinese Windows saves it', () => {
    const text = '姓名,身份证号\n王晓明,330106199001011000\n';
    expect(decodeCsvText(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]))).toBe(text);
    expect(decodeCsvText(iconv.encode(text, 'gb18030'))).toBe(text);
  });
});
