import type { Command } from './command.js';
import { UsageError } from './command.js';
import { diffCommand } from './diff-command.js';
import { exportCommand } from './export-command.js';
import { ingestCommand } from './ingest-command.js';
import { migrateCommand } from './migrate-command.js';
import { enqueueCommand, statusCommand, workCommand } from './queue-commands.js';
import { reportCommand } from './report-command.js';
import { schemaCommand } from './schema-command.js';
import { showCommand } from './show-command.js';

const COMMANDS: Command[] = [
  ingestCommand,
  showCommand,
  diffCommand,
  exportCommand,
  reportCommand,
  migrateCommand,
  schemaCommand,
  enqueueCommand,
  workCommand,
  statusCommand,
];

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'filings — ingest Chinese budget performance-target filings (预算绩效目标) into SQLite',
    '',
    'Usage: filings <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    "Run 'filings <command> --help' for a command's options.",
    'Exit codes: 0 success, 1 a file failed (or findings at --fail-on level), 2 usage error, 130 ingest interrupted.',
  ].join('\n');
}

export async function runCli(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    console.log(overview());
    return name === undefined ? 2 : 0;
  }
  return runCommand(
    COMMANDS.find((c) => c.name === name),
    args,
    name,
  );
}

/** Run one command, turning a usage mistake into its message, the usage and exit code 2. */
export async function runCommand(command: Command | undefined, args: string[], name = command?.name ?? ''): Promise<number> {
  try {
    if (!command) throw new UsageError(`unknown command "${name}"`);
    return await command.run(args);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`filings: ${error.message}`);
      console.error(command ? `\n${command.usage}` : `\n${overview()}`);
      return 2;
    }
    throw error;
  }
}
