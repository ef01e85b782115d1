import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startListeningProcess } from './listening-process.ts';
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
  const server = await startListeningProcess('llm server', [program]);
  return {
    url: `${server.url}/v1`,
    child: server.child,
    requests: async () => (await (await fetch(`${server.url}/requests`)).json()) as LoggedLlmRequest[],
    async stop() {
      await server.stop();
    },
  };
}
