import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { AppError } from '../../../shared/errors';
import { fillDisk, mountReadOnly, mountTinyDisk } from '../store/testing/mounts';
import { markClosed, markOpen } from './open-files';
import { checkTarget, writeAtomically, writeBytesAtomically } from './safe-write';

let dir: string;
const cleanups: (() => void)[] = [];
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-write-'));
});
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
  fs.rmSync(dir, { recursive: true, force: true });
});

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  }
  throw new Error('expected a refusal');
}

const leftovers = (d: string) => fs.readdirSync(d).filter((f) => f.includes('.saving-'));

describe('writing a file the user chose', () => {
  test('a new file is written whole; an existing one only when replacing was confirmed', () => {
    const target = path.join(dir, 'report.docx');
    expect(writeBytesAtomically(target, Buffer.from('first'))).toBe(target);
    const err = refusal(() => writeBytesAtomically(target, Buffer.from('second')));
    expect(err.code).toBe('EXISTS');
    expect(fs.readFileSync(target, 'utf8')).toBe('first');
    writeBytesAtomically(target, Buffer.from('second'), { replace: true });
    expect(fs.readFileSync(target, 'utf8')).toBe('second');
    expect(leftovers(dir)).toEqual([]);
  });

  test('a file that appears while it is being written is not replaced', () => {
    const target = path.join(dir, 'race.docx');
    const err = refusal(() =>
      writeAtomically(target, (temp) => {
        fs.writeFileSync(temp, 'ours');
        fs.writeFileSync(target, 'someone else’s'); // between the check and the rename
      }),
    );
    expect(err.code).toBe('EXISTS');
    expect(fs.readFileSync(target, 'utf8')).toBe('someone else’s');
    expect(leftovers(dir)).toEqual([]);
  });

  test('a writer that fails leaves nothing behind and the target as it was', () => {
    const target = path.join(dir, 'kept.docx');
    fs.writeFileSync(target, 'kept');
    expect(() =>
      writeAtomically(
        target,
        (temp) => {
          fs.writeFileSync(temp, 'half');
          throw new Error('worker died');
        },
        { replace: true },
      ),
    ).toThrow(/worker died/);
    expect(fs.readFileSync(target, 'utf8')).toBe('kept');
    expect(leftovers(dir)).toEqual([]);
  });

  test('an open conference is never a target, even when replacing was confirmed', () => {
    const target = path.join(dir, 'open.rapporteur');
    fs.writeFileSync(target, 'conference');
    const key = markOpen(target);
    try {
      expect(refusal(() => checkTarget(target, { replace: true })).code).toBe('IN_USE');
      // Through another spelling of the same path, too.
      fs.symlinkSync(target, path.join(dir, 'link.rapporteur'));
      expect(refusal(() => checkTarget(path.join(dir, 'link.rapporteur'), { replace: true })).code).toBe('IN_USE');
    } finally {
      markClosed(key);
    }
    expect(() => checkTarget(target, { replace: true })).not.toThrow();
  });

  test('a full disk: a message naming the file, and no temporary file left', () => {
    const disk = path.join(dir, 'disk');
    cleanups.push(mountTinyDisk(disk, 256));
    fillDisk(disk);
    const err = refusal(() => writeBytesAtomically(path.join(disk, 'big.pdf'), Buffer.alloc(200_000, 7)));
    expect(err.code).toBe('DISK_FULL');
    expect(err.message).toMatch(/not enough space on the disk to write “big\.pdf”/);
    expect(fs.readdirSync(disk)).toEqual(['filler']);
  });

  test('a read-only folder or medium: named, nothing written', () => {
    const src = path.join(dir, 'src');
    fs.mkdirSync(src);
    const ro = path.join(dir, 'ro');
    cleanups.push(mountReadOnly(src, ro));
    const err = refusal(() => writeBytesAtomically(path.join(ro, 'out.docx'), Buffer.from('x')));
    expect(err.code).toBe('READ_ONLY');
    expect(err.message).toMatch(/The folder .*ro cannot be written to/);
    expect(fs.readdirSync(src)).toEqual([]);
  });
});
