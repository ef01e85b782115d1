import { checkModels, type ModelSettings } from '../models/index.ts';
import type { ReplySettings, Responder } from '../replies/index.ts';
import { isTestModel, isTestRemoteModel } from './test-models.ts';

export type TestLlm =
  | { readonly responder: Responder; readonly model: string; readonly testModel: boolean }
  | { readonly responder: null; readonly reason: string };

/**
 * The LLM replies are tested with: the one the reply path would use now
 * (remote endpoint, else the local model), or why there is none, in the
 * report's words ("not measured (model X missing)").
 */
export async function testLlm(
  settings: ReplySettings,
  models: ModelSettings,
  current: () => Promise<{ responder: Responder | null; reason?: string }>,
): Promise<TestLlm> {
  if (settings.mode === 'retrieval') {
    return {
      responder: null,
      reason: 'not measured (replies use the retrieval responder by choice: BISHOP_REPLY_MODE=retrieval)',
    };
  }
  const remote = settings.mode !== 'local' && settings.remote !== undefined;
  if (!remote) {
    const [status] = await checkModels(models, ['llm']);
    if (!status?.ready) return { responder: null, reason: `not measured (model ${models.choices.llm.name} missing)` };
  }
  const engine = await current();
  if (engine.responder?.mode !== 'llm') {
    return { responder: null, reason: `not measured (${engine.reason ?? 'no language model answers'})` };
  }
  if (remote && settings.remote) {
    const model = settings.remote.model;
    return { responder: engine.responder, model, testModel: isTestRemoteModel(model) };
  }
  const choice = models.choices.llm;
  return { responder: engine.responder, model: choice.name, testModel: isTestModel(choice) };
}
