import { controlOf, readControl } from './controls';
import type { Regions } from './draw';
import type { Playground } from './playground';

/** Kinds whose every keystroke is kept (and which never act on their own while typing). */
const TYPED = new Set([
  'plain_text_input',
  'url_text_input',
  'email_text_input',
  'number_input',
  'timepicker',
  'datepicker',
]);

function closest(target: EventTarget | null, selector: string): HTMLElement | undefined {
  return target instanceof Element ? (target.closest<HTMLElement>(selector) ?? undefined) : undefined;
}

function closeMenus(except?: Element): void {
  for (const details of document.querySelectorAll('details[open]')) {
    if (!except || !details.contains(except)) details.removeAttribute('open');
  }
}

type ClickHandler = (playground: Playground, element: HTMLElement, event: MouseEvent) => void;

/** What a click means, by the data attributes the renderers put on elements; the first match wins. */
const CLICKS: [selector: string, handle: ClickHandler][] = [
  ['[data-workspace-user]', (p, element) => p.switchUser(element.dataset.workspaceUser ?? '')],
  [
    '[data-add-to-slack]',
    (p, element, event) => {
      event.preventDefault();
      void p.addToSlack(element.getAttribute('href') ?? '');
    },
  ],
  [
    '[data-channel-id]',
    (p, element) => {
      if (!element.hasAttribute('disabled')) p.openChannel(element.dataset.channelId ?? '');
    },
  ],
  ['[data-nav-home]', (p) => p.openHome()],
  ['[data-run-jobs]', (p) => void p.runJobs()],
  ['[data-open-thread]', (p, element) => p.openThread(element.dataset.openThread ?? '')],
  ['[data-close-thread]', (p) => p.closeThread()],
  [
    '[data-shortcut]',
    (p, element) => {
      const message = element.closest<HTMLElement>('[data-testid="message"]');
      closeMenus();
      if (message) p.captureThreat(message);
    },
  ],
  ['[data-modal-close]', (p) => p.closeModal()],
  [
    '[data-modal-submit]',
    (p, element) => {
      const modal = element.closest<HTMLElement>('[data-testid="modal"]');
      if (modal) void p.submitModal(modal);
    },
  ],
  [
    '.chip-remove',
    (p, element) => {
      const control = controlOf(element);
      const removed = element.dataset.remove;
      if (control) p.changeMulti(control, (values) => values.filter((value) => value !== removed));
    },
  ],
  [
    '.overflow-item',
    (p, element) => {
      const control = controlOf(element);
      closeMenus();
      if (control) void p.act(control, { value: element.dataset.optionValue ?? '' });
    },
  ],
  [
    '[data-kind="button"]',
    (p, element) => {
      const value = element.dataset.value;
      void p.act(element, value === undefined ? {} : { buttonValue: value });
    },
  ],
];

function onClick(playground: Playground, event: MouseEvent): void {
  const target = event.target instanceof Element ? event.target : undefined;
  closeMenus(target);
  for (const [selector, handle] of CLICKS) {
    const element = closest(target ?? null, selector);
    if (element) {
      handle(playground, element, event);
      return;
    }
  }
}

function onChange(playground: Playground, event: Event): void {
  const target = event.target;
  if (target instanceof HTMLSelectElement && target.dataset.testid === 'user-switcher') {
    playground.switchUser(target.value);
    return;
  }
  const control = controlOf(target);
  if (!control) return;
  if (target instanceof HTMLSelectElement && target.classList.contains('multi-add')) {
    const added = target.value;
    if (added) playground.changeMulti(control, (values) => [...values.filter((value) => value !== added), added]);
    return;
  }
  const kind = control.dataset.kind ?? '';
  if (kind !== 'datepicker' && TYPED.has(kind)) playground.remember(control);
  else void playground.changed(control, readControl(control));
}

function onInput(playground: Playground, event: Event): void {
  const control = controlOf(event.target);
  if (control && TYPED.has(control.dataset.kind ?? '')) playground.typed(control);
}

/** Enter sends (Shift+Enter is a new line). */
function wireComposer(
  playground: Playground,
  composer: HTMLTextAreaElement,
  send: HTMLElement | null,
  thread: boolean,
) {
  const go = async () => {
    // Emptied at once, as Slack does; the text comes back if it could not be sent.
    const text = composer.value;
    composer.value = '';
    const sent = await playground.send(text, thread ? playground.threadTs : undefined);
    if (!sent && composer.value === '') composer.value = text;
  };
  composer.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
    event.preventDefault();
    void go();
  });
  composer.addEventListener('input', () => {
    composer.style.height = 'auto';
    composer.style.height = `${Math.min(composer.scrollHeight, 200)}px`;
  });
  send?.addEventListener('click', () => void go());
}

/** One listener per event type on the document: the regions are redrawn, so handlers are delegated. */
export function wire(playground: Playground, regions: Regions): void {
  document.addEventListener('click', (event) => onClick(playground, event));
  document.addEventListener('change', (event) => onChange(playground, event));
  document.addEventListener('input', (event) => onInput(playground, event));
  wireComposer(playground, regions.composer, document.querySelector('[data-composer-send]'), false);
  wireComposer(playground, regions.threadComposer, document.querySelector('[data-thread-send]'), true);
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || regions.dialog.childElementCount > 0) return;
    if (document.querySelector('details[open]')) closeMenus();
    else playground.closeModal();
  });
}
