import type { SourceRun } from '../model/document.js';

/**
 * Builds the normalized text one character at a time, remembering for each character the source offset
 * it came from (or none, for characters the normalizer inserted), then compresses that map into runs.
 */
export class MappedTextBuilder {
  private readonly parts: string[] = [];
  private readonly sources: number[] = [];
  private length = 0;

  get offset(): number {
    return this.length;
  }

  /** Append one source character (possibly folded) that stood at `sourceOffset`. */
  pushChar(ch: string, sourceOffset: number): void {
    for (let i = 0; i < ch.length; i++) {
      this.parts.push(ch[i]);
      this.sources.push(sourceOffset + i);
    }
    this.length += ch.length;
  }

  /** Append text that stands for nothing in the source (block separators). */
  pushInserted(text: string): void {
    for (let i = 0; i < text.length; i++) {
      this.parts.push(text[i]);
      this.sources.push(-1);
    }
    this.length += text.length;
  }

  lastChar(): string | undefined {
    return this.parts[this.parts.length - 1];
  }

  /** Text written so far between two offsets (each part is one UTF-16 unit). */
  textBetween(start: number, end: number): string {
    return this.parts.slice(start, end).join('');
  }

  build(): { text: string; runs: SourceRun[] } {
    return { text: this.parts.join(''), runs: compressRuns(this.sources) };
  }
}

function compressRuns(sources: number[]): SourceRun[] {
  const runs: SourceRun[] = [];
  let i = 0;
  while (i < sources.length) {
    if (sources[i] < 0) {
      i++;
      continue;
    }
    const start = i;
    while (i + 1 < sources.length && sources[i + 1] === sources[i] + 1) i++;
    runs.push([start, sources[start], i - start + 1]);
    i++;
  }
  return runs;
}

/**
 * Source offset of normalized offset `offset`. Inserted characters map to the source of the next mapped
 * character, so a span [start, end) maps to [toSource(start), toSource(end - 1) + 1).
 */
export function toSourceOffset(runs: readonly SourceRun[], offset: number): number | null {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [norm, src, len] = runs[mid];
    if (offset < norm) hi = mid - 1;
    else if (offset >= norm + len) lo = mid + 1;
    else return src + (offset - norm);
  }
  const next = runs[lo];
  return next === undefined ? null : next[1];
}

/** The source span that normalized [start, end) was read from. */
export function toSourceSpan(runs: readonly SourceRun[], start: number, end: number): { start: number; end: number } | null {
  const first = toSourceOffset(runs, start);
  const last = end > start ? toSourceOffset(runs, end - 1) : first;
  if (first === null || last === null) return null;
  return { start: first, end: Math.max(first, last + 1) };
}
