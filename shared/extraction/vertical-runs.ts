import type { OcrLine } from '../documents/ocr-page.js';
import { LABELS_BY_FIRST_CHAR } from './labels.js';

type OcrWord = NonNullable<OcrLine['words']>[number];

/** One character of a vertical run: a Chinese character (〇 included) alone in its box. */
const ONE_CHARACTER = /^[\p{Script=Han}〇]$/u;
/** Fewer characters than this stacked in a column are more likely a seal's ring or a short vertical label. */
const MIN_RUN = 4;

const overlapsRow = (a: OcrLine, b: OcrLine) => a.box.y < b.box.y + b.box.height && b.box.y < a.box.y + a.box.height;
const horizontalGap = (a: OcrLine, b: OcrLine) => Math.max(a.box.x - (b.box.x + b.box.width), b.box.x - (a.box.x + a.box.width), 0);

/**
 * The page's lines with each value set one character per box down a column (a narrow cell: `杭` | `州` | `市` … one
 * under another, beside or under its label) joined into one line. The characters must be alone in their boxes, of one
 * size, flush on one column, stacked with less than half a character's gap between them, and most of them alone on
 * their row: a seal's ring curves, a table column of one-character cells (性别, 序号) has a row's padding between
 * them, the first characters of spread labels one under another each have their label's rest beside them (text of
 * body size counts, not a watermark's page-wide box). The joined line is laid flat: one character high, centred on
 * the run (a value in a tall cell sits centred on its label's row), as wide as its characters set side by side (the
 * reader places a value's start by its characters' count); its confidence is the weakest character's. A column the
 * engine itself read as one line down the page is laid flat first, on its first character's row (`laidFlatAtItsHead`).
 *
 * @example
 * withVerticalRunsJoined([{ text: '杭', … }, { text: '州', … }, { text: '西', … }, { text: '湖', … }]); // [{ text: '杭州西湖', … }]
 */
export function withVerticalRunsJoined(page: readonly OcrLine[]): OcrLine[] {
  const lines = withColumnHeadsJoined(page.map((line) => laidFlatBesideItsLabel(line, page)));
  const single = lines.filter((l) => ONE_CHARACTER.test(l.text.trim()));
  if (single.length < 2) return lines;
  const byTop = [...single].sort((a, b) => a.box.y - b.box.y);
  const used = new Set<OcrLine>();
  const joined = new Map<OcrLine, OcrLine>();
  for (const head of byTop) {
    if (used.has(head)) continue;
    const h = head.box.height;
    const run = [head];
    for (;;) {
      const prev = run[run.length - 1];
      const bottom = prev.box.y + prev.box.height;
      const next = byTop.find(
        (o) =>
          !used.has(o) &&
          !run.includes(o) &&
          Math.abs(o.box.height - h) <= h * 0.1 &&
          Math.abs(o.box.width - head.box.width) <= h * 0.3 &&
          Math.abs(o.box.x - head.box.x) <= h * 0.2 &&
          // Set apart, never overlapping: a seal's lettering, even on a straight stretch of its ring, crowds.
          o.box.y - bottom >= 0 &&
          o.box.y - bottom <= h * 0.5,
      );
      if (!next) break;
      run.push(next);
    }
    const label = run.length < MIN_RUN && run.length >= 2 ? waitingLabelBeside(lines, run) : undefined;
    const text = run.map((l) => l.text.trim()).join('');
    const isLabel = !!LABELS_BY_FIRST_CHAR.get(text[0])?.some((l) => l.form === text);
    const shortLabel = run.length < MIN_RUN && !label && isLabel && besideOnlyItsValue(lines, run);
    if (run.length < MIN_RUN && !label && !shortLabel) continue;
    // Evenly stacked: a column of characters has one pitch (two runs of one column meeting would not).
    const pitches = run.slice(1).map((l, i) => l.box.y - run[i].box.y);
    if (Math.max(...pitches) - Math.min(...pitches) > h * 0.4) continue;
    // Most characters of a column stand alone on their row; the first characters of spread labels (`用　工　单　位：`,
    // `信　用　代　码：` … one under another) each have the rest of their label beside them.
    // (The label a short run is centred beside is no other text of its rows.)
    // Beside a short run centred on its label, the next column's label (`姓名：` | `夏` / `嘉` | `身份证号码：`) is no
    // rest of the run's characters: a label ends in its colon, a spread label's first character never does.
    const nextColumnLabel = (o: OcrLine) => !!label && /[:：∶]\s*$/.test(o.text) && o.box.x > run[0].box.x;
    const alone = run.filter(
      (c) =>
        !lines.some((o) => !run.includes(o) && o !== label && !nextColumnLabel(o) && o.box.height < h * 2 && overlapsRow(o, c) && horizontalGap(o, c) < h * 3),
    ).length;
    if (alone * 2 < run.length && !shortLabel) continue;
    for (const l of run) used.add(l);
    const top = run[0].box.y;
    const end = run[run.length - 1].box.y + run[run.length - 1].box.height;
    const centre = (top + end) / 2;
    // A label ending in its colon right before the run's first character, and none beside its middle: the value starts
    // on its label's row and runs down (`评价机构名称：` | `杭` / `州` / … / `司`, twelve lines), so it lies flat there.
    const row = (c: OcrLine) => ({ ...c, box: { ...c.box, y: Math.round(centre - h / 2), height: h } });
    const labelBefore = (c: OcrLine) =>
      lines.some(
        (o) =>
          !run.includes(o) && /[:：∶]\s*$/.test(o.text) && overlapsRow(o, c) && o.box.x + o.box.width <= c.box.x && c.box.x - (o.box.x + o.box.width) < h * 3,
      );
    const atHead = run.length > 2 && labelBefore(run[0]) && !labelBefore(row(run[0]));
    const x = Math.min(...run.map((l) => l.box.x));
    const y = atHead ? top : Math.round(centre - h / 2);
    // A label set down a ruled cell (`参` / `保` / … / `名` beside `迪丽努尔·买买提`, the value a cell's padding right of
    // the column), laid flat, ends before the next text on its row: it would otherwise reach over its own value. A
    // value keeps its characters' width (the reader places its start by their count).
    const flat = { ...run[0], box: { ...run[0].box, y, height: h } };
    const after = isLabel ? lines.filter((o) => !run.includes(o) && o.box.x > x + h * 0.5 && overlapsRow(o, flat)).map((o) => o.box.x) : [];
    const width = Math.max(h, Math.min(h * run.length, Math.min(...after) - x - h * 0.25));
    joined.set(run[0], {
      text,
      confidence: Math.min(...run.map((l) => l.confidence)),
      box: { x, y, width, height: h },
    });
  }
  if (joined.size === 0) return lines;
  return lines.flatMap((l) => (joined.has(l) ? [joined.get(l)!] : used.has(l) ? [] : [l]));
}

