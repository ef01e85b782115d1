import { MAX_SENTENCE_CHARS, splitSentences } from '../dubbing/index.ts';

/** The first piece is spoken as soon as it makes sense to: a short clause gets the voice going sooner. */
const FIRST_PIECE_CHARS = 80;

/**
 * Cuts a reply into sentences while it is being generated: every sentence
 * that is complete (another one has begun after it) goes out at once, a run
 * without a full stop is cut at a word once it grows long, and `flush` gives the rest.
 */
export function sentenceStream(language: string, onSentence: (sentence: string) => void) {
  let buffer = '';
  let emitted = 0;

  const emit = (sentence: string) => {
    const text = sentence.trim();
    if (text === '') return;
    emitted++;
    onSentence(text);
  };

  return {
    push(piece: string): void {
      buffer += piece;
      const sentences = splitSentences(buffer, language, Number.MAX_SAFE_INTEGER);
      if (sentences.length > 1) {
        for (const sentence of sentences.slice(0, -1)) emit(sentence);
        buffer = sentences.at(-1) ?? '';
      }
      const limit = emitted === 0 ? FIRST_PIECE_CHARS : MAX_SENTENCE_CHARS;
      if (buffer.length > limit) {
        const cut = buffer.lastIndexOf(' ', limit);
        if (cut > 0) {
          emit(buffer.slice(0, cut));
          buffer = buffer.slice(cut + 1);
        }
      }
    },
    flush(): void {
      emit(buffer);
      buffer = '';
    },
  };
}
