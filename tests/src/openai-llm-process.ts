import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { LoggedLlmRequest } from './openai-llm-server.ts';

const program = fileURLToPath(new URL('./openai-llm-server.ts', import.meta.url));

export interface OpenAiLlmProcess {
  /** Base URL of the API (`…/v1`), as BISHOP_LLM_URL takes it. */
  readonly url: string;
  readonly child: ChildProcess;
  requests(): Promise<LoggedLlmRequest[]>;
  stop(): Promise<void>;
}

/** Starts tests/src/openai-llm-server.ts (the tiny model over the OpenAI streaming protocol) on a free port. */
export async function startOpenAiLlmProcess(): Promise<OpenAiLlmProcess> {
  const child = spawn(process.execPath, [program], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`llm server did not start:\n${output}`)), 30_000);
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
    child.once('exit', (code) => reject(new Error(`llm server exited with ${code}:\n${output}`)));
  });
  return {
    url: `${origin}/v1`,
    child,
    requests: async () => (await (await fetch(`${origin}/requests`)).json()) as LoggedLlmRequest[],
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}
