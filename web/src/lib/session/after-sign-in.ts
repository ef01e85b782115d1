/** Where to go after signing in: the page the user wanted, if it is one of ours. */
export function nextPath(search: URLSearchParams): string {
  const next = search.get('next');
  // Only same-site paths: `//evil.example` or `https://…` would leave Bishop.
  if (next?.startsWith('/') && !next.startsWith('//')) return next;
  return '/avatars';
}
