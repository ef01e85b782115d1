import { lookup as dnsLookup } from 'node:dns';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { ExtractionFailure } from '../extraction-failure.ts';

export type FetchLimits = {
  maxBytes: number;
  timeoutMs: number;
  maxRedirects: number;
  /** Operator setting: fetch from private, loopback and link-local addresses too (a trusted intranet). */
  allowPrivateAddresses: boolean;
};

export const defaultFetchLimits: FetchLimits = {
  maxBytes: 200 * 1024 ** 2,
  timeoutMs: 60_000,
  maxRedirects: 5,
  allowPrivateAddresses: false,
};

export type Fetched = { url: string; contentType: string; bytes: Buffer };

/**
 * GETs a URL for the user without letting them reach what the server can
 * but they should not: every address a name resolves to is checked when the
 * connection is made (so a DNS answer cannot change between check and use),
 * on every redirect hop; size, time and hops are bounded. Hand-written on
 * node:http because fetch() gives no hook at the resolved address.
 */
export async function safeFetch(
  url: string,
  accept: (contentType: string) => boolean,
  limits: FetchLimits,
): Promise<Fetched> {
  let current = parseUrl(url, limits.allowPrivateAddresses);
  for (let hop = 0; hop <= limits.maxRedirects; hop++) {
    const response = await get(current, limits);
    const status = response.statusCode ?? 0;
    if (status >= 300 && status < 400 && response.headers.location) {
      response.resume();
      current = parseUrl(new URL(response.headers.location, current).toString(), limits.allowPrivateAddresses);
      continue;
    }
    if (status < 200 || status >= 300) {
      response.resume();
      throw new ExtractionFailure('FETCH_FAILED', `${current.host} answered HTTP ${status} for ${shortUrl(current)}`);
    }
    const contentType = (response.headers['content-type'] ?? 'application/octet-stream').toLowerCase();
    if (!accept(contentType)) {
      response.resume();
      throw new ExtractionFailure(
        'UNSUPPORTED_FORMAT',
        `${shortUrl(current)} is ${contentType.split(';')[0]}, which Bishop does not read`,
      );
    }
    return { url: current.toString(), contentType, bytes: await readBody(response, limits, current) };
  }
  throw new ExtractionFailure('FETCH_FAILED', `${shortUrl(current)} redirects more than ${limits.maxRedirects} times`);
}

function parseUrl(text: string, allowPrivateLiteral: boolean): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ExtractionFailure('FETCH_FAILED', `"${text.slice(0, 200)}" is not a web address`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ExtractionFailure('FETCH_REFUSED', `Only http and https addresses are fetched, not ${url.protocol}`);
  }
  // A literal address never goes through the resolver, so it is checked here.
  const literal = url.hostname.replace(/^\[|\]$/g, '');
  if (ipaddr.isValid(literal) && !allowPrivateLiteral && !isPublicAddress(literal)) {
    throw new ExtractionFailure(
      'FETCH_REFUSED',
      `${literal} is a private, loopback or link-local address; Bishop fetches only public addresses`,
    );
  }
  return url;
}

function get(url: URL, limits: FetchLimits): Promise<IncomingMessage> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.get(url, {
      lookup: checkedLookup(limits.allowPrivateAddresses),
      timeout: limits.timeoutMs,
      headers: { 'user-agent': 'Bishop (material import)', accept: '*/*' },
    });
    request.on('response', resolve);
    request.on('timeout', () =>
      request.destroy(new ExtractionFailure('FETCH_FAILED', `${url.host} did not answer in time`)),
    );
    request.on('error', (error) => reject(asFailure(error, url)));
    setTimeout(
      () => request.destroy(new ExtractionFailure('FETCH_FAILED', `${shortUrl(url)} took too long`)),
      limits.timeoutMs,
    ).unref();
  });
}

/** The resolver the socket connects with: a refused address fails the connection before it is made. */
function checkedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true as const }, (error, list) => {
      if (error) return callback(error, '', 0);
      const refused = list.find((entry) => !allowPrivate && !isPublicAddress(entry.address));
      if (refused) {
        return callback(
          new ExtractionFailure(
            'FETCH_REFUSED',
            `${hostname} is at ${refused.address}, a private, loopback or link-local address; Bishop fetches only public addresses`,
          ),
          '',
          0,
        );
      }
      if ((options as { all?: boolean }).all) return callback(null, list);
      const first = list[0];
      if (!first) return callback(new Error(`${hostname} has no address`), '', 0);
      callback(null, first.address, first.family);
    });
  };
}

/** Public unicast only: no private, loopback, link-local, carrier-grade NAT, multicast or reserved ranges. */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  }
  return parsed.range() === 'unicast';
}

async function readBody(response: IncomingMessage, limits: FetchLimits, url: URL): Promise<Buffer> {
  const declared = Number(response.headers['content-length'] ?? 0);
  const tooLarge = () =>
    new ExtractionFailure(
      'FETCH_TOO_LARGE',
      `${shortUrl(url)} is larger than ${Math.round(limits.maxBytes / 1024 ** 2)} MiB`,
    );
  if (declared > limits.maxBytes) {
    response.destroy();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of response) {
      size += (chunk as Buffer).length;
      if (size > limits.maxBytes) {
        response.destroy();
        throw tooLarge();
      }
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    throw asFailure(error, url);
  }
  return Buffer.concat(chunks);
}

function asFailure(error: unknown, url: URL): ExtractionFailure {
  if (error instanceof ExtractionFailure) return error;
  const code = (error as { code?: string }).code ?? '';
  return new ExtractionFailure('FETCH_FAILED', `${url.host} could not be reached (${code || String(error)})`, {
    cause: error,
  });
}

function shortUrl(url: URL): string {
  const text = url.toString();
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

/**
 * The operator's settings: BISHOP_FETCH_ALLOW_PRIVATE=true lets a trusted
 * intranet be fetched; BISHOP_FETCH_MAX_MB and BISHOP_FETCH_TIMEOUT_SEC bound one fetch.
 */
export function fetchLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): FetchLimits {
  const positive = (name: string, fallback: number) => {
    const value = Number(env[name] ?? '');
    return env[name] && Number.isFinite(value) && value > 0 ? value : fallback;
  };
  return {
    ...defaultFetchLimits,
    maxBytes: positive('BISHOP_FETCH_MAX_MB', defaultFetchLimits.maxBytes / 1024 ** 2) * 1024 ** 2,
    timeoutMs: positive('BISHOP_FETCH_TIMEOUT_SEC', defaultFetchLimits.timeoutMs / 1000) * 1000,
    allowPrivateAddresses: /^(?:1|true|yes)$/i.test(env.BISHOP_FETCH_ALLOW_PRIVATE ?? ''),
  };
}
