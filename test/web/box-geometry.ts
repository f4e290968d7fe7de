import type { Page } from 'playwright-core';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Where the page draws the focused field's box, and where the value's box (`source.box`, in the served image's pixels)
 * lands on the image as shown — zoomed, panned and turned clockwise by the workspace. Both in CSS pixels of the viewport.
 *
 * @example
 * const { drawn, expected } = await boxPlacement(page, field.source.box);
 */
export async function boxPlacement(
  page: Page,
  box: Box,
): Promise<{ expected: { x: number; y: number }; drawn: { x: number; y: number; width: number; height: number }; clip: Box }> {
  return page.evaluate((b) => {
    const img = document.querySelector<HTMLImageElement>('#page-img')!;
    const drawn = document.querySelector<HTMLElement>('#page-box')!.getBoundingClientRect();
    const shown = img.getBoundingClientRect();
    const rotation = Number(document.querySelector<HTMLElement>('#page-turn')!.dataset.rotation ?? 0);
    // The value's centre as a share of the image, then turned as the image is turned (clockwise).
    const u = (b.x + b.width / 2) / img.naturalWidth;
    const v = (b.y + b.height / 2) / img.naturalHeight;
    const [nx, ny] = rotation === 90 ? [1 - v, u] : rotation === 180 ? [1 - u, 1 - v] : rotation === 270 ? [v, 1 - u] : [u, v];
    return {
      expected: { x: shown.left + nx * shown.width, y: shown.top + ny * shown.height },
      drawn: { x: drawn.left + drawn.width / 2, y: drawn.top + drawn.height / 2, width: drawn.width, height: drawn.height },
      clip: { x: drawn.left, y: drawn.top, width: drawn.width, height: drawn.height },
    };
  }, box);
}

/**
 * Waits until the box is shown and nothing in the stage is still moving: the turn, the box, and the stage's own zoom
 * and pan (panzoom's reset animates the stage's transform with a CSS transition while its scale already reads 1).
 */
export async function boxAtRest(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const frame = document.querySelector<HTMLElement>('#page-box');
    const stage = document.querySelector<HTMLElement>('#page-stage');
    return !!frame && !frame.hidden && !!stage && stage.getAnimations({ subtree: true }).length === 0;
  });
}
