/** Runs the command line in this process with its output captured. */
import { run } from './run';
import type { CliIo } from './io';

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

export async function runCli(
  cwd: string,
  args: string[],
  env: Record<string, string | undefined> = {},
): Promise<CliResult> {
  let out = '';
  let err = '';
  const io: CliIo = {
    stdout: {
      write: (t: string) => {
        out += t;
      },
    },
    stderr: {
      write: (t: string) => {
        err += t;
      },
    },
    cwd,
    env,
  };
  const code = await run(args, io);
  return { code, out, err };
}
