import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';

import { startPlayground } from '../../../dev/playground/start-playground';
import type { Running } from '../../../src/app/start';

import { eventually } from '../eventually';
import { testRedis, uniquePrefix } from '../redis-server';
import { tempDir } from '../temp-dir';
import { TEST_CHANNEL_PACE_MS } from '../test-compose-options';

const ROOT = path.resolve(__dirname, '..', '..', '..');
export const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'playground');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * How long to wait for something the page shows after an action (the page polls every 700 ms;
 * on a loaded machine the app may take seconds to answer).
 */
export const VISIBLE_MS = 20_000;

/** Error toasts and page errors the page showed, recorded as they happen (toasts vanish after 4 s). */
export interface PageTrouble {
  errorToasts: string[];
  pageErrors: string[];
  /** The largest number of Block Kit violations any state answer carried. */
  maxViolations: number;
}

/** Recorded in the page from its first script on: every error toast added to the DOM. */
const TOAST_RECORDER = `
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType !== 1) continue;
        const toasts = node.matches('.toast-error') ? [node] : [...node.querySelectorAll('.toast-error')];
        for (const toast of toasts) window.__recordErrorToast(toast.textContent || '');
      }
    }
  }).observe(document, { childList: true, subtree: true });
`;

export interface PlaygroundFixture {
  readonly page: Page;
  readonly running: Running;
  readonly baseUrl: string;
  readonly dir: string;
  readonly trouble: PageTrouble;
  /** Picks the person in the "Signed in as" switcher by the start of their real name ("Bob", "Sam Secure"). */
  switchUser(name: string): Promise<void>;
  /** Opens a channel from the sidebar by its name ("team-payments"). */
  openChannel(name: string): Promise<void>;
  /** Opens the thread of a top-level message (default: the last one with replies) in the right pane. */
  openThread(message?: Locator): Promise<Locator>;
  /** Clicks "Run scheduled jobs now" and returns the toast it shows. */
  runJobs(): Promise<string>;
  /** Saves a PNG of the page (or of `other`, in full) as test-artifacts/playground/<NN>-<step>.png; returns its path. */
  screenshot(step: string, other?: Page): Promise<string>;
  /** The open modal (the top of the stack). */
  modal(): Locator;
  /** The thread pane. */
  thread(): Locator;
  /** The channel's message list. */
  messages(): Locator;
}

/**
 * The playground as a person sees it: `startPlayground()` (dev/playground: the app with no Slack credentials)
 * on a free port with a test Redis and its export repository in a temp dir, thread posts at the
 * tests' channel pace, and Chromium on /playground. Call at the top of a describe; the getters work inside tests.
 */
