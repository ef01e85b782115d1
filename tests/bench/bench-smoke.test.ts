import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runBenchmarks } from './run.ts';

// Checks the harness end to end in quick mode. It asserts figures exist, never
// how they compare: timing ratios on a shared CI machine would make it flaky.
test('quick bench run yields positive figures for every row', { timeout: 600_000 }, async () => {
  const report = await runBenchmarks({ quick: true, log: () => {} });
  assert.ok(report.quick);
  assert.ok(report.rows.length >= 3, `expected ≥ 3 rows, got ${report.rows.length}`);
  for (const row of report.rows) {
    // Rows judged against a goal of their own have no anchor figure.
    const sides = row.target === undefined ? (['anchor', 'ours'] as const) : (['ours'] as const);
    for (const side of sides) {
      const value = row[side];
      assert.ok(
        Number.isFinite(value) && value > 0,
        `${row.benchmark}: ${side} figure ${value} is not a positive number`,
      );
      assert.ok(row[`${side}Samples`].length >= 3, `${row.benchmark}: fewer than 3 rounds`);
    }
    assert.ok(row.unit.length > 0, `${row.benchmark}: no unit`);
  }
  assert.ok(report.machine.postgres.length > 0);
});