/** A column is at least this many of its own widths long (as the engine reads characters stacked down a cell). */
const MIN_COLUMN_LENGTH = 2.5;

/**
 * A line the engine read down a column (characters stacked one under another in a narrow cell, read as one row by
 * `shared/ocr/stacked-columns.ts`: its box runs down the page, its character boxes top to bottom) laid flat as a row
 * level with its first character: a value stacked in a cell starts on its label's row, and its centre lies many rows
 * under it (15 characters down for an issuer), so a label would never pair with it, and a box that tall and narrow
 * reads as a diagonal watermark. The row is as long as the column and one column thick; its characters keep their
 * order, each boxed along the row; `pageBox` keeps where the column stands on the page. Other lines are returned as
 * they are.
 *
 * @example
 * laidFlatAtItsHead(issuerColumn).box; // { x: 504, y: 552, width: 385, height: 38 }: the row of `杭`, the column's first character
 */
export function laidFlatAtItsHead(line: OcrLine): OcrLine {
  const words = line.words ?? [];
  const { box } = line;
  if (words.length < 2 || box.height < MIN_COLUMN_LENGTH * box.width) return line;
  const centreX = (w: OcrWord) => w.box.x + w.box.width / 2;
  const centreY = (w: OcrWord) => w.box.y + w.box.height / 2;
  // Each character under the one before it, on one column: a slanted watermark's characters step across as well.
  const down = words
    .slice(1)
    .every((w, i) => centreY(w) - centreY(words[i]) >= words[i].box.height * 0.5 && Math.abs(centreX(w) - centreX(words[0])) <= words[0].box.height * 0.6);
  if (!down) return line;
  const rowCentre = centreY(words[0]);
  const thickness = box.width;
  return {
    ...line,
    box: { x: box.x, y: Math.round(rowCentre - thickness / 2), width: box.height, height: thickness },
    pageBox: line.pageBox ?? box,
    words: words.map((w) => ({
      ...w,
      box: { x: box.x + (w.box.y - box.y), y: Math.round(rowCentre - w.box.width / 2), width: w.box.height, height: w.box.width },
    })),
  };
}

