import { spawn } from 'node:child_process';
import { cliPath, repoRoot } from '../helpers/paths.js';

export interface BoundedRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Run the built CLI, killed if it has not ended within `limitMs`: hostile input used to hang it, and a test
 * must then fail rather than wait forever. `onSpawn` may signal the child (Ctrl-C tests).
 */
export function runCliBounded(args: string[], limitMs = 30_000, onSpawn?: (pid: number) => void): Promise<BoundedRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], { cwd: repoRoot, timeout: limitMs, killSignal: 'SIGKILL' });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('spawn', () => onSpawn?.(child.pid!));
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}
