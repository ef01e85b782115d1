import { invalidate } from '$app/navigation';
import { navigating } from '$app/state';

/**
 * Reloads the data that depends on `dependency` after a live change, but never in the
 * middle of a navigation: SvelteKit would cancel the navigation in favour of the reload
 * (e.g. a click on "Create avatar" that lands back on the list), and the page being
 * opened loads fresh data anyway.
 */
export function refresh(dependency: string): void {
  if (navigating.to) return;
  void invalidate(dependency);
}
