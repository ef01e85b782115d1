import assert from 'node:assert/strict';
import type { Decider } from '../../src/kernel/decider.ts';
import { foldEvents } from '../../src/kernel/decider.ts';
import { type DomainErrorCode, isDomainError } from '../../src/kernel/errors.ts';

/**
 * given (past events) → when (a command) → then (exact new events) or thenThrows (an error code).
 * `then` also checks the events are plain JSON and that `evolve` accepts them.
 */
export function spec<State, Command, Event>(decider: Decider<State, Command, Event>) {
  return {
    given(history: readonly Event[]) {
      return {
        when(command: Command) {
          const state = foldEvents(decider, history);
          const decide = () => decider.decide(command, state);
          return {
            // biome-ignore lint/suspicious/noThenProperty: given/when/then is the vocabulary; never `await` a spec.
            then(expected: readonly Event[]): void {
              const actual = decide();
              assert.deepStrictEqual(actual, expected);
              assert.deepStrictEqual(JSON.parse(JSON.stringify(actual)), actual, 'event data must be plain JSON');
              foldEvents({ initialState: () => state, evolve: decider.evolve }, actual);
            },
            thenThrows(code: DomainErrorCode, message?: RegExp): void {
              assert.throws(decide, (error: unknown) => {
                assert.ok(isDomainError(error), `expected a DomainError, got ${String(error)}`);
                assert.equal(error.code, code, error.message);
                // Messages are sentences for people: capitalised or quoting a name, never empty.
                assert.match(error.message, /^["A-Z]./);
                if (message) assert.match(error.message, message);
                return true;
              });
            },
          };
        },
      };
    },
  };
}
