import { avatarBlobPrefix, isDomainError, type ReplyTokenSignal } from '@bishop/domain';
import type { BlobStore, Bus, EventStore, RecordedEvent } from '@bishop/domain/ports';
import { liveChannels, sendLive } from '@bishop/domain/ports';
import { ModelMissingError, type ModelSettings } from '../models/index.ts';
import { loadPersonaEmbedder, type PersonaEmbedder } from '../persona/index.ts';
import type { Job } from '../runtime/index.ts';
import {
  deterministicUuid,
  failureOf,
  jobCommandMetadata,
  PermanentJobError,
  type RunningWorker,
  runWorker,
  type WorkerCommands,
  type WorkerLogger,
} from '../runtime/index.ts';
import { avatarForReply } from './active-persona.ts';
import { exchangesOf } from './chat-memory.ts';
import { transcriptCache } from './chat-transcript.ts';
import { forgetShreddedAvatars } from './forget-shredded.ts';
import { personaCache } from './persona-cache.ts';
import { type ReplySettings, replyEngines } from './reply-engines.ts';
import { ReplyInterrupted, watchForInterruptions } from './reply-interruptions.ts';
import { NoReplyError, type ReplyResult } from './responder.ts';

export interface ReplyWorkerOptions {
  readonly bus: Bus;
  readonly commands: WorkerCommands;
  readonly blobs: BlobStore;
  /** The decrypting event store: messages, replies and the persona card are read from it. */
  readonly eventStore: EventStore;
  readonly models: ModelSettings;
  readonly replies: ReplySettings;
  readonly decrypt: (event: RecordedEvent) => Promise<RecordedEvent>;
  readonly concurrency?: number;
  /** How often a running reply looks for a cancel or a newer message. */
  readonly interruptionCheckMs?: number;
  readonly logger?: WorkerLogger;
}

const SERVICE = 'reply';
const MAX_DELIVER = 3;
const MAX_SOURCE_IDS = 100;

/** A voice message is answered once transcribed, like a typed one. */
const asks = ['MessageSent', 'VoiceMessageTranscribed', 'ReplyRegenerationRequested', 'MessageEdited'] as const;
type AskJob = Job<(typeof asks)[number]>;

const superseded = {
  reasonCode: 'SUPERSEDED',
  reason: 'A newer message was sent before this reply was ready; the avatar answers that one instead',
};

/**
 * On MessageSent or VoiceMessageTranscribed (and when a reply is asked again, or the message edited): answers with the avatar's active persona version — through
 * the configured LLM or, without one, the person's own past replies —
 * publishing each piece on the chat's reply-token subject as it is produced,
 * then records ReplyGenerated (text = the pieces joined) or ReplyFailed with a
 * reason. A cancel, a newer message or the chat's deletion stops it promptly.
 */
