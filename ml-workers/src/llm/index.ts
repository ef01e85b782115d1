export {
  type CompletionDelta,
  CompletionStreamError,
  type CompletionUsage,
  completionStream,
} from './chat-completion-stream.ts';
export { forbiddenAddress, forbiddenHost, guardedLookup } from './endpoint-guard.ts';
export { type LlamaCppLlmOptions, llamaCppLlm } from './llama-cpp-llm.ts';
export type {
  FinishReason,
  GenerateOptions,
  Generation,
  LanguageModel,
  PromptMessage,
  PromptRole,
} from './llm-port.ts';
export { checkOpenAiEndpoint, LlmEndpointError, type OpenAiLlmOptions, openAiLlm } from './openai-llm.ts';
export { StreamedText } from './streamed-text.ts';
export { estimatePromptTokens } from './token-estimate.ts';
export { type TransformersLlmOptions, transformersLlm } from './transformers-llm.ts';
