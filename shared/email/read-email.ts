import { simpleParser, type AddressObject, type Attachment, type ParsedMail } from 'mailparser';
import { UnreadableEmailError } from './errors.js';
import { readSenderAuthentication, type SenderAuthentication } from './sender-authentication.js';

/** One file carried by a message, whatever its disposition. */
export interface MailFile {
  fileName?: string;
  contentType: string;
  disposition: 'attachment' | 'inline' | 'forwarded';
  bytes: Uint8Array;
}

export interface ReadEmail {
  from?: string;
  fromName?: string;
  subject?: string;
  messageId?: string;
  sentAt?: string;
  text?: string;
  /** SES's verdicts (spam, virus, SPF, DKIM, DMARC) as SES wrote them, never as the sender did. */
  authentication: SenderAuthentication;
  files: MailFile[];
}

/** How deep forwarded messages are opened (a forward of a forward of a forward is still read). */
const MAX_FORWARD_DEPTH = 3;
const MAX_BODY_CHARS = 20_000;

const firstAddress = (address: AddressObject | AddressObject[] | undefined) => (Array.isArray(address) ? address[0] : address)?.value[0];

const isMessage = (attachment: Attachment): boolean => attachment.contentType === 'message/rfc822' || /\.eml$/i.test(attachment.filename ?? '');

async function parse(raw: Uint8Array): Promise<ParsedMail> {
  try {
    // skipTextToHtml etc.: the clerk needs the text; html rendering costs time and memory for nothing.
    return await simpleParser(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength), { skipHtmlToText: false, skipTextToHtml: true, skipImageLinks: true });
  } catch (error) {
    throw new UnreadableEmailError(error instanceof Error ? error.message : String(error), { cause: error });
  }
}

async function collectFiles(parsed: ParsedMail, depth: number, files: MailFile[]): Promise<void> {
  for (const attachment of parsed.attachments) {
    const bytes = new Uint8Array(attachment.content);
    if (isMessage(attachment) && depth < MAX_FORWARD_DEPTH) {
      // A forwarded message: its own attachments are what the sender means to submit.
      const inner = await parse(bytes).catch(() => undefined);
      if (inner) {
        await collectFiles(inner, depth + 1, files);
        continue;
      }
    }
    files.push({
      fileName: attachment.filename,
      contentType: attachment.contentType,
      disposition: depth > 0 ? 'forwarded' : attachment.contentDisposition === 'inline' || attachment.related ? 'inline' : 'attachment',
      bytes,
    });
  }
}

/**
 * Reads a raw RFC 5322 message: sender, subject (RFC 2047 words in GBK/GB18030 decoded), plain-text body, SES's verdicts
 * (first occurrence only: sender-written copies below SES's are ignored), and every file it carries — attachments, inline images, and the files of forwarded `.eml`
 * messages — whatever content type the sender's client declared (PDFs often arrive as application/octet-stream;
 * types are sniffed from bytes later).
 *
 * @example
 * const mail = await readEmail(raw);
 * mail.from; // 'peixun@example.cn'
 * mail.files[0]; // { fileName: '证书.pdf', contentType: 'application/octet-stream', disposition: 'attachment', bytes }
 */
export async function readEmail(raw: Uint8Array): Promise<ReadEmail> {
  if (raw.length === 0) throw new UnreadableEmailError('empty message');
  const parsed = await parse(raw);
  if (parsed.headers.size === 0) throw new UnreadableEmailError('no headers');
  const from = firstAddress(parsed.from);
  const files: MailFile[] = [];
  await collectFiles(parsed, 0, files);
  const text = parsed.text?.trim();
  return {
    from: from?.address?.toLowerCase(),
    fromName: from?.name || undefined,
    subject: parsed.subject,
    messageId: parsed.messageId,
    sentAt: parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date.toISOString() : undefined,
    text: text ? text.slice(0, MAX_BODY_CHARS) : undefined,
    authentication: readSenderAuthentication(parsed.headerLines, from?.address),
    files,
  };
}
