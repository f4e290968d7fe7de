import * as mupdf from 'mupdf';
import { describe, expect, it } from 'vitest';
import { readTextLayer, textLayerCharacter, turnBox, writingTurn } from '../../shared/pdf/index.js';
import { certificatePage, makeDigitalPdf, type TextRun } from './pdf-factory.js';

// Digital PDFs as offices send them, where the text layer is not the text a reader sees: characters named by radicals,
// runs drawn several times for a bold the font lacks, pages whose text runs down or up the page.

const texts = (pdf: Uint8Array) => readTextLayer(pdf, 1, 144)!.lines.map((line) => line.text);

describe('characters a font’s ToUnicode table names by a radical', () => {
  it('reads a Kangxi radical or a supplement’s radical named for a glyph as the character the glyph shows', () => {
    const named = { 人: '⼈', 力: '⼒', 工: '⼯', 日: '⽇', 西: '⻄', 长: '⻓', 青: '⻘' };
    const pdf = makeDigitalPdf([[...certificatePage, { text: '单位负责人：长青', x: 72, y: 320 }]], { toUnicode: named });

    expect(texts(pdf)).toEqual([...certificatePage.map((run) => run.text), '单位负责人：长青']);
  });

  it('keeps characters that are no radical and radicals that are only part of a character', () => {
    expect(['王', '：', 'Ａ', '１', '讠', '\u2ec8'].map(textLayerCharacter)).toEqual(['王', '：', 'Ａ', '１', '讠', '\u2ec8']);
    expect(['\u2f08', '\uf900', '\u2ea0', '\u2ed4'].map(textLayerCharacter)).toEqual(['人', '豈', '民', '门']);
  });
});

describe('runs drawn again over themselves (a bold the font lacks, a shadow)', () => {
  it('reads a run drawn three times a fraction of a point apart once, boxed where it was drawn', () => {
    const bold = (run: TextRun, dx: number, dy: number) => ({ ...run, x: run.x + dx, y: run.y + dy });
    const once = readTextLayer(makeDigitalPdf([certificatePage]), 1, 144)!;
    const pdf = makeDigitalPdf([[...certificatePage, bold(certificatePage[1], 0.3, 0), bold(certificatePage[1], 0, 0.3), bold(certificatePage[3], 0.5, 0.2)]]);

    const page = readTextLayer(pdf, 1, 144)!;

    expect(page.lines.map((line) => line.text)).toEqual(certificatePage.map((run) => run.text));
    expect(page.lines.map((line) => line.box)).toEqual(once.lines.map((line) => line.box));
  });

  it('keeps a character repeated beside itself and a line that repeats another elsewhere on the page', () => {
    const pdf = makeDigitalPdf([[...certificatePage, { text: '张张：1111', x: 72, y: 400 }, { text: '姓名：王晓明', x: 72, y: 420 }]]);

    expect(texts(pdf).slice(certificatePage.length)).toEqual(['张张：1111', '姓名：王晓明']);
  });
});

describe('pages whose text runs down, up or leftwards', () => {
  const upright = readTextLayer(makeDigitalPdf([certificatePage]), 1, 144)!;

  it.each([90, 180, 270] as const)('reads a page saved turned %i° (/Rotate) upright, as the page was drawn', (rotate) => {
    const page = readTextLayer(makeDigitalPdf([certificatePage], { rotate }), 1, 144)!;

    expect(page).toMatchObject({ width: upright.width, height: upright.height, rotation: (360 - rotate) % 360 });
    expect(page.lines.map((line) => line.text)).toEqual(upright.lines.map((line) => line.text));
    page.lines.forEach((line, k) => {
      for (const side of ['x', 'y', 'width', 'height'] as const) expect(line.box[side]).toBeCloseTo(upright.lines[k].box[side], 0);
    });
  });

  it('reads a form printed sideways onto a portrait page (its text running down) upright, a landscape page', () => {
    const sideways = certificatePage.map((run) => ({ ...run, x: 595 - run.y, y: run.x, angle: -90 }));

    const page = readTextLayer(makeDigitalPdf([sideways]), 1, 144)!;

    expect(page).toMatchObject({ width: 1684, height: 1190, rotation: 270 });
    expect(page.lines.map((line) => line.text)).toEqual(certificatePage.map((run) => run.text));
    const [, name, unit] = page.lines;
    expect(name.box.width).toBeGreaterThan(name.box.height * 3);
    expect(unit.box.y).toBeGreaterThan(name.box.y);
    expect(unit.box.x).toBeCloseTo(name.box.x, 0);
  });

  it('keeps a page upright whose few lines run up its margin', () => {
    const margin = { text: '副本编号甲乙丙丁', x: 560, y: 700, angle: 90 };

    expect(readTextLayer(makeDigitalPdf([[...certificatePage, margin]]), 1, 144)).toMatchObject({ rotation: 0, width: 1190 });
  });

  it('turns boxes and counts the ways characters run', () => {
    expect(turnBox({ x: 10, y: 20, width: 30, height: 40 }, 100, 200, 90)).toEqual({ x: 140, y: 10, width: 40, height: 30 });
    expect(turnBox({ x: 10, y: 20, width: 30, height: 40 }, 100, 200, 270)).toEqual({ x: 20, y: 60, width: 40, height: 30 });
    expect(writingTurn([10, 200, 0, 0])).toBe(270);
    expect(writingTurn([100, 90, 0, 0])).toBe(0);
    expect(writingTurn([0, 0, 0, 0])).toBe(0);
  });
});

