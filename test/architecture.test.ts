import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return full.endsWith('.ts') ? [full] : [];
  });
}

describe('the domain in shared/', () => {
  it('imports no AWS SDK outside shared/adapters (ports and adapters)', () => {
    const offenders = sourceFiles('shared')
      .filter((file) => !file.startsWith(path.join('shared', 'adapters')))
      .filter((file) => /from\s+['"]@aws-sdk\//.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('uses kebab-case file names', () => {
    const badNames = ['shared', 'functions', 'infra', 'local', 'cli']
      .flatMap((dir) => sourceFiles(dir))
      .filter((file) => !/^[a-z0-9.-]+\.ts$/.test(path.basename(file)));
    expect(badNames).toEqual([]);
  });
});
