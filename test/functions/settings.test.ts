import { describe, expect, it } from 'vitest';
import { loadSettings, SettingsError } from '../../functions/settings.js';
import { DEFAULT_INTAKE_LIMITS } from '../../shared/intake/index.js';

describe('loadSettings', () => {
  it('reads table and bucket and applies the documented defaults', () => {
    const settings = loadSettings({ INTAKE_TABLE_NAME: 'intake', INTAKE_BUCKET: 'intake-bucket' });
    expect(settings).toMatchObject({
      tableName: 'intake',
      bucket: 'intake-bucket',
      ocrEngine: 'paddle',
      limits: DEFAULT_INTAKE_LIMITS,
      derivedPrefix: 'derived/',
    });
    expect(settings.processQueueUrl).toBeUndefined();
  });

  it('reads the queue, engine, limits and Textract channel from their variables', () => {
    const settings = loadSettings({
      INTAKE_TABLE_NAME: 't',
      INTAKE_BUCKET: 'b',
      PROCESS_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/123456789012/process',
      OCR_ENGINE: 'textract',
      INTAKE_MAX_PDF_PAGES: '20',
      TEXTRACT_SNS_TOPIC_ARN: 'arn:aws:sns:us-east-1:123456789012:textract',
      TEXTRACT_ROLE_ARN: 'arn:aws:iam::123456789012:role/textract',
    });
    expect(settings.ocrEngine).toBe('textract');
    expect(settings.limits.maxPdfPages).toBe(20);
    expect(settings.textract?.roleArn).toBe('arn:aws:iam::123456789012:role/textract');
  });

  it('refuses a missing table name or an unknown engine with a message naming the setting', () => {
    expect(() => loadSettings({ INTAKE_BUCKET: 'b' })).toThrowError(SettingsError);
    expect(() => loadSettings({ INTAKE_TABLE_NAME: 't', INTAKE_BUCKET: 'b', OCR_ENGINE: 'tesseract' })).toThrowError(/ocrEngine/);
  });
});
