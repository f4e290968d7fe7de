import {
  BadDocumentException,
  DetectDocumentTextCommand,
  GetDocumentTextDetectionCommand,
  ProvisionedThroughputExceededException,
  StartDocumentTextDetectionCommand,
  TextractClient,
  ThrottlingException,
} from '@aws-sdk/client-textract';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import sharp from 'sharp';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  TextractOcrEngine,
  collectTextDetection,
  parseTextractCompletion,
  startTextDetection,
  type TextractDeps,
} from '../../shared/adapters/textract-ocr-engine.js';
import { OcrJobFailedError, OcrThrottledError, ocrPageSchema } from '../../shared/ocr/index.js';
import { certificateLines, textractPageBlocks } from './textract-blocks-factory.js';

const textract = mockClient(TextractClient);
let delays: number[];
let deps: TextractDeps;

async function blankPng(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#fff' } })
    .png()
    .toBuffer();
}

beforeEach(() => {
  textract.reset();
  delays = [];
  deps = {
    client: new TextractClient({ region: 'us-east-1' }),
    sleep: async (ms) => {
      delays.push(ms);
    },
    random: () => 1,
    retry: { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1_000 },
  };
});

const throttled = () => new ProvisionedThroughputExceededException({ message: 'Provisioned rate exceeded', $metadata: {} });

