import { type VoiceSegment, voiceLimits } from '@bishop/domain';
import { transcribeFile } from '../audio/index.ts';
import { loadAsr, loadVad } from '../models/index.ts';
import type { Job } from '../runtime/index.ts';
import { failureOf, jobCommandMetadata, PermanentJobError, type RunningWorker, runWorker } from '../runtime/index.ts';
import { withBlobAsFile } from './blob-files.ts';
import { asPermanentFailure } from './job-failure-mapping.ts';
import type { SpeakerTagWorkerOptions } from './speaker-tag-worker.ts';

const SERVICE = 'transcribe';
const MAX_DELIVER = 3;

/**
 * On VoiceMessageSent (one sent on its own; a call transcribes its turns
 * itself): the recording through the same path as a material's — ffmpeg,
 * Silero VAD, Whisper with timestamps — then RecordVoiceTranscript (the reply
 * worker answers it like a typed message), or FailVoiceTranscript with a reason.
 */
export function startVoiceMessageWorker(options: SpeakerTagWorkerOptions): RunningWorker {
  const { commands } = options;
  const target = (job: Job<'VoiceMessageSent'>) => ({
    chatId: job.streamId,
    messageId: job.data.messageId,
    audio: job.data.audio,
    callId: job.data.callId ?? null,
  });

  return runWorker({
    bus: options.bus,
    durable: 'worker-voice-message',
    on: ['VoiceMessageSent'],
    concurrency: 1,
    ackWaitMs: 60_000,
    maxDeliver: MAX_DELIVER,
    decrypt: options.decrypt,
    ...(options.logger ? { logger: options.logger } : {}),
    async handle(job, { signal, working }) {
      const { chatId, messageId, audio, callId } = target(job);
      if (callId !== null) return;
      const [asr, vad] = await Promise.all([loadAsr(options.models), loadVad(options.models)]).catch(
        asPermanentFailure,
      );
      const transcript = await withBlobAsFile(options.blobs, audio.blobKey, (path) =>
        transcribeFile(path, {
          asr,
          vad,
          signal,
          onProgress: () => working(),
          ...(options.audioTools ? { tools: options.audioTools } : {}),
        }),
      ).catch(asPermanentFailure);
      if (transcript.durationSec > voiceLimits.maxDurationSec) {
        throw new PermanentJobError({
          reasonCode: 'TOO_LONG',
          reason: `A voice message may last at most ${voiceLimits.maxDurationSec / 60} minutes`,
        });
      }
      const segments: VoiceSegment[] = transcript.segments
        .map(({ startSec, endSec, text }) => ({ startSec, endSec, text: text.trim() }))
        .filter((segment) => segment.text !== '');
      const text = segments.map((segment) => segment.text).join(' ');
      if (text === '') {
        throw new PermanentJobError({ reasonCode: 'NO_SPEECH', reason: 'No speech was heard in the voice message' });
      }
      await commands.chat(chatId, {
        type: 'RecordVoiceTranscript',
        data: { messageId, text, language: transcript.language ?? null, durationSec: transcript.durationSec, segments },
        metadata: jobCommandMetadata(job, 'transcript', SERVICE),
      });
    },
    async onGiveUp(job, error) {
      const { chatId, messageId } = target(job);
      await commands.chat(chatId, {
        type: 'FailVoiceTranscript',
        data: { messageId, ...failureOf(error, MAX_DELIVER) },
        metadata: jobCommandMetadata(job, 'fail', SERVICE),
      });
    },
  });
}
