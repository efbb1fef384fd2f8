#!/usr/bin/env node
import { runCli } from './run.js';

// A reader that stops early (filings export | head) is not an error; any other failure to write the
// output (a full disk) is, and nothing more can be written.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  process.stderr.write(`filings: cannot write to standard output: ${error.message}\n`);
  process.exit(1);
});

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`filings: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
