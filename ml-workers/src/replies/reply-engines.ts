import { checkOpenAiEndpoint, type LanguageModel, type OpenAiLlmOptions, openAiLlm } from '../llm/index.ts';
import { checkModels, type ModelSettings } from '../models/index.ts';
import { loadLocalLlm, localEngineName } from './local-llm.ts';
import type { Responder } from './responder.ts';
import { llmResponder } from './responders/llm-responder.ts';
import { retrievalResponder } from './responders/retrieval-responder.ts';

export const replyModes = ['auto', 'local', 'remote', 'retrieval'] as const;
export type ReplyMode = (typeof replyModes)[number];

export interface ReplySettings {
  /** auto: the remote endpoint when configured, else the local model when installed, else retrieval. */
  readonly mode: ReplyMode;
  readonly remote: OpenAiLlmOptions | undefined;
  /** Upper bound on a local model's window (prompt + reply), to keep CPU prompts affordable. */
  readonly maxContextTokens: number;
  /** CPU threads for the llama.cpp engine (absent: one per core that does the maths). */
  readonly threads?: number | undefined;
  readonly maxNewTokens: number;
  readonly temperature: number;
  /** A reply still generating after this long fails with TIMEOUT. */
  readonly timeoutMs: number;
}

export type ReplyEngine =
  | { readonly responder: Responder; readonly description: string }
  | { readonly responder: null; readonly reason: string };

/**
 * Which reply mode answers now. Looked up per reply (a few file checks), so
 * installing a model takes effect without a restart; each model is loaded
 * once per process.
 */
export function replyEngines(settings: ReplySettings, models: ModelSettings) {
  const generation = { maxNewTokens: settings.maxNewTokens, temperature: settings.temperature };
  const retrieval = retrievalResponder();
  let remote: { responder: Responder; llm: LanguageModel } | { error: string } | undefined;
  let local: Promise<{ responder: Responder; llm: LanguageModel }> | undefined;

  function remoteEngine(options: OpenAiLlmOptions): ReplyEngine {
    remote ??= (() => {
      try {
        const llm = openAiLlm(options);
        return { llm, responder: llmResponder(llm, generation) };
      } catch (error) {
        return { error: (error as Error).message };
      }
    })();
    if ('error' in remote) return { responder: null, reason: remote.error };
    return { responder: remote.responder, description: `llm: ${remote.llm.name} at ${options.url}` };
  }

  async function localEngine(): Promise<ReplyEngine> {
    const [status] = await checkModels(models, ['llm']);
    if (!status?.ready) {
      return {
        responder: null,
        reason: `The language model ${status?.model} is not installed in ${status?.directory} (bishop models pull llm)`,
      };
    }
    local ??= loadLocalLlm(models, settings).then((llm) => ({ llm, responder: llmResponder(llm, generation) }));
    local.catch(() => {
      local = undefined;
    });
    const { llm, responder } = await local;
    return { responder, description: `llm: ${llm.name}, ${llm.contextTokens} tokens of context` };
  }

  async function current(): Promise<ReplyEngine> {
    switch (settings.mode) {
      case 'retrieval':
        return { responder: retrieval, description: 'retrieval: the person’s own past replies (no LLM, by choice)' };
      case 'remote':
        return settings.remote
          ? remoteEngine(settings.remote)
          : { responder: null, reason: 'BISHOP_REPLY_MODE=remote needs BISHOP_LLM_URL' };
      case 'local':
        return localEngine();
      case 'auto': {
        if (settings.remote) return remoteEngine(settings.remote);
        const engine = await localEngine();
        if (engine.responder) return engine;
        return {
          responder: retrieval,
          description: `retrieval: the person’s own past replies, because no LLM is installed (${engine.reason})`,
        };
      }
    }
  }

  /** For /readyz: which mode answers now and with what, without loading a model; throws when none can. */
  async function describe(): Promise<string> {
    const { mode, remote: endpoint } = settings;
    if (mode === 'retrieval') return 'retrieval: the person’s own past replies (no LLM, by choice)';
    if ((mode === 'remote' || mode === 'auto') && endpoint) {
      const engine = remoteEngine(endpoint);
      if (!engine.responder) throw new Error(engine.reason);
      await checkOpenAiEndpoint(endpoint);
      return engine.description;
    }
    if (mode === 'remote') throw new Error('BISHOP_REPLY_MODE=remote needs BISHOP_LLM_URL');
    const [status] = await checkModels(models, ['llm']);
    if (status?.ready) return `llm: ${localEngineName(models)}:${status.model}`;
    const missing = `the language model ${status?.model} is not installed in ${status?.directory}`;
    if (mode === 'local') throw new Error(`${missing} (bishop models pull llm)`);
    return `retrieval: the person’s own past replies, because no LLM is installed (${missing})`;
  }

  return { current, describe };
}
