export { type DubVoicePlan, planDubVoice } from './dub-voice.ts';
export { type DubWorkerOptions, startDubWorker } from './dub-worker.ts';
export { type DubMetadata, type EncodedDub, encodeDub, SYNTHETIC_NOTICE, syntheticSpeechTags } from './encode-dub.ts';
export { replyLanguage } from './reply-language.ts';
export { MAX_SENTENCE_CHARS, splitSentences } from './sentences.ts';
export { type SpeakOptions, type SpokenReply, type SpokenSentence, speakReply } from './speak-reply.ts';
export { startVoicePreviewWorker } from './voice-preview-worker.ts';
