import { DomainError } from '../kernel/errors.ts';
import { validNumber } from '../kernel/numbers.ts';
import { optionalText, validText } from '../kernel/text.ts';
import type { ChatFacts, ChatParticipantFacts, DecodedMedia } from './avatar.events.ts';
import { avatarLimits } from './avatar.limits.ts';

// 2024-03-05T16:05:00Z or with milliseconds: what workers write for instants.
const UTC_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;

/** What was decoded of a recording; each figure is null when the container does not say. */
export function validDecodedMedia(media: DecodedMedia | null | undefined): DecodedMedia | null {
  if (media === null || media === undefined) return null;
  const optional = (value: number | null, field: string, integer: boolean, unit: string) =>
    value === null ? null : validNumber(value, { field, min: 0, integer, unit });
  return {
    durationSec: optional(media.durationSec, 'Decoded duration', false, 'seconds'),
    channels: optional(media.channels, 'Decoded channels', true, 'channels'),
    sampleRate: optional(media.sampleRate, 'Decoded sample rate', true, 'Hz'),
  };
}

/** A chat export's facts; the participants must be exactly those the extraction lists. */
export function validChatFacts(chat: ChatFacts | null | undefined, participants: readonly string[]): ChatFacts | null {
  if (chat === null || chat === undefined) return null;
  const facts = (chat.participants ?? []).map(validParticipantFacts);
  const names = facts.map((p) => p.name);
  if (names.length !== participants.length || names.some((name) => !participants.includes(name))) {
    throw new DomainError('BISHOP_ERR_INVALID_VALUE', 'Chat facts must cover exactly the listed participants', {
      field: 'chat',
    });
  }
  return {
    firstMessageAt: optionalInstant(chat.firstMessageAt, 'First message time'),
    lastMessageAt: optionalInstant(chat.lastMessageAt, 'Last message time'),
    timeZoneKnown: chat.timeZoneKnown === true,
    participants: facts,
  };
}

export function validNotes(notes: readonly string[] | undefined): string[] {
  const list = notes ?? [];
  if (!Array.isArray(list) || list.length > 20) {
    throw new DomainError('BISHOP_ERR_INVALID_VALUE', 'Notes must be a list of at most 20', { field: 'notes' });
  }
  return list.map((note) => validText(note, { field: 'Note', maxLength: 1000 }));
}

function validParticipantFacts(participant: ChatParticipantFacts): ChatParticipantFacts {
  return {
    name: validText(participant.name, { field: 'Participant name', maxLength: avatarLimits.participantNameMaxLength }),
    messageCount: validNumber(participant.messageCount, { field: 'Message count', min: 0, integer: true }),
    firstMessageAt: optionalInstant(participant.firstMessageAt, 'First message time'),
    lastMessageAt: optionalInstant(participant.lastMessageAt, 'Last message time'),
  };
}

function optionalInstant(value: string | null, field: string): string | null {
  if (value === null) return null;
  const text = optionalText(value, { field, maxLength: 40 });
  if (text === null || !UTC_INSTANT.test(text) || Number.isNaN(Date.parse(text))) {
    throw new DomainError('BISHOP_ERR_INVALID_VALUE', `${field} must be an ISO 8601 time in UTC`, { field });
  }
  return text;
}
