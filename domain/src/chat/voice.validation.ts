import { DomainError } from '../kernel/errors.ts';
import { validFailure } from '../kernel/failure.ts';
import { validId } from '../kernel/ids.ts';
import { validLanguageCode } from '../kernel/language.ts';
import { validCount, validNumber } from '../kernel/numbers.ts';
import { validBlobKey, validSha256 } from '../kernel/storage.ts';
import { validText } from '../kernel/text.ts';
import type { CallEnd, ReplyCutData, VoiceAudio, VoiceSegment, VoiceTranscript } from './chat.events.ts';
import { chatLimits } from './chat.validation.ts';

export const voiceLimits = {
  /** A voice message (or one turn of a call) is at most ten minutes. */
  maxDurationSec: 600,
  maxSegments: 2000,
  /** A call lasts at most a day, whatever the configured limit. */
  maxCallSec: 86_400,
} as const;

const MEDIA_TYPE = /^audio\/[a-z0-9.+-]{1,60}$/;

export function validVoiceAudio(audio: VoiceAudio): VoiceAudio {
  if (typeof audio !== 'object' || audio === null) {
    throw new DomainError('BISHOP_ERR_INVALID_VALUE', 'A voice message needs its recording', { field: 'audio' });
  }
  if (typeof audio.mediaType !== 'string' || !MEDIA_TYPE.test(audio.mediaType)) {
    throw new DomainError('BISHOP_ERR_INVALID_VALUE', 'A voice message must be audio (an audio/… media type)', {
      field: 'mediaType',
    });
  }
  return {
    blobKey: validBlobKey(audio.blobKey, 'Voice message blob key'),
    mediaType: audio.mediaType,
    sizeBytes: validCount(audio.sizeBytes, 'Voice message size'),
    sha256: validSha256(audio.sha256, 'Voice message SHA-256'),
  };
}

export function validTranscript(transcript: VoiceTranscript): VoiceTranscript {
  const durationSec = validNumber(transcript.durationSec, {
    field: 'Voice message duration',
    min: 0,
    max: voiceLimits.maxDurationSec,
    unit: 'seconds',
  });
  if (!Array.isArray(transcript.segments) || transcript.segments.length > voiceLimits.maxSegments) {
    throw new DomainError(
      'BISHOP_ERR_INVALID_VALUE',
      `A transcript is a list of at most ${voiceLimits.maxSegments} segments`,
      { field: 'segments' },
    );
  }
  return {
    messageId: validId(transcript.messageId, 'Message id'),
    // Empty means "no words were heard": the message then fails with NO_SPEECH instead.
    text: validText(transcript.text, {
      field: 'Transcript',
      maxLength: chatLimits.messageMaxLength,
      multiline: true,
    }),
    language: transcript.language === null ? null : validLanguageCode(transcript.language, 'Transcript language'),
    durationSec,
    segments: transcript.segments.map(validSegment),
  };
}

function validSegment(segment: VoiceSegment): VoiceSegment {
  const startSec = validNumber(segment.startSec, { field: 'Segment start', min: 0, unit: 'seconds' });
  const endSec = validNumber(segment.endSec, { field: 'Segment end', min: startSec, unit: 'seconds' });
  const text = validText(segment.text, { field: 'Segment text', maxLength: chatLimits.messageMaxLength });
  return { startSec, endSec, text };
}

export function validCallEnd(end: CallEnd): CallEnd {
  return {
    callId: validId(end.callId, 'Call id'),
    ...validFailure({ reasonCode: end.reasonCode, reason: end.reason }),
    turns: validCount(end.turns, 'Call turns'),
    durationSec: validNumber(end.durationSec, {
      field: 'Call duration',
      min: 0,
      max: voiceLimits.maxCallSec,
      unit: 'seconds',
    }),
  };
}

export function validCut(cut: ReplyCutData): ReplyCutData {
  const spokenSec = validNumber(cut.spokenSec, { field: 'Spoken seconds', min: 0, unit: 'seconds' });
  return {
    replyId: validId(cut.replyId, 'Reply id'),
    heardSec: validNumber(cut.heardSec, { field: 'Heard seconds', min: 0, max: spokenSec, unit: 'seconds' }),
    spokenSec,
    // What was heard may be nothing at all (the user spoke at once).
    heardText: validText(cut.heardText, {
      field: 'Heard text',
      maxLength: chatLimits.replyMaxLength,
      multiline: true,
      minLength: 0,
    }),
  };
}
