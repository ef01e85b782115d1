/**
 * `npm run quality`: what a user actually gets from real weights, measured
 * through Bishop's own code paths with the real-model kit (npm run models:real),
 * written to bench-results/quality.md. Every figure names the model, its size
 * and dtype and the time per item; what cannot be measured says why.
 */
import { writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { kitModel, kitModels, readModelKit } from '@bishop/ml-workers/models';
import { realModelsRoot } from '../src/test-env.ts';
import { measureAsr } from './asr-quality.ts';
import { measureAvatarTest } from './avatar-quality.ts';
import { measureDubs } from './dub-quality.ts';
import { measureLlm } from './llm-quality.ts';
import { measureRetrieval } from './retrieval-quality.ts';
import { measureSeparation, speakerClips } from './speaker-quality.ts';
import { englishSpeech, russianSpeech, speechPackages } from './speech-fixtures.ts';
import { measureStress } from './stress-quality.ts';

const kit = readModelKit(realModelsRoot);
const lines: string[] = [
  '# Bishop quality with real weights',
  '',
  `Measured ${new Date().toISOString()} on ${cpus()[0]?.model ?? 'a CPU'} × ${cpus().length} cores (shared, busy machine: `,
  `timings are upper bounds), Node ${process.version}. Models: the real-model kit in ${realModelsRoot}`,
  '(`npm run models:real`; provenance and licence beside each model). **The LLM is a 135M-parameter model and Whisper',
  'is base (74M), not the small default: no figure here says what Qwen2.5-1.5B-Instruct or whisper-small give.**',
  '',
];
const say = (...text: string[]) => lines.push(...text);
const skipOf = (choice: { skip: string } | object) => ('skip' in choice ? choice.skip : '');
const ms = (x: number) => `${x.toFixed(0)} ms`;
const pct = (x: number) => `${(x * 100).toFixed(0)} %`;
const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');
// BISHOP_QUALITY_SECTIONS=asr,voice measures only those (into quality-asr-voice.md, never over the full report).
const sections = (process.env.BISHOP_QUALITY_SECTIONS ?? '').split(',').filter(Boolean);
const wanted = (section: string) => sections.length === 0 || sections.includes(section);
const speech = kitModels(realModelsRoot, ['asr', 'vad']);
const english = await englishSpeech();
const russian = await russianSpeech();

if (!kit) say('Not measured: no real-model kit (run `npm run models:real`).');

// 1. Replies from a real LLM
if (wanted('llm')) {
  say('## Replies (LLM on llama.cpp, an untrained avatar, greedy)', '');
  const llmModels = kit?.models.filter((m) => m.capability === 'llm') ?? [];
  for (const missing of kit?.unavailable.filter((u) => u.capability === 'llm') ?? []) {
    say(`Not measured: ${cell(missing.reason)}.`, '');
  }
  for (const model of llmModels) {
    const choice = kitModel(realModelsRoot, 'llm', model.model);
    if ('skip' in choice) continue;
    const entry = choice.settings.choices.llm.catalogue;
    const figures = await measureLlm(choice.settings, 64);
    say(
      `### ${model.model} (${entry?.size ?? '?'}, ${model.dtype})`,
      '',
      '| figure | value |',
      '|---|---|',
      `| first token (prompt built, evaluated, first piece), median of ${figures.items} | ${figures.medianFirstTokenMs.toFixed(0)} ms per reply |`,
      `| whole reply (≤ 64 tokens), median | ${figures.medianReplyMs.toFixed(0)} ms per reply |`,
      `| decode speed, median | ${figures.decodeTokensPerSecond.toFixed(1)} tokens/s |`,
      `| replies in the message's language (3 ru + 3 en) | ${pct(figures.languageMatch)} |`,
      '',
      '| message | reply | time |',
      '|---|---|---|',
      ...figures.examples.map((e) => `| ${cell(e.message)} | ${cell(e.reply)} | ${e.ms.toFixed(0)} ms |`),
      '',
    );
  }
}

// 2. Retrieval: BM25
if (wanted('retrieval')) {
  say('## Retrieval (recall@5, MRR) on a ru+en fixture of 24 passages and 24 paraphrased questions', '');
  const embedders = kit?.models.filter((m) => m.capability === 'embedder') ?? [];
  if (embedders.length === 0) say(`Not measured: ${cell(skipOf(kitModel(realModelsRoot, 'embedder')))}.`, '');
  say(
    'Fixture: tests/quality/retrieval-fixture.ts (12 Russian + 12 English passages; each question shares few words with its answer).',
    '',
    '| encoder | method | recall@5 | MRR (top 10) | time per query |',
    '|---|---|---|---|---|',
  );
  for (const model of embedders) {
    const choice = kitModel(realModelsRoot, 'embedder', model.model);
    if ('skip' in choice) continue;
    const entry = choice.settings.choices.embedder.catalogue;
    const label = `${model.model} (${entry?.size ?? '?'}, ${model.dtype}; ${entry?.languages?.join('+') ?? 'ru+en'})`;
    for (const f of await measureRetrieval(choice.settings)) {
      say(`| ${label} | ${f.method} | ${pct(f.recallAt5)} | ${f.mrr.toFixed(3)} | ${f.msPerQuery.toFixed(1)} ms |`);
    }
  }
  say('');
}

// 3. The avatar test
if (wanted('avatar')) {
  say('## The avatar test (trained vs untrained, LLM vs retrieval responder)', '');
  const kitLlm = kitModel(realModelsRoot, 'llm');
  const kitEmbedder = kitModel(realModelsRoot, 'embedder');
  if ('skip' in kitLlm || 'skip' in kitEmbedder || !kit) {
    say(`Not measured: ${'skip' in kitLlm ? kitLlm.skip : 'skip' in kitEmbedder ? kitEmbedder.skip : 'no kit'}.`, '');
  } else {
    const maxPairs = 10;
    const { report, ms } = await measureAvatarTest(kit.modelsDir, { ...kitLlm.env, ...kitEmbedder.env }, maxPairs);
    say(
      `Persona: the Russian WhatsApp fixture (Марина Соколова), trained by the train worker; ${report.pairsTested} held-out pairs ` +
        `(at most ${maxPairs}); LLM ${kitLlm.model.model} (${kitLlm.settings.choices.llm.catalogue?.size}), encoder ` +
        `${kitEmbedder.model.model} (${kitEmbedder.settings.choices.embedder.catalogue?.languages?.join('+') ?? 'ru+en'}). Whole run ${(ms / 1000).toFixed(0)} s ` +
        `(${(ms / 1000 / Math.max(1, report.pairsTested)).toFixed(1)} s per held-out pair, training included). ` +
        'Scores: 0 = anyone (the floor), 1 = the person (the ceiling).',
      '',
      '| metric | replies | trained | untrained | lift | 95 % CI | n | quality |',
      '|---|---|---|---|---|---|---|---|',
      ...report.metrics
        .filter((m) => m.replies !== null)
        .map((m) =>
          m.status === 'measured'
            ? `| ${m.metric} | ${m.replies} | ${m.newVersion?.toFixed(2)} | ${m.baseline?.toFixed(2)} | ${m.lift?.toFixed(2)} | ` +
              `[${m.ci95?.map((x) => x.toFixed(2)).join(', ')}] | ${m.n} | ${m.quality}${m.qualityNote ? ` (${cell(m.qualityNote)})` : ''} |`
            : `| ${m.metric} | ${m.replies} | — | — | — | — | — | ${cell(m.reason ?? 'not measured')} |`,
        ),
      '',
      `Verdict: ${report.verdict} (headline replies: ${report.headline}). Examples (headline responder):`,
      '',
      '| message | the person | trained | untrained |',
      '|---|---|---|---|',
      ...report.examples
        .slice(0, 5)
        .map(
          (e) => `| ${cell(e.message)} | ${cell(e.real)} | ${cell(e.newVersion ?? '—')} | ${cell(e.baseline ?? '—')} |`,
        ),
      '',
    );
  }
}

// 3b. Speech recognition
if (wanted('asr')) {
  say('## Speech recognition on real recordings (ours vs the bare pipeline)', '');
  if ('skip' in speech) say(`Not measured: ${cell(speech.skip)}.`, '');
  else {
    const asrEntry = speech.settings.choices.asr;
    say(
      `Model: ${asrEntry.name} (${asrEntry.catalogue?.size ?? '?'}, ${asrEntry.dtype}) with Silero VAD. English: ` +
        `${speechPackages.en.package} (LibriVox reader and the "cards" speaker, 16 kHz, WER); Russian: ` +
        `${speechPackages.ru.package} (one recorded IVR voice, 8 kHz telephone audio, CER). Ours = \`transcribeFile\` ` +
        "(ffmpeg decode, VAD, chunking, Whisper: a chunk of one stretch of ≤ 8 s without timestamps, longer ones with); bare = ffmpeg decodes the file into memory, then one transformers.js `pipeline` call (as the ASR benchmark's anchor). " +
        'Language given to both; one warm-up each. Error = mean per utterance.',
      '',
      '| language | items (audio) | metric | ours | bare | ours time | bare time | speed ours/bare |',
      '|---|---|---|---|---|---|---|---|',
    );
    const worst: string[] = [];
    for (const cases of [english, russian]) {
      if ('missing' in cases) {
        say(`| — | — | — | not measured: ${cell(cases.missing)} | | | | |`);
        continue;
      }
      const f = await measureAsr(speech.settings, cases);
      say(
        `| ${f.language} | ${f.items} (${f.audioSec.toFixed(0)} s) | ${f.metric} | ${pct(f.ours.error)} | ${pct(f.bare.error)} | ` +
          `${ms(f.ours.ms / f.items)} per clip (${(f.ours.ms / 1000 / f.audioSec).toFixed(2)}× real time) | ` +
          `${ms(f.bare.ms / f.items)} per clip | ${(f.bare.ms / f.ours.ms).toFixed(2)}× |`,
      );
      for (const d of f.differing)
        worst.push(`| ${f.language} | ${cell(d.text)} | ${cell(d.ours)} | ${cell(d.bare)} |`);
    }
    if (worst.length === 0) say('', 'Ours and bare heard the same words in every utterance.', '');
    else
      say(
        '',
        'Utterances where ours and bare heard differently:',
        '',
        '| language | said | ours heard | bare heard |',
        '|---|---|---|---|',
        ...worst,
        '',
      );
  }
}

// 3c. Voice:
if (wanted('voice')) {
  say('## Voice', '');
  const espeakProgram = process.env.BISHOP_ESPEAK ?? 'espeak-ng';
  if ('skip' in speech) say(`Dub intelligibility not measured: ${cell(speech.skip)}.`, '');
  else {
    say(
      `### Dub intelligibility (CER of ${speech.settings.choices.asr.name}'s transcript of each dub)`,
      '',
      'Each text goes through the dub path (stress, the voice Bishop picks for the language — the kit has no VITS ' +
        'voice, so espeak-ng — Ogg/Opus) and is transcribed by the real Whisper through `transcribeFile`. No cloning: ' +
        'there are no voice-cloning weights (see below).',
      '',
      '| language | voice | dubs | CER | time per dub (synthesis + encode + transcription) | worst: said → heard |',
      '|---|---|---|---|---|---|',
      ...(await measureDubs(speech.settings, espeakProgram)).map(
        (d) =>
          `| ${d.language} | ${d.voice} | ${d.items} | ${pct(d.cer)} | ${ms(d.msPerDub)} | ${cell(d.worst.text)} → ${cell(d.worst.heard)} |`,
      ),
      '',
    );
  }
  const speaker = kitModel(realModelsRoot, 'speaker');
  if ('skip' in speaker) say(`Speaker separation not measured: ${cell(speaker.skip)}.`, '');
  else {
    const clips = await speakerClips([
      ...('missing' in english ? [] : english),
      ...('missing' in russian ? [] : russian),
    ]);
    const all = await measureSeparation(speaker.settings, clips);
    const recordedClips = clips.filter((c) => c.kind === 'recorded');
    const recorded = await measureSeparation(speaker.settings, recordedClips);
    const row = (label: string, f: typeof all) =>
      `| ${label} | ${f.speakers.map((v) => `${v.name} (${v.kind}, ${v.clips})`).join('; ')} | ${f.samePairs} / ${f.otherPairs} | ` +
      `${f.sameMean.toFixed(3)} | ${f.otherMean.toFixed(3)} | ${f.auc.toFixed(3)} | ${pct(f.eer)} at ${f.eerThreshold.toFixed(2)} | ` +
      `${cell(f.closestOther.pair)} ${f.closestOther.cosine.toFixed(3)} | ${ms(f.msPerClip)} |`;
    const entry = speaker.settings.choices.speaker.catalogue;
    say(
      `### Speaker similarity separation (${speaker.model.model}, ${entry?.size ?? '?'}, ${speaker.model.dtype})`,
      '',
      'Cosine of every pair of clips: same voice vs other voices. Recorded voices are Debian test recordings ' +
        '(above); synthetic ones are made here: festival with festvox-ru (msu_ru_nsh, concatenated from real recordings) ' +
        'and espeak-ng voices. Clips 1–7 s.',
      '',
      '| clips | voices (kind, clips) | pairs same / other | same mean | other mean | AUC | EER at cosine | closest other voices | time per clip |',
      '|---|---|---|---|---|---|---|---|---|',
      row('all', all),
      row('recorded only', recorded),
      '',
    );
  }
}

// 4. Russian word stress
if (wanted('stress')) {
  say('## Russian word stress vs silero-stress', '');
  try {
    const stress = await measureStress(realModelsRoot, process.env.BISHOP_ESPEAK ?? 'espeak-ng');
    say(
      "Bishop places stress from espeak-ng's Russian dictionary (`placeRussianStress`, what the voices get); the reference",
      'is silero-stress 1.5 (PyPI, a neural accentor with homograph resolution). 16 sentences of everyday Russian.',
      '',
      '| figure | value |',
      '|---|---|',
      `| words of two or more vowels where the stressed vowel agrees | ${pct(stress.agreement)} of ${stress.words} |`,
      `| Bishop's time | ${stress.msPerSentence.toFixed(1)} ms per sentence |`,
      `| disagreements | ${cell(stress.disagreements.join('; ') || 'none')} |`,
      '',
    );
  } catch (error) {
    say(`Not measured: ${cell(error instanceof Error ? error.message : String(error))}`, '');
  }
}

// 5. What has no real weights here, and why.
say('## Not measured', '');
say('| what | why |', '|---|---|');
for (const missing of kit?.unavailable ?? []) {
  say(`| ${missing.capability}${missing.model ? ` (${missing.model})` : ''} | ${cell(missing.reason)} |`);
}
say('');

const path = fileURLToPath(
  new URL(`../../bench-results/${sections.length ? `quality-${sections.join('-')}` : 'quality'}.md`, import.meta.url),
);
await writeFile(path, `${lines.join('\n')}\n`);
console.log(lines.join('\n'));
console.error(`[quality] wrote ${path}`);
