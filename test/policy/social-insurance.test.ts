import { describe, expect, it } from 'vitest';
import { countInsuredMonths } from '../../shared/policy/index.js';

describe('countInsuredMonths', () => {
  it.each([
    { sentence: 'counts a single span inclusively', spans: [{ from: '2020-01', to: '2020-12' }], months: 12, gaps: [] },
    {
      sentence: 'counts overlapping spans once',
      spans: [
        { from: '2020-01', to: '2020-06' },
        { from: '2020-05', to: '2020-08' },
      ],
      months: 8,
      gaps: [],
    },
    {
      sentence: 'shows the gaps between spans',
      spans: [
        { from: '2020-01', to: '2020-03' },
        { from: '2020-06', to: '2020-07' },
      ],
      months: 5,
      gaps: [{ from: '2020-04', to: '2020-05' }],
    },
    { sentence: 'crosses year ends', spans: [{ from: '2020-11', to: '2021-02' }], months: 4, gaps: [] },
    { sentence: 'counts nothing without spans', spans: [], months: 0, gaps: [] },
  ])('$sentence', ({ spans, months, gaps }) => {
    const result = countInsuredMonths(spans);
    expect(result.months).toBe(months);
    expect(result.gaps).toEqual(gaps);
  });

  it('counts only inside the window asked for', () => {
    expect(countInsuredMonths([{ from: '2019-01', to: '2022-12' }], { fromMonth: '2020-11', toMonth: '2022-10' }).months).toBe(24);
  });

  it('does not invent months from a printed total', () => {
    const result = countInsuredMonths([{ from: '2021-01', to: '2021-01' }]);
    expect(result).toEqual({ months: 1, first: '2021-01', last: '2021-01', gaps: [] });
  });
});
