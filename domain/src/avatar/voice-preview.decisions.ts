import { dubVoices } from '../chat/chat.events.ts';
import { validChoice } from '../kernel/choice.ts';
import { DomainError } from '../kernel/errors.ts';
import { validFailure } from '../kernel/failure.ts';
import { validId } from '../kernel/ids.ts';
import { validNumber } from '../kernel/numbers.ts';
import { validBlobKey } from '../kernel/storage.ts';
import { validText } from '../kernel/text.ts';
import type { FailVoicePreview, RecordVoicePreview, RequestVoicePreview } from './avatar.commands.ts';
import type { VoicePreviewFailed, VoicePreviewReady, VoicePreviewRequested } from './avatar.events.ts';
import { avatarLimits } from './avatar.limits.ts';
import type { LiveAvatar, VoicePreview } from './avatar.state.ts';

/** Speaks any text in an accepted sample's voice, before the user relies on it; only while consent stands. */
export function requestVoicePreview({ data }: RequestVoicePreview, avatar: LiveAvatar): VoicePreviewRequested[] {
  const previewId = validId(data.previewId, 'Preview id');
  const sampleId = validId(data.sampleId, 'Sample id');
  if (avatar.voice.previews.has(previewId)) {
    throw new DomainError('BISHOP_ERR_ALREADY_EXISTS', 'A preview with this id already exists', { previewId });
  }
  if (avatar.voice.consent === null) {
    throw new DomainError('BISHOP_ERR_INVALID_STATE', 'Record consent to clone this voice before previewing it', {
      field: 'consent',
    });
  }
  const sample = avatar.voice.samples.get(sampleId);
  if (sample === undefined) {
    throw new DomainError('BISHOP_ERR_NOT_FOUND', 'This voice sample does not exist', { sampleId });
  }
  if (sample.status !== 'accepted') {
    throw new DomainError(
      'BISHOP_ERR_INVALID_STATE',
      `Only a sample that passed the check can be previewed; this one is ${sample.status}`,
      {
        sampleId,
        status: sample.status,
      },
    );
  }
  const text = validText(data.text, {
    field: 'Preview text',
    maxLength: avatarLimits.voicePreviewTextMaxLength,
    multiline: true,
  });
  return [{ type: 'VoicePreviewRequested', data: { previewId, sampleId, text } }];
}

export function recordVoicePreview({ data }: RecordVoicePreview, avatar: LiveAvatar): VoicePreviewReady[] {
  const { previewId, preview } = requestedPreview(avatar, data.previewId);
  if (preview.status === 'ready') return [];
  if (preview.status === 'failed') throw alreadyFinished(previewId, preview);
  return [
    {
      type: 'VoicePreviewReady',
      data: {
        previewId,
        sampleId: preview.sampleId,
        blobKey: validBlobKey(data.blobKey, 'Blob key'),
        durationSec: validNumber(data.durationSec, { field: 'Preview duration', min: 0, unit: 'seconds' }),
        voice: validChoice(data.voice, dubVoices, 'Voice'),
      },
    },
  ];
}

export function failVoicePreview({ data }: FailVoicePreview, avatar: LiveAvatar): VoicePreviewFailed[] {
  const { previewId, preview } = requestedPreview(avatar, data.previewId);
  if (preview.status === 'failed') return [];
  if (preview.status === 'ready') throw alreadyFinished(previewId, preview);
  return [{ type: 'VoicePreviewFailed', data: { previewId, sampleId: preview.sampleId, ...validFailure(data) } }];
}

function requestedPreview(avatar: LiveAvatar, id: string): { previewId: string; preview: VoicePreview } {
  const previewId = validId(id, 'Preview id');
  const preview = avatar.voice.previews.get(previewId);
  if (preview === undefined) {
    throw new DomainError('BISHOP_ERR_NOT_FOUND', 'This voice preview does not exist', { previewId });
  }
  return { previewId, preview };
}

function alreadyFinished(previewId: string, preview: VoicePreview): DomainError {
  return new DomainError(
    'BISHOP_ERR_INVALID_STATE',
    `This voice preview already ${preview.status === 'ready' ? 'succeeded' : 'failed'}`,
    {
      previewId,
    },
  );
}
