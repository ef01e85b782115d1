import { ApiError } from '../graphql/api-error.ts';

export type UploadStatus = 'queued' | 'uploading' | 'storing' | 'done' | 'failed' | 'cancelled';

export interface UploadItem {
  readonly id: string;
  readonly name: string;
  readonly size: number;
  loaded: number;
  status: UploadStatus;
  error: ApiError | null;
  /** The material (or voice sample) the server made of it. */
  resultId: string | null;
}

/** Sends one file; reports bytes sent; resolves with the id the server gave it or rejects with an ApiError. */
export type UploadSender = (
  file: File,
  onProgress: (loaded: number, total: number) => void,
  signal: AbortSignal,
) => Promise<string>;

let nextId = 0;

/**
 * Files waiting to go up, going up, and done: a bounded number upload at once (each
 * with its own progress), a failed or cancelled file can be retried, and one bad file
 * never stops the others.
 */
export class UploadQueue {
  items = $state<UploadItem[]>([]);
  readonly #send: UploadSender;
  readonly #concurrency: number;
  readonly #files = new Map<string, File>();
  readonly #aborts = new Map<string, AbortController>();

  constructor(send: UploadSender, concurrency = 2) {
    this.#send = send;
    this.#concurrency = concurrency;
  }

  add(files: Iterable<File>): void {
    for (const file of files) {
      nextId += 1;
      const id = `upload-${nextId}`;
      this.#files.set(id, file);
      this.items.push({
        id,
        name: file.name,
        size: file.size,
        loaded: 0,
        status: 'queued',
        error: null,
        resultId: null,
      });
    }
    this.#pump();
  }

  cancel(id: string): void {
    const item = this.#item(id);
    if (!item || (item.status !== 'queued' && item.status !== 'uploading')) return;
    this.#aborts.get(id)?.abort();
    item.status = 'cancelled';
    this.#pump();
  }

  /** Stops every file not yet up (signing out ends the uploads of the one who signed out). */
  cancelAll(): void {
    for (const item of this.items) this.cancel(item.id);
  }

  retry(id: string): void {
    const item = this.#item(id);
    if (!item || (item.status !== 'failed' && item.status !== 'cancelled')) return;
    Object.assign(item, { status: 'queued', loaded: 0, error: null });
    this.#pump();
  }

  /** Removes finished rows (done, failed, cancelled) from the list. */
  clearFinished(): void {
    this.items = this.items.filter((item) => !isFinished(item.status));
    for (const id of this.#files.keys()) if (!this.#item(id)) this.#files.delete(id);
  }

  /** Files queued or on their way up. */
  get pending(): number {
    return this.items.filter((item) => !isFinished(item.status)).length;
  }

  get busy(): boolean {
    return this.items.some((item) => !isFinished(item.status));
  }

  /** Bytes sent over bytes to send, for the files not yet finished or done (0–1). */
  get progress(): number {
    const counted = this.items.filter((item) => item.status !== 'failed' && item.status !== 'cancelled');
    const total = counted.reduce((sum, item) => sum + item.size, 0);
    if (total === 0) return counted.length > 0 ? 1 : 0;
    return counted.reduce((sum, item) => sum + (item.status === 'done' ? item.size : item.loaded), 0) / total;
  }

  #item(id: string): UploadItem | undefined {
    return this.items.find((item) => item.id === id);
  }

  #pump(): void {
    let running = this.items.filter((item) => item.status === 'uploading' || item.status === 'storing').length;
    for (const item of this.items) {
      if (running >= this.#concurrency) return;
      if (item.status !== 'queued') continue;
      running += 1;
      void this.#start(item.id);
    }
  }

  async #start(id: string): Promise<void> {
    const item = this.#item(id);
    const file = this.#files.get(id);
    if (!item || !file) return;
    const abort = new AbortController();
    this.#aborts.set(id, abort);
    item.status = 'uploading';
    try {
      const resultId = await this.#send(
        file,
        (loaded, total) => {
          const current = this.#item(id);
          if (current?.status !== 'uploading') return;
          current.loaded = Math.min(loaded, file.size);
          // Every byte is out; the server is now hashing and storing it.
          if (loaded >= total) current.status = 'storing';
        },
        abort.signal,
      );
      const done = this.#item(id);
      if (done && done.status !== 'cancelled') Object.assign(done, { status: 'done', loaded: file.size, resultId });
    } catch (error) {
      const failed = this.#item(id);
      if (failed && failed.status !== 'cancelled') {
        failed.status = 'failed';
        failed.error = error instanceof ApiError ? error : ApiError.network(error);
      }
    } finally {
      this.#aborts.delete(id);
      this.#pump();
    }
  }
}

function isFinished(status: UploadStatus): boolean {
  return status === 'done' || status === 'failed' || status === 'cancelled';
}
