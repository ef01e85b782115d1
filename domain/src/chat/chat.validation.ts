import { validChoice } from '../kernel/choice.ts';
import { DomainError } from '../kernel/errors.ts';
import { validId } from '../kernel/ids.ts';
import { validCount, validNumber } from '../kernel/numbers.ts';
import { validBlobKey } from '../kernel/storage.ts';
import { validText } from '../kernel/text.ts';
import { type Dub, dubVoices, type Reply } from './chat.events.ts';

export const chatLimits = {
  titleMaxLength: 200,
  messageMaxLength: 8000,
  replyMaxLength: 32_000,
  modelNameMaxLength: 200,
  sourceIdsMax: 100,
  sourceIdMaxLength: 200,
} as const;

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
  };
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
