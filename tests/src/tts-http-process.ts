import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startListeningProcess } from './listening-process.ts';
import type { LoggedTtsRequest } from './tts-http-server.ts';

const program = fileURLToPath(new URL('./tts-http-server.ts', import.meta.url));

export interface TtsHttpProcess {
  /** Base URL; the synthesis endpoint is `${url}/tts`. */
  readonly url: string;
  readonly child: ChildProcess;
  requests(): Promise<LoggedTtsRequest[]>;
  stop(): Promise<void>;
}

/** Starts tests/src/tts-http-server.ts as its own process on a free port. */
export async function startTtsHttpProcess(): Promise<TtsHttpProcess> {
  const server = await startListeningProcess('tts server', [program], { timeoutMs: 15_000 });
  return {
    url: server.url,
    child: server.child,
    requests: async () => (await (await fetch(`${server.url}/requests`)).json()) as LoggedTtsRequest[],
    async stop() {
      await server.stop();
    },
  };
}
