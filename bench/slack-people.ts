/**
 * The people of `npm run bench:slack`, run inside the stand-in's process (stand-in-process.ts):
 * Slack's clients are on Slack's side of the wire, and the driver works on the stand-in's own
 * state (messages, modals, trigger ids). `setup` makes K teams, each with its channel and a few
 * people, and lets each start a model and hand out roles; `run` has every team act at a human
 * pace through slack-script.ts. Each request goes to the app and, at the same moment, to a bare
 * Bolt app (mirrored-transport.ts); the stand-in records what the app then asks of Slack.
 */
import { SlackDriver } from '../dev/stand-in/slack-driver';
import type { SlackStandIn } from '../dev/stand-in/stand-in-server';
import { TRIGGER_TTL_MS } from '../dev/stand-in/stand-in-store';
import type { SlackView } from '../dev/stand-in/stand-in-types';
import { BOT, syntheticUser } from '../dev/stand-in/workspace';
import { ACTIONS, encodeValue } from '../src/slack/ids';
import { MirroredTransport } from './mirrored-transport';
import type { BenchTeam, ModalClick, RunReport, Setup, TimedRequest } from './slack-protocol';
import { type ModalTask, offered, type Task, taskAt } from './slack-script';

/** Whether an input of the view offers the value. */
function offers(view: SlackView, actionId: string, value: string): boolean {
  try {
    return offered(view, actionId).includes(value);
  } catch {
    return false; // the form has no such menu
  }
}

/** A threat form showing its sentence before saving (its metadata names what was previewed). */
function previewing(view: SlackView): boolean {
  try {
    return 'previewed' in (JSON.parse(view.private_metadata ?? '{}') as object);
  } catch {
    return false;
  }
}

/** How long a person looks at the screen for the modal after clicking: past the trigger's life. */
const OPEN_WAIT_MS = TRIGGER_TTL_MS + 1000;
/** How long setup waits for a card or a button to show. */
const SETUP_WAIT_MS = 30_000;
/** A modal answered with another view (a preview) is submitted again, at most this often. */
const MAX_RESUBMITS = 2;
/** A modal that did not open is clicked for again, at most this often, before the team moves on. */
const MAX_OPEN_TRIES = 3;
/**
 * A person goes on from a form to the next one in its "After saving" menu at most this many times
 * in a row; then they close it and look at the thread (BENCH_GO_ON=0: never, every form is opened
 * from its button).
 */
const MAX_GONE_ON = Number(process.env.BENCH_GO_ON ?? 2);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A small seeded generator (mulberry32), so every run paces each team the same way. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Polls `check` until it returns something or `timeoutMs` passes. */
async function pollFor<T>(check: () => T | undefined, timeoutMs: number, intervalMs = 25): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = check();
    if (found !== undefined || Date.now() > deadline) return found;
    await sleep(intervalMs);
  }
}

/** Retries `act` (e.g. a click on a button not shown yet) until it works or `timeoutMs` passes. */
async function retrying<T>(what: string, act: () => Promise<T>, timeoutMs = SETUP_WAIT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await act();
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`setup: ${what}: ${String(error)}`);
      await sleep(200);
    }
  }
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 70);

interface Person {
  driver: SlackDriver;
  transport: MirroredTransport;
}

interface TeamState extends BenchTeam {
  /** The next task of the script. */
  next: number;
  /** Names and picks differ each time. */
  n: number;
  openTries: number;
  /** The modal a person has open and is about to submit. */
  modal?: { userId: string; task: ModalTask; submits: number; goneOn: number };
}

export class BenchPeople {
  private readonly people = new Map<string, Person>();
  private teams: TeamState[] = [];
  private requests: TimedRequest[] = [];
  private modalClicks: ModalClick[] = [];
  private hitches: Record<string, number> = {};
  private wentOn = 0;

  constructor(private readonly standIn: SlackStandIn) {}

  get benchTeams(): BenchTeam[] {
    return this.teams.map(({ channel, modelId, cardTs, people }) => ({ channel, modelId, cardTs, people }));
  }

