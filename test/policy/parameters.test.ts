import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadParameterFiles, ParameterDirectories, policyParametersDir, SHIPPED_PARAMETERS_DIR } from '../../shared/adapters/parameter-files.js';
import { addYears, dayNumber, lastsAtLeastYears, nextDay, previousDay } from '../../shared/policy/dates.js';
import { ParameterFileError, ParameterNotInForceError, UnknownParameterError, parameterSetFrom, parameterTimeline } from '../../shared/policy/index.js';
import { scratchDirectory } from '../support/scratch-directory.js';

function dirWith(files: Record<string, string>): string {
  const dir = scratchDirectory('policy-params-test-');
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

describe('loadParameterFiles', () => {
  const parameters = loadParameterFiles();

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
    expect(loadParameterFiles()).toBe(parameters);
    expect(loadParameterFiles([SHIPPED_PARAMETERS_DIR])).toBe(parameters);
  });

  it('rejects a value without status and reference', () => {
    const dir = dirWith({ 'demo.yaml': amount('100') });
    expect(() => loadParameterFiles([dir])).toThrow(ParameterFileError);
    expect(() => loadParameterFiles([dir])).toThrow('a value needs its status and legal reference');
  });

  it('rejects an unconfirmed value that does not name its source', () => {
    const dir = dirWith({ 'demo.yaml': amount('100', 'status: unconfirmed\n      reference: { document: X, clause: Y }') });
    expect(() => loadParameterFiles([dir])).toThrow('an unconfirmed value names the source that reported it');
  });

  it('rejects two values for the same parameter on the same date', () => {
    const valid = amount('100', 'status: confirmed\n      reference: { document: X, clause: Y }');
    const dir = dirWith({ 'a.yaml': valid, 'b.yaml': valid });
    expect(() => loadParameterFiles([dir])).toThrow('demo.amount already has a value on 2021-01-01');
  });

  describe('the parameters directory', () => {
    it('comes from INTAKE_POLICY_PARAMETERS_DIR when set (Lambda bundles)', () => {
      const dir = dirWith({ 'demo.yaml': amount('100', 'status: confirmed\n      reference: { document: X, clause: Y }') });
      expect(policyParametersDir({ INTAKE_POLICY_PARAMETERS_DIR: dir })).toBe(dir);
      expect(loadParameterFiles([policyParametersDir({ INTAKE_POLICY_PARAMETERS_DIR: dir })]).get('demo.amount', '2021-03-01').value).toBe(100);
    });

    it('defaults to the directory beside the rules', () => {
      expect(policyParametersDir({})).toBe(path.resolve('shared/policy/parameters'));
    });

    it('reads the YAML files of each directory in name order, later directories after earlier ones', () => {
      const first = dirWith({ 'b.yaml': 'x: 1\n', 'a.yml': 'x: 2\n', 'notes.txt': 'not a parameter file' });
      const second = dirWith({ 'a.yaml': 'x: 3\n' });
      const files = new ParameterDirectories([first, second]).files();
      expect(files.map((file) => [path.basename(file.name), file.text])).toEqual([
        ['a.yml', 'x: 2\n'],
        ['b.yaml', 'x: 1\n'],
        ['a.yaml', 'x: 3\n'],
      ]);
    });
  });
});

describe('parameterSetFrom (the domain: text in, no file system)', () => {
  const confirmed = 'status: confirmed\n      reference: { document: X, clause: Y }';

  it('merges files in the order given: a later file continues a parameter the earlier one ended', () => {
    const amendment = `
demo.amount:
  description: A demo amount
  values:
    "2021-07-01":
      value: 300
      ${confirmed}
`;
    const parameters = parameterSetFrom([
      { name: 'base.yaml', text: amount('100', confirmed) },
      { name: 'amendment.yaml', text: amendment },
    ]);
    expect(parameters.get('demo.amount', '2021-06-30').value).toBe(100);
    expect(parameters.get('demo.amount', '2021-07-01').value).toBe(300);
  });

  it('names the file in the error when its text is not YAML', () => {
    expect(() => parameterSetFrom([{ name: 'broken.yaml', text: 'a: [1, 2' }])).toThrow('broken.yaml: not readable YAML');
  });
});

describe('every parameter change, the day before and the day after', () => {
  const parameters = loadParameterFiles();
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
