export type {
  FinishReason,
  GenerateOptions,
  Generation,
  LanguageModel,
  PromptMessage,
  PromptRole,
} from './llm-port.ts';
export { StreamedText } from './streamed-text.ts';
export { type TransformersLlmOptions, transformersLlm } from './transformers-llm.ts';
