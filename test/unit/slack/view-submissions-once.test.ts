import { submissionKey } from '../../../src/slack/view-submissions-once';

const submission = (view: { hash?: string; values?: unknown } = {}) => ({
  type: 'view_submission',
  team: { id: 'T0WORKSPC' },
  user: { id: 'U0BOB0001' },
  view: {
    id: 'V0001',
    hash: view.hash ?? '1712.abc',
    state: { values: view.values ?? { name: { name: { value: 'A' } } } },
  },
});

describe('which view submission is a repeat of which', () => {
  it('gives the same submission sent again the same key', () => {
    expect(submissionKey(submission())).toBe(submissionKey(submission()));
  });

  it('tells a form corrected after inline errors (same view id and hash, other values) from a repeat', () => {
    expect(submissionKey(submission({ values: { name: { name: { value: 'B' } } } }))).not.toBe(
      submissionKey(submission()),
    );
  });

  it('tells the same values submitted from an updated view (a new hash) from a repeat', () => {
    expect(submissionKey(submission({ hash: '1712.def' }))).not.toBe(submissionKey(submission()));
  });

  it('leaves everything but view submissions alone', () => {
    expect(submissionKey({ type: 'block_actions', view: { id: 'V0001' } })).toBeUndefined();
    expect(submissionKey({ type: 'view_closed', view: { id: 'V0001' } })).toBeUndefined();
  });
});
