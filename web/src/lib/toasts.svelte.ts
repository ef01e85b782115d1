export interface Toast {
  readonly id: number;
  readonly text: string;
  readonly tone: 'success' | 'error' | 'info';
}

let nextId = 0;

/** Short confirmations ("Avatar renamed") that fade on their own; announced politely. */
class Toasts {
  items = $state<Toast[]>([]);

  show(text: string, tone: Toast['tone'] = 'success', ms = 4000): void {
    nextId += 1;
    const id = nextId;
    this.items.push({ id, text, tone });
    setTimeout(() => this.dismiss(id), ms);
  }

  dismiss(id: number): void {
    this.items = this.items.filter((toast) => toast.id !== id);
  }
}

export const toasts = new Toasts();
