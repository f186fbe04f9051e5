import { TtlCache } from '../../../src/slack/ttl-cache';

/** A clock the test moves by hand. */
function fakeClock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

/** A load that counts its calls and answers what `answer` says for the key. */
function countingLoad<V>(answer: (key: string, call: number) => V | Promise<V>) {
  const calls: string[] = [];
  const load = async (key: string) => {
    calls.push(key);
    return answer(key, calls.length);
  };
  return { calls, load };
}

describe('TtlCache', () => {
  describe('while a value is fresh', () => {
    it('answers from the cache without loading again', async () => {
      const clock = fakeClock();
      const cache = new TtlCache<string, string>(1000, clock.now);
      const { calls, load } = countingLoad((key, call) => `${key}#${call}`);

      await expect(cache.get('C1', load)).resolves.toBe('C1#1');
      clock.advance(999);
      await expect(cache.get('C1', load)).resolves.toBe('C1#1');
      expect(calls).toEqual(['C1']);
    });

    it('keeps one value per key', async () => {
      const cache = new TtlCache<string, string>(1000, fakeClock().now);
      const { calls, load } = countingLoad((key) => key.toLowerCase());

      await expect(cache.get('A', load)).resolves.toBe('a');
      await expect(cache.get('B', load)).resolves.toBe('b');
      await expect(cache.get('A', load)).resolves.toBe('a');
      expect(calls).toEqual(['A', 'B']);
    });
  });

  describe('once the time to live has passed', () => {
    it('loads again, by the injected clock', async () => {
      const clock = fakeClock();
      const cache = new TtlCache<string, string>(1000, clock.now);
      const { calls, load } = countingLoad((key, call) => `${key}#${call}`);

      await cache.get('C1', load);
      clock.advance(1000);
      await expect(cache.get('C1', load)).resolves.toBe('C1#2');
      expect(calls).toEqual(['C1', 'C1']);
    });

    it('counts the time from when the load finished', async () => {
      const clock = fakeClock();
      const cache = new TtlCache<string, string>(1000, clock.now);
      const { calls, load } = countingLoad(async (key) => {
        clock.advance(500); // Slack took half a second to answer
        return key;
      });

      await cache.get('C1', load);
      clock.advance(999);
      await cache.get('C1', load);
      expect(calls).toHaveLength(1);
    });

    it('with a time to live of zero, never keeps a value', async () => {
      const cache = new TtlCache<string, string>(0, fakeClock().now);
      const { calls, load } = countingLoad((key) => key);

      await cache.get('C1', load);
      await cache.get('C1', load);
      expect(calls).toHaveLength(2);
    });
  });

  describe('when several callers miss the same key at once', () => {
    it('they share one load', async () => {
      const cache = new TtlCache<string, string>(1000, fakeClock().now);
      let release: (value: string) => void = () => {};
      const slack = new Promise<string>((resolve) => {
        release = resolve;
      });
      const { calls, load } = countingLoad(() => slack);

      const answers = Promise.all([cache.get('C1', load), cache.get('C1', load), cache.get('C1', load)]);
      release('members');
      await expect(answers).resolves.toEqual(['members', 'members', 'members']);
      expect(calls).toEqual(['C1']);
    });

    it('even with a time to live of zero', async () => {
      const cache = new TtlCache<string, string>(0, fakeClock().now);
      const { calls, load } = countingLoad((key) => key);

      await Promise.all([cache.get('C1', load), cache.get('C1', load)]);
      expect(calls).toHaveLength(1);
    });

    it('different keys load on their own', async () => {
      const cache = new TtlCache<string, string>(1000, fakeClock().now);
      const { calls, load } = countingLoad((key) => key);

      await Promise.all([cache.get('A', load), cache.get('B', load)]);
      expect(calls.sort()).toEqual(['A', 'B']);
    });
  });

  describe('when a load fails', () => {
    it('every waiting caller gets the error, and the next call loads again', async () => {
      const cache = new TtlCache<string, string>(1000, fakeClock().now);
      const { calls, load } = countingLoad((key, call) => {
        if (call === 1) throw new Error('ratelimited');
        return key;
      });

      const first = cache.get('C1', load);
      const second = cache.get('C1', load);
      await expect(first).rejects.toThrow('ratelimited');
      await expect(second).rejects.toThrow('ratelimited');
      await expect(cache.get('C1', load)).resolves.toBe('C1');
      expect(calls).toEqual(['C1', 'C1']);
    });

    it('is not kept when the load throws before returning a promise', async () => {
      const cache = new TtlCache<string, string>(1000, fakeClock().now);
      let call = 0;
      const load = (key: string): Promise<string> => {
        call += 1;
        if (call === 1) throw new Error('bad arguments');
        return Promise.resolve(key);
      };

      await expect(cache.get('C1', load)).rejects.toThrow('bad arguments');
      await expect(cache.get('C1', load)).resolves.toBe('C1');
    });
  });

  describe('when full', () => {
    it('drops the least recently stored value', async () => {
      const cache = new TtlCache<string, string>(1000, fakeClock().now, 2);
      const { calls, load } = countingLoad((key) => key);

      await cache.get('A', load);
      await cache.get('B', load);
      await cache.get('C', load); // A goes
      await cache.get('B', load);
      await cache.get('C', load);
      await cache.get('A', load);
      expect(calls).toEqual(['A', 'B', 'C', 'A']);
    });
  });
});
