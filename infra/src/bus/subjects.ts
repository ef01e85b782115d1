/**
 * NATS subject rules, shared by both bus adapters so they accept and match
 * exactly the same subjects: `.`-separated non-empty tokens without
 * whitespace; in filters `*` stands for one token and `>` (last) for the rest.
 */

const TOKEN = /^[^\s.*>]+$/;

/** A subject a message is published on: no wildcards. */
export function validSubject(subject: string): string {
  const tokens = subject.split('.');
  if (subject.length === 0 || !tokens.every((token) => TOKEN.test(token))) {
    throw new Error(
      `Invalid subject "${subject}": use non-empty tokens separated by dots, without spaces or wildcards (* >)`,
    );
  }
  return subject;
}

/** A subject filter: wildcards allowed, `>` only as the last token. */
export function validFilter(filter: string): string {
  const tokens = filter.split('.');
  const valid = tokens.every(
    (token, i) => TOKEN.test(token) || token === '*' || (token === '>' && i === tokens.length - 1),
  );
  if (filter.length === 0 || !valid) {
    throw new Error(
      `Invalid subject filter "${filter}": use dot-separated tokens, "*" for one token, ">" as the last token for the rest`,
    );
  }
  return filter;
}

/** Compiles a filter into a test on subjects. */
export function subjectMatcher(filter: string): (subject: string) => boolean {
  const wanted = validFilter(filter).split('.');
  return (subject) => {
    const tokens = subject.split('.');
    for (const [i, token] of wanted.entries()) {
      if (token === '>') return tokens.length > i;
      if (i >= tokens.length || (token !== '*' && token !== tokens[i])) return false;
    }
    return tokens.length === wanted.length;
  };
}

/** True when the subject matches any of the filters. */
export function anySubjectMatcher(filters: readonly string[]): (subject: string) => boolean {
  const matchers = filters.map(subjectMatcher);
  return (subject) => matchers.some((matches) => matches(subject));
}
