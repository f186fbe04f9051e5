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

  describe('when a run could not send everything (the budget was short)', () => {
    it('runs the key again after the wait it was told, and idle() waits for that run', async () => {
      const runs: number[] = [];
      const coalescer = new Coalescer(
        async (key) => {
          runs.push(Date.now());
          if (runs.length === 1) coalescer.retryIn(key, 40);
        },
        1,
        () => {},
      );
      coalescer.request('TM-1');
      await coalescer.idle();
      expect(runs).toHaveLength(2);
      expect((runs[1] ?? 0) - (runs[0] ?? 0)).toBeGreaterThanOrEqual(39);
    });

    it('keeps the sooner of two retries of one key', async () => {
      let runs = 0;
      const coalescer = new Coalescer(
        async () => {
          runs += 1;
        },
        1,
        () => {},
      );
      coalescer.retryIn('TM-1', 60_000);
      coalescer.retryIn('TM-1', 10);
      await coalescer.idle();
      expect(runs).toBe(1);
    });

    it('folds a request made while a retry waits into that retry: a deferred key does not jump the line', async () => {
      const runs: number[] = [];
      const coalescer = new Coalescer(
        async () => {
          runs.push(Date.now());
        },
        1,
        () => {},
      );
      const since = Date.now();
      coalescer.retryIn('TM-1', 50);
      coalescer.request('TM-1');
      coalescer.request('TM-1');
      await coalescer.idle();
      expect(runs).toHaveLength(1);
      expect((runs[0] ?? 0) - since).toBeGreaterThanOrEqual(49);
    });

    it('drops pending retries on close() and waits for the running one', async () => {
      let runs = 0;
      const coalescer = new Coalescer(
        async () => {
          runs += 1;
        },
        1,
        () => {},
      );
      coalescer.request('TM-1');
      coalescer.retryIn('TM-2', 60_000);
      await coalescer.close();
      await coalescer.idle();
      expect(runs).toBe(1);
    });
  });
});
