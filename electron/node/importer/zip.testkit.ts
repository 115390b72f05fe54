/** Writes small zip packages for tests: honest ones, and bombs whose entries expand enormously. */
import zlib from 'node:zlib';

export interface ZipEntry {
  name: string;
  data: Buffer | { repeat: string; bytes: number };
}

/** About this much of a repeated string is compressed once, and its compressed form repeated. */
const REPEATED_CHUNK = 1 << 20;

/**
 * Deflates `bytes` of a repeated string: a chunk of whole repeats is compressed once, ending in a
 * full flush (byte-aligned, nothing referring back), and that piece is repeated, then the rest ends
 * the stream; the CRC runs over the chunk as many times. 150 MB cost a second of CPU compressed whole.
 */
function deflateRepeated(unit: string, bytes: number): { compressed: Buffer; crc: number } {
  const unitBytes = Buffer.byteLength(unit);
  const chunk = Buffer.alloc(Math.max(1, Math.floor(REPEATED_CHUNK / unitBytes)) * unitBytes, unit);
  const times = Math.floor(bytes / chunk.length);
  const rest = Buffer.alloc(bytes - times * chunk.length, unit);
  const piece = zlib.deflateRawSync(chunk, { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH });
  let crc = 0;
  for (let i = 0; i < times; i++) crc = zlib.crc32(chunk, crc);
  crc = zlib.crc32(rest, crc);
  const end = zlib.deflateRawSync(rest, { level: 9 });
  return { compressed: Buffer.concat([...Array.from({ length: times }, () => piece), end]), crc };
}

export function zipOf(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  // Small entries of the same bytes (a package of 10,001 files) are compressed once.
  const deflated = new Map<string, { compressed: Buffer; crc: number }>();
  const deflate = (data: Buffer) => {
    const key = data.length <= 4096 ? data.toString('latin1') : null;
    let d = key === null ? undefined : deflated.get(key);
    if (!d) {
      d = { compressed: zlib.deflateRawSync(data), crc: zlib.crc32(data) };
      if (key !== null) deflated.set(key, d);
    }
    return d;
  };
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const { compressed, crc, size } = Buffer.isBuffer(e.data)
      ? { ...deflate(e.data), size: e.data.length }
      : { ...deflateRepeated(e.data.repeat, e.data.bytes), size: e.data.bytes };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(crc >>> 0, 16);
    dir.writeUInt32LE(compressed.length, 20);
    dir.writeUInt32LE(size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    central.push(dir, name);
    offset += 30 + name.length + compressed.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dirBytes, end]);
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
const PARA = '<w:p><w:r><w:t>All work and no play makes a dull report.</w:t></w:r></w:p>';

/** A .docx whose document.xml is `paragraphs` of the same paragraph: 150 MB expands from a few hundred KB. */
export function docxOfParagraphs(bytes: number): Buffer {
  const open =
    '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
  const close = '</w:body></w:document>';
  const body = bytes - open.length - close.length;
  const n = Math.floor(body / PARA.length);
  if (bytes < 1 << 20) {
    return zipOf([
      { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) },
      { name: '_rels/.rels', data: Buffer.from(RELS) },
      { name: 'word/document.xml', data: Buffer.from(open + PARA.repeat(n) + close) },
    ]);
  }
  // Large: the paragraphs alone (the XML is unclosed, but the package check never reads it).
  return zipOf([
    { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) },
    { name: '_rels/.rels', data: Buffer.from(RELS) },
    { name: 'word/document.xml', data: { repeat: PARA, bytes } },
  ]);
}
