import { describe, expect, it } from 'vitest';
import { ApiError } from '../src/lib/graphql/api-error.ts';
import { UploadQueue, type UploadSender } from '../src/lib/uploads/upload-queue.svelte.ts';

/** A sender whose uploads the test drives by hand: progress, success, failure. */
function manualSender() {
  const calls: {
    file: File;
    progress: (loaded: number, total: number) => void;
    resolve: (id: string) => void;
    reject: (error: unknown) => void;
    signal: AbortSignal;
  }[] = [];
  const send: UploadSender = (file, progress, signal) =>
    new Promise((resolve, reject) => {
      calls.push({ file, progress, resolve, reject, signal });
      signal.addEventListener('abort', () => reject(new DOMException('cancelled', 'AbortError')));
    });
  return { send, calls };
}

const file = (name: string, size: number) => new File([new Uint8Array(size)], name);
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('upload queue', () => {
  it('uploads at most `concurrency` files at once and starts the next when one ends', async () => {
    const { send, calls } = manualSender();
    const queue = new UploadQueue(send, 2);
    queue.add([file('a.txt', 10), file('b.txt', 10), file('c.txt', 10)]);
    expect(calls.map((c) => c.file.name)).toEqual(['a.txt', 'b.txt']);
    expect(queue.items.map((i) => i.status)).toEqual(['uploading', 'uploading', 'queued']);

    calls[0]?.resolve('material-a');
    await settle();
    expect(calls.map((c) => c.file.name)).toEqual(['a.txt', 'b.txt', 'c.txt']);
    expect(queue.items[0]).toMatchObject({ status: 'done', resultId: 'material-a', loaded: 10 });
  });

  it('reports per-file progress and "storing" once every byte is sent', async () => {
    const { send, calls } = manualSender();
    const queue = new UploadQueue(send, 2);
    queue.add([file('big.wav', 1000), file('small.txt', 100)]);
    calls[0]?.progress(250, 1000);
    expect(queue.items[0]).toMatchObject({ status: 'uploading', loaded: 250 });
    expect(queue.items[1]).toMatchObject({ loaded: 0 });
    expect(queue.progress).toBeCloseTo(250 / 1100);
    calls[0]?.progress(1000, 1000);
    expect(queue.items[0]?.status).toBe('storing');
  });

  it('keeps going when one file fails, with the API error on that file only', async () => {
    const { send, calls } = manualSender();
    const queue = new UploadQueue(send, 1);
    queue.add([file('fake.mp3', 5), file('good.txt', 5)]);
    calls[0]?.reject(new ApiError('"fake.mp3" is not audio', 'VALIDATION', 'BISHOP_ERR_FILE_DISGUISED'));
    await settle();
    expect(queue.items[0]?.status).toBe('failed');
    expect(queue.items[0]?.error?.bishopCode).toBe('BISHOP_ERR_FILE_DISGUISED');
    expect(calls[1]?.file.name).toBe('good.txt');
    calls[1]?.resolve('material-good');
    await settle();
    expect(queue.items[1]?.status).toBe('done');
    expect(queue.busy).toBe(false);
  });

  it('cancels an upload in flight, and retries it on request', async () => {
    const { send, calls } = manualSender();
    const queue = new UploadQueue(send, 1);
    queue.add([file('a.txt', 5), file('b.txt', 5)]);
    const id = queue.items[0]?.id ?? '';
    queue.cancel(id);
    await settle();
    expect(calls[0]?.signal.aborted).toBe(true);
    expect(queue.items[0]?.status).toBe('cancelled');
    expect(calls[1]?.file.name).toBe('b.txt');

    calls[1]?.resolve('material-b');
    await settle();
    queue.retry(id);
    expect(queue.items[0]?.status).toBe('uploading');
    expect(calls[2]?.file.name).toBe('a.txt');
  });

  it('turns a network failure into a NETWORK error and clears finished rows on request', async () => {
    const { send, calls } = manualSender();
    const queue = new UploadQueue(send, 1);
    queue.add([file('a.txt', 5)]);
    calls[0]?.reject(new TypeError('Failed to fetch'));
    await settle();
    expect(queue.items[0]?.error?.code).toBe('NETWORK');
    queue.clearFinished();
    expect(queue.items).toEqual([]);
  });
});