  /**
   * Makes the teams' people and channels, then each team's first person starts a model and gives
   * out roles. A team whose model does not start is left out of the run and named in `failed`.
   */
  async setup(setup: Setup): Promise<{ teams: BenchTeam[]; failed: string[] }> {
    const { standIn } = this;
    const urls = { app: setup.appUrl, bare: setup.bareUrl };
    const record = (request: TimedRequest) => this.requests.push(request);
    const teams = Array.from({ length: setup.teams }, (_, t) => {
      const people = Array.from({ length: setup.people }, (_, p) => syntheticUser(t * setup.people + p + 1));
      const channel = `C0TEAM${String(t + 1).padStart(4, '0')}`;
      standIn.workspace.users.push(...people);
      standIn.workspace.channels.push({
        id: channel,
        name: `bench-team-${t + 1}`,
        is_private: false,
        is_im: false,
        members: [...people.map((person) => person.id), BOT.userId],
      });
      for (const person of people) {
        const transport = new MirroredTransport(urls, setup.signingSecret, record);
        this.people.set(person.id, { transport, driver: new SlackDriver({ transport, standIn }) });
      }
      return { channel, people: people.map((person) => person.id) };
    });
    const started = await Promise.allSettled(
      teams.map(async (team, t) => {
        await sleep(t * 100); // people do not all type at the same millisecond
        return this.startModel(t + 1, team.channel, team.people);
      }),
    );
    this.teams = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    const failed = started.flatMap((result) => (result.status === 'rejected' ? [errorText(result.reason)] : []));
    if (this.teams.length === 0) throw new Error(`no team could start a model: ${failed[0] ?? ''}`);
    return { teams: this.benchTeams, failed };
  }

  /** Every team acts about once per `periodMs` (0.5 to 1.5 times it, seeded) until `seconds` have passed. */
  async run(options: { seconds: number; periodMs: number }): Promise<RunReport> {
    this.requests = [];
    this.modalClicks = [];
    this.hitches = {};
    this.wentOn = 0;
    const startedAt = Date.now();
    const until = startedAt + options.seconds * 1000;
    await Promise.all(
      this.teams.map(async (team, t) => {
        const random = seeded(t + 1);
        await sleep(random() * options.periodMs);
        while (Date.now() < until) {
          await this.act(team).catch((error: unknown) => this.hitch(`error: ${errorText(error)}`));
          await sleep(Math.max(0, Math.min(options.periodMs * (0.5 + random()), until - Date.now())));
        }
      }),
    );
    return {
      startedAt,
      endedAt: Date.now(),
      requests: this.requests,
      modalClicks: this.modalClicks,
      hitches: this.hitches,
      wentOn: this.wentOn,
    };
  }

  private person(userId: string): Person {
    const person = this.people.get(userId);
    if (!person) throw new Error(`no bench person ${userId}`);
    return person;
  }

  private hitch(what: string): void {
    this.hitches[what] = (this.hitches[what] ?? 0) + 1;
  }

  private async startModel(number: number, channel: string, people: string[]): Promise<TeamState> {
    const [owner = '', adversary = '', defender = adversary] = people;
    const { driver } = this.person(owner);
    await driver.command(owner, channel, `start Bench feature ${number}`);
    const card = await pollFor(
      () => this.standIn.messages(channel).find((message) => /^TM-\d+ /.test(message.text)),
      SETUP_WAIT_MS,
      100,
    );
    const modelId = card && /^(TM-\d+) /.exec(card.text)?.[1];
    if (!card || !modelId) throw new Error(`setup: no model card in ${channel}`);
    for (const [role, holder] of [
      ['adversary', adversary],
      ['defender', defender],
    ] as const) {
      await retrying(`the ${role} menu in ${channel}`, () =>
        driver.selectUsers(owner, ACTIONS.roleSelect(role), [holder], { channel, in: 'message' }),
      );
    }
    return { channel, modelId, cardTs: card.ts, people, next: 0, n: 1, openTries: 0 };
  }

  /** One request of the team: submit the open modal, or take the script's next task. */
  private async act(team: TeamState): Promise<void> {
    if (team.modal) return this.submit(team, team.modal);
    const task = taskAt(team.next);
    const userId = team.people[team.next % team.people.length] ?? '';
    const where = { channel: team.channel, in: 'message' as const, value: encodeValue(team.modelId, task.detail) };
    const { driver } = this.person(userId);
    if (task.kind === 'click') {
      try {
        await driver.clickButton(userId, task.actionId, where);
      } catch (error) {
        return this.notShown(task, error);
      }
      team.next += 1;
      return;
    }
    await this.open(team, userId, task, () => driver.clickButton(userId, task.actionId, where));
  }

