import { Coalescer } from '../../../src/slack/coalescer';

describe('coalescing card refreshes', () => {
  it('runs the first request at once and folds a burst into one trailing run per key', async () => {
    const runs: string[] = [];
    const coalescer = new Coalescer(
      async (key) => {
        runs.push(key);
        await new Promise((resolve) => setTimeout(resolve, 5));
      },
      20,
      () => {},
    );
    for (let i = 0; i < 30; i++) coalescer.request('TM-1');
    coalescer.request('TM-2');
    await coalescer.idle();
    expect(runs.filter((key) => key === 'TM-1')).toHaveLength(2);
    expect(runs.filter((key) => key === 'TM-2')).toHaveLength(1);
  });

  it('reports a failing run and keeps serving the key', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const coalescer = new Coalescer(
      async () => {
        calls += 1;
        if (calls === 1) throw new Error('Slack said 500');
      },
      1,
      (_key, error) => errors.push(error),
    );
    coalescer.request('TM-1');
    await coalescer.idle();
    coalescer.request('TM-1');
    await coalescer.idle();
    expect([calls, errors.length]).toEqual([2, 1]);
  });
});