export function startReplyWorker(options: ReplyWorkerOptions): RunningWorker {
  const { bus, commands, eventStore, logger } = options;
  const engines = replyEngines(options.replies, options.models);
  const transcripts = transcriptCache(eventStore);
  const personaOf = personaCache(options.blobs, () => embedder(options.models));
  // A shredded avatar's chats and persona leave memory at once, in every reply process.
  const forgetting = forgetShreddedAvatars(bus, (avatarId) => {
    transcripts.forgetAvatar(avatarId);
    personaOf.forget(avatarBlobPrefix(avatarId));
  });
  const target = (job: AskJob) => ({
    chatId: job.streamId,
    messageId: job.data.messageId,
  });

  /** Sends a chat command of this job; a refusal because the message was settled meanwhile is no failure. */
  async function settle(job: AskJob, command: Parameters<WorkerCommands['chat']>[1]): Promise<void> {
    try {
      await commands.chat(target(job).chatId, command);
    } catch (error) {
      const settledMeanwhile =
        isDomainError(error) && ['BISHOP_ERR_INVALID_STATE', 'BISHOP_ERR_DELETED'].includes(error.code);
      if (!settledMeanwhile) throw error;
      logger?.info(
        { ...target(job), code: (error as { code: string }).code },
        'message settled meanwhile; reply dropped',
      );
    }
  }

  const failReply = (job: AskJob, failure: { reasonCode: string; reason: string }) =>
    settle(job, {
      type: 'FailReply',
      data: { messageId: target(job).messageId, ...failure },
      metadata: jobCommandMetadata(job, 'reply', SERVICE),
    });

  const worker = runWorker({
    bus,
    durable: 'worker-reply',
    on: asks,
    concurrency: options.concurrency ?? 2,
    ackWaitMs: 60_000,
    maxDeliver: MAX_DELIVER,
    decrypt: options.decrypt,
    ...(logger ? { logger } : {}),
    async handle(job, context) {
      const { chatId, messageId } = target(job);
      const pickedUpMs = Date.now() - job.recordedAt.getTime();
      // 1. The chat as it is now: only the last ask of a message still awaiting its reply is answered
      //    (a redelivery, or a job overtaken by an edit or another ask, does nothing).
      const transcript = await transcripts.transcriptOf(chatId);
      if (transcript.deleted) return transcripts.forgetChat(chatId);
      const at = transcript.turns.findIndex((turn) => turn.messageId === messageId);
      const turn = transcript.turns[at];
      // A turn of a live call is answered by the call itself, spoken as it is generated.
      if (turn?.outcome !== 'awaiting' || turn.text === null || turn.callId !== null) return;
      if (turn.askedRevision !== job.revision) return;
      // A first answer gives way to a newer message; asking again about an earlier one answers it in its place.
      const firstAsk = job.type === 'MessageSent' || job.type === 'VoiceMessageTranscribed';
      if (firstAsk && at < transcript.turns.length - 1) return failReply(job, superseded);
      // 2. The avatar and its active persona version (a rollback counts from the next message on).
      const avatar = transcript.avatarId
        ? await avatarForReply(eventStore, transcript.avatarId, transcript.personaVersion)
        : null;
      if (avatar?.status === 'deleted' && transcript.avatarId) transcripts.forgetAvatar(transcript.avatarId);
      if (avatar?.status !== 'live') return;
      const persona = avatar.persona ? await personaOf(avatar.persona.snapshotKey) : null;
      const engine = await engines.current();
      const preparedMs = Date.now() - job.recordedAt.getTime();
      if (!engine.responder) throw new PermanentJobError({ reasonCode: 'LLM_UNAVAILABLE', reason: engine.reason });
      // 3. Generate, streaming each piece, until done, cancelled, superseded or out of time.
      const watch = watchForInterruptions(
        eventStore,
        chatId,
        messageId,
        transcript.revision,
        options.interruptionCheckMs,
        firstAsk,
      );
      const timeout = AbortSignal.timeout(options.replies.timeoutMs);
      let index = 0;
      const publish = (text: string, done: boolean) => {
        const token: ReplyTokenSignal = { chatId, messageId, index: index++, text, done };
        sendLive(bus, liveChannels.replyTokens, token);
      };
      let result: ReplyResult;
      try {
        result = await engine.responder.respond(
          {
            message: turn.text,
            avatarName: avatar.name,
            card: avatar.card,
            persona,
            earlier: exchangesOf(transcript.turns.slice(0, at)),
            saidBefore: turn.replies.flatMap((reply) => (reply.text === null ? [] : [reply.text])),
          },
          {
            signal: AbortSignal.any([context.signal, watch.signal, timeout]),
            onToken: (piece) => publish(piece, false),
          },
        );
      } catch (error) {
        if (context.signal.aborted) throw error;
        publish('', true);
        const interrupted = watch.signal.reason;
        if (watch.signal.aborted && interrupted instanceof ReplyInterrupted) {
          if (interrupted.interruption === 'superseded') return failReply(job, superseded);
          return; // Cancelled (already recorded) or the chat is gone.
        }
        if (timeout.aborted) {
          const seconds = Math.round(options.replies.timeoutMs / 1000);
          throw new PermanentJobError({
            reasonCode: 'TIMEOUT',
            reason: `The reply took longer than ${seconds} s and was stopped`,
          });
        }
        if (error instanceof NoReplyError) {
          throw new PermanentJobError({ reasonCode: error.reasonCode, reason: error.message });
        }
        throw error;
      } finally {
        await watch.stop();
      }
      publish('', true);
      // 4. Record it; the commandId comes from the job, so a redelivery cannot append a second reply.
      await settle(job, {
        type: 'RecordReply',
        data: {
          messageId,
          replyId: deterministicUuid('reply', job.metadata.eventId),
          text: result.text,
          personaVersion: avatar.persona?.version ?? null,
          model: result.model,
          latencyMs: Math.max(0, Date.now() - job.recordedAt.getTime()),
          promptTokens: result.promptTokens,
          completionTokens: result.completionTokens,
          sourceIds: result.sourceIds.slice(0, MAX_SOURCE_IDS),
          sources: [...result.sources],
          closeness: result.closeness,
        },
        metadata: jobCommandMetadata(job, 'reply', SERVICE),
      });
      logger?.info(
        {
          chatId,
          messageId,
          model: result.model,
          // From the message being stored: to this worker, to the prompt's inputs, to the first piece.
          pickedUpMs,
          preparedMs,
          firstTokenMs: result.firstTokenMs,
          tokens: result.completionTokens,
        },
        'reply recorded',
      );
    },
    onGiveUp: (job, error) => failReply(job, failureOf(error, MAX_DELIVER)),
  });
  return {
    get running() {
      return worker.running;
    },
    async stop() {
      await worker.stop();
      await forgetting.stop();
    },
  };
}

async function embedder(models: ModelSettings): Promise<PersonaEmbedder | null> {
  try {
    return await loadPersonaEmbedder(models);
  } catch (error) {
    if (error instanceof ModelMissingError) return null;
    throw error;
  }
}