describe('TextractOcrEngine (DetectDocumentText)', () => {
  it('maps PAGE/LINE/WORD blocks to an OcrPage with pixel boxes and 0–1 confidences', async () => {
    textract.on(DetectDocumentTextCommand).resolves({ Blocks: textractPageBlocks({ lines: certificateLines }) });
    const png = await blankPng(1000, 800);

    const page = await new TextractOcrEngine(deps).recognize({ bytes: png, pageNumber: 4 });

    expect(ocrPageSchema.parse(page)).toBeTruthy();
    expect(page).toMatchObject({ pageNumber: 4, width: 1000, height: 800, rotation: 0, source: 'textract' });
    expect(page.lines.map((line) => line.text)).toEqual(certificateLines.map((line) => line.text));
    expect(page.lines[1].confidence).toBeCloseTo(0.8825, 4);
    expect(page.lines[1].box).toEqual({ x: 100, y: 240, width: 250, height: 40 });
    expect(page.lines[1].words?.map((word) => word.text)).toEqual(['姓名：', '王晓明']);
    expect(textract).toHaveReceivedCommandWith(DetectDocumentTextCommand, { Document: { Bytes: png } });
  });

  it('infers a page stored turned 90° and reports boxes in the upright page', async () => {
    textract.on(DetectDocumentTextCommand).resolves({ Blocks: textractPageBlocks({ lines: certificateLines, storedTurn: 90 }) });
    // Stored turned: 800 wide, 1000 high; upright: 1000 × 800.
    const png = await blankPng(800, 1000);

    const page = await new TextractOcrEngine(deps).recognize({ bytes: png, pageNumber: 1 });

    expect(page).toMatchObject({ rotation: 270, width: 1000, height: 800 });
    expect(page.lines[1].box).toEqual({ x: 100, y: 240, width: 250, height: 40 });
  });

  it('retries throttled calls with growing backoff, then succeeds', async () => {
    textract
      .on(DetectDocumentTextCommand)
      .rejectsOnce(throttled())
      .rejectsOnce(new ThrottlingException({ message: 'Rate exceeded', $metadata: {} }))
      .resolves({ Blocks: textractPageBlocks({ lines: certificateLines }) });

    const page = await new TextractOcrEngine(deps).recognize({ bytes: await blankPng(100, 100), pageNumber: 1 });

    expect(page.lines).toHaveLength(3);
    expect(textract).toHaveReceivedCommandTimes(DetectDocumentTextCommand, 3);
    expect(delays).toEqual([100, 200]);
  });

  it('surfaces persistent throttling as `ocr_throttled` after the last attempt', async () => {
    textract.on(DetectDocumentTextCommand).rejects(throttled());

    const error = await new TextractOcrEngine(deps).recognize({ bytes: await blankPng(100, 100), pageNumber: 1 }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(OcrThrottledError);
    expect(error).toMatchObject({ code: 'ocr_throttled', attempts: 4 });
    expect(delays).toEqual([100, 200, 400]);
  });

  it('maps BadDocumentException to `ocr_image_unreadable`', async () => {
    textract.on(DetectDocumentTextCommand).rejects(new BadDocumentException({ message: 'bad', $metadata: {} }));

    await expect(new TextractOcrEngine(deps).recognize({ bytes: await blankPng(100, 100), pageNumber: 2 })).rejects.toMatchObject({
      code: 'ocr_image_unreadable',
      pageNumber: 2,
    });
  });
});

describe('startTextDetection', () => {
  it('starts a job on the S3 object with the SNS topic and role from settings', async () => {
    textract.on(StartDocumentTextDetectionCommand).resolves({ JobId: 'job-7f3a' });

    const jobId = await startTextDetection(
      deps,
      { bucket: 'intake', key: 'incoming/合同.pdf', version: 'v1', jobTag: 'doc-42' },
      { snsTopicArn: 'arn:aws:sns:us-east-1:111122223333:textract-done', roleArn: 'arn:aws:iam::111122223333:role/textract-sns' },
    );

    expect(jobId).toBe('job-7f3a');
    expect(textract).toHaveReceivedCommandWith(StartDocumentTextDetectionCommand, {
      DocumentLocation: { S3Object: { Bucket: 'intake', Name: 'incoming/合同.pdf', Version: 'v1' } },
      NotificationChannel: {
        SNSTopicArn: 'arn:aws:sns:us-east-1:111122223333:textract-done',
        RoleArn: 'arn:aws:iam::111122223333:role/textract-sns',
      },
      JobTag: 'doc-42',
    });
  });
});

describe('parseTextractCompletion', () => {
  it('parses the SNS message Textract publishes', () => {
    const message = JSON.stringify({
      JobId: 'job-7f3a',
      Status: 'SUCCEEDED',
      API: 'StartDocumentTextDetection',
      JobTag: 'doc-42',
      Timestamp: 1_764_230_400_000,
      DocumentLocation: { S3ObjectName: 'incoming/合同.pdf', S3Bucket: 'intake' },
    });

    expect(parseTextractCompletion(message)).toMatchObject({ JobId: 'job-7f3a', Status: 'SUCCEEDED', JobTag: 'doc-42' });
  });

  it('rejects a message without a JobId', () => {
    expect(() => parseTextractCompletion({ Status: 'SUCCEEDED', API: 'StartDocumentTextDetection' })).toThrow();
  });
});

describe('collectTextDetection', () => {
  const completion = parseTextractCompletion({ JobId: 'job-7f3a', Status: 'SUCCEEDED', API: 'StartDocumentTextDetection' });
  const a4At200Dpi = () => ({ width: 1654, height: 2339 });
  const page = (n: number) => textractPageBlocks({ page: n, lines: [{ ...certificateLines[0], text: `第${n}页 劳动合同` }] });

  it('pages through NextToken and returns the pages in order', async () => {
    const [p1, p2, p3] = [page(1), page(2), page(3)];
    textract
      .on(GetDocumentTextDetectionCommand, { JobId: 'job-7f3a' })
      .resolvesOnce({ JobStatus: 'SUCCEEDED', DocumentMetadata: { Pages: 3 }, Blocks: [...p1, ...p2.slice(0, 2)], NextToken: 't1' })
      .resolvesOnce({ JobStatus: 'SUCCEEDED', DocumentMetadata: { Pages: 3 }, Blocks: p2.slice(2), NextToken: 't2' })
      .resolvesOnce({ JobStatus: 'SUCCEEDED', DocumentMetadata: { Pages: 3 }, Blocks: p3 });

    const result = await collectTextDetection(deps, completion, a4At200Dpi);

    expect(result.pages.map((p) => [p.pageNumber, p.lines[0].text])).toEqual([
      [1, '第1页 劳动合同'],
      [2, '第2页 劳动合同'],
      [3, '第3页 劳动合同'],
    ]);
    expect(result.pages[0]).toMatchObject({ width: 1654, height: 2339, source: 'textract' });
    expect(result.missingPages).toEqual([]);
    expect(textract).toHaveReceivedCommandTimes(GetDocumentTextDetectionCommand, 3);
    expect(textract).toHaveReceivedNthCommandWith(GetDocumentTextDetectionCommand, 3, { JobId: 'job-7f3a', NextToken: 't2' });
  });

  it('reports the pages a PARTIAL_SUCCESS warns about as missing instead of dropping them silently', async () => {
    textract.on(GetDocumentTextDetectionCommand).resolves({
      JobStatus: 'PARTIAL_SUCCESS',
      DocumentMetadata: { Pages: 3 },
      Warnings: [{ ErrorCode: 'UNSUPPORTED_DOCUMENT_FORMAT', Pages: [2] }],
      Blocks: [...page(1), ...page(3)],
    });

    const result = await collectTextDetection(deps, completion, a4At200Dpi);

    expect(result.pages.map((p) => p.pageNumber)).toEqual([1, 3]);
    expect(result.missingPages).toEqual([2]);
    expect(result.warnings).toEqual([{ errorCode: 'UNSUPPORTED_DOCUMENT_FORMAT', pages: [2] }]);
  });

  it('reports a page the document has but the results lack as missing', async () => {
    textract.on(GetDocumentTextDetectionCommand).resolves({
      JobStatus: 'SUCCEEDED',
      DocumentMetadata: { Pages: 2 },
      Blocks: page(1),
    });

    const result = await collectTextDetection(deps, completion, a4At200Dpi);

    expect(result.missingPages).toEqual([2]);
  });

  it('turns a FAILED job into `ocr_job_failed` carrying Textract’s StatusMessage', async () => {
    const failed = parseTextractCompletion({ JobId: 'job-9', Status: 'FAILED', API: 'StartDocumentTextDetection' });
    textract.on(GetDocumentTextDetectionCommand).resolves({ JobStatus: 'FAILED', StatusMessage: 'Unable to get object metadata from S3' });

    const error = await collectTextDetection(deps, failed, a4At200Dpi).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(OcrJobFailedError);
    expect(error).toMatchObject({ code: 'ocr_job_failed', jobId: 'job-9', status: 'FAILED', statusMessage: 'Unable to get object metadata from S3' });
  });

  it('retries a throttled GetDocumentTextDetection page', async () => {
    textract
      .on(GetDocumentTextDetectionCommand)
      .rejectsOnce(throttled())
      .resolves({ JobStatus: 'SUCCEEDED', DocumentMetadata: { Pages: 1 }, Blocks: page(1) });

    const result = await collectTextDetection(deps, completion, a4At200Dpi);

    expect(result.pages).toHaveLength(1);
    expect(delays).toEqual([100]);
  });
});
