/**
 * Replaces a region's markup only when it changed, and keeps what a re-render would otherwise
 * lose: the focused control with its caret, open menus, and the scroll position (or the stick to
 * the bottom of a message list).
 */

const drawn = new WeakMap<HTMLElement, string>();

interface Focus {
  selector: string;
  start: number | null;
  end: number | null;
}

function keyOf(element: Element): string {
  const scope = element.closest<HTMLElement>('[data-scope]')?.dataset.scope ?? '';
  const control = element.closest<HTMLElement>('[data-action-id]');
  return `${scope}|${control?.dataset.blockId ?? ''}|${control?.dataset.actionId ?? ''}|${element.className}`;
}

function attr(name: string, value: string): string {
  return `[${name}="${CSS.escape(value)}"]`;
}

function captureFocus(region: HTMLElement): Focus | undefined {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement) || !region.contains(active)) return undefined;
  const scope = active.closest<HTMLElement>('[data-scope]')?.dataset.scope;
  const control = active.closest<HTMLElement>('[data-action-id]');
  if (!scope || !control) return undefined;
  let selector = `${attr('data-scope', scope)} ${attr('data-block-id', control.dataset.blockId ?? '')}${attr('data-action-id', control.dataset.actionId ?? '')}`;
  if (active !== control)
    selector += ` ${active.tagName.toLowerCase()}${active instanceof HTMLInputElement ? attr('value', active.value) : ''}`;
  const text = active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement ? active : undefined;
  let start: number | null = null;
  let end: number | null = null;
  try {
    start = text?.selectionStart ?? null;
    end = text?.selectionEnd ?? null;
  } catch {
    // Inputs of type date or number have no selection.
  }
  return { selector, start, end };
}

function restoreFocus(region: HTMLElement, focus: Focus | undefined): void {
  if (!focus) return;
  const element = region.querySelector<HTMLElement>(focus.selector);
  if (!element) return;
  element.focus({ preventScroll: true });
  if ((element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) && focus.start !== null) {
    try {
      element.setSelectionRange(focus.start, focus.end ?? focus.start);
    } catch {
      // Not a text field.
    }
  }
}

export interface PatchOptions {
  /** Keep a message list scrolled to the bottom when it was there. */
  stickToBottom?: boolean;
  /**
   * The page already shows this markup's content (the user just typed or ticked it): remember it
   * as drawn without touching the DOM, so the next poll does not redraw under the user's hands.
   */
  alreadyShown?: boolean;
}

/** Sets the region's markup if it differs from what was drawn last; says whether it did. */
export function patch(region: HTMLElement, markup: string, options: PatchOptions = {}): boolean {
  if (drawn.get(region) === markup) return false;
  if (options.alreadyShown) {
    drawn.set(region, markup);
    return false;
  }
  const focus = captureFocus(region);
  const open = new Set([...region.querySelectorAll('details[open]')].map(keyOf));
  const scrolls = new Map(
    [...region.querySelectorAll<HTMLElement>('.modal-body')].map((el) => [keyOf(el), el.scrollTop]),
  );
  const atBottom = region.scrollHeight - region.scrollTop - region.clientHeight < 40;
  const scrollTop = region.scrollTop;
  region.innerHTML = markup;
  drawn.set(region, markup);
  for (const details of region.querySelectorAll('details')) if (open.has(keyOf(details))) details.open = true;
  for (const el of region.querySelectorAll<HTMLElement>('.modal-body')) el.scrollTop = scrolls.get(keyOf(el)) ?? 0;
  region.scrollTop = options.stickToBottom && atBottom ? region.scrollHeight : scrollTop;
  restoreFocus(region, focus);
  return true;
}

/** Forgets what was drawn, so the next patch redraws even identical markup (after the DOM was changed by hand). */
export function invalidate(region: HTMLElement): void {
  drawn.delete(region);
}
