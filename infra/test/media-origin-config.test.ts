import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, configFromEnvironment } from '../src/config/config.ts';

describe('media origin configuration (BISHOP_MEDIA_ORIGIN)', () => {
  it('is unset by default: media is served on the app origin', () => {
    assert.equal(configFromEnvironment({}).mediaOrigin, undefined);
  });

  it('keeps the origin of a URL, normalised', () => {
    assert.equal(
      configFromEnvironment({ BISHOP_MEDIA_ORIGIN: 'https://Media.Example.org' }).mediaOrigin,
      'https://media.example.org',
    );
    assert.equal(
      configFromEnvironment({ BISHOP_MEDIA_ORIGIN: 'http://localhost:4001/' }).mediaOrigin,
      'http://localhost:4001',
    );
  });

  for (const [value, says] of [
    ['media.example.org', 'must be an origin'],
    ['ftp://media.example.org', 'must start with https:// or http://'],
    ['https://user:pw@media.example.org', 'must not carry a user name or password'],
    ['https://media.example.org/files', 'without a path, query or fragment'],
    ['https://media.example.org/?x=1', 'without a path, query or fragment'],
  ] as const) {
    it(`refuses ${value}, saying why`, () => {
      assert.throws(
        () => configFromEnvironment({ BISHOP_MEDIA_ORIGIN: value }),
        (error: unknown) =>
          error instanceof ConfigError &&
          /BISHOP_MEDIA_ORIGIN must/.test(error.message) &&
          error.message.includes(says),
      );
    });
  }
});
