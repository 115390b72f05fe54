/**
 * CPU time (user + system) of this process and everything it started, read from /proc.
 * On a shared, loaded machine wall-clock times swing by 2–3×; CPU time does much less,
 * so the export bench reports both. Linux only.
 */
import fs from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on Linux

function stat(pid: number): { ppid: number; ticks: number } | null {
  try {
    const raw = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start after the last ')'.
    const f = raw.slice(raw.lastIndexOf(')') + 2).split(' ');
    // state ppid … utime(14) stime(15) cutime(16) cstime(17), counted from field 3
    return { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]) };
  } catch {
    return null;
  }
}

/** CPU ms used so far by this process, its children still running and those it reaped. */
export function treeCpuMs(root = process.pid): number {
  const parents = new Map<number, number>();
  const ticks = new Map<number, number>();
  for (const name of fs.readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    const s = stat(pid);
    if (!s) continue;
    parents.set(pid, s.ppid);
    ticks.set(pid, s.ticks);
  }
  let total = 0;
  for (const [pid, t] of ticks) {
    for (let p: number | undefined = pid; p !== undefined && p > 1; p = parents.get(p)) {
      if (p === root) {
        total += t;
        break;
      }
    }
  }
  return total * TICK_MS;
}

/** CPU ms of the children this process has waited for (a finished command line). */
export function reapedChildrenCpuMs(): number {
  const raw = fs.readFileSync('/proc/self/stat', 'utf8');
  const f = raw.slice(raw.lastIndexOf(')') + 2).split(' ');
  return (Number(f[13]) + Number(f[14])) * TICK_MS;
}

const ownCpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/**
 * Runs fn, returning its wall-clock and CPU time (ms). What counts as its CPU: 'self' this
 * process only (in-process work), 'child' the command lines it ran and waited for, 'tree'
 * this process and all its children (work done in a running Chromium).
 */
export async function measure(
  fn: () => unknown,
  scope: 'self' | 'child' | 'tree',
): Promise<{ wall: number; cpu: number }> {
  const read = scope === 'self' ? ownCpuMs : scope === 'child' ? reapedChildrenCpuMs : () => treeCpuMs();
  const c0 = read();
  const t0 = performance.now();
  await fn();
  const wall = performance.now() - t0;
  return { wall, cpu: read() - c0 };
}
