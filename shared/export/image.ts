/** Figures arrive as data URLs; exporters need their bytes, type and pixel size. */

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOOKUP = new Map([...B64].map((c, i) => [c, i]));

export function decodeBase64(s: string): Uint8Array {
  const clean = s.replace(/[^A-Za-z0-9+/]/g, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let o = 0;
  for (let i = 0; i + 1 < clean.length; i += 4) {
    const a = LOOKUP.get(clean[i]!)!;
    const b = LOOKUP.get(clean[i + 1]!)!;
    const c = LOOKUP.get(clean[i + 2] ?? 'A') ?? 0;
    const d = LOOKUP.get(clean[i + 3] ?? 'A') ?? 0;
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    if (o < out.length) out[o++] = (n >> 16) & 255;
    if (i + 2 < clean.length && o < out.length) out[o++] = (n >> 8) & 255;
    if (i + 3 < clean.length && o < out.length) out[o++] = n & 255;
  }
  return out.subarray(0, o);
}

export interface DecodedImage {
  type: 'png' | 'jpg' | 'gif';
  bytes: Uint8Array;
  width: number;
  height: number;
}

/** Reads a PNG, JPEG or GIF data URL; null for anything else (the figure keeps its caption). */
export function decodeDataUrl(src: string): DecodedImage | null {
  const m = /^data:image\/(png|jpeg|jpg|gif);base64,(.*)$/s.exec(src);
  if (!m) return null;
  const bytes = decodeBase64(m[2]!);
  const type = m[1] === 'png' ? 'png' : m[1] === 'gif' ? 'gif' : 'jpg';
  const size = type === 'png' ? pngSize(bytes) : type === 'gif' ? gifSize(bytes) : jpegSize(bytes);
  return size ? { type, bytes, ...size } : null;
}

const be16 = (b: Uint8Array, i: number) => ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
const be32 = (b: Uint8Array, i: number) =>
  (b[i] ?? 0) * 2 ** 24 + ((b[i + 1] ?? 0) << 16) + ((b[i + 2] ?? 0) << 8) + (b[i + 3] ?? 0);

function pngSize(b: Uint8Array) {
  if (b.length < 24 || b[0] !== 0x89 || b[1] !== 0x50) return null;
  return { width: be32(b, 16), height: be32(b, 20) };
}

function gifSize(b: Uint8Array) {
  if (b.length < 10 || b[0] !== 0x47) return null;
  return { width: (b[6] ?? 0) | ((b[7] ?? 0) << 8), height: (b[8] ?? 0) | ((b[9] ?? 0) << 8) };
}

function jpegSize(b: Uint8Array) {
  if (b[0] !== 0xff || b[1] !== 0xd8) return null;
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) {
      i++;
      continue;
    }
    const marker = b[i + 1]!;
    // SOF0..SOF15 except DHT (C4), JPG (C8), DAC (CC) carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: be16(b, i + 5), width: be16(b, i + 7) };
    }
    i += 2 + be16(b, i + 2);
  }
  return null;
}

/** Fits a picture into a box, keeping its proportions; never enlarges beyond 2×. */
export function fitInto(width: number, height: number, maxW: number, maxH: number): { width: number; height: number } {
  const scale = Math.min(maxW / width, maxH / height, 2);
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}
