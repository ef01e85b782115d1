import { validChoice } from '../kernel/choice.ts';
import { dateOf, validIsoDate } from '../kernel/dates.ts';
import { DomainError } from '../kernel/errors.ts';
import { validNumber } from '../kernel/numbers.ts';
import { validText } from '../kernel/text.ts';
import type { VoiceConsent, VoiceSampleCheck, VoiceSampleMeasures } from './avatar.events.ts';
import { avatarLimits } from './avatar.limits.ts';
import { consentBases } from './avatar.values.ts';

export function validVoiceConsent(consent: VoiceConsent, now: string): VoiceConsent {
  const consentGivenOn = validIsoDate(consent.consentGivenOn, 'Consent date');
  if (consentGivenOn > dateOf(now)) {
    throw new DomainError('BISHOP_ERR_INVALID_VALUE', 'Consent date cannot be in the future', {
      field: 'consentGivenOn',
    });
  }
  return {
    basis: validChoice(consent.basis, consentBases, 'Consent basis'),
    personName: validText(consent.personName, {
      field: "Person's name",
      maxLength: avatarLimits.personNameMaxLength,
    }),
    consentGivenOn,
    statement: validText(consent.statement, {
      field: 'Consent statement',
      maxLength: avatarLimits.consentStatementMaxLength,
      multiline: true,
    }),
  };
}

export function validSampleDuration(durationSec: number): number {
  return validNumber(durationSec, {
    field: 'Voice sample duration',
    min: avatarLimits.voiceSampleMinSec,
    max: avatarLimits.voiceSampleMaxSec,
    unit: 'seconds',
  });
}

export function validSampleCheck(check: VoiceSampleCheck): Omit<VoiceSampleCheck, 'sampleId'> {
  return {
    durationSec: validSampleDuration(check.durationSec),
    // LUFS are negative in practice; -100 is far below audible.
    loudnessLufs: validNumber(check.loudnessLufs, { field: 'Loudness', min: -100, max: 0, unit: 'LUFS' }),
    speakerConsistency: validNumber(check.speakerConsistency, { field: 'Speaker consistency', min: 0, max: 1 }),
  };
}

/** What a rejected sample measured: any length (too short or too long is why it was rejected). */
export function validSampleMeasures(measured: VoiceSampleMeasures): VoiceSampleMeasures {
  return {
    durationSec: validNumber(measured.durationSec, { field: 'Voice sample duration', min: 0, unit: 'seconds' }),
    loudnessLufs:
      measured.loudnessLufs === null
        ? null
        : validNumber(measured.loudnessLufs, { field: 'Loudness', min: -200, max: 10, unit: 'LUFS' }),
    speakerConsistency: validNumber(measured.speakerConsistency, { field: 'Speaker consistency', min: 0, max: 1 }),
  };
}
