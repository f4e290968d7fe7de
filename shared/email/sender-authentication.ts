/**
 * What SES said about a received message, read so that the sender cannot override it.
 *
 * SES's receipt rule stores a message with its own headers PREPENDED (`X-SES-Spam-Verdict`, `X-SES-Virus-Verdict`,
 * `Received-SPF`, `Authentication-Results: amazonses.com; spf=…; dkim=…; dmarc=…`), above everything the sender
 * wrote. A sender can write the same headers into the message (`X-SES-Virus-Verdict: PASS` under SES's `FAIL`), so
 * only the leading block of trace headers counts (the headers above the first one a mail client writes, such as
 * `From:`), within it only the FIRST occurrence of each, and only an `Authentication-Results` whose authserv-id is
 * SES's.
 * Locally (`intake email`, the inbox) nothing authenticates a message: no SES header is there, so no sender is
 * verified and no reply is sent.
 */

/** A verdict as SES writes it (`PASS`, `FAIL`, `GRAY`, `PROCESSING_FAILED`), or what an authentication method found. */
export type Verdict = 'pass' | 'fail' | 'softfail' | 'neutral' | 'none' | 'gray' | 'temperror' | 'permerror' | 'policy' | 'unknown';

export interface SenderAuthentication {
  spam?: Verdict;
  virus?: Verdict;
  spf?: Verdict;
  dkim?: Verdict;
  dmarc?: Verdict;
  /** The domain SPF checked (`smtp.mailfrom`) and the domain DKIM signed for (`header.d` or `header.i`). */
  spfDomain?: string;
  dkimDomain?: string;
  /** SPF or DKIM passed for a domain aligned with the `From:` address's domain: replies may go to it. */
  senderVerified: boolean;
  /** SPF and DKIM both failed outright, or DMARC failed: the `From:` is forged. */
  forged: boolean;
}

/** The authserv-id SES writes into `Authentication-Results` (e.g. `amazonses.com`). */
const SES_AUTHSERV = /^amazonses\.com$/i;

function verdictOf(text: string | undefined): Verdict | undefined {
  if (!text) return undefined;
  const word = text
    .trim()
    .split(/[\s;(]/)[0]
    .toLowerCase();
  const known: Verdict[] = ['pass', 'fail', 'softfail', 'neutral', 'none', 'gray', 'temperror', 'permerror', 'policy'];
  return (known as string[]).includes(word) ? (word as Verdict) : 'unknown';
}

/** The value of each header line in order, names lower-cased; folded lines are joined. */
export interface HeaderLine {
  key: string;
  line: string;
}

function valueOf(line: string): string {
  const colon = line.indexOf(':');
  return (colon < 0 ? '' : line.slice(colon + 1)).replace(/\r?\n[ \t]+/g, ' ').trim();
}

/** Headers a receiving server adds above a message (SES's among them); the first other header starts the sender's part. */
const TRACE = /^(return-path|received|received-spf|authentication-results|arc-.*|x-ses-.*|delivered-to|x-original-to)$/;

/** The trace block at the top of the message: the only headers SES can have written. */
function traceBlock(lines: readonly HeaderLine[]): HeaderLine[] {
  const end = lines.findIndex((l) => !TRACE.test(l.key));
  return end < 0 ? [...lines] : lines.slice(0, end);
}

const firstHeader = (lines: readonly HeaderLine[], name: string): string | undefined => {
  const hit = lines.find((l) => l.key === name);
  return hit ? valueOf(hit.line) : undefined;
};

/** `example.cn` for `Mail.Example.CN.`: the registrable part is approximated by the last two labels (three under `.cn`'s second-level zones). */
function organisationalDomain(domain: string): string {
  const labels = domain.toLowerCase().replace(/\.$/, '').split('.').filter(Boolean);
  const secondLevel = /^(com|net|org|gov|edu|ac)$/;
  const keep = labels.length >= 3 && labels[labels.length - 1] === 'cn' && secondLevel.test(labels[labels.length - 2]) ? 3 : 2;
  return labels.slice(-keep).join('.');
}

const domainOf = (address: string | undefined): string | undefined => address?.split('@').pop()?.replace(/[>\s]/g, '').toLowerCase() || undefined;

function method(results: string, name: string): { verdict?: Verdict; props: Record<string, string> } {
  const clause = results
    .split(';')
    .map((s) => s.trim())
    .find((s) => s.toLowerCase().startsWith(`${name}=`));
  if (!clause) return { props: {} };
  const [head, ...rest] = clause.split(/\s+/);
  const props: Record<string, string> = {};
  for (const part of rest) {
    const eq = part.indexOf('=');
    if (eq > 0) props[part.slice(0, eq).toLowerCase()] = part.slice(eq + 1).replace(/[()]/g, '');
  }
  return { verdict: verdictOf(head.slice(name.length + 1)), props };
}

/**
 * Reads SES's verdicts from the message's header lines (in the order they appear), trusting only the leading trace
 * block, the first of each header in it and only SES's `Authentication-Results`, and decides whether the `From:` address is verified.
 *
 * @example
 * const auth = readSenderAuthentication(parsed.headerLines, 'zhang@example.cn');
 * auth.senderVerified; // true when spf=pass smtp.mailfrom=example.cn (or dkim=pass header.d=example.cn)
 */
export function readSenderAuthentication(allLines: readonly HeaderLine[], from: string | undefined): SenderAuthentication {
  const lines = traceBlock(allLines);
  const firstResults = lines.find((l) => l.key === 'authentication-results');
  const results = firstResults ? valueOf(firstResults.line) : '';
  const authserv = results.split(';')[0]?.trim().split(/\s+/)[0] ?? '';
  const ses = SES_AUTHSERV.test(authserv) ? results : '';
  const spf = method(ses, 'spf');
  const dkim = method(ses, 'dkim');
  const dmarc = method(ses, 'dmarc');
  const receivedSpf = verdictOf(firstHeader(lines, 'received-spf'));
  const spfVerdict = spf.verdict ?? (ses ? receivedSpf : undefined);
  const spfDomain = domainOf(spf.props['smtp.mailfrom']);
  const dkimDomain = (dkim.props['header.d'] ?? domainOf(dkim.props['header.i']))?.toLowerCase();
  const fromDomain = domainOf(from);
  const aligned = (domain: string | undefined) => Boolean(domain && fromDomain && organisationalDomain(domain) === organisationalDomain(fromDomain));
  const senderVerified = (spfVerdict === 'pass' && aligned(spfDomain)) || (dkim.verdict === 'pass' && aligned(dkimDomain));
  const forged = dmarc.verdict === 'fail' || (spfVerdict === 'fail' && dkim.verdict === 'fail');
  return {
    spam: verdictOf(firstHeader(lines, 'x-ses-spam-verdict')),
    virus: verdictOf(firstHeader(lines, 'x-ses-virus-verdict')),
    spf: spfVerdict,
    dkim: dkim.verdict,
    dmarc: dmarc.verdict,
    spfDomain,
    dkimDomain,
    senderVerified,
    forged,
  };
}
