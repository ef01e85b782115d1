import type { PersonaCard } from '@bishop/domain';
import type { PersonaPair, PersonaPassage } from '../../src/persona/index.ts';

export const card: PersonaCard = {
  description: 'A retired physics teacher',
  personality: null,
  scenario: null,
  instructions: null,
  gender: null,
  languages: ['ru'],
};

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
