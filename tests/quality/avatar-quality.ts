import { readFile } from 'node:fs/promises';
import type { AvatarTestReport } from '@bishop/domain';
import { type ReplySettings, startTestWorker } from '@bishop/ml-workers';
import { modelSettings } from '@bishop/ml-workers/models';
import { createTtsEngines } from '@bishop/ml-workers/tts';
import { openTrainingRig } from '../src/training-rig.ts';

const dialogue = () => readFile(new URL('../fixtures/dialogues/WhatsApp Chat - Марина Соколова.txt', import.meta.url));

/**
 * The avatar test as Bishop runs it after training (extract → train → test
 * workers on the embedded stack), with the kit's real LLM and real encoder:
 * trained vs untrained, LLM vs retrieval responder, lift with 95 % intervals.
 */
export async function measureAvatarTest(
  modelsDir: string,
  env: Record<string, string>,
  maxPairs: number,
): Promise<{ report: AvatarTestReport; ms: number }> {
  const models = modelSettings(modelsDir, env);
  const replies: ReplySettings = {
    mode: 'local',
    remote: undefined,
    maxContextTokens: 2048,
    maxNewTokens: 48,
    temperature: 0,
    timeoutMs: 300_000,
  };
  const rig = await openTrainingRig('quality-avatar', { models });
  rig.startTrainer();
  const tester = startTestWorker({
    bus: rig.bus,
    commands: rig.commands,
    blobs: rig.blobs,
    eventStore: rig.eventStore,
    models,
    replies,
    tts: createTtsEngines({ models, engines: ['espeak'], espeakProgram: process.env.BISHOP_ESPEAK ?? 'espeak-ng' }),
    espeakProgram: process.env.BISHOP_ESPEAK ?? 'espeak-ng',
    decrypt: async (event) => event,
    maxPairs,
    logger: { info() {}, warn() {}, error: (fields, message) => console.error(message, fields) },
  });
  try {
    const started = performance.now();
    const avatarId = await rig.createAvatar('Марина');
    const file = 'WhatsApp Chat - Марина Соколова.txt';
    const chat = await rig.upload(avatarId, file, await dialogue(), 'chatExport', 'text/plain');
    await rig.waitUntilExtracted(avatarId, [chat]);
    await rig.chooseParticipant(avatarId, chat, 'Марина Соколова');
    const runId = await rig.startTraining(avatarId, { holdOutShare: 0.15 });
    await rig.finishedRun(avatarId, runId, 600_000);
    const report = await rig.testReportOf(avatarId, runId, 1_800_000);
    return { report, ms: performance.now() - started };
  } finally {
    await tester.stop();
    await rig.close();
  }
}
