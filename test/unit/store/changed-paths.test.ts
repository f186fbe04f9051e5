import { changedPaths } from '../../../src/store/changed-paths';

describe('changed paths for the audit trail', () => {
  it('names changed fields, addressing list items by id', () => {
    const before = {
      title: 'a',
      version: 1,
      threats: [{ id: 'T-1', risk: { decision: undefined } }, { id: 'T-2' }],
      tags: ['x'],
    };
    const after = {
      title: 'b',
      version: 2,
      threats: [{ id: 'T-1', risk: { decision: 'accept' } }, { id: 'T-3' }],
      tags: ['x', 'y'],
    };
    expect(changedPaths(before, after)).toEqual([
      'title',
      'threats[T-1].risk.decision',
      'threats[T-3]',
      'threats[T-2]',
      'tags',
    ]);
  });

  it('is empty when nothing but the version bookkeeping differs', () => {
    expect(changedPaths({ a: [1], version: 1, updatedAt: 'x' }, { a: [1], version: 2, updatedAt: 'y' })).toEqual([]);
  });

  it('stays compact for huge changes', () => {
    const after = { items: Array.from({ length: 80 }, (_, i) => ({ id: `T-${i}` })) };
    const paths = changedPaths({ items: [] }, after, 50);
    expect(paths).toHaveLength(51);
    expect(paths.at(-1)).toBe('… and 30 more');
  });
});
