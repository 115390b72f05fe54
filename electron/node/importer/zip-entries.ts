/**
 * Reading chosen entries of a .docx (a zip) by its central directory, with Node's inflate.
 * Called only after checkDocxPackage has accepted the package (entry count and sizes).
 */
import zlib from 'node:zlib';
import { importMessages } from './messages';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The entries whose names `wanted` accepts, by name; throws with the package's damage in words. */
export function readZipEntries(bytes: Uint8Array, wanted: (name: string) => boolean): Map<string, Uint8Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const damaged = () => new Error(importMessages.docxDamaged);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) throw damaged();
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const out = new Map<string, Uint8Array>();
  for (let n = 0; n < entries; n++) {
    if (at + 46 > end || view.getUint32(at, true) !== CENTRAL) throw damaged();
    const method = view.getUint16(at + 10, true);
    const compressed = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
    if (!wanted(name)) continue;
    if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL) throw damaged();
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start + compressed > bytes.length) throw damaged();
    const data = bytes.subarray(start, start + compressed);
    if (method === 0) out.set(name, data);
    else if (method === 8)
      out.set(name, new Uint8Array(zlib.inflateRawSync(data, { maxOutputLength: Math.max(size, 1) })));
    else
      throw new Error(`an entry of the .docx (“${name}”) is compressed in a way Word does not use (method ${method}).`);
  }
  return out;
}
