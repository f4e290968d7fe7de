import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { Command } from 'commander';
import { describe, expect, it, vi } from 'vitest';
import { register } from '../../cli/commands/batch.js';
import { DynamoDbBatchStore } from '../../shared/adapters/dynamodb-batch-store.js';
import { useStackEnvironment } from '../support/local-aws.js';
import { people, rosterXlsx } from './roster-factory.js';
import { scratchDirectory } from '../support/scratch-directory.js';

describe('intake batch submit (DynamoDB Local + s3rver)', () => {
  const stack = useStackEnvironment('batch-cli');

  it('uploads the roster and a large certificate file in parts, and records the batch', async () => {
    const dir = scratchDirectory('batch-cli-');
    writeFileSync(path.join(dir, '名册.xlsx'), await rosterXlsx(people(2)));
    writeFileSync(path.join(dir, 'scan.pdf'), Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(6 * 1024 * 1024, 0x20)]));
    const lines: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((line: unknown) => void lines.push(String(line)));
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const program = new Command('intake').exitOverride();
    register(program);
    await program.parseAsync([
      'node',
      'intake',
      'batch',
      'submit',
      '--institution',
      'inst-9',
      '--roster',
      path.join(dir, '名册.xlsx'),
      '--part-size-mb',
      '5',
      path.join(dir, 'scan.pdf'),
    ]);
    log.mockRestore();
    write.mockRestore();

    const batchId = /batch (batch-\S+)/.exec(lines.join('\n'))?.[1];
    expect(batchId).toBeDefined();
    const batch = await new DynamoDbBatchStore(stack.table.db, stack.table.tableName).get(batchId!);
    expect(batch).toMatchObject({ institutionId: 'inst-9', rosterKey: `batches/${batchId}/名册.xlsx`, certificateKeys: [`incoming/${batchId}/scan.pdf`] });
    const head = await stack.bucket.s3.send(new HeadObjectCommand({ Bucket: stack.bucket.bucket, Key: `incoming/${batchId}/scan.pdf` }));
    expect(head.ContentLength).toBe(6 * 1024 * 1024 + 9);
  });
});
