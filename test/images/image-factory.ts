import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';

/** A plain white-on-black-text PNG of the given size, made in memory. */
export async function makePng(width: number, height: number): Promise<Uint8Array> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="100%" height="100%" fill="white"/><rect x="10" y="10" width="${width / 2}" height="${height / 4}" fill="black"/></svg>`;
  return new Uint8Array(await sharp(Buffer.from(svg)).png().toBuffer());
}

/** A JPEG stored `width` × `height` whose EXIF orientation says "rotate 90° clockwise to view" (tag 6). */
export async function makeJpegWithOrientation(width: number, height: number, orientation: number): Promise<Uint8Array> {
  const png = await makePng(width, height);
  return new Uint8Array(await sharp(png).jpeg().withMetadata({ orientation }).toBuffer());
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/**
 * A decompression bomb: a few hundred bytes whose PNG header claims `width` × `height` pixels. Decoding it would
 * need gigabytes; reading its header must be enough to refuse it.
 */
export function makePngBomb(width: number, height: number): Uint8Array {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(0, 9); // greyscale
  const rows = deflateSync(Buffer.alloc(1 + width, 0));
  return new Uint8Array(
    Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', rows), chunk('IEND', Buffer.alloc(0))]),
  );
}

/**
 * A multi-page TIFF as scanners write them: one IFD per page, 8-bit grey, uncompressed. Page k (0-based) is filled
 * with grey level `levels[k]`, so tests can tell the pages apart after decoding.
 */
export function makeMultiPageTiff(width: number, height: number, levels: number[]): Uint8Array {
  const entryCount = 9;
  const ifdSize = 2 + entryCount * 12 + 4;
  const pageBytes = width * height;
  const headerSize = 8;
  const total = headerSize + levels.length * (ifdSize + pageBytes);
  const buffer = Buffer.alloc(total);
  buffer.write('II', 0, 'latin1');
  buffer.writeUInt16LE(42, 2);
  buffer.writeUInt32LE(headerSize, 4);
  let offset = headerSize;
  levels.forEach((level, index) => {
    const ifdOffset = offset;
    const pixelsOffset = ifdOffset + ifdSize;
    const nextIfd = index + 1 < levels.length ? pixelsOffset + pageBytes : 0;
    const entries: [number, number, number][] = [
      [256, 4, width], // ImageWidth (LONG)
      [257, 4, height], // ImageLength
      [258, 3, 8], // BitsPerSample (SHORT)
      [259, 3, 1], // Compression: none
      [262, 3, 1], // Photometric: BlackIsZero
      [273, 4, pixelsOffset], // StripOffsets
      [277, 3, 1], // SamplesPerPixel
      [278, 4, height], // RowsPerStrip
      [279, 4, pageBytes], // StripByteCounts
    ];
    buffer.writeUInt16LE(entryCount, ifdOffset);
    entries.forEach(([tag, type, value], k) => {
      const at = ifdOffset + 2 + k * 12;
      buffer.writeUInt16LE(tag, at);
      buffer.writeUInt16LE(type, at + 2);
      buffer.writeUInt32LE(1, at + 4);
      if (type === 3) buffer.writeUInt16LE(value, at + 8);
      else buffer.writeUInt32LE(value, at + 8);
    });
    buffer.writeUInt32LE(nextIfd, ifdOffset + 2 + entryCount * 12);
    buffer.fill(level, pixelsOffset, pixelsOffset + pageBytes);
    offset = pixelsOffset + pageBytes;
  });
  return new Uint8Array(buffer);
}
