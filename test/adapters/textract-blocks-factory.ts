import type { Block, Point } from '@aws-sdk/client-textract';

export interface LineSpec {
  text: string;
  /** Where the line sits on the upright page, as ratios (Textract's unit). */
  left: number;
  top: number;
  width: number;
  height: number;
  confidence?: number;
}

export interface PageSpec {
  page?: number;
  lines: LineSpec[];
  /** The stored page is the upright page turned this many degrees clockwise (as a crooked scan arrives). */
  storedTurn?: 0 | 90 | 180 | 270;
}

let counter = 0;
const nextId = () => `b-${(++counter).toString(16).padStart(8, '0')}-4a1e-9c2b-${counter.toString().padStart(12, '0')}`;

function turnPoint(x: number, y: number, turn: number): Point {
  switch (turn) {
    case 90:
      return { X: 1 - y, Y: x };
    case 180:
      return { X: 1 - x, Y: 1 - y };
    case 270:
      return { X: y, Y: 1 - x };
    default:
      return { X: x, Y: y };
  }
}

function geometry(left: number, top: number, width: number, height: number, turn: number) {
  // Polygon from the first character's top-left, clockwise, in the stored page: that is how Textract reports it.
  const polygon = [
    turnPoint(left, top, turn),
    turnPoint(left + width, top, turn),
    turnPoint(left + width, top + height, turn),
    turnPoint(left, top + height, turn),
  ];
  const xs = polygon.map((p) => p.X!);
  const ys = polygon.map((p) => p.Y!);
  return {
    BoundingBox: {
      Left: Math.min(...xs),
      Top: Math.min(...ys),
      Width: Math.max(...xs) - Math.min(...xs),
      Height: Math.max(...ys) - Math.min(...ys),
    },
    Polygon: polygon,
  };
}

/**
 * Blocks shaped as DetectDocumentText / GetDocumentTextDetection return them: one PAGE whose CHILD relationship
 * lists its LINEs, each LINE listing its WORDs (split on spaces), geometry as ratios, confidence 0–100.
 */
export function textractPageBlocks(spec: PageSpec): Block[] {
  const turn = spec.storedTurn ?? 0;
  const page = spec.page ?? 1;
  const blocks: Block[] = [];
  const lineIds: string[] = [];
  for (const line of spec.lines) {
    const lineId = nextId();
    lineIds.push(lineId);
    const words = line.text.split(' ');
    const totalChars = words.reduce((n, w) => n + w.length, 0) || 1;
    let offset = 0;
    const wordIds = words.map((word) => {
      const id = nextId();
      const width = (line.width * word.length) / totalChars;
      blocks.push({
        BlockType: 'WORD',
        Id: id,
        Page: page,
        Text: word,
        TextType: 'PRINTED',
        Confidence: (line.confidence ?? 99) - 0.5,
        Geometry: geometry(line.left + offset, line.top, width, line.height, turn),
      });
      offset += width;
      return id;
    });
    blocks.push({
      BlockType: 'LINE',
      Id: lineId,
      Page: page,
      Text: line.text,
      Confidence: line.confidence ?? 99,
      Geometry: geometry(line.left, line.top, line.width, line.height, turn),
      Relationships: [{ Type: 'CHILD', Ids: wordIds }],
    });
  }
  blocks.unshift({
    BlockType: 'PAGE',
    Id: nextId(),
    Page: page,
    Geometry: geometry(0, 0, 1, 1, 0),
    Relationships: [{ Type: 'CHILD', Ids: lineIds }],
  });
  return blocks;
}

export const certificateLines: LineSpec[] = [
  { text: '职业技能等级证书', left: 0.3, top: 0.1, width: 0.4, height: 0.06, confidence: 97.5 },
  { text: '姓名： 王晓明', left: 0.1, top: 0.3, width: 0.25, height: 0.05, confidence: 88.25 },
  { text: '证件号码： 330106199001011234', left: 0.1, top: 0.45, width: 0.5, height: 0.05, confidence: 99.1 },
];
