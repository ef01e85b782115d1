import { validChoice } from '../kernel/choice.ts';
import { DomainError } from '../kernel/errors.ts';
import { validId } from '../kernel/ids.ts';
import { validCount, validNumber } from '../kernel/numbers.ts';
import { validBlobKey } from '../kernel/storage.ts';
import { validText } from '../kernel/text.ts';
import { type CitedSource, citedSourceKinds, type Dub, dubVoices, type Reply } from './chat.events.ts';

export const chatLimits = {
  titleMaxLength: 200,
  messageMaxLength: 8000,
  replyMaxLength: 32_000,
  modelNameMaxLength: 200,
  sourceIdsMax: 100,
  sourceIdMaxLength: 200,
  /** Sources described with a reply: the few that mattered most. */
  sourcesMax: 12,
  sourceTextMaxLength: 1000,
  /** Regenerating keeps every reply; this bounds a message's alternatives. */
  repliesPerMessage: 10,
  /** An automatic title: the first words of the first message, about a line. */
  autoTitleMaxLength: 60,
} as const;

/** Below this closeness the best source matched the message poorly: the UI says the reply may not fit. */
export const lowClosenessBelow = 0.3;

export const isLowCloseness = (closeness: number | null): boolean =>
  closeness !== null && closeness < lowClosenessBelow;

/** A chat's title from its first message: the first line, cut at a word near the limit. */
export function titleFrom(text: string): string {
  const line = text.split('\n').find((part) => part.trim() !== '') ?? text;
  const words = line.trim().replace(/\s+/g, ' ');
  const chars = [...words];
  if (chars.length <= chatLimits.autoTitleMaxLength) return words;
  const cut = chars.slice(0, chatLimits.autoTitleMaxLength).join('');
  const space = cut.lastIndexOf(' ');
  return `${space > chatLimits.autoTitleMaxLength / 2 ? cut.slice(0, space) : cut}…`;
}

export function validTitle(title: string): string {
  return validText(title, { field: 'Chat title', maxLength: chatLimits.titleMaxLength });
}

export function validMessageText(text: string): string {
  return validText(text, { field: 'Message', maxLength: chatLimits.messageMaxLength, multiline: true });
}

export function validReply(reply: Reply): Reply {
  return {
    messageId: validId(reply.messageId, 'Message id'),
    replyId: validId(reply.replyId, 'Reply id'),
    text: validText(reply.text, { field: 'Reply', maxLength: chatLimits.replyMaxLength, multiline: true }),
    personaVersion:
      reply.personaVersion === null
        ? null
        : validNumber(reply.personaVersion, { field: 'Persona version', min: 1, integer: true }),
    model: validText(reply.model, { field: 'Model name', maxLength: chatLimits.modelNameMaxLength }),
    latencyMs: validCount(reply.latencyMs, 'Reply latency'),
    promptTokens: validCount(reply.promptTokens, 'Prompt token count'),
    completionTokens: validCount(reply.completionTokens, 'Completion token count'),
    sourceIds: validSourceIds(reply.sourceIds),
    sources: validSources(reply.sources),
    closeness:
      reply.closeness === null ? null : validNumber(reply.closeness, { field: 'Reply closeness', min: 0, max: 1 }),
  };
}

function validSources(sources: readonly CitedSource[]): CitedSource[] {
  if (!Array.isArray(sources) || sources.length > chatLimits.sourcesMax) {
    throw new DomainError('BISHOP_ERR_INVALID_VALUE', `A reply describes at most ${chatLimits.sourcesMax} sources`, {
      field: 'sources',
    });
  }
  const sourceText = (text: string) =>
    validText(text, { field: 'Reply source text', maxLength: chatLimits.sourceTextMaxLength, multiline: true });
  return sources.map((source) => ({
    id: validText(source.id, { field: 'Reply source id', maxLength: chatLimits.sourceIdMaxLength }),
    kind: validChoice(source.kind, citedSourceKinds, 'Reply source kind'),
    materialId: source.materialId === null ? null : validId(source.materialId, 'Material id'),
    text: sourceText(source.text),
    prompt: source.prompt === null ? null : sourceText(source.prompt),
    startSec:
      source.startSec === null
        ? null
        : validNumber(source.startSec, { field: 'Source start', min: 0, unit: 'seconds' }),
  }));
}

function validSourceIds(sourceIds: readonly string[]): string[] {
  if (!Array.isArray(sourceIds) || sourceIds.length > chatLimits.sourceIdsMax) {
    throw new DomainError(
      'BISHOP_ERR_INVALID_VALUE',
      `Reply sources must be a list of at most ${chatLimits.sourceIdsMax} ids`,
      { field: 'sourceIds' },
    );
  }
  return sourceIds.map((id) => validText(id, { field: 'Reply source id', maxLength: chatLimits.sourceIdMaxLength }));
}

export function validDub(dub: Dub): Dub {
  return {
    replyId: validId(dub.replyId, 'Reply id'),
    blobKey: validBlobKey(dub.blobKey, 'Dub blob key'),
    durationSec: validNumber(dub.durationSec, { field: 'Dub duration', min: 0, unit: 'seconds' }),
    voice: validChoice(dub.voice, dubVoices, 'Dub voice'),
  };
}