export function usePlayground(): PlaygroundFixture {
  let browser: Browser | undefined;
  let page: Page | undefined;
  let running: Running | undefined;
  let closeRedis: () => Promise<void> = async () => {};
  let folder: { dir: string; cleanup: () => void } | undefined;
  let shots = 0;
  const trouble: PageTrouble = { errorToasts: [], pageErrors: [], maxViolations: 0 };

  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the playground fixture has no ${what} (beforeAll failed?)`);
    return value;
  };

  beforeAll(async () => {
    // The page as it is now (esbuild takes well under a second), never a stale dist-dev/ one.
    execFileSync(process.execPath, [path.join(ROOT, 'dev', 'playground', 'build-page.js')], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    rmSync(ARTIFACTS, { recursive: true, force: true });
    mkdirSync(ARTIFACTS, { recursive: true });
    const redis = await testRedis();
    closeRedis = redis.close;
    folder = tempDir();
    running = await startPlayground(
      {
        LOG_LEVEL: process.env.PLAYGROUND_LOG_LEVEL ?? 'silent',
        PORT: '0',
        REDIS_URL: redis.url,
        REDIS_KEY_PREFIX: uniquePrefix(),
      },
      folder.dir,
      { channelPaceMs: TEST_CHANNEL_PACE_MS },
    );
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    context.setDefaultTimeout(VISIBLE_MS);
    await context.exposeFunction('__recordErrorToast', (text: string) => {
      trouble.errorToasts.push(text);
    });
    await context.addInitScript({ content: TOAST_RECORDER });
    page = await context.newPage();
    page.on('pageerror', (error) => trouble.pageErrors.push(error.message));
    page.on('response', (response) => {
      if (!response.url().includes('/playground/api/state')) return;
      response.json().then(
        (body: { violations?: unknown[] }) => {
          trouble.maxViolations = Math.max(trouble.maxViolations, body.violations?.length ?? 0);
        },
        () => undefined,
      );
    });
    await page.goto(`http://127.0.0.1:${running.port}/playground`);
    await page.getByTestId('user-switcher').waitFor();
  }, 60_000);

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await running?.stop();
    await closeRedis();
    folder?.cleanup();
  }, 30_000);

  /** Waits for the state answer of the next poll that satisfies `match` (the page fetches after every change). */
  const nextState = (match: (url: URL) => boolean) =>
    need(page, 'page').waitForResponse((response) => {
      if (!response.url().includes('/playground/api/state')) return false;
      return match(new URL(response.url()));
    });

  const fixture: PlaygroundFixture = {
    get page() {
      return need(page, 'page');
    },
    get running() {
      return need(running, 'app');
    },
    get baseUrl() {
      return `http://127.0.0.1:${need(running, 'app').port}`;
    },
    get dir() {
      return need(folder, 'temp dir').dir;
    },
    trouble,

    async switchUser(name) {
      const p = need(page, 'page');
      const switcher = p.getByTestId('user-switcher');
      const options = await switcher.locator('option').evaluateAll((elements) =>
        elements.map((element) => ({
          value: element.getAttribute('value') ?? '',
          label: (element.textContent ?? '').trim(),
        })),
      );
      const option = options.find((o) => o.label === name || o.label.startsWith(`${name} `));
      if (!option) throw new Error(`no user "${name}" in the switcher: ${options.map((o) => o.label).join(', ')}`);
      const fresh = nextState((url) => url.searchParams.get('user') === option.value);
      await switcher.selectOption(option.value);
      await fresh;
      await until(`the switcher to show ${name}`, async () => (await switcher.inputValue()) === option.value);
    },

    async openChannel(name) {
      const p = need(page, 'page');
      await p.getByTestId(`channel-${name}`).click();
      await p.locator('#main-header').filter({ hasText: name }).waitFor();
      await p.locator(`[data-testid="channel-${name}"].active`).waitFor();
    },

    async openThread(message) {
      const p = need(page, 'page');
      const target = message ?? p.locator('#messages [data-testid="message"]').filter({ has: p.locator('.replies') });
      const link = target.last().locator('[data-open-thread]');
      const ts = await link.getAttribute('data-open-thread');
      await link.click();
      const pane = p.getByTestId('thread');
      await pane.locator(`[data-testid="message"][data-ts="${ts}"]`).waitFor();
      return pane;
    },

    async runJobs() {
      const p = need(page, 'page');
      const toast = p.getByTestId('toast').filter({ hasText: /scheduled job/ });
      await until('old job toasts to go', async () => (await toast.count()) === 0);
      await p.getByTestId('run-jobs').click();
      await toast.first().waitFor();
      return (await toast.first().textContent()) ?? '';
    },

    async screenshot(step, other) {
      shots += 1;
      const file = path.join(ARTIFACTS, `${String(shots).padStart(2, '0')}-${step}.png`);
      await (other ?? need(page, 'page')).screenshot({ path: file, fullPage: other !== undefined });
      return file;
    },

    modal() {
      return need(page, 'page').getByTestId('modal');
    },
    thread() {
      return need(page, 'page').getByTestId('thread');
    },
    messages() {
      return need(page, 'page').locator('#messages');
    },
  };
  return fixture;
}

/** Where a form field of a modal is: its input block (block id = field name), for its control and its error. */
export function field(modal: Locator, name: string) {
  const block = modal.locator(`.block-input[data-block-id="${name}"]`);
  const control = block.locator(`[data-action-id="${name}"]`);
  return {
    block,
    control,
    error: block.locator('.input-error'),
    /** A text field or textarea. */
    fill: (text: string) => control.fill(text),
    /** A static select (or users select) by option value. */
    select: (value: string) => control.selectOption(value),
    /** A static select by the option's visible label. */
    selectLabel: (label: string | RegExp) => selectByLabel(control, label),
    /** Adds a value to a multi select (its "add" select). */
    add: (value: string) => control.locator('select.multi-add').selectOption(value),
    /** Ticks a checkbox or picks a radio button by value. */
    check: (value: string) => control.locator(`input[value="${value}"]`).check(),
  };
}

async function selectByLabel(select: Locator, label: string | RegExp): Promise<string> {
  const options = await select
    .locator('option')
    .evaluateAll((elements) =>
      elements.map((element) => ({ value: element.getAttribute('value') ?? '', label: element.textContent ?? '' })),
    );
  const found = options.find(
    (o) => o.value !== '' && (typeof label === 'string' ? o.label === label : label.test(o.label)),
  );
  if (!found) throw new Error(`no option ${label} in ${options.map((o) => o.label).join(', ')}`);
  await select.selectOption(found.value);
  return found.value;
}

/** Polls `check` (25 ms apart) until it is true; fails naming `what` after `timeoutMs`. */
export async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = VISIBLE_MS) {
  await eventually(what, check, timeoutMs);
}

/** Waits until the element's visible text contains every one of `texts`; returns that text. */
export async function shows(locator: Locator, ...texts: (string | RegExp)[]): Promise<string> {
  let last = '';
  try {
    await eventually(
      `text ${texts.join(', ')}`,
      async () => {
        // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText is what is on screen (hidden parts left out), which is what a step asserts
        last = (await locator.count()) === 0 ? '' : await locator.first().innerText();
        return texts.every((text) => (typeof text === 'string' ? last.includes(text) : text.test(last)));
      },
      VISIBLE_MS,
    );
  } catch {
    throw new Error(`expected ${locator} to show ${texts.join(' and ')}; it shows:\n${last.slice(0, 2000)}`);
  }
  return last;
}
