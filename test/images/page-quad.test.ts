import { describe, expect, it } from 'vitest';
import { applyHomography, findPageQuad, homography, straightenPhotographedPage, type Point } from '../../shared/images/index.js';
import { blueBox, FIELD_ON_PAGE, photographed, uprightPage } from './photo-factory.js';

/** A page tilted away from the camera: its top edge shorter than its bottom, turned a little, on a desk. */
const TILTED: Point[] = [
  { x: 210, y: 170 },
  { x: 1010, y: 205 },
  { x: 1090, y: 1440 },
  { x: 120, y: 1470 },
];

describe('findPageQuad', () => {
  it('finds the four corners of a page photographed at an angle on a desk, within 0.6 % of the photo', () => {
    const photo = photographed(uprightPage(1000, 1400), TILTED, 1200, 1600);

    const quad = findPageQuad(photo);

    expect(quad).toBeDefined();
    expect(quad!.edgesFound).toEqual({ top: true, right: true, bottom: true, left: true });
    quad!.corners.forEach((corner, i) => {
      expect(Math.abs(corner.x - TILTED[i]!.x)).toBeLessThan(10);
      expect(Math.abs(corner.y - TILTED[i]!.y)).toBeLessThan(10);
    });
    // The upright page keeps the photo's resolution along its longer edges.
    expect(quad!.width).toBeGreaterThan(960);
    expect(quad!.height).toBeGreaterThan(1230);
  });

  it('finds a page whose bottom edge runs out of the photo, the photo border standing in for it', () => {
    const corners: Point[] = [
      { x: 180, y: 150 },
      { x: 1030, y: 180 },
      { x: 1080, y: 1700 },
      { x: 130, y: 1720 },
    ];
    const photo = photographed(uprightPage(1000, 1400), corners, 1200, 1600);

    const quad = findPageQuad(photo);

    expect(quad?.edgesFound).toEqual({ top: true, right: true, bottom: false, left: true });
    expect(quad!.corners[2].y).toBeCloseTo(1600, -1);
  });

  it('leaves a scan alone: paper to the border, a ruled frame printed near the edge', () => {
    const scan = uprightPage(1240, 1754);

    expect(findPageQuad(scan)).toBeUndefined();
    expect(straightenPhotographedPage(scan).pixels).toBe(scan);
  });

  it('leaves a crop alone: desk on two sides only', () => {
    const corners: Point[] = [
      { x: -40, y: -30 },
      { x: 1100, y: -20 },
      { x: 1110, y: 1500 },
      { x: -30, y: 1510 },
    ];
    const photo = photographed(uprightPage(1000, 1400), corners, 1200, 1600);

    expect(findPageQuad(photo)).toBeUndefined();
  });

  it('leaves a photo alone when the background is not darker than the paper', () => {
    const photo = photographed(uprightPage(1000, 1400), TILTED, 1200, 1600);
    for (let i = 0; i < photo.data.length; i += 3) if (photo.data[i]! < 200 && photo.data[i + 2]! < 100) photo.data.fill(250, i, i + 3);

    expect(findPageQuad(photo)).toBeUndefined();
  });
});

describe('straightenPhotographedPage', () => {
  it('warps the page upright: a field drawn on the page comes back a rectangle at its place on the page', () => {
    const photo = photographed(uprightPage(1000, 1400), TILTED, 1200, 1600);
    const inPhoto = blueBox(photo);

    const { pixels, quad } = straightenPhotographedPage(photo);

    expect(quad).toBeDefined();
    const field = blueBox(pixels);
    // In the photo the field is a slanted quadrilateral (its bounding box is far from full); upright it fills its box.
    expect(inPhoto.fill).toBeLessThan(0.93);
    expect(field.fill).toBeGreaterThan(0.97);
    expect(field.x / pixels.width).toBeCloseTo(FIELD_ON_PAGE.left, 2);
    expect(field.y / pixels.height).toBeCloseTo(FIELD_ON_PAGE.top, 2);
    expect((field.x + field.width) / pixels.width).toBeCloseTo(FIELD_ON_PAGE.right, 2);
    expect((field.y + field.height) / pixels.height).toBeCloseTo(FIELD_ON_PAGE.bottom, 2);
  });
});

describe('homography', () => {
  it('takes each of four points to its match, and lines to lines', () => {
    const square = [
      { x: 0, y: 0 },
      { x: 100, y: 0 },
      { x: 100, y: 100 },
      { x: 0, y: 100 },
    ];

    const h = homography(square, TILTED);

    square.forEach((p, i) => {
      expect(applyHomography(h, p).x).toBeCloseTo(TILTED[i]!.x, 6);
      expect(applyHomography(h, p).y).toBeCloseTo(TILTED[i]!.y, 6);
    });
    // The middle of the top edge lies on the line between the photo's top corners.
    const mid = applyHomography(h, { x: 50, y: 0 });
    const t = (mid.x - TILTED[0]!.x) / (TILTED[1]!.x - TILTED[0]!.x);
    expect(mid.y).toBeCloseTo(TILTED[0]!.y + t * (TILTED[1]!.y - TILTED[0]!.y), 6);
  });
});
