import { beforeEach, describe, expect, it } from 'vitest';
import { readEmail, takeInEmail, type EmailIntakeDeps } from '../../shared/email/index.js';
import { FixedClock, InMemoryBlobStore } from '../support/fakes/index.js';
import { buildZip } from '../archives/zip-factory.js';
import { InMemoryEmailRecordStore, RecordingReplySender } from './in-memory-email-record-store.js';
import { buildMime, pdfBytes, pngBytes, sesVerified, type MimeMessage } from './mime-factory.js';

const BUCKET = 'intake';

describe('takeInEmail', () => {
  let blobs: InMemoryBlobStore;
  let emails: InMemoryEmailRecordStore;
  let deps: EmailIntakeDeps;

  beforeEach(() => {
    blobs = new InMemoryBlobStore();
    emails = new InMemoryEmailRecordStore();
    deps = { blobs, emails, clock: new FixedClock('2026-11-27T01:00:00Z'), maxFileBytes: 50 * 1024 * 1024 };
  });

  const deliver = async (message: MimeMessage, key = 'email/msg-1') => {
    await blobs.put(BUCKET, key, buildMime(message));
    const head = await blobs.head(BUCKET, key);
    return takeInEmail({ bucket: BUCKET, key, eTag: head!.eTag }, deps);
  };
  const incomingKeys = () => [...blobs.objects.keys()].filter((key) => key.startsWith(`${BUCKET}/incoming/`)).map((key) => key.slice(BUCKET.length + 1));

  it('stores a PDF sent as application/octet-stream with a GBK file name, the sender as submitter and the body for the clerk', async () => {
    const outcome = await deliver({
      from: '"西湖培训学校" <PeiXun@Example.cn>',
      subject: '技能补贴申请-王晓明',
      subjectCharset: 'GBK',
      body: '附件为王晓明的职业资格证书，请审核。',
      bodyCharset: 'GBK',
      attachments: [{ fileName: '职业资格证书.pdf', nameCharset: 'GBK', contentType: 'application/octet-stream', bytes: pdfBytes('cert') }],
    });
    expect(outcome).toMatchObject({ kind: 'accepted' });
    const emailId = (outcome as { emailId: string }).emailId;
    expect(incomingKeys()).toEqual([`incoming/${emailId}/职业资格证书.pdf`]);
    const record = await emails.get(emailId);
    expect(record).toMatchObject({
      status: 'accepted',
      from: 'peixun@example.cn',
      fromName: '西湖培训学校',
      subject: '技能补贴申请-王晓明',
      bodyText: '附件为王晓明的职业资格证书，请审核。',
      attachments: [{ fileName: '职业资格证书.pdf', outcome: 'queued', key: `incoming/${emailId}/职业资格证书.pdf` }],
    });
  });

  it('names an unnamed application/octet-stream attachment by its sniffed type', async () => {
    const outcome = await deliver({ attachments: [{ contentType: 'application/octet-stream', bytes: pdfBytes('n') }] });
    expect(incomingKeys()).toEqual([`incoming/${(outcome as { emailId: string }).emailId}/attachment-1.pdf`]);
  });

  it('decodes GB18030 subjects and file names', async () => {
    const mail = await readEmail(
      buildMime({
        subject: '㐀证书',
        subjectCharset: 'GB18030',
        attachments: [{ fileName: '证书㐀.pdf', nameCharset: 'GB18030', contentType: 'application/pdf', bytes: pdfBytes('x') }],
      }),
    );
    expect(mail.subject).toBe('㐀证书');
    expect(mail.files.map((file) => file.fileName)).toEqual(['证书㐀.pdf']);
  });

  it('takes inline images as well as attachments', async () => {
    const outcome = await deliver({
      attachments: [
        { fileName: 'scan.png', contentType: 'image/png', bytes: pngBytes(), disposition: 'inline', contentId: 'scan1' },
        { fileName: 'contract.pdf', contentType: 'application/pdf', bytes: pdfBytes('c') },
      ],
    });
    const record = await emails.get((outcome as { emailId: string }).emailId);
    expect(record?.attachments.map((item) => [item.fileName, item.disposition, item.outcome])).toEqual([
      ['scan.png', 'inline', 'queued'],
      ['contract.pdf', 'attachment', 'queued'],
    ]);
  });

  it('expands a ZIP attachment into its files and records the refused entries with their reasons', async () => {
    const zip = await buildZip([
      { name: '证书/张三.pdf', bytes: pdfBytes('z') },
      { name: '../evil.pdf', bytes: pdfBytes('e') },
    ]);
    const outcome = await deliver({ attachments: [{ fileName: '证书.zip', contentType: 'application/zip', bytes: zip }] });
    const emailId = (outcome as { emailId: string }).emailId;
    expect(incomingKeys()).toEqual([`incoming/${emailId}/证书.zip/证书/张三.pdf`]);
    const record = await emails.get(emailId);
    expect(record?.attachments.map((item) => [item.fileName, item.outcome, item.error?.code])).toEqual([
      ['证书.zip', 'expanded', undefined],
      ['证书.zip/证书/张三.pdf', 'queued', undefined],
      ['证书.zip/../evil.pdf', 'refused', 'zip_entry_unsafe_path'],
    ]);
  });

  it('takes the attachments of a forwarded .eml message', async () => {
    const inner = new TextDecoder().decode(
      buildMime({ subject: 'fwd', attachments: [{ fileName: '聘书.pdf', nameCharset: 'GBK', contentType: 'application/pdf', bytes: pdfBytes('f') }] }),
    );
    const outcome = await deliver({ subject: 'Fw: 材料', subjectCharset: 'UTF-8', forwarded: [{ fileName: 'original.eml', raw: inner }] });
    const record = await emails.get((outcome as { emailId: string }).emailId);
    expect(record?.attachments).toEqual([expect.objectContaining({ fileName: '聘书.pdf', outcome: 'queued' })]);
  });

  it('rejects a message with an SES spam verdict of FAIL with reason `email_spam`, storing nothing and answering nothing', async () => {
    const outcome = await deliver({
      sesHeaders: sesVerified('example.cn', { spam: 'FAIL' }),
      attachments: [{ fileName: 'a.pdf', contentType: 'application/pdf', bytes: pdfBytes('a') }],
    });
    expect(outcome).toMatchObject({ kind: 'rejected', code: 'email_spam' });
    expect(incomingKeys()).toEqual([]);
    const record = await emails.get((outcome as { emailId: string }).emailId);
    expect(record).toMatchObject({ status: 'rejected', error: { code: 'email_spam' } });
    expect(record?.reply).toBeUndefined();
  });

  it('rejects a message with an SES virus verdict of FAIL with reason `email_virus`', async () => {
    const outcome = await deliver({
      sesHeaders: sesVerified('example.cn', { virus: 'FAIL' }),
      attachments: [{ fileName: 'a.pdf', contentType: 'application/pdf', bytes: pdfBytes('a') }],
    });
    expect(outcome).toMatchObject({ kind: 'rejected', code: 'email_virus' });
    expect(incomingKeys()).toEqual([]);
  });

  it("keeps SES's virus verdict of FAIL when the sender wrote a PASS of its own below it", async () => {
    const outcome = await deliver({
      sesHeaders: sesVerified('example.cn', { virus: 'FAIL' }),
      headers: { 'X-SES-Virus-Verdict': 'PASS', 'X-SES-Spam-Verdict': 'PASS' },
      attachments: [{ fileName: 'a.pdf', contentType: 'application/pdf', bytes: pdfBytes('a') }],
    });
    expect(outcome).toMatchObject({ kind: 'rejected', code: 'email_virus' });
    expect(incomingKeys()).toEqual([]);
  });

  it("ignores an Authentication-Results the sender wrote: only SES's own (amazonses.com, first) verifies a sender", async () => {
    const outcome = await deliver({
      from: 'victim@example.cn',
      headers: { 'Authentication-Results': 'amazonses.com; spf=pass smtp.mailfrom=example.cn; dkim=pass header.i=@example.cn' },
      attachments: [{ fileName: 'readme.txt', contentType: 'text/plain', bytes: 'x' }],
    });
    const record = await emails.get((outcome as { emailId: string }).emailId);
    expect(record?.authentication).toMatchObject({ senderVerified: false });
    expect(record?.reply).toBeUndefined();
  });

  it('refuses a forged From: (SPF and DKIM both fail) as `email_forged_sender`, storing nothing and answering nobody', async () => {
    const replies = new RecordingReplySender();
    deps = { ...deps, replies, replyFrom: 'noreply@intake.example.gov.cn' };
    const outcome = await deliver({
      from: 'victim@example.cn',
      sesHeaders: [
        ['X-SES-Spam-Verdict', 'PASS'],
        ['X-SES-Virus-Verdict', 'PASS'],
        ['Authentication-Results', 'amazonses.com; spf=fail smtp.mailfrom=attacker.example; dkim=fail header.i=@example.cn; dmarc=fail header.from=example.cn'],
      ],
      subject: '点击 http://evil.example/x 领取补贴',
      attachments: [{ fileName: 'http-evil.example-claim.pdf', contentType: 'application/pdf', bytes: pdfBytes('f') }],
    });
    expect(outcome).toMatchObject({ kind: 'rejected', code: 'email_forged_sender' });
    expect(incomingKeys()).toEqual([]);
    expect(replies.sent).toEqual([]);
  });

  it('answers nobody when SES did not verify the sender (no SPF or DKIM pass for the From: domain)', async () => {
    const replies = new RecordingReplySender();
    deps = { ...deps, replies, replyFrom: 'noreply@intake.example.gov.cn' };
    const outcome = await deliver({
      from: 'someone@victim.example',
      sesHeaders: [['Authentication-Results', 'amazonses.com; spf=pass smtp.mailfrom=attacker.example; dkim=none']],
      body: '请查收',
    });
    expect(outcome).toMatchObject({ kind: 'rejected', code: 'email_no_attachment' });
    expect(replies.sent).toEqual([]);
    expect((await emails.get((outcome as { emailId: string }).emailId))?.reply).toBeUndefined();
  });

  it("never echoes the sender's subject, file names or links in a reply", async () => {
    const outcome = await deliver({
      from: 'zhang@example.cn',
      sesHeaders: sesVerified('example.cn'),
      subject: '中奖通知 http://evil.example/win',
      attachments: [{ fileName: 'visit-http-evil.example.txt', contentType: 'text/plain', bytes: 'x' }],
    });
    const reply = (await emails.get((outcome as { emailId: string }).emailId))?.reply;
    expect(reply?.text).toContain('没有可受理的附件');
    expect(`${reply?.subject}\n${reply?.text}`).not.toMatch(/evil|中奖|visit/);
  });

  it('records a message without a usable attachment as `email_no_attachment` and stores the reply locally', async () => {
    const outcome = await deliver({
      from: 'zhang@example.cn',
      sesHeaders: sesVerified('example.cn'),
      subject: '申请',
      attachments: [{ fileName: 'readme.txt', contentType: 'text/plain', bytes: 'hello' }],
    });
    expect(outcome).toMatchObject({ kind: 'rejected', code: 'email_no_attachment' });
    const record = await emails.get((outcome as { emailId: string }).emailId);
    expect(record?.reply).toMatchObject({ to: 'zhang@example.cn', channel: 'stored', inReplyTo: '<test-0001@example.cn>' });
    expect(record?.reply?.text).toContain('没有可受理的附件');
    expect(record?.reply?.text).toContain('不支持');
    expect(incomingKeys()).toEqual([]);
  });

  it('sends the reply through the reply sender when a sender address is configured', async () => {
    const replies = new RecordingReplySender();
    deps = { ...deps, replies, replyFrom: 'noreply@intake.example.gov.cn' };
    const outcome = await deliver({ from: 'zhang@example.cn', sesHeaders: sesVerified('example.cn'), body: '请查收' });
    expect(replies.sent).toEqual([expect.objectContaining({ from: 'noreply@intake.example.gov.cn', to: 'zhang@example.cn' })]);
    expect((await emails.get((outcome as { emailId: string }).emailId))?.reply).toMatchObject({ channel: 'ses', sentAt: '2026-11-27T01:00:00.000Z' });
  });

  it('rejects a zero-byte message with reason `email_unreadable`', async () => {
    await blobs.put(BUCKET, 'email/empty', new Uint8Array());
    const outcome = await takeInEmail({ bucket: BUCKET, key: 'email/empty', eTag: 'e0' }, deps);
    expect(outcome).toMatchObject({ kind: 'rejected', code: 'email_unreadable' });
  });

  it('does nothing new when the same notification is delivered again', async () => {
    const message: MimeMessage = { attachments: [{ fileName: 'a.pdf', contentType: 'application/pdf', bytes: pdfBytes('a') }] };
    const first = await deliver(message);
    const again = await deliver(message);
    expect(again).toEqual({ kind: 'already_done', emailId: (first as { emailId: string }).emailId, status: 'accepted' });
    expect(incomingKeys()).toHaveLength(1);
  });

  it('ignores keys outside email/', async () => {
    expect(await takeInEmail({ bucket: BUCKET, key: 'incoming/x.pdf', eTag: 'e' }, deps)).toEqual({ kind: 'ignored', key: 'incoming/x.pdf' });
  });
});
