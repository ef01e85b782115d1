import type { PersonaCard } from '@bishop/domain';
import type { PersonaEmbedder, PersonaPair, PersonaPassage, SnapshotParts } from '../../src/persona/index.ts';

export const card: PersonaCard = {
  description: 'A retired physics teacher',
  personality: null,
  scenario: null,
  instructions: null,
  gender: null,
  languages: ['ru'],
};

/** Who and when a test snapshot is of: the same in every persona test. */
export const snapshotHeader = {
  avatarId: 'avatar-1',
  runId: 'run-1',
  builtAt: '2026-01-02T03:04:05.000Z',
  card,
  corpus: [],
} as const;

const subjects = ['погода', 'работа', 'поезд', 'огород', 'школа', 'книга', 'музыка', 'море', 'кошка', 'праздник'];
const verbs = ['люблю', 'вспоминаю', 'обсуждали', 'видела', 'ждём', 'хвалила', 'ругали', 'чинили'];
const tails = ['вчера вечером', 'каждое лето', 'с друзьями', 'в городе', 'на даче', 'после обеда', 'весной'];

/** `count` everyday passages built from small word lists: many share words, none names anyone. */
export function fillerPassages(count: number, materialId = 'material-a'): PersonaPassage[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `${materialId}:filler${i}`,
    materialId,
    text: `Мы ${verbs[i % verbs.length]} ${subjects[i % subjects.length]} ${tails[(i * 7) % tails.length]}, ты помнишь? Номер ${i}.`,
    language: 'ru',
    startSec: null,
    endSec: null,
  }));
}

export function pairs(count: number, materialId = 'chat-a'): PersonaPair[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `${materialId}:pair${i}`,
    materialId,
    prompt: `Как дела с ${subjects[i % subjects.length]}? Вопрос ${i}`,
    reply: `Да всё хорошо, ${tails[i % tails.length]} расскажу. Ответ ${i}`,
  }));
}

/** The vectors of a snapshot's passages and pair prompts, as training embeds them. */
export async function denseParts(
  embedder: PersonaEmbedder,
  passages: readonly PersonaPassage[],
  dialogue: readonly PersonaPair[],
): Promise<NonNullable<SnapshotParts['dense']>> {
  return {
    embedder: embedder.model,
    passages: await embedder.embed(
      passages.map((p) => p.text),
      'passage',
    ),
    pairPrompts: await embedder.embed(
      dialogue.map((p) => p.prompt),
      'passage',
    ),
  };
}
