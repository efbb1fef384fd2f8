/**
 * Deterministic synthetic filings with ground truth: evaluation fixtures in other templates than the sample,
 * benchmark corpora, and copy-detection test corpora. See cli.ts for the command line.
 */
export { generateFiling, type GenerateOptions } from './generate.js';
export { TEMPLATES, type SynthBlock, type SynthFiling, type Template } from './filing.js';
export { Truth, ProjectTruth, FundingItem, Indicator, Threshold, Planted } from './truth.js';
export { toText, toDocx, toPdf, toPdfBatch, findSoffice, type TextOptions, type PdfResult } from './write.js';
export { generateCopyCorpus, SHARED_BOILERPLATE, type CopyCorpus, type CopiedParagraph } from './copies.js';
export { writeCorpus, writeTemplateFixtures, FIXTURES, type OutputFormat, type WriteReport } from './corpus.js';
export { Rng } from './random.js';
export { DEPARTMENT_NAMES, type DepartmentName } from './vocab/specs.js';
