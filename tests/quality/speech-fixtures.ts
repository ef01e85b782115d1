import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** A real recording and what is said in it. */
export interface SpeechCase {
  readonly path: string;
  readonly text: string;
  readonly language: 'en' | 'ru';
  readonly speaker: string;
}

/**
 * Real speech that Debian packages ship with transcripts:
 * - English: pocketsphinx-testdata — LibriVox (Sense and Sensibility, one reader, 16 kHz) and the
 *   "cards" utterances (another speaker, 16 kHz);
 * - Russian: asterisk-core-sounds-ru-wav — the IVR prompts of one recorded female voice (8 kHz telephone
 *   audio), transcripts in asterisk-core-sounds-ru's core-sounds-ru.txt.
 * Missing packages are reported, not guessed around.
 */
export const speechPackages = {
  en: { package: 'pocketsphinx-testdata', root: '/usr/share/pocketsphinx/test/data' },
  ru: {
    package: 'asterisk-core-sounds-ru-wav asterisk-core-sounds-ru',
    root: '/usr/share/asterisk/sounds/ru_RU_f_IvrvoiceRU',
    transcripts: '/usr/share/doc/asterisk-core-sounds-ru/core-sounds-ru.txt.gz',
  },
} as const;

// Prompts without digits or bracketed sound descriptions, so the text is exactly what is said.
const russianPrompts = [
  'auth-incorrect',
  'check-number-dial-again',
  'conf-waitforleader',
  'confbridge-lock-no-join',
  'demo-nomatch',
  'dir-nomatch',
  'enter-num-blacklist',
  'followme/sorry',
  'pbx-invalid',
  'privacy-unident',
  'queue-youarenext',
  'simul-call-limit-reached',
  'ss-noservice',
  'vm-mailboxfull',
  'vm-nobodyavail',
  'vm-newuser',
];

/** pocketsphinx's transcription files: `<s> words </s> (utterance-id)` per line. */
function sphinxTranscripts(text: string): { id: string; words: string }[] {
  return [...text.matchAll(/<s>(.*?)<\/s>\s*\((.+?)\)/g)].map((m) => ({
    words: (m[1] ?? '').trim().replace(/\s+/g, ' '),
    id: m[2] ?? '',
  }));
}

export async function englishSpeech(): Promise<SpeechCase[] | { missing: string }> {
  const { root, package: name } = speechPackages.en;
  try {
    const cases: SpeechCase[] = [];
    for (const [folder, file, speaker] of [
      ['librivox', 'transcription', 'librivox-reader'],
      ['cards', 'cards.transcription', 'cards-speaker'],
    ] as const) {
      for (const { id, words } of sphinxTranscripts(await readFile(join(root, folder, file), 'utf8'))) {
        cases.push({ path: join(root, folder, `${id}.wav`), text: words, language: 'en', speaker });
      }
    }
    return cases;
  } catch {
    return { missing: `no real English recordings (apt-get install ${name})` };
  }
}

export async function russianSpeech(): Promise<SpeechCase[] | { missing: string }> {
  const { root, transcripts, package: name } = speechPackages.ru;
  try {
    const lines = gunzipSync(await readFile(transcripts))
      .toString('utf8')
      .split('\n');
    const texts = new Map(lines.map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1)]));
    const cases: SpeechCase[] = [];
    for (const id of russianPrompts) {
      const text = texts.get(id)?.trim();
      const path = join(root, `${id}.wav`);
      await access(path);
      if (text) cases.push({ path, text, language: 'ru', speaker: 'asterisk-ru-ivr-voice' });
    }
    return cases;
  } catch {
    return { missing: `no real Russian recordings (apt-get install ${name})` };
  }
}