/** `pdf` with a text form field over `rect` (points from the page's bottom-left) filled with `value`, unflattened. */
function withFilledField(pdf: Uint8Array, rect: [number, number, number, number], value: string): Uint8Array {
  const document = mupdf.Document.openDocument(pdf, 'application/pdf') as mupdf.PDFDocument;
  const pageObject = document.findPage(0);
  const helvetica = document.addObject({ Type: 'Font', Subtype: 'Type1', BaseFont: 'Helvetica', Encoding: 'WinAnsiEncoding' });
  const appearance = document.newString('/Helv 12 Tf 0 g');
  const field = document.addObject({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Tx',
    T: document.newString('field'),
    Rect: rect,
    DA: appearance,
    F: 4,
    P: pageObject,
  });
  const annotations = document.newArray();
  annotations.push(field);
  pageObject.put('Annots', annotations);
  const form = document.newDictionary();
  const fields = document.newArray();
  fields.push(field);
  form.put('Fields', fields);
  form.put('DA', appearance);
  form.put('DR', document.newDictionary());
  form.get('DR').put('Font', document.newDictionary());
  form.get('DR').get('Font').put('Helv', helvetica);
  document.getTrailer().get('Root').put('AcroForm', form);
  const page = document.loadPage(0) as mupdf.PDFPage;
  const [widget] = page.getWidgets();
  widget.setTextValue(value);
  widget.update();
  page.update();
  const filled = document.saveToBuffer('compress').asUint8Array().slice();
  document.destroy();
  return filled;
}

describe('text a viewer shows in annotations', () => {
  it('reads a value typed into a form field and saved unflattened, on its label’s row', () => {
    const form = makeDigitalPdf([[certificatePage[0], { text: '证件号码：', x: 72, y: 200 }, ...certificatePage.slice(2)]]);
    // Baseline 200 pt from the top: the field's box 190–212 pt down, right of the label.
    const filled = withFilledField(form, [150, 842 - 212, 350, 842 - 190], '330106199001011234');

    const lines = readTextLayer(filled, 1, 144)!.lines;

    const [label, value] = [lines.find((line) => line.text === '证件号码：')!, lines.find((line) => line.text === '330106199001011234')!];
    expect(value).toBeDefined();
    expect(Math.abs(value.box.y + value.box.height / 2 - (label.box.y + label.box.height / 2))).toBeLessThan(label.box.height);
  });

  it('reads a value typed into a note over the form (a form filled in a viewer and saved unflattened)', () => {
    const form = makeDigitalPdf([[certificatePage[0], { text: '姓名：', x: 72, y: 200 }, ...certificatePage.slice(2)]]);
    const document = mupdf.Document.openDocument(form, 'application/pdf') as mupdf.PDFDocument;
    const page = document.loadPage(0) as mupdf.PDFPage;
    const note = page.createAnnotation('FreeText');
    // mupdf places annotations in points from the page's top-left: the blank after `姓名：` (baseline 200 pt down).
    note.setRect([120, 184, 260, 206]);
    note.setContents('王晓明');
    note.update();
    page.update();
    const filled = document.saveToBuffer('compress').asUint8Array().slice();
    document.destroy();

    const lines = readTextLayer(filled, 1, 144)!.lines;

    expect(lines.map((line) => line.text)).toContain('王晓明');
    const [label, value] = [lines.find((line) => line.text === '姓名：')!, lines.find((line) => line.text === '王晓明')!];
    expect(Math.abs(value.box.y + value.box.height / 2 - (label.box.y + label.box.height / 2))).toBeLessThan(label.box.height);
  });
});
