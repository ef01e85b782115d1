/**
 * `npm run quality`: what a user actually gets from real weights, measured
 * through Bishop's own code paths with the real-model kit (npm run models:real),
 * written to bench-results/quality.md. Every figure names the model, its size
 * and dtype and the time per item; what cannot be measured says why.
 */
import { writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { kitModel, readModelKit } from '@bishop/ml-workers/models';
import { realModelsRoot } from '../src/test-env.ts';
import { measureAvatarTest } from './avatar-quality.ts';
import { measureLlm } from './llm-quality.ts';
import { measureRetrieval } from './retrieval-quality.ts';
import { measureStress } from './stress-quality.ts';

const kit = readModelKit(realModelsRoot);
const lines: string[] = [
  '# Bishop quality with real weights',
  '',
  `Measured ${new Date().toISOString()} on ${cpus()[0]?.model ?? 'a CPU'} × ${cpus().length} cores (shared, busy machine: `,
  `timings are upper bounds), Node ${process.version}. Models: the real-model kit in ${realModelsRoot}`,
  '(`npm run models:real`; provenance and licence beside each model). **The LLM is a 135M-parameter model and the',
  'encoder English-only: no figure here says what the 1.5B default (Qwen2.5-1.5B-Instruct) or multilingual-e5 give.**',
  '',
];
const say = (...text: string[]) => lines.push(...text);
const pct = (x: number) => `${(x * 100).toFixed(0)} %`;
const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

if (!kit) say('Not measured: no real-model kit (run `npm run models:real`).');

// 1. Replies from a real LLM, through the reply path.
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

// 2. Retrieval: BM25, dense, fused.
say('## Retrieval (recall@5, MRR) on a ru+en fixture of 24 passages and 24 paraphrased questions', '');
const embedder = kitModel(realModelsRoot, 'embedder');
if ('skip' in embedder) say(`Not measured: ${embedder.skip}.`, '');
else {
  const entry = embedder.settings.choices.embedder.catalogue;
  const figures = await measureRetrieval(embedder.settings);
  say(
    `Encoder: ${embedder.model.model} (${entry?.size ?? '?'}, ${embedder.model.dtype}; ${entry?.languages?.join('+') ?? 'ru+en'} only). ` +
      'Fixture: tests/quality/retrieval-fixture.ts (12 Russian + 12 English passages; each question shares few words with its answer).',
    '',
    '| method | recall@5 | MRR (top 10) | time per query |',
    '|---|---|---|---|',
    ...figures.map(
      (f) => `| ${f.method} | ${pct(f.recallAt5)} | ${f.mrr.toFixed(3)} | ${f.msPerQuery.toFixed(1)} ms |`,
    ),
    '',
  );
}

// 3. The avatar test with the real LLM and the real encoder.
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
      `${kitEmbedder.model.model} (English-only). Whole run ${(ms / 1000).toFixed(0)} s ` +
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

// 4. Russian word stress (for the voices) against silero-stress.
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

// 5. What has no real weights here, and why.
say('## Not measured', '');
say('| what | why |', '|---|---|');
const reasonFor = (capability: string) =>
  kit?.unavailable.find((u) => u.capability === capability)?.reason ?? 'no real model in the kit';
say(
  `| ASR: WER on English speech, CER on Russian speech, ours vs the bare pipeline | ${cell(reasonFor('asr'))} |`,
  `| Voice: dub intelligibility (CER of a real Whisper transcript) | needs real Whisper: ${cell(reasonFor('asr'))} |`,
  `| Voice: speaker-similarity separation | ${cell(reasonFor('speaker'))} |`,
  `| Voice cloning | ${cell(reasonFor('tts-clone'))} |`,
  '',
);

const path = fileURLToPath(new URL('../../bench-results/quality.md', import.meta.url));
await writeFile(path, `${lines.join('\n')}\n`);
console.log(lines.join('\n'));
console.error(`[quality] wrote ${path}`);
