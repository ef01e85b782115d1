import { isApiError } from '../graphql/api-error.ts';
import { ServiceStatusDocument } from '../graphql/generated/graphql.ts';
import { postGraphQL } from '../graphql/transport.ts';

export interface ServicePart {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string | null;
}

/** Parts without which nothing works (as opposed to ML capabilities, `model:…` and `voice:…`). */
export function isCorePart(name: string): boolean {
  return !name.includes(':');
}

const POLL_MS = 30_000;
const RETRY_MS = 5_000;

/**
 * Bishop's readiness as the API's `status` query reports it (the same checks as
 * /readyz), polled so the UI can say what is down instead of spinning forever.
 */
class ServiceStatus {
  /** False when the server did not answer at all. */
  reachable = $state(true);
  /** Null until the first answer. */
  parts = $state<ServicePart[] | null>(null);
  /** Whether a forgotten password can be reset by email here (else the operator makes reset links). */
  passwordResetByEmail = $state(false);
  #timer: ReturnType<typeof setTimeout> | null = null;
  #started = false;

  start(): void {
    if (this.#started || typeof window === 'undefined') return;
    this.#started = true;
    void this.refresh();
    window.addEventListener('online', () => void this.refresh());
  }

  async refresh(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    let wait = POLL_MS;
    try {
      const data = await postGraphQL(fetch, ServiceStatusDocument, {});
      this.parts = data.status.parts.map((part) => ({ name: part.name, ok: part.ok, detail: part.detail }));
      this.passwordResetByEmail = data.status.passwordResetByEmail;
      this.reachable = true;
    } catch (error) {
      // Only a failure to reach the server counts as "unreachable"; anything else is an answer.
      if (isApiError(error) && error.code === 'NETWORK') this.reachable = false;
      wait = RETRY_MS;
    }
    this.#timer = setTimeout(() => void this.refresh(), wait);
  }

  /** Core parts that are down (database, bus…). */
  get coreDown(): ServicePart[] {
    return (this.parts ?? []).filter((part) => !part.ok && isCorePart(part.name));
  }

  /** Whether a capability (e.g. `model:asr`, `voice:ru`) works; unknown counts as working. */
  works(name: string): boolean {
    return this.parts?.find((part) => part.name === name)?.ok ?? true;
  }

  /** The detail the server gave for a part (e.g. which voice speaks), if any. */
  detailOf(name: string): string | null {
    return this.parts?.find((part) => part.name === name)?.detail ?? null;
  }
}

export const serviceStatus = new ServiceStatus();
