import { AudioInputError } from '../audio/index.ts';
import { ExtractionFailure } from '../extraction/index.ts';
import { ModelMissingError } from '../models/index.ts';
import { PermanentJobError } from '../runtime/index.ts';

const capabilityNames: Record<string, string> = {
  asr: 'Speech recognition',
  vad: 'Speech detection',
  speaker: 'Voice matching',
  embedder: 'Text search',
  llm: 'Reply generation',
  'tts-ru': 'Russian speech synthesis',
  'tts-en': 'English speech synthesis',
  'tts-clone': 'Voice cloning',
};

/**
 * Errors that retrying cannot fix, turned into the failure a person reads.
 * Anything else is rethrown unchanged and retried by the runtime.
 */
export function asPermanentFailure(error: unknown): never {
  if (error instanceof ExtractionFailure) {
    throw new PermanentJobError({ reasonCode: error.reasonCode, reason: error.reason }, { cause: error });
  }
  if (error instanceof AudioInputError && error.reason !== 'timeout') {
    throw new PermanentJobError(
      { reasonCode: `AUDIO_${error.reason.toUpperCase().replaceAll('-', '_')}`, reason: error.message },
      { cause: error },
    );
  }
  if (error instanceof ModelMissingError) {
    // The operator's message names server paths; the user gets what it means for them.
    const what = capabilityNames[error.capability] ?? error.capability;
    throw new PermanentJobError(
      {
        reasonCode: 'MODEL_MISSING',
        reason: `${what} is not installed on this server yet; ask its administrator to install the models`,
      },
      { cause: error },
    );
  }
  throw error;
}
