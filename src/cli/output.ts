import { statSync, unlinkSync } from 'node:fs';
import { mkdir, open, rename, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

/** Buffered up to this much before a write: few system calls, and every write is awaited and checked. */
const FLUSH_BYTES = 1024 * 1024;

/**
 * Where a command writes its document: a file (through `FILE.partial`, renamed when complete, removed on
 * failure, so a full disk never leaves a cut file under the real name) or standard output. Every write
 * error is thrown to the caller, which exits non-zero.
 */
export class Output {
  private pending: string[] = [];
  private pendingBytes = 0;

  private constructor(
    private readonly handle: FileHandle | null,
    private readonly target: string | null,
    private readonly written: string | null,
  ) {}

  static async open(file: string | undefined): Promise<Output> {
    if (!file) return new Output(null, null, null);
    const target = path.resolve(file);
    // a device or FIFO (/dev/stdout, a pipe) is written in place: it cannot be renamed onto
    const special = isSpecial(target);
    const written = special ? target : `${target}.partial`;
    try {
      await mkdir(path.dirname(target), { recursive: true });
      return new Output(await open(written, 'w'), special ? null : target, written);
    } catch (error) {
      throw cannotWrite(target, error);
    }
  }

  async write(text: string): Promise<void> {
    this.pending.push(text);
    this.pendingBytes += text.length;
    if (this.pendingBytes >= FLUSH_BYTES) await this.named(() => this.flush());
  }

  /** Everything written: the file takes its real name. */
  async commit(): Promise<void> {
    await this.named(async () => {
      await this.flush();
      if (this.handle) {
        await this.handle.close();
        if (this.target && this.written) await rename(this.written, this.target);
      }
    });
  }

  private async named(work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      throw cannotWrite(this.target ?? this.written ?? 'standard output', error);
    }
  }

  /** Something failed: the partial file is removed. */
  async abort(): Promise<void> {
    if (!this.handle) return;
    await this.handle.close().catch(() => {});
    if (this.target && this.written) {
      try {
        unlinkSync(this.written);
      } catch {
        // never created, or already gone
      }
    }
  }

  private async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const chunk = this.pending.join('');
    this.pending = [];
    this.pendingBytes = 0;
    if (this.handle) {
      // a write may be short (a file-size limit, a nearly full disk): the next one then reports the error
      const bytes = Buffer.from(chunk);
      for (let done = 0; done < bytes.length; ) done += (await this.handle.write(bytes, done)).bytesWritten;
      return;
    }
    await new Promise<void>((resolve, reject) => {
      process.stdout.write(chunk, (error) => (error ? reject(error) : resolve()));
    });
  }
}

function cannotWrite(target: string, error: unknown): Error {
  return new Error(`cannot write ${target}: ${error instanceof Error ? error.message : String(error)}`);
}

function isSpecial(file: string): boolean {
  try {
    return !statSync(file).isFile();
  } catch {
    return false;
  }
}
