import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { Command } from 'commander';
import { afterAll, describe, expect, it, vi } from 'vitest';
import yazl from 'yazl';
import { register } from '../../cli/commands/submit.js';
import { DynamoDbBatchStore } from '../../shared/adapters/dynamodb-batch-store.js';
import { people, rosterXlsx } from '../batches/roster-factory.js';
import { useStackEnvironment } from '../support/local-aws.js';

function certificatesZip(names: string[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const name of names) zip.addBuffer(Buffer.from(`%PDF-1.7\n% ${name}\n`), name);
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream
      .on('data', (chunk: Buffer) => chunks.push(chunk))
      .on('end', () => resolve(Buffer.concat(chunks)))
      .on('error', reject);
  });
}

describe('intake submit --institution --roster (DynamoDB Local + s3rver)', () => {
  const stack = useStackEnvironment('submit-batch');
  const dir = mkdtempSync(path.join(tmpdir(), 'submit-batch-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the batch and uploads roster and certificates.zip with a progress bar, as the issue writes the command', async () => {
    const roster = path.join(dir, 'roster.xlsx');
    const certificates = path.join(dir, 'certificates.zip');
    writeFileSync(roster, await rosterXlsx(people(2)));
    const zipBytes = await certificatesZip(['张三.pdf', '李四.pdf']);
    writeFileSync(certificates, zipBytes);

    const lines: string[] = [];
    const progress: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((line: unknown) => void lines.push(String(line)));
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => (progress.push(String(chunk)), true));
    const program = new Command('intake').exitOverride();
    register(program);
    try {
      await program.parseAsync(['node', 'intake', 'submit', '--institution', 'inst-9', '--roster', roster, certificates]);
    } finally {
      log.mockRestore();
      write.mockRestore();
    }

    expect(process.exitCode ?? 0).toBe(0);
    const batchId = /batch (batch-\S+) for inst-9/.exec(lines.join('\n'))?.[1];
    expect(batchId, lines.join('\n')).toBeDefined();
    expect(progress.join('')).toContain('[####################] 100%');
    const batch = await new DynamoDbBatchStore(stack.table.db, stack.table.tableName).get(batchId!);
    expect(batch).toMatchObject({
      institutionId: 'inst-9',
      rosterKey: `batches/${batchId}/roster.xlsx`,
      certificateKeys: [`incoming/${batchId}/certificates.zip`],
    });
    const stored = await stack.bucket.s3.send(new GetObjectCommand({ Bucket: stack.bucket.bucket, Key: `incoming/${batchId}/certificates.zip` }));
    expect(Buffer.from(await stored.Body!.transformToByteArray()).equals(zipBytes)).toBe(true);
  });
});
