import { WakeSignal } from '../../event-store/wake-signal.ts';
import { anySubjectMatcher } from '../subjects.ts';

interface Registration {
  readonly durable: string;
  readonly matches: (subject: string) => boolean;
  readonly wake: WakeSignal;
}

/**
 * Wakes only the consumers an event concerns: a publish wakes those whose
 * filters match its subject, an ack or nak wakes the consumers of that
 * durable. Each wake-up costs a fetch, so waking everyone on every event
 * would make the bus slower with every consumer added.
 */
export class ConsumerWakes {
  #registrations = new Set<Registration>();

  register(durable: string, filters: readonly string[]): { wake: WakeSignal; unregister(): void } {
    const registration = { durable, matches: anySubjectMatcher(filters), wake: new WakeSignal() };
    this.#registrations.add(registration);
    return { wake: registration.wake, unregister: () => this.#registrations.delete(registration) };
  }

  published(subject: string): void {
    for (const r of this.#registrations) if (r.matches(subject)) r.wake.notify();
  }

  settled(durable: string): void {
    for (const r of this.#registrations) if (r.durable === durable) r.wake.notify();
  }

  /** Another process changed something we cannot see the details of. */
  all(): void {
    for (const r of this.#registrations) r.wake.notify();
  }
}
