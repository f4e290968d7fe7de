import { existsSync } from 'node:fs';
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { FUNCTION_ENTRIES, FUNCTION_NAMES, missingFunctionEntries, OCR_RUNTIME_MODULES, PROJECT_ROOT } from '../../infra/function-entries.js';
import { readInfraSettings } from '../../infra/settings.js';
import { cdkJsonContext } from './support/intake-app.js';

describe('FUNCTION_ENTRIES', () => {
  it('points every function at a handler module that exists', () => {
    expect(missingFunctionEntries()).toEqual([]);
  });

  it('keeps handlers at functions/<kebab-name>/handler.ts', () => {
    for (const name of FUNCTION_NAMES) {
      expect(FUNCTION_ENTRIES[name].entry).toMatch(/^functions\/[a-z][a-z-]*\/handler\.ts$/);
    }
  });

  it('runs the functions that load sharp or onnxruntime on x86_64, whose prebuilds the lock file installs', () => {
    for (const name of FUNCTION_NAMES) {
      const spec = FUNCTION_ENTRIES[name];
      const native = spec.nodeModules.some((module) => ['sharp', 'onnxruntime-node'].includes(module));
      expect(spec.architecture, name).toBe(native ? 'x86_64' : 'arm64');
    }
    expect(existsSync(path.join(PROJECT_ROOT, 'node_modules/@img/sharp-linux-x64'))).toBe(true);
    expect(existsSync(path.join(PROJECT_ROOT, 'node_modules/onnxruntime-node/bin/napi-v6/linux/x64'))).toBe(true);
  });

  it('ships the whole OCR runtime with the process function', () => {
    expect(FUNCTION_ENTRIES.process.nodeModules).toEqual(expect.arrayContaining([...OCR_RUNTIME_MODULES]));
  });
});

describe('readInfraSettings', () => {
  it('reads the defaults from cdk.json', () => {
    const app = new App({ context: cdkJsonContext() });
    expect(readInfraSettings(app.node)).toMatchObject({
      ocrEngine: 'paddle',
      receivingDomain: undefined,
      alarmEmail: undefined,
      processMaxReceiveCount: 10,
    });
  });

  it('accepts context given as strings on the command line', () => {
    const app = new App({ context: { ocrEngine: 'textract', processMaxReceiveCount: '5', receivingDomain: 'a.example.cn' } });
    expect(readInfraSettings(app.node)).toMatchObject({
      ocrEngine: 'textract',
      processMaxReceiveCount: 5,
      receivingDomain: 'a.example.cn',
    });
  });

  it('fails the synth on an unknown OCR engine or a malformed domain', () => {
    expect(() => readInfraSettings(new App({ context: { ocrEngine: 'tesseract' } }).node)).toThrow(/ocrEngine/);
    expect(() => readInfraSettings(new App({ context: { receivingDomain: 'not a domain' } }).node)).toThrow(/receivingDomain/);
  });
});
