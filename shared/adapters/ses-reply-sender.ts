import { SendEmailCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import type { ReplySender } from '../email/email-record.js';

/**
 * Sends replies to senders through SES (v2 SendEmail, simple content, UTF-8).
 *
 * @example
 * const replies = new SesReplySender(new SESv2Client({}));
 * await replies.send({ from: 'noreply@intake.example.gov.cn', to: 'a@b.cn', subject: '回复', text: '…' });
 */
export class SesReplySender implements ReplySender {
  constructor(private readonly ses: SESv2Client) {}

  async send(reply: { from: string; to: string; subject: string; text: string; inReplyTo?: string }): Promise<void> {
    await this.ses.send(
      new SendEmailCommand({
        FromEmailAddress: reply.from,
        Destination: { ToAddresses: [reply.to] },
        Content: {
          Simple: {
            Subject: { Data: reply.subject, Charset: 'UTF-8' },
            Body: { Text: { Data: reply.text, Charset: 'UTF-8' } },
            ...(reply.inReplyTo ? { Headers: [{ Name: 'In-Reply-To', Value: reply.inReplyTo }] } : {}),
          },
        },
      }),
    );
  }
}
