/**
 * What a command line run talks to: two text streams, a working folder and the
 * environment. The real process passes its own (processIo); tests pass buffers.
 */
export interface TextSink {
  write(text: string): unknown;
}

export interface CliIo {
  stdout: TextSink;
  stderr: TextSink;
  /** Relative paths on the command line are resolved against this folder. */
  cwd: string;
  env: Record<string, string | undefined>;
}

/**
 * The process's own streams. A reader that goes away (`rapporteur info … | head`) makes
 * the next write fail with EPIPE; that is not an error of ours: further output is dropped
 * and the command finishes quietly.
 */
export function processIo(): CliIo {
  return {
    stdout: quietOnClosedPipe(process.stdout),
    stderr: quietOnClosedPipe(process.stderr),
    cwd: process.cwd(),
    env: process.env,
  };
}

function quietOnClosedPipe(stream: NodeJS.WriteStream): TextSink {
  let closed = false;
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') closed = true;
    else throw err;
  });
  return {
    write(text: string) {
      if (!closed) stream.write(text);
    },
  };
}
