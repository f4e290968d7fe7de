import type { Block } from '@aws-sdk/client-textract';
import { describe, expect, it } from 'vitest';
import { textractBlocksToPages } from '../../shared/adapters/textract-blocks.js';
import { certificateLines, textractPageBlocks } from './textract-blocks-factory.js';

const page1000x800 = () => ({ width: 1000, height: 800 });

describe('textractBlocksToPages', () => {
  it('re-expresses an upside-down page in upright pixels with rotation 180', () => {
    const blocks = textractPageBlocks({ lines: certificateLines, storedTurn: 180 });

    const [page] = textractBlocksToPages(blocks, page1000x800);

    expect(page).toMatchObject({ rotation: 180, width: 1000, height: 800 });
    expect(page.lines[2].box).toEqual({ x: 100, y: 360, width: 500, height: 40 });
  });

  it('reads a page stored turned 270° as needing a 90° turn, swapping width and height', () => {
    const blocks = textractPageBlocks({ lines: certificateLines, storedTurn: 270 });

    const [page] = textractBlocksToPages(blocks, () => ({ width: 800, height: 1000 }));

    expect(page).toMatchObject({ rotation: 90, width: 1000, height: 800 });
    expect(page.lines[0].box).toEqual({ x: 300, y: 80, width: 400, height: 48 });
  });

  it('falls back to the bounding box when a block has no polygon', () => {
    const blocks: Block[] = textractPageBlocks({ lines: certificateLines.slice(0, 1) }).map((block) =>
      block.Geometry ? { ...block, Geometry: { BoundingBox: block.Geometry.BoundingBox } } : block,
    );

    const [page] = textractBlocksToPages(blocks, page1000x800);

    expect(page.rotation).toBe(0);
    expect(page.lines[0].box).toEqual({ x: 300, y: 80, width: 400, height: 48 });
  });

  it('groups blocks by their Page number for multi-page results', () => {
    const blocks = [...textractPageBlocks({ page: 2, lines: certificateLines }), ...textractPageBlocks({ page: 1, lines: certificateLines.slice(0, 1) })];

    const pages = textractBlocksToPages(blocks, page1000x800);

    expect(pages.map((page) => [page.pageNumber, page.lines.length])).toEqual([
      [1, 1],
      [2, 3],
    ]);
  });
});