  private notShown(task: Task, error: unknown): void {
    if (errorText(error).startsWith('No element')) this.hitch(`waiting for the ${task.name} button`);
    else throw error;
  }

  /** Clicks a button that opens a modal and watches for it like a person would, up to past the trigger's life. */
  private async open(team: TeamState, userId: string, task: ModalTask, click: () => Promise<unknown>): Promise<void> {
    const { standIn } = this;
    const since = standIn.calls.length;
    const toldBefore = standIn.ephemeralsFor(userId).length;
    try {
      await click();
    } catch (error) {
      return this.notShown(task, error);
    }
    const triggerId = this.person(userId).transport.lastTriggerId ?? '';
    let opened = false;
    void standIn
      .waitForCall(
        'views.open',
        (call) => call.args.trigger_id === triggerId && call.response.ok === true,
        OPEN_WAIT_MS,
        since,
      )
      .then(
        () => {
          opened = true;
        },
        () => undefined,
      );
    const told = () => standIn.ephemeralsFor(userId).at(toldBefore)?.text;
    await pollFor(() => (opened || told() !== undefined ? true : undefined), OPEN_WAIT_MS);
    const attempted = standIn.calls
      .slice(since)
      .some((call) => call.method === 'views.open' && call.args.trigger_id === triggerId);
    const toldInstead = opened || attempted ? undefined : told();
    this.modalClicks.push({
      task: task.name,
      triggerId,
      issuedAt: standIn.triggerIssuedAt(triggerId) ?? Number.NaN,
      ...(toldInstead !== undefined && { toldInstead: toldInstead.slice(0, 80) }),
    });
    if (opened) {
      team.openTries = 0;
      team.modal = { userId, task, submits: 0, goneOn: 0 };
    } else if (toldInstead !== undefined || ++team.openTries >= MAX_OPEN_TRIES) {
      // Refused by the app (it said why), or tried often enough: the team moves on.
      team.openTries = 0;
      team.next += 1;
    }
  }

  private async submit(team: TeamState, modal: NonNullable<TeamState['modal']>): Promise<void> {
    const { standIn } = this;
    const { userId, task } = modal;
    const { driver } = this.person(userId);
    const view = standIn.openViews(userId).at(-1);
    const done = () => {
      team.modal = undefined;
      team.next += 1;
    };
    if (!view) {
      this.hitch(`the ${task.name} modal went away`);
      return done();
    }
    const following = taskAt(team.next + 1);
    const goOnAs =
      following.kind === 'modal' &&
      following.goOnAs !== undefined &&
      modal.goneOn < MAX_GONE_ON &&
      offers(view, 'afterSaving', following.goOnAs)
        ? following.goOnAs
        : undefined;
    let result: Awaited<ReturnType<SlackDriver['submitView']>>;
    try {
      const values = task.fill(view, { userId, n: team.n++ });
      result = await driver.submitView(userId, goOnAs ? { ...values, afterSaving: goOnAs } : values);
    } catch (error) {
      // Nothing to pick, or an input Slack would not submit empty: the person closes the modal.
      this.hitch(`${task.name}: ${errorText(error)}`);
      await driver.closeView(userId);
      return done();
    }
    if (result.errors) {
      this.hitch(`${task.name} refused: ${Object.values(result.errors)[0] ?? ''}`.slice(0, 90));
      await driver.closeView(userId); // the person gives up on this one
      return done();
    }
    const shown = standIn.openViews(userId).at(-1);
    if (goOnAs && following.kind === 'modal' && shown && !previewing(shown)) {
      // Saved, and the next form is on screen in its place: the person fills that in next.
      this.wentOn += 1;
      team.next += 1;
      team.modal = { userId, task: following, submits: 0, goneOn: modal.goneOn + 1 };
      return;
    }
    if (standIn.openViews(userId).length > 0 && modal.submits < MAX_RESUBMITS) {
      modal.submits += 1; // the app answered with the next view (e.g. a preview): submit that next time
      return;
    }
    if (standIn.openViews(userId).length > 0) await driver.closeView(userId);
    done();
  }
}
