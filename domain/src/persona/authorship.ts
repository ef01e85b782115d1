/**
 * Authorship attribution with character n-grams: one multinomial model of the
 * person's text and one of generic text of the same language; a text's score
 * is the mean log-likelihood ratio of its n-grams (Peng, Schuurmans & Wang
 * 2003, "Language independent authorship attribution using character level
 * language models"). Written here rather than taken from npm: the naive-Bayes
 * packages there (natural, bayes, wink-naive-bayes-text-classifier) tokenise
 * into words and return a posterior that saturates at 0 or 1 as texts grow,
 * while the avatar test needs a length-normalised score it can place between
 * a floor and a ceiling; and domain/ takes no dependencies.
 */

export interface AuthorshipOptions {
  /** n-gram lengths; 2–4 characters carry punctuation, emoji and word endings (Stamatatos 2009). */
  readonly orders?: readonly number[];
  /** Additive smoothing of n-gram counts. */
  readonly smoothing?: number;
}

export interface AuthorshipClassifier {
  /** > 0: more like the person than like generic text; 0: no evidence either way. Nats per n-gram. */
  score(text: string): number;
  /** n-grams of each order the models were trained on (person, generic). */
  readonly trainedOn: { readonly person: number; readonly generic: number };
}

const DEFAULT_ORDERS = [2, 3, 4] as const;
const DEFAULT_SMOOTHING = 0.5;

interface CharModel {
  readonly counts: Map<string, number>;
  total: number;
}

export function trainAuthorship(
  personTexts: readonly string[],
  genericTexts: readonly string[],
  options: AuthorshipOptions = {},
): AuthorshipClassifier {
  const orders = options.orders ?? DEFAULT_ORDERS;
  const alpha = options.smoothing ?? DEFAULT_SMOOTHING;
  const person = modelOf(personTexts, orders);
  const generic = modelOf(genericTexts, orders);
  if (person.total === 0 || generic.total === 0) {
    throw new RangeError('Authorship needs text on both sides (the person and generic text)');
  }
  const vocabulary = new Set([...person.counts.keys(), ...generic.counts.keys()]).size;
  const logP = (model: CharModel, gram: string) =>
    Math.log(((model.counts.get(gram) ?? 0) + alpha) / (model.total + alpha * vocabulary));
  return {
    trainedOn: { person: person.total, generic: generic.total },
    // n-grams neither side has seen count too, as in any multinomial naive Bayes: by the smoothing, such
    // an n-gram speaks a little against the side that wrote more and still never used it.
    score(text) {
      let sum = 0;
      let grams = 0;
      for (const gram of nGrams(text, orders)) {
        sum += logP(person, gram) - logP(generic, gram);
        grams += 1;
      }
      return grams === 0 ? 0 : sum / grams;
    },
  };
}

function modelOf(texts: readonly string[], orders: readonly number[]): CharModel {
  const model: CharModel = { counts: new Map(), total: 0 };
  for (const text of texts) {
    for (const gram of nGrams(text, orders)) {
      model.counts.set(gram, (model.counts.get(gram) ?? 0) + 1);
      model.total += 1;
    }
  }
  return model;
}

/** Character n-grams of a text padded with spaces (word starts and ends count); case and punctuation kept. */
function* nGrams(text: string, orders: readonly number[]): Generator<string> {
  const chars = [...` ${text.replace(/\s+/gu, ' ').trim()} `];
  if (chars.length <= 2) return;
  for (const n of orders) {
    for (let i = 0; i + n <= chars.length; i++) yield `${n}\u0000${chars.slice(i, i + n).join('')}`;
  }
}
