const EXIT_CODES: Record<'SIGINT' | 'SIGTERM', number> = { SIGINT: 130, SIGTERM: 143 };

export interface InterruptTrap {
  /** Aborted on the first Ctrl-C (or SIGTERM). */
  signal: AbortSignal;
  /** 130 after SIGINT, 143 after SIGTERM, null when no signal came. */
  exitCode(): number | null;
  release(): void;
}

/**
 * The first Ctrl-C asks for a clean stop: `signal` aborts, the caller finishes what is in progress, commits
 * and reports. A second one quits at once: SQLite rolls back the batch being written, so the database
 * holds whole filings only, and the next run continues from there.
 */
export function trapInterrupts(onFirst: () => void): InterruptTrap {
  const controller = new AbortController();
  let received: keyof typeof EXIT_CODES | null = null;
  const handle = (name: keyof typeof EXIT_CODES) => {
    if (received !== null) process.exit(EXIT_CODES[name]);
    received = name;
    controller.abort();
    onFirst();
  };
  const onInt = () => handle('SIGINT');
  const onTerm = () => handle('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  return {
    signal: controller.signal,
    exitCode: () => (received === null ? null : EXIT_CODES[received]),
    release: () => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
    },
  };
}
