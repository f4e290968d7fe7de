import iconv from 'iconv-lite';

export interface MimeAttachment {
  fileName?: string;
  contentType: string;
  bytes: Uint8Array | string;
  disposition?: 'attachment' | 'inline';
  /** Encode the file name as an RFC 2047 word in this charset (`GBK`, `GB18030`), as Chinese mail clients do. */
  nameCharset?: 'GBK' | 'GB18030' | 'UTF-8';
  contentId?: string;
}

export interface MimeMessage {
  from?: string;
  to?: string;
  subject?: string;
  subjectCharset?: 'GBK' | 'GB18030' | 'UTF-8';
  body?: string;
  bodyCharset?: 'GBK' | 'UTF-8';
  messageId?: string;
  attachments?: MimeAttachment[];
  /** Raw messages attached as `message/rfc822` (forwarded as attachment). */
  forwarded?: { fileName: string; raw: string }[];
  /** Headers the sender wrote (they come after From/To, where a client puts them). */
  headers?: Record<string, string>;
  /** Headers SES's receipt rule prepends above the whole message (verdicts, SPF/DKIM/DMARC results). */
  sesHeaders?: [string, string][];
}

/**
 * The headers SES prepends for a sender that passes SPF and DKIM for its own domain.
 *
 * @example
 * buildMime({ from: 'zhang@example.cn', sesHeaders: sesVerified('example.cn') });
 */
export function sesVerified(domain: string, verdicts: { spam?: string; virus?: string } = {}): [string, string][] {
  return [
    ['X-SES-Spam-Verdict', verdicts.spam ?? 'PASS'],
    ['X-SES-Virus-Verdict', verdicts.virus ?? 'PASS'],
    ['Received-SPF', `pass (spfCheck: domain of ${domain} designates 192.0.2.1 as permitted sender) client-ip=192.0.2.1;`],
    [
      'Authentication-Results',
      `amazonses.com;\r\n spf=pass (spfCheck: domain of ${domain} designates 192.0.2.1 as permitted sender) client-ip=192.0.2.1; envelope-from=bounce@${domain}; helo=mail.${domain};\r\n dkim=pass header.i=@${domain};\r\n dmarc=pass header.from=${domain};`.replace(
        'envelope-from=',
        'smtp.mailfrom=',
      ),
    ],
  ];
}

const encodedWord = (text: string, charset: 'GBK' | 'GB18030' | 'UTF-8'): string =>
  `=?${charset}?B?${(charset === 'UTF-8' ? Buffer.from(text, 'utf8') : iconv.encode(text, charset.toLowerCase())).toString('base64')}?=`;

const base64Lines = (bytes: Uint8Array | string): string =>
  (typeof bytes === 'string' ? Buffer.from(bytes) : Buffer.from(bytes)).toString('base64').replace(/.{1,76}/g, '$&\r\n');

/**
 * A raw RFC 5322 message built by hand (no mail library): multipart/mixed with a text body, attachments with
 * encoded-word file names, inline parts and forwarded messages. Returned as bytes, as SES stores it.
 */
export function buildMime(message: MimeMessage): Uint8Array {
  const boundary = '----=_Part_intake_test_0001';
  const subject = message.subject === undefined ? undefined : message.subjectCharset ? encodedWord(message.subject, message.subjectCharset) : message.subject;
  const head = [
    ...(message.sesHeaders ?? []).map(([name, value]) => `${name}: ${value}`),
    `From: ${message.from ?? 'peixun@example.cn'}`,
    `To: ${message.to ?? 'shenqing@intake.example.gov.cn'}`,
    ...(subject !== undefined ? [`Subject: ${subject}`] : []),
    'Date: Fri, 27 Nov 2026 08:00:00 +0800',
    `Message-ID: ${message.messageId ?? '<test-0001@example.cn>'}`,
    'MIME-Version: 1.0',
    ...Object.entries(message.headers ?? {}).map(([name, value]) => `${name}: ${value}`),
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
  ];
  const parts: string[] = [];
  const charset = message.bodyCharset ?? 'UTF-8';
  parts.push(
    [
      `Content-Type: text/plain; charset=${charset}`,
      'Content-Transfer-Encoding: base64',
      '',
      base64Lines(charset === 'GBK' ? iconv.encode(message.body ?? '', 'gbk') : (message.body ?? '')),
    ].join('\r\n'),
  );
  for (const attachment of message.attachments ?? []) {
    const name =
      attachment.fileName === undefined ? undefined : attachment.nameCharset ? encodedWord(attachment.fileName, attachment.nameCharset) : attachment.fileName;
    parts.push(
      [
        `Content-Type: ${attachment.contentType}${name ? `; name="${name}"` : ''}`,
        'Content-Transfer-Encoding: base64',
        `Content-Disposition: ${attachment.disposition ?? 'attachment'}${name ? `; filename="${name}"` : ''}`,
        ...(attachment.contentId ? [`Content-ID: <${attachment.contentId}>`] : []),
        '',
        base64Lines(attachment.bytes),
      ].join('\r\n'),
    );
  }
  for (const forwarded of message.forwarded ?? []) {
    parts.push(
      [
        `Content-Type: message/rfc822; name="${forwarded.fileName}"`,
        `Content-Disposition: attachment; filename="${forwarded.fileName}"`,
        '',
        forwarded.raw,
      ].join('\r\n'),
    );
  }
  const body = parts.map((part) => `--${boundary}\r\n${part}`).join('\r\n') + `\r\n--${boundary}--\r\n`;
  return new TextEncoder().encode(`${head.join('\r\n')}\r\n\r\n${body}`);
}

/** A tiny PDF-looking file (the e-mail intake only sniffs it). */
export const pdfBytes = (label: string): Uint8Array => new TextEncoder().encode(`%PDF-1.7\n% ${label}\n%%EOF\n`);

/** The first bytes of a PNG (sniffed as PNG). */
export const pngBytes = (): Uint8Array => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
