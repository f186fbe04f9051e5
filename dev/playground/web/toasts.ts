import { html } from '../render/html';

const SHOWN_MS = 4000;

/** A short note at the bottom of the page; the same text is not stacked twice. */
export function showToast(host: HTMLElement, text: string, kind: 'info' | 'error' = 'info'): void {
  for (const toast of host.querySelectorAll<HTMLElement>('.toast')) if (toast.dataset.text === text) toast.remove();
  const wrapper = document.createElement('div');
  wrapper.innerHTML =
    html`<div class="toast toast-${kind}" role="status" data-testid="toast" data-text="${text}">${text}</div>`.value;
  const toast = wrapper.firstElementChild;
  if (!toast) return;
  host.append(toast);
  window.setTimeout(() => toast.remove(), SHOWN_MS);
}
