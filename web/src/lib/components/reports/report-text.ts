import { formatLanguage } from '$lib/format.ts';
import { t } from '$lib/i18n/i18n.svelte.ts';
import type { MessageKey } from '$lib/i18n/messages.en.ts';

/**
 * The avatar test writes its notes and its reasons for an unmeasured metric in English, into the
 * recorded report (events are never rewritten). These are the sentences it writes, each with the
 * message that says the same in the reader's language; a sentence not listed shows as written.
 */
type Pattern = readonly [RegExp, MessageKey, (match: RegExpExecArray) => Record<string, string>];

const none = () => ({});
const patterns: readonly Pattern[] = [
  [
    /^The verdict uses the retrieval responder’s replies \(the person’s own past replies\): LLM replies were (.+)$/,
    'tests.text.retrievalHeadline',
    (m) => ({ why: reportText(m[1] ?? '') }),
  ],
  [
    /^The verdict uses the retrieval responder’s replies: the LLM (.+) is a test model, whose replies ignore the persona$/,
    'tests.text.testLlm',
    (m) => ({ model: m[1] ?? '' }),
  ],
  [
    /^The materials hold too few messages of other people \(chat exports\) for the floor; the floor is Bishop’s generic (\w+) text$/,
    'tests.text.genericFloor',
    (m) => ({ language: formatLanguage(m[1] ?? '') }),
  ],
  [
    /^The person writes in .+ \(([\w-]+)\), for which Bishop has no generic text or voice/,
    'tests.text.unsupportedLanguage',
    (m) => ({ language: formatLanguage(m[1] ?? '') }),
  ],
  [
    /^The previous version could not be opened for comparison: (.*)$/,
    'tests.text.previousUnreadable',
    (m) => ({ detail: m[1] ?? '' }),
  ],
  [/^The avatar test failed: (.*)$/, 'tests.text.failed', (m) => ({ detail: m[1] ?? '' })],
  [
    /^not measured \(replies use the retrieval responder by choice: BISHOP_REPLY_MODE=retrieval\)$/,
    'tests.text.retrievalByChoice',
    none,
  ],
  [/^not measured \(model (.+) missing\)$/, 'tests.text.modelMissing', (m) => ({ model: m[1] ?? '' })],
  [
    /^not measured \((\d+) held-out (?:dialogue )?pairs?: the (?:ceiling|test) needs (?:two|at least two)/,
    'tests.text.tooFewPairs',
    (m) => ({ count: m[1] ?? '' }),
  ],
  [/^not measured \(no floor text\)$/, 'tests.text.noFloor', none],
  [
    /^not measured \(no floor: too few messages of other people and no generic text in .+ \(([\w-]+)\)\)$/,
    'tests.text.noFloorLanguage',
    (m) => ({ language: formatLanguage(m[1] ?? '') }),
  ],
  [/^not measured \(the version holds no training text of the person\)$/, 'tests.text.noPersonText', none],
  [
    /^not measured \(no generic text in .+ \(([\w-]+)\) to tell the person from anyone\)$/,
    'tests.text.noGenericAuthorship',
    (m) => ({ language: formatLanguage(m[1] ?? '') }),
  ],
  [
    /^not measured \(the person’s own held-out replies (?:do not score reliably|score no) closer than another person’s words/,
    'tests.text.notToldApart',
    none,
  ],
  [
    /^not measured \(on these held-out pairs the person’s own replies are not told apart from another person’s words/,
    'tests.text.notToldApart',
    none,
  ],
  [/^not measured \(the test failed: (.*)\)$/, 'tests.text.testFailed', (m) => ({ detail: m[1] ?? '' })],
  [
    /^the untrained baseline gave no reply to (\d+) of (\d+) messages; each counts as 0 \(anyone\)$/,
    'tests.text.baselineSilent',
    (m) => ({ count: m[1] ?? '', n: m[2] ?? '' }),
  ],
];

/** A note or reason of the avatar test in the reader's language (as written when it is not a known one). */
export function reportText(text: string): string {
  for (const [pattern, key, params] of patterns) {
    const match = pattern.exec(text);
    if (match) return t(key, params(match));
  }
  return text;
}
