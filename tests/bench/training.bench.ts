import { checkModels, type ModelSettings, modelSettings } from '@bishop/ml-workers/models';
import { generatedLecture, generatedTelegramExport } from '../src/training-corpus.ts';
import { openTrainingRig, type TrainingRig } from '../src/training-rig.ts';
import { type Benchmark, median } from './harness.ts';

const TARGET_RATIO = 0.1;

/** Materials per avatar (one of them a chat export), paragraphs per lecture, measured rounds. */
const SIZES = {
  full: { materials: 100, paragraphs: 30, rounds: 3 },
  quick: { materials: 10, paragraphs: 5, rounds: 3 },
};

/** A real sentence encoder from BISHOP_MODELS_DIR when there is one, else the random-weight test model. */
async function chooseModels(): Promise<{ models?: ModelSettings; label: string }> {
  if (process.env.BISHOP_MODELS_DIR) {
    const models = modelSettings(process.env.BISHOP_MODELS_DIR);
    const [status] = await checkModels(models, ['embedder']);
    if (status?.ready) return { models, label: models.choices.embedder.name };
  }
  return {
    label:
      'embed-tiny-random (test model: 64 dims, 2 layers; a real encoder makes embedding, so the full run, far slower)',
  };
}

/** The parts of TrainingCompleted.stats the benchmark reads. */
interface RunStats {
  readonly passages: number;
  readonly cache: { readonly words: { readonly misses: number } };
  readonly timingsMs: Record<string, number>;
}

/** Milliseconds from StartTraining to the run's completion as the avatar stream shows it. */
async function timeRun(rig: TrainingRig, avatarId: string): Promise<{ ms: number; stats: RunStats }> {
  const started = performance.now();
  const runId = await rig.startTraining(avatarId);
  const { run } = await rig.finishedRun(avatarId, runId, 600_000);
  const ms = performance.now() - started;
  if (run.status !== 'completed') throw new Error(`the benchmark run ended ${run.status}: ${JSON.stringify(run)}`);
  return { ms, stats: run.stats as unknown as RunStats };
}

/** An avatar with `materials` extracted materials: a Telegram export and lectures. */
async function avatarWithCorpus(rig: TrainingRig, round: number, sizes: (typeof SIZES)['full']): Promise<string> {
  const avatarId = await rig.createAvatar(`Лектор ${round}`);
  const encode = (text: string) => new TextEncoder().encode(text);
  const chat = await rig.upload(
    avatarId,
    'result.json',
    encode(generatedTelegramExport('Анна', 'Борис', 200, round)),
    'chatExport',
    'application/json',
  );
  const ids = [chat];
  for (let i = 1; i < sizes.materials; i++) {
    const lecture = generatedLecture(round * 1000 + i, sizes.paragraphs);
    ids.push(await rig.upload(avatarId, `lecture-${i}.txt`, encode(lecture), 'text', 'text/plain'));
  }
  const failed = await rig.waitUntilExtracted(avatarId, ids, 600_000);
  if (failed.length > 0) throw new Error(`${failed.length} materials failed extraction`);
  await rig.chooseParticipant(avatarId, chat, 'Анна');
  return avatarId;
}

export const trainingBenchmark: Benchmark = {
  name: 'training: full run vs incremental retrain (+1 material)',
  async run(context) {
    const sizes = context.quick ? SIZES.quick : SIZES.full;
    const { models, label } = await chooseModels();
    const rig = await openTrainingRig('train_bench', { databaseUrl: context.serverUrl, ...(models ? { models } : {}) });
    rig.startTrainer();
    try {
      const full: number[] = [];
      const incremental: number[] = [];
      const ratios: number[] = [];
      let passages = 0;
      for (let round = 1; round <= sizes.rounds; round++) {
        const avatarId = await avatarWithCorpus(rig, round, sizes);
        const first = await timeRun(rig, avatarId);
        const added = await rig.upload(
          avatarId,
          'one-more.txt',
          new TextEncoder().encode(generatedLecture(round * 1000 + 999, sizes.paragraphs)),
          'text',
          'text/plain',
        );
        await rig.waitUntilExtracted(avatarId, [added]);
        const second = await timeRun(rig, avatarId);
        const recomputed = second.stats.cache.words.misses;
        if (recomputed !== 1) throw new Error(`the retrain recomputed ${recomputed} materials, expected 1`);
        full.push(first.ms / 1000);
        incremental.push(second.ms / 1000);
        ratios.push(second.ms / first.ms);
        passages = second.stats.passages;
        context.log(
          `round ${round}: full ${(first.ms / 1000).toFixed(2)} s, +1 material ${(second.ms / 1000).toFixed(2)} s (${((second.ms / first.ms) * 100).toFixed(1)} %), ${passages} passages; stage ms full ${JSON.stringify(first.stats.timingsMs)}, +1 ${JSON.stringify(second.stats.timingsMs)}`,
        );
      }
      const ratio = median(ratios);
      const sizeNote = `${sizes.materials} materials (a Telegram export of 200 exchanges and lectures of ${sizes.paragraphs} paragraphs), ${passages} passages; encoder ${label}`;
      return [
        {
          benchmark: `training, incremental retrain, +1 of ${sizes.materials} materials`,
          unit: '% of the full run',
          anchor: Number.NaN,
          ours: ratio * 100,
          anchorSamples: [],
          oursSamples: ratios.map((r) => r * 100),
          target: {
            text: `ratio ${ratio.toFixed(3)} (incremental / full time), goal ≤ ${TARGET_RATIO}`,
            met: ratio <= TARGET_RATIO,
          },
          note: `StartTraining to TrainingCompleted on the embedded stack (PostgreSQL event store and in-process bus, filesystem blobs): full run ${median(full).toFixed(2)} s, then the same avatar after one more lecture ${median(incremental).toFixed(2)} s (cached passages and vectors of the other materials reused; asserted: 1 material recomputed); ${sizeNote}`,
        },
      ];
    } finally {
      await rig.close();
    }
  },
};
