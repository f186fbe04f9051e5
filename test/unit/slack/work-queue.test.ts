import { WorkQueue } from '../../../src/slack/work-queue';

describe('the after-ack work queue', () => {
  it('runs at most N tasks at once, in arrival order, and passes results and failures through', async () => {
    const queue = new WorkQueue(2);
    let active = 0;
    let peak = 0;
    const order: number[] = [];
    const task = (i: number) => async () => {
      active += 1;
      peak = Math.max(peak, active);
      order.push(i);
      await new Promise((resolve) => setTimeout(resolve, 5));
      active -= 1;
      if (i === 3) throw new Error('task 3 failed');
      return i * 10;
    };
    const results = await Promise.allSettled([1, 2, 3, 4, 5].map((i) => queue.run(task(i))));
    expect(peak).toBe(2);
    expect(order).toEqual([1, 2, 3, 4, 5]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : 'failed'))).toEqual([10, 20, 'failed', 40, 50]);
  });
});
