import iconv from 'iconv-lite';
import yazl from 'yazl';

export interface ZipEntrySpec {
  name: string;
  bytes: Uint8Array | string;
  /** Store the name in GBK without the UTF-8 flag, as Windows' "compressed folder" does on a Chinese system. */
  gbkName?: boolean;
  /** Mark the entry password-protected (general-purpose bit 0), as a ZipCrypto archive does. */
  encrypted?: boolean;
  /** Store, don't deflate. */
  store?: boolean;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;

/**
 * Builds a ZIP with yazl. yazl always writes UTF-8 names and refuses `../` and absolute names, so such entries are
 * written under a same-length ASCII placeholder and the headers patched afterwards (name bytes, flags) — the way a
 * hostile or legacy tool would have written them.
 */
export async function buildZip(specs: ZipEntrySpec[]): Promise<Uint8Array> {
  const zip = new yazl.ZipFile();
  const patches: { placeholder: Buffer; name: Buffer; gbk: boolean; encrypted: boolean }[] = [];
  specs.forEach((spec, index) => {
    const name = spec.gbkName ? iconv.encode(spec.name, 'gbk') : Buffer.from(spec.name, 'utf8');
    const needsPatch = spec.gbkName || spec.encrypted || spec.name.startsWith('/') || spec.name.split('/').includes('..') || /^[A-Za-z]:/.test(spec.name);
    let metadataPath = spec.name;
    if (needsPatch) {
      const tag = `p${index}_`;
      metadataPath = (tag + 'x'.repeat(Math.max(0, name.length - tag.length))).slice(0, Math.max(name.length, tag.length));
      if (metadataPath.length !== name.length) throw new Error(`name too short to patch: ${spec.name}`);
      patches.push({ placeholder: Buffer.from(metadataPath), name, gbk: Boolean(spec.gbkName), encrypted: Boolean(spec.encrypted) });
    }
    const bytes = typeof spec.bytes === 'string' ? Buffer.from(spec.bytes) : Buffer.from(spec.bytes);
    zip.addBuffer(bytes, metadataPath, { compress: !spec.store, mtime: new Date('2026-11-01T00:00:00Z') });
  });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  const out = Buffer.concat(chunks);
  for (const patch of patches) patchHeaders(out, patch);
  return new Uint8Array(out);
}

function patchHeaders(zip: Buffer, patch: { placeholder: Buffer; name: Buffer; gbk: boolean; encrypted: boolean }): void {
  for (let offset = 0; offset < zip.length - 46; offset++) {
    const signature = zip.readUInt32LE(offset);
    if (signature !== LOCAL_HEADER && signature !== CENTRAL_HEADER) continue;
    const central = signature === CENTRAL_HEADER;
    const nameStart = offset + (central ? 46 : 30);
    const nameLength = zip.readUInt16LE(offset + (central ? 28 : 26));
    if (nameLength !== patch.placeholder.length || !zip.subarray(nameStart, nameStart + nameLength).equals(patch.placeholder)) continue;
    patch.name.copy(zip, nameStart);
    const flagOffset = offset + (central ? 8 : 6);
    let flags = zip.readUInt16LE(flagOffset);
    if (patch.gbk) flags &= ~0x0800;
    else flags |= 0x0800;
    if (patch.encrypted) flags |= 0x0001;
    zip.writeUInt16LE(flags, flagOffset);
  }
}

/** A minimal valid-looking PDF header (ZIP tests do not read PDFs). */
export const pdfBytes = (label: string): Uint8Array => new TextEncoder().encode(`%PDF-1.7\n% ${label}\n%%EOF\n`);
