import { SvelteMap } from 'svelte/reactivity';
import { session } from '../session/session.svelte.ts';
import { materialSender } from './material-upload.ts';
import { UploadQueue } from './upload-queue.svelte.ts';

/**
 * Every avatar's material uploads, above the pages: leaving the Materials tab
 * keeps its files going up and their progress in sight when it is opened again,
 * and the app can warn before a reload or a closed tab would lose them.
 */
class MaterialUploads {
  readonly #queues = new SvelteMap<string, UploadQueue>();

  constructor() {
    session.onReset(() => {
      for (const queue of this.#queues.values()) queue.cancelAll();
      this.#queues.clear();
    });
  }

  /** The avatar's queue, made on first use. */
  of(avatarId: string): UploadQueue {
    let queue = this.#queues.get(avatarId);
    if (!queue) {
      queue = new UploadQueue(materialSender(avatarId), 2);
      this.#queues.set(avatarId, queue);
    }
    return queue;
  }

  /** Files of this avatar queued or going up (0 when none, or no queue yet). */
  pendingOf(avatarId: string): number {
    return this.#queues.get(avatarId)?.pending ?? 0;
  }

  /** Whether any file of any avatar is still on its way up. */
  get busy(): boolean {
    return [...this.#queues.values()].some((queue) => queue.busy);
  }
}

export const materialUploads = new MaterialUploads();
