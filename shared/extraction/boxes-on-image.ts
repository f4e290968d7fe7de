/**
 * Field boxes moved from the rows the reader laid the page out by to where the text lies on the page image. On a
 * curled page the engine reports each line on the page's rows straightened (`box`, where a value keeps its label's
 * height) and keeps where the line lies on the image as `pageBox`; the reader pairs values with labels by `box`, but
 * the clerk's page view draws a field's box on the image as photographed, so each field's `source.box` is taken from
 * the `pageBox` of the lines its value was read from.
 */
import type { ExtractedDocument } from '../documents/extracted-document.js';
import type { Box } from '../documents/extracted-field.js';
import type { OcrLine, OcrPage } from '../documents/ocr-page.js';
import { boxAround } from './line-geometry.js';

const area = (box: Box) => Math.max(0, box.width) * Math.max(0, box.height);

function intersection(a: Box, b: Box): Box | undefined {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : undefined;
}

/** The part `part` of a line's `box` (a cut-off label head leaves part of it), placed on the line's `pageBox` by its share of the width. */
function onImage(line: OcrLine & { pageBox: Box }, part: Box): Box {
  const from = line.box.width > 0 ? (part.x - line.box.x) / line.box.width : 0;
  const to = line.box.width > 0 ? (part.x + part.width - line.box.x) / line.box.width : 1;
  const { pageBox } = line;
  return { x: pageBox.x + from * pageBox.width, y: pageBox.y, width: (to - from) * pageBox.width, height: pageBox.height };
}

/**
 * Where the text a source box was read from lies on the page image: the union, over the page's lines the box takes in
 * (at least half of the line inside it, or at least half of the box on the line), of each moved line's `pageBox` (the
 * part the box covers) and each unmoved line's own box. `box` itself (the same object) when no line it takes in moved.
 *
 * @example
 * sourceBoxOnImage(page, field.source.box); // the value's box where the curl put it on the photo
 */
export function sourceBoxOnImage(page: Pick<OcrPage, 'lines'>, box: Box): Box {
  const pieces: Box[] = [];
  let moved = false;
  for (const line of page.lines) {
    const common = intersection(box, line.box);
    if (!common) continue;
    const share = area(common);
    if (share < area(line.box) * 0.5 && share < area(box) * 0.5) continue;
    if (line.pageBox) {
      pieces.push(onImage(line as OcrLine & { pageBox: Box }, common));
      moved = true;
    } else pieces.push(common);
  }
  return moved ? boxAround(pieces) : box;
}

/**
 * Every field's `source.box` on a page whose lines carry `pageBox` put where its text lies on the image (see
 * `sourceBoxOnImage`); fields on other pages keep theirs. In place: the documents are the reader's own.
 *
 * @example
 * sourceBoxesOnImage(docs, pages); // after the reader and the cross-checks, before the boxes are shown
 */
export function sourceBoxesOnImage(documents: readonly ExtractedDocument[], pages: readonly OcrPage[]): void {
  const moved = new Map(pages.filter((page) => page.lines.some((line) => line.pageBox)).map((page) => [page.pageNumber, page]));
  if (moved.size === 0) return;
  for (const document of documents) {
    for (const field of Object.values(document.fields)) {
      const page = field.source?.box ? moved.get(field.source.page) : undefined;
      if (!page || !field.source?.box) continue;
      field.source = { ...field.source, box: sourceBoxOnImage(page, field.source.box) };
    }
  }
}
