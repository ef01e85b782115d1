import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const probe = fileURLToPath(new URL('./heap-cap-process.ts', import.meta.url));

/** Runs the probe with the cap given; what it printed, and the pid it was started with. */
async function capped(megabytes: number, nodeOptions = '') {
  const env = { ...process.env, NODE_OPTIONS: nodeOptions };
  const child = spawn(process.execPath, [probe, String(megabytes)], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk) => {
    out += chunk;
  });
  const [code] = await once(child, 'exit');
  assert.equal(code, 0);
  const lines = out.trim().split('\n');
  assert.equal(lines.length, 1, `it printed once, as the process it became: ${out}`);
  const printed = JSON.parse(lines[0] as string) as { pid: number; heapLimitMb: number; execArgv: string[] };
  return { ...printed, startedAs: child.pid };
}

describe('capping a worker’s heap', () => {
  it('restarts the process in place with the cap: the same pid, the flag added, a heap limit near it', async () => {
    const become = await capped(192);
    assert.equal(become.pid, become.startedAs);
    assert.ok(become.execArgv.includes('--max-old-space-size=192'), String(become.execArgv));
    // The old space capped, plus V8's young generation.
    assert.ok(become.heapLimitMb >= 192 && become.heapLimitMb < 512, `${become.heapLimitMb} MB`);
  });

  it('keeps an operator’s own --max-old-space-size, and Node’s default when the cap is 0', async () => {
    const operators = await capped(192, '--max-old-space-size=700');
    assert.deepEqual(operators.execArgv, []);
    assert.ok(operators.heapLimitMb >= 700, `${operators.heapLimitMb} MB`);
    const uncapped = await capped(0);
    assert.deepEqual(uncapped.execArgv, []);
    assert.ok(uncapped.heapLimitMb > 700, `${uncapped.heapLimitMb} MB`);
  });
});
