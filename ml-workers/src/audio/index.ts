export { AudioInputError, AudioInputFailure } from './audio-input-error.ts';
export { type AudioTools, audioTools, sampleRate } from './audio-tools.ts';
export { type CutOptions, cutAudio } from './cut-audio.ts';
export { type DecodeOptions, decodeAudio } from './decode-audio.ts';
export { detectLanguage } from './detect-language.ts';
export { integratedLoudness } from './loudness.ts';
export { type MediaInfo, type ProbeOptions, probeMedia } from './probe-media.ts';
export { readAudio } from './read-audio.ts';
export {
  type SpeakerTurnOptions,
  type SpeechSegment,
  segmentRecording,
  speakerTurnsInFile,
  splitSegmentsAtTurns,
} from './segment-speech.ts';
export {
  detectVoiceActivity,
  isSpeechFrame,
  type SpeechThresholds,
  speechThresholds,
  type VadFrame,
  vadWindowSamples,
} from './silero-vad.ts';
export { cosineSimilarity, embedWindows, speakerConsistency } from './speaker-similarity.ts';
export { type PersonVoice, type SpeakerTurn, speakerTurnsOf, type TurnWindows } from './speaker-turns.ts';
export { type ChunkSpan, fileTime, type SilenceSkipped, type SpeechChunk } from './speech-chunk.ts';
export { type ChunkingOptions, chunkSpeech } from './speech-chunker.ts';
export { type RegionOptions, type SpeechRegion, speechRegions } from './speech-regions.ts';
export {
  type TranscribeOptions,
  type TranscribeProgress,
  type Transcript,
  type TranscriptSegment,
  transcribeFile,
  transcribeSamples,
} from './transcribe.ts';
export {
  checkVoiceSample,
  type VoiceSampleCheck,
  type VoiceSampleCheckOptions,
  type VoiceSampleFigures,
  voiceSampleRules,
} from './voice-sample-check.ts';
