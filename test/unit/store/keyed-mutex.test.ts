import { KeyedMutex } from '../../../src/store/keyed-mutex';

describe('keyed mutex', () => {
  it('runs work for one key one at a time in arrival order, other keys in parallel, past failures', async () => {
    const mutex = new KeyedMutex();
    const log: string[] = [];
    const step =
      (name: string, ms: number, fail = false) =>
      async () => {
        log.push(`start ${name}`);
        await new Promise((resolve) => setTimeout(resolve, ms));
        log.push(`end ${name}`);
        if (fail) throw new Error(name);
        return name;
      };
    const results = await Promise.allSettled([
      mutex.run('a', step('a1', 20, true)),
      mutex.run('a', step('a2', 1)),
      mutex.run('b', step('b1', 5)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
    expect(log).toEqual(['start a1', 'start b1', 'end b1', 'end a1', 'start a2', 'end a2']);
  });
});
