/**
 * The one dependency rule (docs/architecture.md): each stage imports only the stages before it.
 *   model ← parsers ← normalize ← extractors ← checks ← store ← pipeline ← report ← cli
 * src/dev (generator, eval, benchmark) may import anything; nothing in the product imports it.
 * Type-only imports count too (tsPreCompilationDeps).
 */
const STAGES = [
  ['model', '^src/model/'],
  ['parsers', '^src/parsers/'],
  ['normalize', '^src/normalize/'],
  ['extractors', '^extractors/'],
  ['checks', '^src/checks/'],
  ['store', '^src/store/'],
  ['pipeline', '^src/pipeline/'],
  ['report', '^src/report/'],
  ['cli', '^src/cli/'],
];

const later = (i) => STAGES.slice(i + 1).map(([, path]) => path);

module.exports = {
  forbidden: [
    ...STAGES.slice(0, -1).map(([name, path], i) => ({
      name: `${name}-imports-a-later-stage`,
      comment: `${name} may import only the stages before it (${STAGES.slice(0, i).map(([n]) => n).join(', ') || 'none'})`,
      severity: 'error',
      from: { path },
      to: { path: later(i) },
    })),
    {
      name: 'product-imports-dev-tools',
      comment: 'the generator, eval and benchmark are development tools: nothing in the product imports them',
      severity: 'error',
      from: { path: '^(src|extractors)/', pathNot: '^src/dev/' },
      to: { path: '^src/dev/' },
    },
    {
      name: 'no-circular',
      comment: 'no cycle between modules, types included',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    includeOnly: '^(src|extractors)/',
  },
};
