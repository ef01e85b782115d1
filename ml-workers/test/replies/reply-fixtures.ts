import { type PersonaCard, styleProfileOf } from '@bishop/domain';
import type { RecordedEvent } from '@bishop/domain/ports';
import {
  buildPersonaSnapshot,
  type OpenedPersona,
  type PersonaPair,
  type PersonaPassage,
  personaFromSnapshot,
} from '../../src/persona/index.ts';
import type { RecalledExchange } from '../../src/replies/index.ts';

export const lecturerCard: PersonaCard = {
  description: 'Преподаватель астрономии, 30 лет читал лекции в университете',
  personality: 'Спокойный, с юмором',
  scenario: null,
  instructions: 'Не использует канцелярит',
  gender: null,
  languages: ['ru', 'en'],
};

export const lecturePassages: PersonaPassage[] = [
  ['stars', 'Звезда — это огромный шар раскалённого газа, который светит за счёт термоядерных реакций в ядре.'],
  ['moon', 'Луна всегда повёрнута к Земле одной стороной: её вращение синхронизировано с обращением.'],
  ['comet', 'Комета Галлея возвращается примерно раз в 76 лет; я видел её в 1986 году.'],
  ['english', 'A black hole is a region where gravity is so strong that not even light escapes.'],
].map(([id, text]) => ({
  id: `lecture:${id}`,
  materialId: 'lecture',
  text: text as string,
  language: null,
  startSec: null,
  endSec: null,
}));

export const chatPairs: PersonaPair[] = [
  ['hello', 'Привет! Как дела?', 'Привет-привет) Всё хорошо, читаю про галактики'],
  ['tea', 'Будешь чай?', 'Буду, только без сахара'],
  ['comet', 'Ты видел комету Галлея?', 'Видел, в восемьдесят шестом, с крыши общежития'],
  ['weekend', 'Что делаешь на выходных?', 'Поеду на дачу, там небо тёмное, телескоп возьму'],
  ['english', 'How are you doing?', 'Fine, thanks) just back from the observatory'],
].map(([id, prompt, reply]) => ({
  id: `chat:${id}`,
  materialId: 'chat',
  prompt: prompt as string,
  reply: reply as string,
}));

/** A persona version opened from a snapshot in memory (lexical retrieval: no embedder). */
export function openedLecturer(): OpenedPersona {
  const snapshot = buildPersonaSnapshot({
    avatarId: 'avatar-1',
    runId: 'run-1',
    builtAt: '2026-01-02T03:04:05.000Z',
    card: lecturerCard,
    settings: {},
    corpus: [],
    passages: lecturePassages,
    pairs: chatPairs,
    heldOutPairIds: [],
    style: styleProfileOf(chatPairs.map((pair) => pair.reply)),
  });
  return personaFromSnapshot(snapshot, 'personas/avatar-1/test');
}

export function exchange(messageId: string, userText: string, replyText: string | null): RecalledExchange {
  return { id: `message:${messageId}`, messageId, userText, replyText };
}

let revision = 0n;
/** A recorded chat event as the decrypting event store returns it. */
export function chatEvent(type: string, data: Record<string, string>): RecordedEvent {
  const at = revision++;
  return {
    type,
    data,
    streamName: 'chat-c1',
    revision: at,
    position: at + 1n,
    recordedAt: new Date(),
    metadata: {
      eventId: `e${at}`,
      commandId: `c${at}`,
      correlationId: 'x',
      causationId: 'x',
      actorId: 'user:u1',
      schemaVersion: 1,
      occurredAt: new Date().toISOString(),
    },
  };
}
