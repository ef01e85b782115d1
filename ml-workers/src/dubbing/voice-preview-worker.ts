import { voicePreviewBlobKey } from '@bishop/domain';
import type { Job } from '../runtime/index.ts';
import { failureOf, jobCommandMetadata, PermanentJobError, type RunningWorker, runWorker } from '../runtime/index.ts';
import { withBlobAsFile } from '../workers/blob-files.ts';
import { asPermanentFailure } from '../workers/job-failure-mapping.ts';
import { planDubVoice } from './dub-voice.ts';
import type { DubWorkerOptions } from './dub-worker.ts';
import { encodeDub } from './encode-dub.ts';
import { replyLanguage } from './reply-language.ts';
import { speakReply } from './speak-reply.ts';

const SERVICE = 'voice-preview';
const MAX_DELIVER = 3;

/**
 * On VoicePreviewRequested: speaks the text through the dub path (same engines,
 * stress marks and Ogg/Opus marked as synthetic) in the sample's cloned voice
 * when consent stands and the engine clones, else in a generic voice (and says
 * so); records VoicePreviewReady, or VoicePreviewFailed with a readable reason.
 */
export function startVoicePreviewWorker(options: DubWorkerOptions): RunningWorker {
  const { commands, blobs } = options;
  const tools = options.audioTools ? { tools: options.audioTools } : {};
  const target = (job: Job<'VoicePreviewRequested'>) => ({
    avatarId: job.streamId,
    preview: job.data,
    erased: job.metadata.erasedFields?.includes('text') ?? false,
  });

  return runWorker({
    bus: options.bus,
    durable: 'worker-voice-preview',
    on: ['VoicePreviewRequested'],
    concurrency: 1,
    ackWaitMs: 120_000,
    maxDeliver: MAX_DELIVER,
    decrypt: options.decrypt,
    ...(options.logger ? { logger: options.logger } : {}),
    async handle(job, { signal, working }) {
      const { avatarId, preview, erased } = target(job);
      if (erased || typeof preview.text !== 'string') {
        throw new PermanentJobError({
          reasonCode: 'TEXT_ERASED',
          reason: 'The text was erased before it could be spoken',
        });
      }
      const language = replyLanguage(preview.text);
      const choice = await options.tts.forLanguage(language);
      if (!choice.tts) throw new PermanentJobError({ reasonCode: 'TTS_UNAVAILABLE', reason: choice.reason });
      const { tts } = choice;
      // Read now: a consent withdrawn since the request means no cloned voice.
      const plan = await planDubVoice(options.eventStore, avatarId, preview.sampleId);
      if (plan.kind === 'generic' && plan.reason === 'no-consent') {
        throw new PermanentJobError({
          reasonCode: 'CONSENT_WITHDRAWN',
          reason: 'The consent to clone this voice was withdrawn, so nothing is spoken in it',
        });
      }
      const description = tts.describe();
      const speak = (reference: string | null) =>
        speakReply(tts, preview.text, {
          language,
          reference,
          espeakProgram: options.espeakProgram,
          signal,
          onSentence: () => working(),
        });
      const spoken = await (plan.kind === 'clone' && description.clones
        ? withBlobAsFile(blobs, plan.sampleBlobKey, (path) => speak(path))
        : speak(null)
      ).catch(asPermanentFailure);
      const encoded = await encodeDub(
        spoken.samples,
        spoken.sampleRate,
        { voice: spoken.voice, model: spoken.model, watermark: description.watermark, language },
        { ...tools, signal },
      );
      const blobKey = voicePreviewBlobKey(avatarId, preview.previewId);
      await blobs.put(blobKey, encoded.bytes, { contentType: encoded.contentType });
      await commands.avatar(avatarId, {
        type: 'RecordVoicePreview',
        data: {
          previewId: preview.previewId,
          sampleId: preview.sampleId,
          blobKey,
          durationSec: Math.round(encoded.durationSec * 1000) / 1000,
          voice: spoken.voice,
        },
        metadata: jobCommandMetadata(job, 'preview', SERVICE),
      });
    },
    async onGiveUp(job, error) {
      const { avatarId, preview } = target(job);
      await commands.avatar(avatarId, {
        type: 'FailVoicePreview',
        data: { previewId: preview.previewId, ...failureOf(error, MAX_DELIVER) },
        metadata: jobCommandMetadata(job, 'preview', SERVICE),
      });
    },
  });
}
