#!/usr/bin/env node
import { runCommand } from '../../cli/run.js';
import { benchCommand } from './command.js';

/** npm run bench: the benchmark is a development tool, kept out of the product's command line. */
runCommand(benchCommand, process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
