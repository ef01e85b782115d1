import type { CallPeer } from '@bishop/domain';
import { ModelMissingError } from '../models/index.ts';
import { loadPersonaEmbedder } from '../persona/index.ts';
import { transcriptCache } from '../replies/chat-transcript.ts';
import { type ReplySettings, replyEngines } from '../replies/index.ts';
import { personaCache } from '../replies/persona-cache.ts';
import { type CallContextSources, type CallSettings, prepareCall } from './call-context.ts';
import { openCallSession } from './call-session.ts';

export interface CallEngineOptions
  extends Omit<CallContextSources, 'engine' | 'personaOf' | 'transcriptOf' | 'settings'> {
  readonly replies: ReplySettings;
  readonly settings: CallSettings;
}

/**
 * Live calls for the gateway: each `open` gathers the avatar, its voice (the
 * consent rule of dubs) and the models, records CallStarted and returns the
 * session the socket feeds. Models load once per process and are shared by every call.
 */
export function createCallEngine(options: CallEngineOptions) {
  const engines = replyEngines(options.replies, options.models);
  const transcripts = transcriptCache(options.eventStore, 32);
  const sources: CallContextSources = {
    ...options,
    engine: () => engines.current(),
    personaOf: personaCache(options.blobs, async () => {
      try {
        return await loadPersonaEmbedder(options.models);
      } catch (error) {
        if (error instanceof ModelMissingError) return null;
        throw error;
      }
    }),
    // The call's own cache: it holds the chat's words only while the process runs (a call is short-lived).
    transcriptOf: (chatId) => transcripts.transcriptOf(chatId),
  };
  return {
    settings: options.settings,
    async open(peer: CallPeer) {
      const context = await prepareCall(sources, peer.chatId, peer.avatarId);
      return openCallSession(context, peer);
    },
  };
}

export type CallEngine = ReturnType<typeof createCallEngine>;
