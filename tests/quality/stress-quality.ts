import { spawn } from 'node:child_process';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { placeRussianStress, STRESS_MARK } from '@bishop/ml-workers/tts';
import { extractFolder, pinnedWheel } from '../real-models/pypi-wheels.ts';
import { pythonToolchain } from '../real-models/python-toolchain.ts';

const sileroStress = {
  name: 'silero-stress',
  version: '1.5',
  sha256: '408e333e67ebb407be656f32e8d5c46ad811c2598ebdbaed0e627ee980579e4a',
};

/** Everyday Russian sentences with words whose stress TTS often gets wrong. */
const sentences = [
  'Мы позвоним вам завтра утром.',
  'Она красивее своей сестры.',
  'Торты на столе, а шарфы в шкафу.',
  'Договор подписали в среду.',
  'Звонит колокол на старой церкви.',
  'Дети бегали по двору до самого вечера.',
  'Я живу в большом городе у реки.',
  'Включите свет, пожалуйста, в коридоре.',
  'Он принял решение слишком быстро.',
  'Средства на счёте закончились в понедельник.',
  'Каталог новых товаров лежит на полке.',
  'Нам нужно обеспечение для этого кредита.',
  'Она положила ключи в сумку и ушла.',
  'Дочь учится в музыкальной школе.',
  'Этот квартал построили недавно.',
  'Повар приготовил щавелевый суп.',
];

const VOWEL = /[аеёиоуыэюя]/iu;

/** Stressed vowel positions per word: `+` before the vowel (silero) or U+0301 after it (Bishop). */
function stressedVowels(text: string, style: 'plus' | 'acute'): Map<string, number> {
  const result = new Map<string, number>();
  const words = text.match(/(?:[а-яё+]|\u0301)+/giu) ?? [];
  words.forEach((raw, position) => {
    const plain = raw.replaceAll('+', '').replaceAll(STRESS_MARK, '').toLowerCase().replaceAll('ё', 'е');
    const vowels = [...plain].filter((c) => VOWEL.test(c)).length;
    if (vowels < 2) return;
    let vowelIndex = -1;
    let stressed = -1;
    const chars = [...raw];
    chars.forEach((c, i) => {
      if (!VOWEL.test(c)) return;
      vowelIndex += 1;
      const marked = style === 'plus' ? chars[i - 1] === '+' : chars[i + 1] === STRESS_MARK;
      if (marked || c.toLowerCase() === 'ё') stressed = vowelIndex;
    });
    result.set(`${position}:${plain}`, stressed);
  });
  return result;
}

export interface StressFigures {
  readonly words: number;
  readonly agreement: number;
  readonly msPerSentence: number;
  readonly disagreements: readonly string[];
}

/** Bishop's Russian stress (espeak-ng's dictionary) against silero-stress on multi-vowel words. */
export async function measureStress(root: string, espeak: string): Promise<StressFigures> {
  const wheel = await pinnedWheel(sileroStress, join(root, 'wheels'));
  const unpacked = join(root, 'tools', 'silero-stress-1.5');
  await access(join(unpacked, 'silero_stress')).catch(() => extractFolder(wheel, '', unpacked));
  await pythonToolchain(root);
  const silero = await runSilero(join(root, 'venv', 'bin', 'python'), unpacked, sentences);
  let words = 0;
  let agree = 0;
  let bishopMs = 0;
  const disagreements: string[] = [];
  for (const [i, sentence] of sentences.entries()) {
    const started = performance.now();
    const ours = stressedVowels(await placeRussianStress(sentence, { program: espeak }), 'acute');
    bishopMs += performance.now() - started;
    const theirs = stressedVowels(silero[i] ?? '', 'plus');
    for (const [word, stressed] of theirs) {
      words += 1;
      if (ours.get(word) === stressed) agree += 1;
      else disagreements.push(`${word.split(':')[1]} (Bishop: vowel ${ours.get(word) ?? '—'}, silero: ${stressed})`);
    }
  }
  return { words, agreement: agree / words, msPerSentence: bishopMs / sentences.length, disagreements };
}

function runSilero(python: string, unpacked: string, lines: readonly string[]): Promise<string[]> {
  const script = fileURLToPath(new URL('../real-models/convert/silero_stress_marks.py', import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(python, [script, unpacked], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.stderr.on('data', (chunk) => {
      err = (err + chunk).slice(-2000);
    });
    child.on('close', (code) =>
      code === 0
        ? resolve(
            out
              .trim()
              .split('\n')
              .map((line) => JSON.parse(line) as string),
          )
        : reject(new Error(`silero-stress failed: ${err}`)),
    );
    child.stdin.end(`${lines.join('\n')}\n`);
  });
}
