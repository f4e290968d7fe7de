import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { Command } from 'commander';
import { describe, expect, it, vi } from 'vitest';
import { register } from '../../cli/commands/email.js';
import { useStackEnvironment } from '../support/local-aws.js';
import { buildMime, pdfBytes, sesVerified } from './mime-factory.js';
import { scratchDirectory } from '../support/scratch-directory.js';

describe('intake email (DynamoDB Local + s3rver)', () => {
  const stack = useStackEnvironment('email-cli');

  it('takes in an .eml file: the attachment lands under incoming/, a message without one is answered and exits 1', async () => {
    const dir = scratchDirectory('email-cli-');
    writeFileSync(
      path.join(dir, 'good.eml'),
      buildMime({
        subject: '申请',
        subjectCharset: 'GBK',
        attachments: [{ fileName: '证书.pdf', nameCharset: 'GBK', contentType: 'application/octet-stream', bytes: pdfBytes('g') }],
      }),
    );
    writeFileSync(
      path.join(dir, 'empty.eml'),
      buildMime({ from: 'zhang@example.cn', sesHeaders: sesVerified('example.cn'), messageId: '<other@example.cn>', body: '忘了附件' }),
    );
    const lines: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((line: unknown) => void lines.push(String(line)));
    const program = new Command('intake').exitOverride();
    register(program);
    await program.parseAsync(['node', 'intake', 'email', '--json', path.join(dir, 'good.eml'), path.join(dir, 'empty.eml')]);
    log.mockRestore();

    const results = JSON.parse(lines.join('\n')) as { outcome: { kind: string; emailId: string; code?: string }; reply?: { to: string; channel: string } }[];
    expect(results.map((result) => result.outcome.kind)).toEqual(['accepted', 'rejected']);
    expect(results[1]).toMatchObject({ outcome: { code: 'email_no_attachment' }, reply: { to: 'zhang@example.cn', channel: 'stored' } });
    const head = await stack.bucket.s3.send(new HeadObjectCommand({ Bucket: stack.bucket.bucket, Key: `incoming/${results[0]!.outcome.emailId}/证书.pdf` }));
    expect(head.ContentLength).toBeGreaterThan(0);
    expect(process.exitCode).toBe(1);
    process.exitCode = 0;
  });
});
