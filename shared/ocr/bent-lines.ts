import { acrossAt, type CentreLine } from './text-regions.js';

/** Bent lines are read by the recogniser's own crop sampler (`sampleRegion` follows `TextRegion.centreLine`). */
export { acrossAt };

/**
 * A bent region's centre line seen from the page turned 180° (its axes turn with it, so both offsets change sign).
 *
 * @example
 * turnedCentreLine({ along: [-10, 20], across: [3, -1] }); // { along: [-20, 10], across: [1, -3] }
 */
export function turnedCentreLine(line: CentreLine): CentreLine {
  return { along: line.along.map((u) => -u).reverse(), across: line.across.map((v) => -v).reverse() };
}
