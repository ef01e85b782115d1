import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
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
  const child = spawn(process.execPath, [program], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`tts server did not start:\n${output}`)), 15_000);
    child.stdout?.on('data', (chunk) => {
      output += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr?.on('data', (chunk) => {
      output += chunk;
    });
    child.once('exit', (code) => reject(new Error(`tts server exited with ${code}:\n${output}`)));
  });
  return {
    url,
    child,
    requests: async () => (await (await fetch(`${url}/requests`)).json()) as LoggedTtsRequest[],
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}
