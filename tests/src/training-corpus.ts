/**
 * Made-up but well-formed training material, deterministic per seed: lecture
 * texts of any length and Telegram Desktop exports (the real result.json
 * shape) with any number of exchanges, for tests and benchmarks that need a
 * corpus bigger than the fixtures.
 */

const topics = ['оптика', 'радио', 'электричество', 'магнетизм', 'механика', 'астрономия', 'термодинамика', 'акустика'];
const subjects = ['Опыт', 'Прибор', 'Закон', 'Спор', 'Учебник', 'Семинар', 'Вопрос', 'Ответ', 'Студент', 'Профессор'];
const verbs = ['показывает', 'объясняет', 'опровергает', 'дополняет', 'напоминает', 'меняет', 'проверяет'];
const objects = [
  'природу света',
  'силу тока',
  'движение планет',
  'скорость звука',
  'теплоёмкость газа',
  'поле магнита',
  'устройство антенны',
  'первые опыты',
];
const endings = ['на практике', 'в лаборатории', 'уже много лет', 'без лишних формул', 'шаг за шагом', 'ещё со школы'];

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length] as T;

/** A lecture of `paragraphs` paragraphs (2–3 sentences each) about physics, unique per seed. */
export function generatedLecture(seed: number, paragraphs: number): string {
  const lines = [`Лекция ${seed}: ${pick(topics, seed)}`];
  for (let p = 0; p < paragraphs; p++) {
    const n = seed * 7919 + p * 104729;
    const sentences = [0, 1, 2].slice(0, 2 + (n % 2)).map((s) => {
      const k = n + s * 31;
      return `${pick(subjects, k)} ${pick(verbs, k >> 3)} ${pick(objects, k >> 5)} ${pick(endings, k >> 7)} (лекция ${seed}, часть ${p + 1}.${s + 1}).`;
    });
    lines.push(sentences.join(' '));
  }
  return lines.join('\n\n');
}

/** A Telegram personal-chat export: `exchanges` times someone asks and the person answers. */
export function generatedTelegramExport(person: string, other: string, exchanges: number, seed = 1): string {
  const messages = [];
  const start = Date.UTC(2024, 0, 1, 9, 0, 0) / 1000;
  for (let i = 0; i < exchanges; i++) {
    const at = start + i * 3600;
    const n = seed * 131 + i;
    messages.push(
      message(
        2 * i + 1,
        at,
        other,
        `Как думаешь, что ${pick(subjects, n).toLowerCase()} говорит про ${pick(objects, n >> 2)}? (${seed}-${i})`,
      ),
    );
    messages.push(
      message(
        2 * i + 2,
        at + 120,
        person,
        `Ну смотри, ${pick(objects, n >> 1)} ${pick(endings, n)} проще всего понять так: ${pick(verbs, n)} сам опыт. Вопрос ${seed}-${i}`,
      ),
    );
  }
  return JSON.stringify({ name: other, type: 'personal_chat', id: 4242 + seed, messages }, null, 1);
}

function message(id: number, unixSeconds: number, from: string, text: string) {
  const date = new Date(unixSeconds * 1000).toISOString().slice(0, 19);
  return {
    id,
    type: 'message',
    date,
    date_unixtime: String(unixSeconds),
    from,
    from_id: `user${[...from].reduce((sum, char) => (sum * 31 + (char.codePointAt(0) ?? 0)) % 1_000_003, 7)}`,
    text,
    text_entities: [{ type: 'plain', text }],
  };
}
