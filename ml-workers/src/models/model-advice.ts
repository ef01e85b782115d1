import { type Capability, capabilities } from './capabilities.ts';
import type { ModelStatus } from './check-models.ts';
import type { ModelSettings } from './model-settings.ts';

/** What a person loses while a capability has no model, in their words. */
export const missingModelEffect: Readonly<Record<Capability, string>> = {
  asr: 'recordings and voice messages are not transcribed',
  vad: 'recordings cannot be split into speech',
  speaker: 'voice samples are not checked and interviews keep every speaker’s words',
  embedder: 'the avatar finds knowledge by words only, not by meaning',
  llm: 'replies are the person’s own past replies, not written by a language model',
  'tts-ru': 'no generic Russian voice for spoken replies',
  'tts-en': 'no generic English voice for spoken replies',
  'tts-clone': 'spoken replies do not clone the person’s voice',
};

/** The one command that installs these models (all of them: no list). */
export function pullCommand(missing: readonly Capability[]): string {
  const all = capabilities.every((capability) => missing.includes(capability));
  return all ? './bishop models pull' : `./bishop models pull ${missing.join(' ')}`;
}

/** Lines that say which capabilities lack a model and the one command that fixes it; empty when all are there. */
export function missingModelsAdvice(statuses: readonly ModelStatus[], settings: ModelSettings): string[] {
  const missing = statuses.filter((status) => !status.ready);
  if (missing.length === 0) return [];
  const size = (s: ModelStatus) => settings.choices[s.capability].catalogue?.size ?? 'size unknown';
  return [
    `Models: ${missing.length} of ${statuses.length} capabilities have no model in ${settings.modelsDir}:`,
    ...missing.map((s) => `  - ${s.capability.padEnd(9)} ${s.model} (${size(s)}): ${missingModelEffect[s.capability]}`),
    `Fix: ${pullCommand(missing.map((s) => s.capability))}  (needs internet; offline machines: see README, Models)`,
  ];
}

/** Why one capability's model is not ready, and what to run (for /readyz). */
export function missingModelReason(status: ModelStatus): string {
  return (
    `${status.model} is not installed in ${status.directory} (${missingModelEffect[status.capability]}); ` +
    `fix: ${pullCommand([status.capability])}, or point BISHOP_MODELS_DIR at a prepared copy`
  );
}
