export { type AvatarForReply, avatarForReply } from './active-persona.ts';
export { exchangeSourceId, exchangesOf, type RecalledExchange, recallExchanges } from './chat-memory.ts';
export {
  type ChatTranscript,
  type ChatTurn,
  emptyTranscript,
  foldTranscript,
  refreshTranscript,
  transcriptCache,
} from './chat-transcript.ts';
export { type LocalLlmSettings, loadLocalLlm, localEngineName } from './local-llm.ts';
export {
  type BuiltPrompt,
  buildReplyPrompt,
  type PromptBudget,
  type PromptExemplar,
  type PromptPassage,
  PromptTooLongError,
  type ReplyPromptInput,
} from './prompt/build-reply-prompt.ts';
export { describeStyle } from './prompt/style-summary.ts';
export { type ReplyEngine, type ReplyMode, type ReplySettings, replyEngines, replyModes } from './reply-engines.ts';
export { type Interruption, ReplyInterrupted, watchForInterruptions } from './reply-interruptions.ts';
export { type ReplyWorkerOptions, startReplyWorker } from './reply-worker.ts';
export {
  NoReplyError,
  type ReplyRequest,
  type ReplyResult,
  type Responder,
  type RespondOptions,
} from './responder.ts';
export { type LlmResponderOptions, llmResponder } from './responders/llm-responder.ts';
export { RETRIEVAL_MODEL, retrievalResponder } from './responders/retrieval-responder.ts';
