import { type AutomaticSpeechRecognitionPipeline, Tensor } from '@huggingface/transformers';

interface WhisperGenerationConfig {
  readonly decoder_start_token_id?: number;
  readonly lang_to_id?: Readonly<Record<string, number>>;
}

/**
 * Whisper's own language identification, which transformers.js does not
 * expose: one decoder step after <|startoftranscript|>, then the most likely
 * language token among `candidates` (ISO codes, e.g. ['ru', 'en']). Restricting
 * to the product's languages keeps a mumbled clip from being called Welsh.
 */
export async function detectLanguage(
  asr: AutomaticSpeechRecognitionPipeline,
  samples: Float32Array,
  candidates: readonly string[],
): Promise<string> {
  const [fallback = 'en'] = candidates;
  const config = asr.model.generation_config as WhisperGenerationConfig | null;
  const start = config?.decoder_start_token_id;
  const ids = candidates.map((code) => config?.lang_to_id?.[`<|${code}|>`]);
  // English-only Whisper models have no language tokens.
  if (start === undefined || ids.some((id) => id === undefined)) return fallback;
  const { input_features } = (await asr.processor(samples)) as { input_features: Tensor };
  const decoder_input_ids = new Tensor('int64', BigInt64Array.from([BigInt(start)]), [1, 1]);
  const { logits } = (await asr.model({ input_features, decoder_input_ids })) as { logits: Tensor };
  const scores = logits.data as Float32Array;
  let best = 0;
  for (const [i, id] of ids.entries()) {
    if ((scores[id as number] ?? -Infinity) > (scores[ids[best] as number] ?? -Infinity)) best = i;
  }
  return candidates[best] ?? fallback;
}