/** A label waiting for its value: a line ending in a colon. */
const ENDS_IN_COLON = /[:：∶]\s*$/;

/**
 * A column laid flat (`laidFlatAtItsHead`) on the row of the label it is centred beside, when a label waits on that
 * row and none on its head's (`专项能力名称：` level with the middle of `家庭照护` set one character a line in a
 * tall cell, the value centred in its cell as a grid sets it). Other lines as `laidFlatAtItsHead` leaves them.
 *
 * @example
 * laidFlatBesideItsLabel(column, page).box.y; // the row of `专项能力名称：` when the column is centred on it
 */
export function laidFlatBesideItsLabel(line: OcrLine, page: readonly OcrLine[]): OcrLine {
  const flat = laidFlatAtItsHead(line);
  if (flat === line) return line;
  const column = line.box;
  const labelOnRow = (y: number) =>
    page.some(
      (o) =>
        o !== line &&
        ENDS_IN_COLON.test(o.text) &&
        o.box.x + o.box.width <= column.x + column.width * 0.5 &&
        column.x - (o.box.x + o.box.width) < column.width * 4 &&
        Math.abs(o.box.y + o.box.height / 2 - y) < o.box.height * 0.6,
    );
  const headRow = flat.box.y + flat.box.height / 2;
  const middle = column.y + column.height / 2;
  if (labelOnRow(headRow) || !labelOnRow(middle)) return flat;
  const shift = Math.round(middle - headRow);
  return {
    ...flat,
    box: { ...flat.box, y: flat.box.y + shift },
    words: flat.words?.map((w) => ({ ...w, box: { ...w.box, y: w.box.y + shift } })),
  };
}

/**
 * Whether a short run (two or three characters) that spells a whole label stands down its own narrow cell (`名` /
 * `称`, `经` / `营` / `者`, the value beside it in the next cell): what stands beside it (within three characters on
 * its characters' rows) is one value level with the run, each line of it beside two characters of the run or more.
 * The first characters of spread labels stacked one under another (`用　工　单　位：` over `信　用　代　码：`) each
 * have their own label's rest beside them.
 */
function besideOnlyItsValue(lines: readonly OcrLine[], run: readonly OcrLine[]): boolean {
  const h = run[0].box.height;
  const beside = lines.filter((o) => !run.includes(o) && run.some((c) => overlapsRow(o, c) && horizontalGap(o, c) < h * 3));
  return beside.every((o) => run.filter((c) => overlapsRow(o, c)).length >= 2) || oneWrappedValue(lines, beside, run);
}

/**
 * Whether what stands right of a short run is one value wrapped down the run's cell (`住` / `所` beside
 * `浙江省…86弄3号` | `1004室`, the wrap centred under the line it continues): a line beside the run and the one or two
 * lines wrapped under it (each under the one before with less than half a line between them, inside its span), every
 * character of the run level with one of them and nothing else beside the run but the left column's text, a
 * character's width or more away.
 */
function oneWrappedValue(lines: readonly OcrLine[], beside: readonly OcrLine[], run: readonly OcrLine[]): boolean {
  const h = run[0].box.height;
  const x = run[0].box.x;
  if (beside.some((o) => o.box.x <= x && x - (o.box.x + o.box.width) < h)) return false;
  const right = beside.filter((o) => o.box.x > x).sort((a, b) => a.box.y - b.box.y);
  if (right.length === 0) return false;
  const chain = [right[0]];
  while (chain.length < 3) {
    const above = chain[chain.length - 1];
    const bottom = above.box.y + above.box.height;
    const next = lines.find(
      (l) =>
        !chain.includes(l) &&
        l.box.y - bottom >= -l.box.height * 0.2 &&
        l.box.y - bottom < l.box.height * 0.5 &&
        l.box.x >= above.box.x - l.box.height * 0.5 &&
        l.box.x + l.box.width <= above.box.x + above.box.width + l.box.height * 0.5,
    );
    if (!next) break;
    chain.push(next);
  }
  return chain.length >= 2 && right.every((o) => chain.includes(o)) && run.every((c) => chain.some((o) => overlapsRow(o, c)));
}

/**
 * The label a short run (two or three characters: `三` | `级`) is centred beside: a line ending in a colon to its
 * left on the run's middle row, with nothing between them (a short value set one character a line in a narrow cell).
 */
