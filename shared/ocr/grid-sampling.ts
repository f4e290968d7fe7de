/** A coarse grid of values, one per cell, row-major, each standing for its cell's centre. */
export interface CellGrid {
  values: ArrayLike<number>;
  across: number;
  down: number;
  cellWidth: number;
  cellHeight: number;
}

/**
 * The grid's value at a pixel, bilinear between the centres of the four nearest cells (held at the edge cells' value
 * beyond the outer centres): the paper level under uneven light, a curled page's row slope.
 *
 * @example
 * valueAtPixel({ values: [0, 10], across: 2, down: 1, cellWidth: 100, cellHeight: 100 }, 100, 50); // 5
 */
export function valueAtPixel(grid: CellGrid, x: number, y: number): number {
  const { values, across, down } = grid;
  const gx = Math.min(across - 1, Math.max(0, x / grid.cellWidth - 0.5));
  const gy = Math.min(down - 1, Math.max(0, y / grid.cellHeight - 0.5));
  const x0 = Math.floor(gx);
  const y0 = Math.floor(gy);
  const x1 = Math.min(across - 1, x0 + 1);
  const y1 = Math.min(down - 1, y0 + 1);
  const fx = gx - x0;
  const fy = gy - y0;
  const top = values[y0 * across + x0] * (1 - fx) + values[y0 * across + x1] * fx;
  const bottom = values[y1 * across + x0] * (1 - fx) + values[y1 * across + x1] * fx;
  return top * (1 - fy) + bottom * fy;
}
