/** The `rapporteur` program: runs one command on the process's own streams. */
import { run } from './run';
import { processIo } from './io';

const code = await run(process.argv.slice(2), processIo());
// serve keeps the process alive; everything else ends with its status once output is flushed.
if (code !== -1) process.exitCode = code;
