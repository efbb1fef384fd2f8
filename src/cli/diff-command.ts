import { FindingKind, type Finding } from '../model/finding.js';
import { lineAt, whereLabel } from '../model/locate.js';
import { dbTarget, openStore } from '../store/open.js';
import { DB_HELP, UsageError, filingIdsOption, parseCommandArgs, requireFilings, type Command } from './command.js';
import { relative } from './ingest-command.js';
import { printable } from './printable.js';

const SEVERITY_RANK = { info: 0, warning: 1, error: 2 } as const;

export const diffCommand: Command = {
  name: 'diff',
  summary: 'list the inconsistencies found, both sides quoted with their pages, like a diff',
  usage: `filings diff [--filing ID…] [--kind K…] [--format text|json] [--fail-on error|warning] [--db PATH|URL]

Findings grouped by filing and project; each shows both sides quoted with page numbers (colour on a
terminal, plain otherwise).

  --filing ID        only these filings (repeatable)
  --kind K           only these kinds (repeatable): ${FindingKind.options.join(', ')}
  --format json      print the findings as JSON instead
  --fail-on LEVEL    exit 1 when a finding of this severity or worse exists (error | warning), for CI
  ${DB_HELP}`,
  async run(args) {
    const { values, positionals } = parseCommandArgs(args, {
      db: { type: 'string' },
      filing: { type: 'string', multiple: true },
      kind: { type: 'string', multiple: true },
      format: { type: 'string' },
      'fail-on': { type: 'string' },
    });
    if (values.help) {
      console.log(this.usage);
      return 0;
    }
    if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const kinds = values.kind ?? [];
    for (const kind of kinds)
      if (!FindingKind.safeParse(kind).success) throw new UsageError(`--kind takes ${FindingKind.options.join(', ')}, not "${kind}"`);
    const format = values.format ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError(`--format takes text or json, not "${format}"`);
    const failOn = values['fail-on'];
    if (failOn !== undefined && failOn !== 'error' && failOn !== 'warning')
      throw new UsageError(`--fail-on takes error or warning, not "${failOn}"`);
    const store = await openStore(dbTarget(values.db), { readonly: true });
    try {
      const ids = filingIdsOption(values.filing);
      await requireFilings(store, ids);
      const wanted = ids ? new Set(ids) : null;
      const filings = (await store.listFilings()).filter((f) => !wanted || wanted.has(f.id));
      const groups: { filing: (typeof filings)[number]; findings: Finding[] }[] = [];
      for (const filing of filings)
        groups.push({ filing, findings: (await store.findingsOf(filing.id)).filter((f) => !kinds.length || kinds.includes(f.kind)) });
      if (format === 'json')
        console.log(
          JSON.stringify(
            groups.map((g) => ({ filing: { id: g.filing.id, path: g.filing.path }, findings: g.findings })),
            null,
            2,
          ),
        );
      else {
        // the text of each filing a location points into: a file without pages is located by its line
        const texts = new Map<number, string>();
        for (const { filing, findings } of groups) {
          for (const id of new Set([filing.id, ...findings.flatMap((f) => f.locations.map((l) => l.filing_id ?? filing.id))])) {
            if (!texts.has(id)) texts.set(id, (await store.loadDocument(id)).text);
          }
        }
        printText(groups, Boolean(process.stdout.isTTY), (id) => texts.get(id) ?? '');
      }
      const worst = Math.max(-1, ...groups.flatMap((g) => g.findings.map((f) => SEVERITY_RANK[f.severity])));
      return failOn !== undefined && worst >= SEVERITY_RANK[failOn] ? 1 : 0;
    } finally {
      await store.close();
    }
  },
};

type Paint = (text: string, code: string) => string;

function printText(
  groups: { filing: { id: number; path: string }; findings: Finding[] }[],
  colour: boolean,
  textOf: (filingId: number) => string,
): void {
  const paint: Paint = (text, code) => (colour ? `\x1b[${code}m${text}\x1b[0m` : text);
  const severityColour = { error: '31', warning: '33', info: '36' } as const;
  let total = 0;
  for (const { filing, findings } of groups) {
    if (findings.length === 0) continue;
    total += findings.length;
    console.log(paint(`=== #${filing.id} ${printable(relative(filing.path))}`, '1'));
    const byProject = new Map<string, Finding[]>();
    for (const f of findings) byProject.set(f.project ?? '（整个文件）', [...(byProject.get(f.project ?? '（整个文件）') ?? []), f]);
    for (const [project, list] of byProject) {
      console.log(paint(`--- ${printable(project)}`, '1'));
      for (const f of list) {
        const numbers = f.expected !== null || f.actual !== null ? `  [expected ${f.expected ?? '-'} | actual ${f.actual ?? '-'}]` : '';
        console.log(
          `${paint(f.severity.toUpperCase().padEnd(7), severityColour[f.severity])} ${f.kind}: ${printable(f.message)}${numbers}`,
        );
        console.log(`        ${printable(f.message_en)}`);
        f.locations.forEach((l, k) => {
          const sign = k === 0 ? '-' : '+';
          const page = whereLabel(l.page, () => lineAt(textOf(l.filing_id ?? filing.id), l.start));
          const where = `${l.filing_id !== null ? `#${l.filing_id} ` : ''}${page} ${l.start}-${l.end}`;
          const quote = l.quote.length > 120 ? `${l.quote.slice(0, 117)}…` : l.quote;
          console.log(paint(`  ${sign} [${l.role}, ${where}] ${printable(quote.replace(/\n/g, ' ⏎ '))}`, k === 0 ? '31' : '32'));
        });
      }
    }
  }
  console.log(total === 0 ? 'no findings' : `${total} finding(s)`);
}
