import { chatStream, dubBlobKey } from '@bishop/domain';
import type { BlobStore, Bus, EventStore, RecordedEvent } from '@bishop/domain/ports';
import type { AudioTools } from '../audio/index.ts';
import type { Job } from '../runtime/index.ts';
import {
  failureOf,
  jobCommandMetadata,
  PermanentJobError,
  type RunningWorker,
  runWorker,
  type WorkerCommands,
  type WorkerLogger,
} from '../runtime/index.ts';
import type { TtsEngines } from '../tts/index.ts';
import { withBlobAsFile } from '../workers/blob-files.ts';
import { asPermanentFailure } from '../workers/job-failure-mapping.ts';
import { type DubVoicePlan, planDubVoice } from './dub-voice.ts';
import { encodeDub } from './encode-dub.ts';
import { replyLanguage } from './reply-language.ts';
import { speakReply } from './speak-reply.ts';

export interface DubWorkerOptions {
  readonly bus: Bus;
  readonly commands: WorkerCommands;
  readonly blobs: BlobStore;
  readonly eventStore: EventStore;
  readonly tts: TtsEngines;
  /** espeak-ng, for Russian stress marks. */
  readonly espeakProgram: string;
  readonly decrypt: (event: RecordedEvent) => Promise<RecordedEvent>;
  readonly audioTools?: AudioTools;
  readonly logger?: WorkerLogger;
}

const SERVICE = 'dub';
const MAX_DELIVER = 3;

/**
 * On ReplyGenerated: speaks the reply sentence by sentence (signalling each
 * one as it is ready), in the person's cloned voice when consent and an
 * accepted sample exist and the engine clones, else in a generic voice;
 * encodes it to Ogg/Opus marked as synthetic, stores it and records DubReady,
 * or DubFailed with a reason a person can read.
 */
export function startDubWorker(options: DubWorkerOptions): RunningWorker {
  const { commands, blobs } = options;
  const tools = options.audioTools ? { tools: options.audioTools } : {};
  const target = (job: Job<'ReplyGenerated'>) => ({
    chatId: job.streamId,
    reply: job.data,
  });

  async function avatarOf(chatId: string): Promise<string> {
    const [opened] = await options.eventStore.readStream(chatStream(chatId), { maxCount: 1 });
    const avatarId = opened?.data.avatarId;
    if (typeof avatarId !== 'string') throw new Error(`Chat ${chatId} has no ChatOpened event`);
    return avatarId;
  }

  /** A reply in a live call was spoken as it was generated; the call records that audio as its dub. */
  async function spokenInCall(chatId: string, messageId: string): Promise<boolean> {
    const events = await options.eventStore.readStream(chatStream(chatId));
    return events.some(
      (event) => event.type === 'VoiceMessageSent' && event.data.messageId === messageId && event.data.callId,
    );
  }

  /** Runs `speak` with the voice sample as a file when the plan clones and the engine can. */
  function withReference<T>(plan: DubVoicePlan, clones: boolean, speak: (reference: string | null) => Promise<T>) {
    if (plan.kind !== 'clone' || !clones) return speak(null);
    return withBlobAsFile(blobs, plan.sampleBlobKey, (path) => speak(path));
  }

  return runWorker({
    bus: options.bus,
    durable: 'worker-dub',
    on: ['ReplyGenerated'],
    concurrency: 1,
    ackWaitMs: 120_000,
    maxDeliver: MAX_DELIVER,
    decrypt: options.decrypt,
    ...(options.logger ? { logger: options.logger } : {}),
    async handle(job, { signal, working }) {
      const { chatId, reply } = target(job);
      if (await spokenInCall(chatId, reply.messageId)) return;
      // A deleted avatar's key is gone: its reply text reads as erased, and nothing may be spoken.
      if (typeof reply.text !== 'string' || job.metadata.erasedFields?.includes('text')) {
        throw new PermanentJobError({
          reasonCode: 'REPLY_ERASED',
          reason: 'The reply was erased before it could be spoken',
        });
      }
      const language = replyLanguage(reply.text);
      const choice = await options.tts.forLanguage(language);
      if (!choice.tts) throw new PermanentJobError({ reasonCode: 'TTS_UNAVAILABLE', reason: choice.reason });
      const { tts } = choice;
      const avatarId = await avatarOf(chatId);
      const plan = await planDubVoice(options.eventStore, avatarId);
      const description = tts.describe();
      const spoken = await withReference(plan, description.clones, (reference) =>
        speakReply(tts, reply.text, {
          language,
          reference,
          espeakProgram: options.espeakProgram,
          signal,
          // Each finished sentence is a heartbeat for the bus.
          onSentence: () => working(),
        }),
      ).catch(asPermanentFailure);
      const encoded = await encodeDub(
        spoken.samples,
        spoken.sampleRate,
        { voice: spoken.voice, model: spoken.model, watermark: description.watermark, language },
        { ...tools, signal },
      );
      const blobKey = dubBlobKey(avatarId, chatId, reply.replyId);
      await blobs.put(blobKey, encoded.bytes, { contentType: encoded.contentType });
      await commands.chat(chatId, {
        type: 'RecordDub',
        data: { replyId: reply.replyId, blobKey, durationSec: round(encoded.durationSec), voice: spoken.voice },
        metadata: jobCommandMetadata(job, 'dub', SERVICE),
      });
    },
    async onGiveUp(job, error) {
      const { chatId, reply } = target(job);
      await commands.chat(chatId, {
        type: 'FailDub',
        data: { replyId: reply.replyId, ...failureOf(error, MAX_DELIVER) },
        metadata: jobCommandMetadata(job, 'dub', SERVICE),
      });
    },
  });
}

const round = (seconds: number) => Math.round(seconds * 1000) / 1000;
