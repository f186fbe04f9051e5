import { USERS } from '../../../dev/stand-in/workspace';
import { useSlackApp } from '../../support/slack-app-fixture';
import { CHANNEL, type Fixture, startScopedModel } from '../../support/slack-scenarios';

const { ALICE, BOB, CAROL, DAVE } = USERS;

/** The thread's texts, oldest first. */
async function threadTexts(ctx: Fixture): Promise<string[]> {
  const model = await ctx.model();
  return ctx.standIn.thread(CHANNEL, model.threadTs ?? '').map((m) => JSON.stringify(m.blocks ?? []));
}

/** The prompts messages of the thread, as "who · role · step", so a duplicate shows as a repeated line. */
async function promptsPosted(ctx: Fixture): Promise<string[]> {
  return (await threadTexts(ctx)).flatMap((text) => {
    const found = /((?:<@\w+> ?)+) \*([\w ]+)\* prompts for step (\d)/.exec(text);
    return found ? [`${(found[1] ?? '').trim()} · ${found[2]} · step ${found[3]}`] : [];
  });
}

describe('persona prompts', () => {
  const ctx = useSlackApp();

  describe('when a model starts and nobody holds a role yet', () => {
    it("calls out once that step 1's prompts wait, then gives each new role holder their step 1 prompts", async () => {
      await ctx.driver.command(ALICE.id, CHANNEL, 'start Refunds API');
      await ctx.settle();
      const opening = await threadTexts(ctx);
      expect(opening.filter((text) => text.includes('prompts for step 1 wait'))).toHaveLength(1);
      expect(opening.join('\n')).toContain(
        'Nobody holds *Business*, *Developer*, *Adversary*, *Defender*, *AppSec SME* yet',
      );

      await ctx.driver.selectUsers(ALICE.id, 'roles.select.developer', [BOB.id]);
      await ctx.driver.selectUsers(ALICE.id, 'roles.select.defender', [CAROL.id]);
      await ctx.settle();
      // Dave joins the developers: only he gets their prompts now, Bob already has them.
      await ctx.driver.selectUsers(ALICE.id, 'roles.select.developer', [BOB.id, DAVE.id]);
      await ctx.settle();

      expect(await promptsPosted(ctx)).toEqual([
        `<@${BOB.id}> · Developer · step 1`,
        `<@${CAROL.id}> · Defender · step 1`,
        `<@${DAVE.id}> · Developer · step 1`,
      ]);
      const texts = (await threadTexts(ctx)).join('\n');
      expect(texts).toContain('Which services, functions, stores and queues does Refunds API touch');
      expect(texts).toContain('Which of these components do we already log and monitor');
      // Each greeting comes right before its prompts.
      const thread = await threadTexts(ctx);
      const carolGreeting = thread.findIndex((text) => text.includes(`<@${CAROL.id}>, you are the *Defender*`));
      expect(thread[carolGreeting + 1]).toContain('*Defender* prompts for step 1');
    });
  });

  describe('when a role is given while a later step is open', () => {
    it("greets the new Defender with step 2's Defender prompts, and nobody gets any prompts twice", async () => {
      await startScopedModel(ctx);
      await ctx.driver.selectUsers(ALICE.id, 'roles.select.defender', [CAROL.id]);
      await ctx.settle();
      // Re-sending the same pick (a retried select, a second tab) greets nobody again.
      await ctx.driver.selectUsers(ALICE.id, 'roles.select.defender', [CAROL.id]);
      await ctx.settle();

      expect(await promptsPosted(ctx)).toEqual([
        `<@${BOB.id}> · Adversary · step 2`,
        `<@${CAROL.id}> · Defender · step 2`,
      ]);
      const texts = (await threadTexts(ctx)).join('\n');
      expect(texts).toContain('If Refunds API were attacked right now, what would we see, and who would be paged?');
    });
  });
});
