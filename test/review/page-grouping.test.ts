/**
 * The clerk's grouping of a file's pages checked against the file (`checkedGrouping`), with no store: a page holding two
 * documents may be in two groups, each then reading its own part; the parts are named by side in words.
 */
import { describe, expect, it } from 'vitest';
import { pagesInWords, partSide } from '../../shared/documents/page-regions.js';
import { checkedGrouping, sameGrouping } from '../../shared/review/page-grouping.js';
import { UnprocessableError } from '../../shared/review/errors.js';

const left = { page: 1, box: { x: 0, y: 0, width: 1500, height: 1400 } };
const right = { page: 1, box: { x: 1500, y: 0, width: 1500, height: 1400 } };
/** A certificate and an ID card read from the two sides of page 1, and the card's back on page 2. */
const file = [
  { type: 'vocational_certificate' as const, pages: [1], regions: [left] },
  { type: 'id_card' as const, pages: [1], regions: [right] },
  { type: 'id_card' as const, pages: [2] },
];

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof UnprocessableError ? error.code : String(error);
  }
  return 'accepted';
};

describe('checkedGrouping', () => {
  it('gives each of two groups holding a shared page the part it was read from, in the order the file read them', () => {
    const groups = checkedGrouping('case-1', file, [{ pages: [1] }, { pages: [1, 2] }]);

    expect(groups).toEqual([
      { pages: [1], regions: [left] },
      { pages: [1, 2], regions: [right] },
    ]);
  });

  it('keeps a part the clerk names and gives the other group the part left', () => {
    const groups = checkedGrouping('case-1', file, [{ pages: [1] }, { pages: [1], regions: [left] }, { pages: [2] }]);

    expect(groups.map((g) => g.regions)).toEqual([[right], [left], undefined]);
    expect(sameGrouping(groups, file)).toBe(false);
    expect(sameGrouping(checkedGrouping('case-1', file, [{ pages: [1] }, { pages: [1] }, { pages: [2] }]), file)).toBe(true);
  });

  it('reads a page listed in one group whole and refuses a part named there, a page in three groups, and parts that overlap', () => {
    expect(checkedGrouping('case-1', file, [{ pages: [1, 2] }])).toEqual([{ pages: [1, 2] }]);
    expect(refusal(() => checkedGrouping('case-1', file, [{ pages: [1, 2], regions: [left] }]))).toBe('part_not_shared');
    expect(refusal(() => checkedGrouping('case-1', file, [{ pages: [1] }, { pages: [1] }, { pages: [1, 2] }]))).toBe('pages_mismatch');
    expect(
      refusal(() =>
        checkedGrouping('case-1', file, [
          { pages: [1], regions: [left] },
          { pages: [1, 2], regions: [left] },
        ]),
      ),
    ).toBe('parts_overlap');
  });

  it('refuses a page in two groups when it was never parted and the clerk names no parts', () => {
    const whole = [{ type: 'vocational_certificate' as const, pages: [1, 2] }];

    expect(refusal(() => checkedGrouping('case-1', whole, [{ pages: [1, 2] }, { pages: [2] }]))).toBe('pages_mismatch');
  });
});

describe('the parts of a shared page in words', () => {
  it('names a part by the side it lies on beside the other part, and a document’s pages with that side', () => {
    expect(partSide(left.box, right.box)).toBe('left');
    expect(partSide({ x: 0, y: 800, width: 1600, height: 900 }, { x: 0, y: 0, width: 1600, height: 800 })).toBe('bottom');
    const moved = [file[0]!, { type: 'id_card' as const, pages: [1, 2], regions: [right] }];
    expect(pagesInWords(moved[1]!, moved)).toBe('第1页右侧、第2页');
    expect(pagesInWords(file[2]!, file)).toBe('第2页');
  });
});
