import type { CallServerMessage } from '@bishop/domain';

export interface Received {
  readonly at: number;
  readonly message: CallServerMessage;
}

/**
 * A live-call client over the real socket, as a browser would be: `start`
 * with the token, then 16 kHz PCM streamed at real time (20 ms frames);
 * every server message and audio frame is kept with its arrival time
 * (performance.now()).
 */
export async function openCallClient(baseUrl: string, chatId: string, token: string) {
  const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/api/chats/${chatId}/call`);
  socket.binaryType = 'arraybuffer';
  const messages: Received[] = [];
  const audio: { at: number; bytes: number }[] = [];
  let closed: { code: number; reason: string } | null = null;
  const waiters = new Set<() => void>();
  const notify = () => {
    for (const wake of waiters) wake();
  };
  socket.addEventListener('message', (event) => {
    const at = performance.now();
    if (typeof event.data === 'string') messages.push({ at, message: JSON.parse(event.data) as CallServerMessage });
    else audio.push({ at, bytes: (event.data as ArrayBuffer).byteLength });
    notify();
  });
  socket.addEventListener('close', (event) => {
    closed = { code: event.code, reason: event.reason };
    notify();
  });
  await new Promise((resolve, reject) => {
    socket.addEventListener('open', resolve, { once: true });
    socket.addEventListener('error', reject, { once: true });
  });
  socket.send(JSON.stringify({ type: 'start', authorization: `Bearer ${token}` }));

  /** Waits until `condition` holds (checked on every arrival). */
  function until<T>(condition: () => T | undefined | null | false, timeoutMs = 60_000, what = 'the call'): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const value = condition();
        if (value !== undefined && value !== null && value !== false) {
          waiters.delete(check);
          clearTimeout(timer);
          resolve(value);
        } else if (closed) {
          waiters.delete(check);
          clearTimeout(timer);
          reject(new Error(`${what}: closed (${closed.code} ${closed.reason}) first; got ${kinds()}`));
        }
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`${what}: not within ${timeoutMs} ms; got ${kinds()}`));
      }, timeoutMs);
      waiters.add(check);
      check();
    });
  }
  const kinds = () => messages.map((m) => m.message.type).join(', ');

  function find<Type extends CallServerMessage['type']>(type: Type, after = 0) {
    return messages.find((m) => m.at >= after && m.message.type === type) as
      | { at: number; message: Extract<CallServerMessage, { type: Type }> }
      | undefined;
  }

  return {
    messages,
    audio,
    get closed() {
      return closed;
    },
    until,
    find,
    /** Waits for a message of this type (arrived at or after `after`). */
    next<Type extends CallServerMessage['type']>(type: Type, after = 0, timeoutMs = 60_000) {
      return until(() => find(type, after), timeoutMs, `waiting for ${type}`);
    },
    /**
     * Streams samples at real time in 20 ms frames, each sent once its last sample is due (as a
     * microphone delivers it); resolves with the wall time each sample index was spoken at (so a
     * test knows when speech began and ended).
     */
    async stream(
      samples: Int16Array,
      signal?: AbortSignal,
    ): Promise<{ startedAt: number; sentAt: (index: number) => number }> {
      const frame = 320;
      const startedAt = performance.now();
      for (let start = 0; start < samples.length; start += frame) {
        if (signal?.aborted || socket.readyState !== WebSocket.OPEN) break;
        const due = startedAt + (Math.min(start + frame, samples.length) / 16_000) * 1000;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        socket.send(samples.slice(start, start + frame).buffer);
      }
      return { startedAt, sentAt: (index: number) => startedAt + (index / 16_000) * 1000 };
    },
    hangUp(): void {
      socket.send(JSON.stringify({ type: 'hangup' }));
    },
    close(): void {
      socket.close();
    },
  };
}

export type CallClient = Awaited<ReturnType<typeof openCallClient>>;

/** Index of the first sample louder than `threshold` (where speech starts in a padded recording). */
export function firstLoudSample(samples: Int16Array, threshold = 1000): number {
  return samples.findIndex((sample) => Math.abs(sample) > threshold);
}

/** Index just after the last sample louder than `threshold`. */
export function lastLoudSample(samples: Int16Array, threshold = 1000): number {
  return samples.findLastIndex((sample) => Math.abs(sample) > threshold) + 1;
}

/** `seconds` of silence at 16 kHz. */
export const silence = (seconds: number) => new Int16Array(Math.round(seconds * 16_000));
