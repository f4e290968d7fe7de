import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addYears, dayNumber, lastsAtLeastYears, nextDay, previousDay } from '../../shared/policy/dates.js';
import {
  ParameterFileError,
  ParameterNotInForceError,
  UnknownParameterError,
  defaultParametersDir,
  loadParameters,
  parameterTimeline,
} from '../../shared/policy/index.js';

function dirWith(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'policy-params-test-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

const amount = (value: string, extra = '') => `
demo.amount:
  description: A demo amount
  unit: yuan
  values:
    "2021-01-01":
      value: ${value}
      ${extra}
    "2021-07-01":
      value: null
`;

describe('loadParameters', () => {
  const parameters = loadParameters();

  it('reads a confirmed value with its legal reference', () => {
    const reading = parameters.get('high_skilled_talent.individual_by_level', '2021-06-18');
    expect(reading).toMatchObject({
      value: { '1': 10000, '2': 5000 },
      status: 'confirmed',
      reference: { document: '西人社〔2020〕36号' },
      from: '2020-10-22',
      until: '2021-12-31',
    });
  });

  it('marks delegated figures unconfirmed, with the source that reported them', () => {
    const reading = parameters.get('certificate_training.per_level', '2021-06-18');
    expect(reading.status).toBe('unconfirmed');
    expect(reading.reference.document).toBe('杭人社发〔2016〕27号');
    expect(reading.reference.source).toContain('POLICY.md');
  });

  it('throws ParameterNotInForceError after a `null` ends a parameter (never a silent zero)', () => {
    expect(() => parameters.get('master_studio.one_off', '2022-01-01')).toThrow(ParameterNotInForceError);
    expect(() => parameters.get('master_studio.one_off', '2022-01-01')).toThrow('parameter master_studio.one_off has no value in force on 2022-01-01');
  });

  it('throws ParameterNotInForceError before the first value', () => {
    expect(() => parameters.get('master_studio.one_off', '2020-10-21')).toThrow(ParameterNotInForceError);
  });

  it('throws UnknownParameterError for a name no file defines', () => {
    expect(() => parameters.get('master_studio.typo', '2021-01-01')).toThrow(UnknownParameterError);
  });

  it('gives a parameter with an unknown figure as in force with status `unknown`', () => {
    expect(parameters.get('entrepreneurship_training.per_person', '2021-01-01')).toMatchObject({ value: null, status: 'unknown' });
  });

  it('caches per directory list', () => {
    expect(loadParameters()).toBe(parameters);
  });

  it('rejects a value without status and reference', () => {
    const dir = dirWith({ 'demo.yaml': amount('100') });
    expect(() => loadParameters([dir])).toThrow(ParameterFileError);
    expect(() => loadParameters([dir])).toThrow('a value needs its status and legal reference');
  });

  it('rejects an unconfirmed value that does not name its source', () => {
    const dir = dirWith({ 'demo.yaml': amount('100', 'status: unconfirmed\n      reference: { document: X, clause: Y }') });
    expect(() => loadParameters([dir])).toThrow('an unconfirmed value names the source that reported it');
  });

  it('rejects two values for the same parameter on the same date', () => {
    const valid = amount('100', 'status: confirmed\n      reference: { document: X, clause: Y }');
    const dir = dirWith({ 'a.yaml': valid, 'b.yaml': valid });
    expect(() => loadParameters([dir])).toThrow('demo.amount already has a value on 2021-01-01');
  });

  describe('the parameters directory', () => {
    const saved = process.env.INTAKE_POLICY_PARAMETERS_DIR;
    afterEach(() => {
      if (saved === undefined) delete process.env.INTAKE_POLICY_PARAMETERS_DIR;
      else process.env.INTAKE_POLICY_PARAMETERS_DIR = saved;
    });

    it('comes from INTAKE_POLICY_PARAMETERS_DIR when set (Lambda bundles)', () => {
      const dir = dirWith({ 'demo.yaml': amount('100', 'status: confirmed\n      reference: { document: X, clause: Y }') });
      process.env.INTAKE_POLICY_PARAMETERS_DIR = dir;
      expect(defaultParametersDir()).toBe(dir);
      expect(loadParameters().get('demo.amount', '2021-03-01').value).toBe(100);
    });

    it('defaults to the directory beside the module', () => {
      delete process.env.INTAKE_POLICY_PARAMETERS_DIR;
      expect(defaultParametersDir()).toBe(path.resolve('shared/policy/parameters'));
    });
  });
});

describe('every parameter change, the day before and the day after', () => {
  const parameters = loadParameters();
  const changes = parameters.names().flatMap((name) => parameters.changeDates(name).map((date) => ({ name, date })));

  it('covers every parameter of the shipped files', () => {
    expect(changes.length).toBeGreaterThan(40);
  });

  it.each(changes)('$name changes on $date', ({ name, date }) => {
    const before = parameters.find(name, previousDay(date));
    const on = parameters.find(name, date);
    const after = parameters.find(name, nextDay(date));
    expect(on).toEqual(after); // the new value holds from its first day
    expect(before === undefined && on === undefined).toBe(false);
    if (before && on) expect(before.from).not.toBe(on.from);
    if (!on) expect(() => parameters.get(name, date)).toThrow(ParameterNotInForceError);
    if (!before) expect(() => parameters.get(name, previousDay(date))).toThrow(ParameterNotInForceError);
  });

  it('gives the policy window as a timeline', () => {
    expect(parameterTimeline(parameters, 'policy.document')).toEqual([
      { from: '2020-10-22', until: '2021-12-31', value: '西人社〔2020〕36号', ended: false },
      { from: '2022-01-01', until: undefined, value: null, ended: true },
    ]);
  });
});

describe('calendar arithmetic', () => {
  it.each(['1970-01-01', '2000-02-29', '2020-10-22', '2021-12-31', '2022-01-01', '2100-03-01', '1999-12-31'])('numbers %s as Date.UTC does', (date) => {
    const [y, m, d] = date.split('-').map(Number);
    expect(dayNumber(date)).toBe(Date.UTC(y, m - 1, d) / 86_400_000);
  });

  it('adds years as anniversaries do (29 February → 28 February)', () => {
    expect(addYears('2020-02-29', 1)).toBe('2021-02-28');
    expect(lastsAtLeastYears('2019-07-01', '2021-06-30', 2)).toBe(true);
    expect(lastsAtLeastYears('2019-07-01', '2021-06-29', 2)).toBe(false);
  });
});