function waitingLabelBeside(lines: readonly OcrLine[], run: readonly OcrLine[]): OcrLine | undefined {
  const h = run[0].box.height;
  const top = run[0].box.y;
  const centre = (top + run[run.length - 1].box.y + run[run.length - 1].box.height) / 2;
  const x = run[0].box.x;
  // A grid sets its values in one column whatever its labels' lengths (`（四）乙方∶` six characters short of the column):
  // the nearest label on the row within eight characters.
  const label = lines
    .filter(
      (o) =>
        !run.includes(o) &&
        /[:：∶]\s*$/.test(o.text) &&
        o.box.x + o.box.width <= x + h * 0.2 &&
        x - (o.box.x + o.box.width) < h * 8 &&
        Math.abs(o.box.y + o.box.height / 2 - centre) < h * 0.6,
    )
    .sort((a, b) => b.box.x + b.box.width - (a.box.x + a.box.width))[0];
  if (!label) return undefined;
  const between = (o: OcrLine) => o !== label && !run.includes(o) && o.box.x >= label.box.x + label.box.width - h * 0.2 && o.box.x + o.box.width <= x + h * 0.2;
  return lines.some((o) => between(o) && Math.abs(o.box.y + o.box.height / 2 - centre) < h) ? undefined : label;
}

/**
 * Columns laid flat (`laidFlatAtItsHead`) with their first character joined back on where the engine boxed it apart
 * over the column (`杭` over `州华创汽车维修有限公司` read down its cell): one character alone in its box, on the
 * column's axis, its foot within half a character of the column's top and tighter on it than on any line over it on
 * that axis (a column's foot: `三` | `级` over another cell). The row then starts at that character. Lines
 * that are no such head are returned as they are.
 *
 * @example
 * withColumnHeadsJoined([hang, laidFlat('州华创…公司')]); // [{ text: '杭州华创…公司', … }]
 */
function withColumnHeadsJoined(lines: readonly OcrLine[]): OcrLine[] {
  const heads = new Map<OcrLine, OcrLine>();
  for (const column of lines) {
    const page = column.pageBox;
    // Only a column laid flat: a curled page's straightened rows keep where they lie too, across the page.
    if (!page || page.height < MIN_COLUMN_LENGTH * page.width || !column.words?.length) continue;
    const axis = page.x + page.width / 2;
    const head = lines.find(
      (o) =>
        o !== column &&
        !heads.has(o) &&
        ONE_CHARACTER.test(o.text.trim()) &&
        Math.abs(o.box.x + o.box.width / 2 - axis) <= page.width * 0.5 &&
        o.box.y < page.y &&
        page.y - (o.box.y + o.box.height) <= o.box.height * 0.5 &&
        // The foot of another column over it (`三` | `级` over the issuer's cell) sits tighter on that column than on this.
        !lines.some(
          (a) =>
            a !== o &&
            a !== column &&
            a.box.y < o.box.y &&
            o.box.y - (a.box.y + a.box.height) <= page.y - (o.box.y + o.box.height) &&
            Math.abs(a.box.x + a.box.width / 2 - (o.box.x + o.box.width / 2)) <= o.box.height * 0.6,
        ),
    );
    if (head) heads.set(head, column);
  }
  if (heads.size === 0) return [...lines];
  const joined = new Map<OcrLine, OcrLine>();
  for (const [head, column] of heads) {
    const size = head.box.height;
    const rowCentre = head.box.y + size / 2;
    const thickness = column.box.height;
    joined.set(column, {
      ...column,
      text: `${head.text.trim()}${column.text}`,
      confidence: Math.min(head.confidence, column.confidence),
      box: { x: column.box.x, y: Math.round(rowCentre - thickness / 2), width: column.box.width + size, height: thickness },
      pageBox: { ...column.pageBox!, y: head.box.y, height: column.pageBox!.y + column.pageBox!.height - head.box.y },
      words: [
        {
          text: head.text.trim(),
          confidence: head.confidence,
          box: { x: column.box.x, y: Math.round(rowCentre - head.box.width / 2), width: size, height: head.box.width },
        },
        ...column.words!.map((w) => ({ ...w, box: { ...w.box, x: w.box.x + size, y: w.box.y + Math.round(rowCentre - (column.box.y + thickness / 2)) } })),
      ],
    });
  }
  return lines.flatMap((l) => (heads.has(l) ? [] : [joined.get(l) ?? l]));
}
