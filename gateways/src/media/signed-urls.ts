import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Short-lived signed media URLs: `<audio src>` and `<a download>` cannot send
 * an Authorization header, so the URL itself carries who may fetch it and
 * until when. The gateway still re-checks ownership when serving. With a media
 * origin the URLs are absolute on it (user files then never share the app's origin);
 * the signature covers the path only, so the same URL also works on the main origin.
 */
export interface MediaUrlSigner {
  sign(path: string, userId: string, ttlSeconds?: number): string;
  /** The user id the URL was signed for, or null when forged or expired. */
  verify(path: string, query: { u?: string; e?: string; s?: string }, nowMs?: number): string | null;
}

export interface MediaUrlOptions {
  readonly ttlSeconds?: number;
  /** e.g. `https://media.example.org` (BISHOP_MEDIA_ORIGIN); unset: URLs relative to the app's origin. */
  readonly origin?: string | undefined;
}

export function createMediaUrlSigner(key: Uint8Array, options: MediaUrlOptions = {}): MediaUrlSigner {
  const defaultTtlSeconds = options.ttlSeconds ?? 3600;
  const origin = options.origin ?? '';
  const mac = (path: string, userId: string, expires: string) =>
    createHmac('sha256', key).update(`${path}\n${userId}\n${expires}`).digest('base64url');
  return {
    sign(path, userId, ttlSeconds = defaultTtlSeconds) {
      const expires = String(Math.floor(Date.now() / 1000) + ttlSeconds);
      return `${origin}${path}?u=${encodeURIComponent(userId)}&e=${expires}&s=${mac(path, userId, expires)}`;
    },
    verify(path, { u, e, s }, nowMs = Date.now()) {
      if (!u || !e || !s || !/^\d{1,12}$/.test(e)) return null;
      if (Number(e) * 1000 < nowMs) return null;
      const expected = Buffer.from(mac(path, u, e));
      const given = Buffer.from(s);
      return expected.length === given.length && timingSafeEqual(expected, given) ? u : null;
    },
  };
}
