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
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', header),
      chunk('IDAT', rows),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}
