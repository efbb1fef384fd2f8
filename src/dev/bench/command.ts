import { availableParallelism } from 'node:os';
import type { Format } from '../../model/document.js';
import { UsageError, parseCommandArgs, positiveInteger, type Command } from '../../cli/command.js';

const DEFAULT_COUNT = 200;
const FORMATS: readonly Format[] = ['txt', 'docx', 'pdf'];

export const benchCommand: Command = {
  name: 'bench',
  summary: 'measure ingest speed and memory on a generated corpus (writes output/bench.json and bench.md)',
  usage: `npm run bench -- [--count N] [--seed S] [--formats txt,docx,pdf] [--workers N] [--out DIR]

Generates N synthetic filings per format (src/dev/synth; PDF only where LibreOffice is installed) into
DIR/bench-corpus (kept and reused while count, seed and formats stay the same), then for each format:
the bare parser on the same files (and pdftotext for PDF, when installed), the pipeline on 1 worker and
on N. Prints filings/s, pages/s, MB/s, time per stage, peak RSS, the speed-up and the first and last 10%
throughput, and the targets met or missed; writes DIR/bench.json and DIR/bench.md.

Options:
  --count N          filings per format (default ${DEFAULT_COUNT}: a few minutes on 2 cores)
  --seed S           corpus seed (default 1)
  --formats LIST     comma-separated (default txt,docx,pdf)
  --workers N        workers of the parallel run (default: the number of cores, here ${availableParallelism()})
  --out DIR          default output
  -h, --help         show this help`,
  async run(args) {
    const { values, positionals } = parseCommandArgs(args, {
      count: { type: 'string' },
      seed: { type: 'string' },
      formats: { type: 'string' },
      workers: { type: 'string' },
      out: { type: 'string' },
    });
    if (values.help) {
      console.log(this.usage);
      return 0;
    }
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const formats = (values.formats ?? FORMATS.join(',')).split(',').map((f) => f.trim());
    const unknown = formats.filter((f) => !(FORMATS as readonly string[]).includes(f));
    if (unknown.length > 0) throw new UsageError(`--formats takes ${FORMATS.join(', ')}, not "${unknown.join(', ')}"`);
    // loaded here: the generator and the reference parsers are not needed by the other commands
    const { runBench } = await import('./run.js');
    const result = await runBench({
      count: positiveInteger(values.count, '--count') ?? DEFAULT_COUNT,
      seed: values.seed === undefined ? 1 : (positiveInteger(values.seed, '--seed') ?? 1),
      formats: formats as Format[],
      workers: positiveInteger(values.workers, '--workers') ?? availableParallelism(),
      outDir: values.out ?? 'output',
      log: (line) => console.error(line),
    });
    console.log(result.markdown);
    return 0;
  },
};
