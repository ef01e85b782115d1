import type { AutoProcessor, PreTrainedModel, Tensor } from '@huggingface/transformers';
import type { SpeakerCalibration } from './catalogue.ts';

type Processor = Awaited<ReturnType<typeof AutoProcessor.from_pretrained>>;

/** A loaded x-vector speaker model: one embedding per clip of 16 kHz mono audio. */
export interface SpeakerEmbedder {
  readonly model: string;
  readonly calibration: SpeakerCalibration;
  /** Unit-length embedding; compare with cosine similarity. */
  embed(samples: Float32Array): Promise<Float32Array>;
}

export function createSpeakerEmbedder(
  name: string,
  processor: Processor,
  model: PreTrainedModel,
  calibration: SpeakerCalibration,
): SpeakerEmbedder {
  return {
    model: name,
    calibration,
    async embed(samples) {
      const { embeddings } = (await model(await processor(samples))) as { embeddings: Tensor };
      return normalize(Float32Array.from(embeddings.data as Float32Array));
    },
  };
}

// x-vector heads do not all promise unit length; callers get one convention whatever the model.
function normalize(vector: Float32Array): Float32Array {
  const norm = Math.hypot(...vector);
  return norm > 0 ? vector.map((v) => v / norm) : vector;
}
