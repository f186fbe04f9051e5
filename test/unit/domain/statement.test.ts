import {
  article,
  composeStatement,
  joinList,
  threatStatement,
  threatStatementForChat,
} from '../../../src/domain/statement';
import { buildScopedModel, buildThreat } from '../../support/build-model';

describe('threat statements', () => {
  const assets = buildScopedModel().scope.assets;

  it('renders every grammar part as one sentence, as Threat Composer does', () => {
    const threat = buildThreat('T-1', {
      impactedAssetIds: ['AS-1', 'AS-2'],
      impactedGoals: ['integrity', 'availability'],
    });
    expect(threatStatement(threat, assets)).toBe(
      'An internet-based threat actor with a stolen customer session can replay a refund request, which leads to ' +
        'refunds paid twice, resulting in reduced integrity and availability of Card token and Refund records',
    );
  });

  it('leaves out missing optional parts', () => {
    expect(
      composeStatement({ threatSource: 'malicious insider', threatAction: 'read the logs', impactedGoals: [] }, []),
    ).toBe('A malicious insider can read the logs');
  });

  it('says "negatively impacting" when assets are named without goals', () => {
    expect(
      composeStatement({ threatSource: 'bot', threatAction: 'flood the queue', impactedGoals: [] }, ['payouts']),
    ).toBe('A bot can flood the queue, negatively impacting payouts');
  });

  it('keeps a determiner the author already wrote', () => {
    expect(composeStatement({ threatSource: 'the vendor', threatAction: 'leak data', impactedGoals: [] }, [])).toBe(
      'The vendor can leak data',
    );
  });

  it('lets a renderer decorate each part', () => {
    const bold = composeStatement(
      { threatSource: 'attacker', threatAction: 'x', impactedGoals: ['integrity'] },
      ['y'],
      (part, text) => (part === 'threatAction' ? `*${text}*` : text),
    );
    expect(bold).toBe('An attacker can *x*, resulting in reduced integrity of y');
  });

  it.each([
    ['attacker', 'An'],
    ['user with a phone', 'A'],
    ['unauthenticated caller', 'An'],
    ['hourly job', 'An'],
    ['SQS consumer', 'An'],
    ['IAM principal', 'An'],
    ['CI pipeline', 'A'],
    ['compromised dependency', 'A'],
    ['one-time insider', 'A'],
  ])('uses the right article before "%s"', (word, expected) => {
    expect(article(word)).toBe(expected);
  });

  it('joins lists with commas and "and"', () => {
    expect([joinList([]), joinList(['a']), joinList(['a', 'b']), joinList(['a', 'b', 'c'])]).toEqual([
      '',
      'a',
      'a and b',
      'a, b and c',
    ]);
  });

  it('for chat, cannot ping a channel, forge a link or break the line', () => {
    const threat = buildThreat('T-1', {
      threatSource: 'attacker <!channel> @here',
      prerequisites: undefined,
      threatAction: 'post <https://evil.example|your bank>\n```code',
      threatImpact: undefined,
      impactedGoals: [],
      impactedAssetIds: [],
    });
    const text = threatStatementForChat(threat, assets);
    expect(text).not.toMatch(/<|>|\n|```|@here/);
    expect(text).toContain('&lt;!channel&gt;');
    expect(text).toContain('&lt;https://evil.example|your bank&gt;');
  });
});
