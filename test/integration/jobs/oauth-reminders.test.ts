import { TEAMS } from '../../../dev/stand-in/oauth';
import { USERS } from '../../../dev/stand-in/workspace';
import { eventually } from '../../support/eventually';
import { useSlackApp } from '../../support/slack-app-fixture';

const { ALICE } = USERS;
const ACME = TEAMS.ACME.teamId;
const GLOBEX = TEAMS.GLOBEX.teamId;
const DAY = 24 * 60 * 60 * 1000;

/** Reminders are jobs: in OAuth mode each runs in its model's workspace, with that installation's token. */
describe('reminders of two installed workspaces', () => {
  let now = new Date();
  const ctx = useSlackApp({ oauth: true, clock: () => now });

  beforeEach(() => {
    now = new Date();
  });

  const nudges = () =>
    ctx.standIn.callsTo('chat.postMessage').filter((call) => JSON.stringify(call.args).includes('has not changed for'));

  it('nudges each stalled draft in its own workspace, with its own token', async () => {
    await ctx.install({ ...TEAMS.ACME, userId: ALICE.id });
    await ctx.install({ ...TEAMS.GLOBEX, userId: ALICE.id });
    await ctx.driverFor({ teamId: ACME }).command(ALICE.id, 'C0PAYMENT', 'start Refunds API');
    await ctx.driverFor({ teamId: GLOBEX }).command(ALICE.id, 'C0SEARCH0', 'start Search index');
    await ctx.settle();

    now = new Date(Date.now() + 5 * DAY);
    await ctx.runtime.promoteDelayed();
    await eventually('both nudges', async () => (nudges().length >= 2 ? true : undefined));
    const byChannel = Object.fromEntries(nudges().map((call) => [call.args.channel, call.token?.teamId]));
    expect(byChannel).toEqual({ C0PAYMENT: ACME, C0SEARCH0: GLOBEX });
  });
});

describe('a worker process in OAuth mode', () => {
  let now = new Date();
  const ctx = useSlackApp({ oauth: true, clock: () => now, runWorkers: false });

  it('has no bot token of its own, and sends a workspace’s reminder with that installation’s token', async () => {
    const worker = await ctx.composeSibling({ workers: true });
    expect(worker.installations).toBeDefined();
    await ctx.install({ ...TEAMS.GLOBEX, userId: ALICE.id });
    await ctx.driverFor({ teamId: GLOBEX }).command(ALICE.id, 'C0SEARCH0', 'start Search index');
    await ctx.settle();

    now = new Date(Date.now() + 5 * DAY);
    await ctx.runtime.promoteDelayed();
    const nudge = await eventually('the nudge', async () => nudges().at(0));
    expect(nudge.token?.teamId).toBe(GLOBEX);
  });

  const nudges = () =>
    ctx.standIn.callsTo('chat.postMessage').filter((call) => JSON.stringify(call.args).includes('has not changed for'));
});
