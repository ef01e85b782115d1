import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { forbiddenAddress, forbiddenHost } from '../../src/llm/index.ts';

describe('LLM endpoint guard', () => {
  it('refuses link-local and cloud-metadata addresses', () => {
    for (const address of [
      '169.254.169.254',
      '169.254.0.1',
      'fe80::1',
      'FE80::abcd',
      '::ffff:169.254.169.254',
      'fd00:ec2::254',
      '100.100.100.200',
    ]) {
      assert.match(forbiddenAddress(address) ?? '', /link-local or cloud-metadata/, address);
    }
  });

  it('allows loopback, private and public addresses (operators run LLM servers there)', () => {
    for (const address of ['127.0.0.1', '10.0.0.5', '192.168.1.20', '8.8.8.8', '::1', 'fd12::1']) {
      assert.equal(forbiddenAddress(address), null, address);
    }
  });

  it('checks the host of a URL, metadata host names included', () => {
    assert.match(forbiddenHost('http://metadata.google.internal./computeMetadata') ?? '', /metadata host name/);
    assert.match(forbiddenHost('http://[fe80::1]:8000/v1') ?? '', /link-local/);
    assert.equal(forbiddenHost('http://llm.internal:8000/v1'), null, 'names are checked again when they resolve');
  });
});
