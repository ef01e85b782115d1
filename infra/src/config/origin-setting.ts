import { z } from 'zod';

/** An origin alone (`https://media.example.org`): scheme, host and port, no path, query or credentials. */
export const origin = z.string().transform((value, context) => {
  const problem = originProblem(value);
  if (problem) {
    context.addIssue({ code: 'custom', message: problem });
    return z.NEVER;
  }
  return new URL(value).origin;
});

function originProblem(value: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    return 'must be an origin such as https://media.example.org';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return 'must start with https:// or http://';
  if (parsed.username || parsed.password) return 'must not carry a user name or password';
  if (parsed.pathname !== '/' || parsed.search || parsed.hash) {
    return 'must be an origin only (scheme, host and port), without a path, query or fragment';
  }
  return null;
}
