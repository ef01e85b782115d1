const STORAGE_KEY = 'bishop.autoplayDubs';

/** Whether a reply's spoken version starts playing by itself when it is ready (remembered). */
class AutoplaySetting {
  enabled = $state(false);

  constructor() {
    if (typeof localStorage !== 'undefined') this.enabled = localStorage.getItem(STORAGE_KEY) === 'on';
  }

  set(enabled: boolean): void {
    this.enabled = enabled;
    localStorage.setItem(STORAGE_KEY, enabled ? 'on' : 'off');
  }
}

export const autoplay = new AutoplaySetting();
