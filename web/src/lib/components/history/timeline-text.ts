import { formatBytes, formatDuration, formatLanguage } from '$lib/format.ts';
import type { TimelineQuery } from '$lib/graphql/generated/graphql.ts';
import { reasonText } from '$lib/i18n/failure-text.ts';
import { t } from '$lib/i18n/i18n.svelte.ts';
import type { MessageKey } from '$lib/i18n/messages.en.ts';
import { stageLabel } from '../training/training-labels.ts';

export type Entry = TimelineQuery['avatar']['timeline']['nodes'][number];
type Details = Readonly<Record<string, string | number | boolean | null>>;

const details = (entry: Entry): Details => (entry.details ?? {}) as Details;
const text = (entry: Entry, key: string) => {
  const value = details(entry)[key];
  return typeof value === 'string' ? value : null;
};
const number = (entry: Entry, key: string) => {
  const value = details(entry)[key];
  return typeof value === 'number' ? value : null;
};

/** The run a training or test entry belongs to (entries of one run fold into one line). */
export const runOf = (entry: Entry): string | null => text(entry, 'runId');

const materialKinds: Record<string, MessageKey> = {
  text: 'material.kind.text',
  audio: 'material.kind.audio',
  video: 'material.kind.video',
  chatExport: 'material.kind.chatExport',
};

/**
 * What an entry says, in the reader's language, from the event's type and details
 * (file names from the avatar's materials). Entries without details (projected before
 * they existed) and event types this app does not know show the server's summary.
 */
export function entryText(entry: Entry, fileNames: ReadonlyMap<string, string | null>): string {
  if (entry.details === null || entry.details === undefined) return entry.summary;
  const materialId = text(entry, 'materialId');
  const name = materialId ? (fileNames.get(materialId) ?? t('history.unnamedMaterial')) : '';
  const version = number(entry, 'personaVersion') ?? 0;
  const reason = reasonText(text(entry, 'reasonCode'));
  const seconds = (key: string) => formatDuration(number(entry, key) ?? 0);
  switch (entry.type) {
    case 'MaterialUploaded': {
      const kind = materialKinds[text(entry, 'kind') ?? ''];
      const size = formatBytes(number(entry, 'sizeBytes') ?? 0);
      return t('history.event.MaterialUploaded', { name, kind: kind ? t(kind) : '', size });
    }
    case 'MaterialExtracted': {
      const language = text(entry, 'language');
      const figures = [t('history.characters', { count: number(entry, 'charCount') ?? 0 })];
      if (number(entry, 'durationSec') !== null) figures.push(seconds('durationSec'));
      if (language) figures.push(formatLanguage(language));
      return t('history.event.MaterialExtracted', { name, figures: figures.join(', ') });
    }
    case 'MaterialSpeakersTagged':
      return t('history.event.MaterialSpeakersTagged', {
        name,
        person: seconds('personSpeechSec'),
        other: seconds('otherSpeechSec'),
      });
    case 'VoiceConsentRecorded':
      return t(text(entry, 'basis') === 'self' ? 'history.event.consentSelf' : 'history.event.consentOther');
    case 'VoiceSampleSet':
      return t('history.event.VoiceSampleSet', { duration: seconds('durationSec') });
    case 'TrainingStarted':
      return t('history.event.TrainingStarted', { count: number(entry, 'materialCount') ?? 0 });
    case 'TrainingProgressed':
      return t('history.event.TrainingProgressed', {
        stage: t(stageLabel(text(entry, 'stage'))),
        percent: Math.round(number(entry, 'percent') ?? 0),
      });
    case 'ReplyGenerated':
      return t('history.event.ReplyGenerated', { seconds: formatDuration((number(entry, 'latencyMs') ?? 0) / 1000) });
    case 'ReplyFailed':
      return text(entry, 'reasonCode') === 'CANCELLED'
        ? t('history.event.ReplyCancelled')
        : t('history.event.ReplyFailed', { reason });
    case 'DubReady':
      return t(text(entry, 'voice') === 'cloned' ? 'history.event.DubReadyCloned' : 'history.event.DubReadyGeneric', {
        duration: seconds('durationSec'),
      });
    case 'BlindTestGuessed':
      return t(
        details(entry).correct === true ? 'history.event.BlindTestGuessedRight' : 'history.event.BlindTestGuessedWrong',
        { version },
      );
    default: {
      const key = `history.event.${entry.type}` as MessageKey;
      return knownEvents.has(entry.type) ? t(key, { name, version, reason }) : entry.summary;
    }
  }
}

/** Event types whose sentence needs no more than a file name, a version or a reason. */
const knownEvents = new Set([
  'AvatarCreated',
  'AvatarRenamed',
  'PersonaCardEdited',
  'AvatarDeleted',
  'MaterialExtractionStarted',
  'MaterialExtractionFailed',
  'MaterialRemoved',
  'ChatParticipantChosen',
  'MaterialSpeakerTaggingFailed',
  'VoiceSampleSubmitted',
  'VoiceSampleRejected',
  'TrainingCompleted',
  'TrainingFailed',
  'TrainingStopped',
  'AvatarTestStarted',
  'AvatarTested',
  'PersonaVersionActivated',
  'BlindTestInviteCreated',
  'BlindTestInviteRevoked',
  'ChatOpened',
  'ChatRenamed',
  'ChatDeleted',
  'MessageSent',
  'DubFailed',
]);

/** Where an entry leads: the material, the version, the chat… (null when there is nothing left to open). */
export function entryLink(entry: Entry, avatarId: string): string | null {
  const base = `/avatars/${avatarId}`;
  const materialId = text(entry, 'materialId');
  const version = number(entry, 'personaVersion');
  if (entry.type === 'AvatarDeleted' || entry.type === 'ChatDeleted') return null;
  if (materialId) return `${base}/materials/${materialId}`;
  if (entry.type === 'AvatarTested' || entry.type === 'AvatarTestStarted') return `${base}/tests`;
  if (entry.type.startsWith('BlindTest')) return `${base}/tests/blind`;
  if (version !== null && entry.type !== 'TrainingProgressed') return `${base}/training/versions/${version}`;
  if (entry.kind === 'TRAINING') return `${base}/training`;
  if (entry.kind === 'VOICE') return `${base}/voice`;
  if ((entry.kind === 'CHAT' || entry.kind === 'MESSAGE') && entry.chatId) return `${base}/chats/${entry.chatId}`;
  if (entry.kind === 'PROFILE') return base;
  return null;
}
