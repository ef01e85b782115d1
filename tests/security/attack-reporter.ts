import type { TestEvent } from 'node:test/reporters';

/**
 * A node:test reporter for the security suite: every test case is an attack
 * (or a tight group of them) that must be refused. It prints how many were
 * tried and how many passed through (failed tests); that count must be 0.
 */
export default async function* attackReporter(source: AsyncIterable<TestEvent>): AsyncGenerator<string> {
  let tried = 0;
  let passedThrough = 0;
  const through: string[] = [];
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const { details, name, skip, todo } = event.data;
    // Suites report too: count only the test cases themselves.
    if (details.type === 'suite' || skip || todo) continue;
    tried++;
    if (event.type === 'test:fail') {
      passedThrough++;
      through.push(name);
    }
  }
  yield `\nsecurity: ${tried} attacks tried, ${passedThrough} passed through\n`;
  for (const name of through) yield `  passed through: ${name}\n`;
}
