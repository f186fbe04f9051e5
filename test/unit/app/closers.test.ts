import { Closers } from '../../../src/app/closers';

describe('closing what a start-up opened', () => {
  it('closes the last opened first, goes on past a part that fails, and closes each part once', async () => {
    const closed: string[] = [];
    const closers = new Closers();
    closers.add('redis', async () => closed.push('redis'));
    closers.add('queues', async () => {
      throw new Error('already closed');
    });
    closers.add('workers', async () => closed.push('workers'));

    await Promise.all([closers.closeAll(), closers.closeAll()]);
    await closers.closeAll();

    expect(closed).toEqual(['workers', 'redis']);
  });
});
