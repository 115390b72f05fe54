// Real file systems for the tests of full disks and read-only media: a tiny tmpfs, and a
// read-only bind mount. Mounting needs root (as in CI's container); without it the test
// fails saying so rather than passing without having checked anything.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

function mount(args: string[]): void {
  try {
    execFileSync('mount', args, { stdio: 'pipe' });
  } catch (err) {
    throw new Error(
      `This test mounts a file system (mount ${args.join(' ')}), which needs root: ${(err as Error).message}`,
      { cause: err },
    );
  }
}

/** A tmpfs of `kilobytes` at `dir` (created); returns the unmount. */
export function mountTinyDisk(dir: string, kilobytes: number): () => void {
  fs.mkdirSync(dir, { recursive: true });
  mount(['-t', 'tmpfs', '-o', `size=${kilobytes}k`, 'tmpfs', dir]);
  return () => execFileSync('umount', [dir]);
}

/** `source` seen read-only at `dir` (created), as on a read-only medium; returns the unmount. */
export function mountReadOnly(source: string, dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  mount(['--bind', source, dir]);
  try {
    mount(['-o', 'remount,ro,bind', dir]);
  } catch (err) {
    execFileSync('umount', [dir]);
    throw err;
  }
  return () => execFileSync('umount', [dir]);
}

/** Fills the disk holding `dir` until it has no space left. */
export function fillDisk(dir: string): void {
  const fd = fs.openSync(`${dir}/filler`, 'w');
  const block = Buffer.alloc(4096, 1);
  try {
    for (;;) fs.writeSync(fd, block);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
  } finally {
    fs.closeSync(fd);
  }
}
