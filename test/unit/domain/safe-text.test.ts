import { safeChatLine, safeChatText } from '../../../src/domain/safe-text';

describe('safe chat text', () => {
  it('escapes the characters Slack gives meaning to', () => {
    expect(safeChatText('a & b <@U123> <!here> <http://x|y>')).toBe(
      'a &amp; b &lt;@U123&gt; &lt;!here&gt; &lt;http://x|y&gt;',
    );
  });

  it('breaks bare broadcast words so they never notify anyone', () => {
    const text = safeChatText('@channel @Here @everyone @channelx user@here.com');
    expect(text).not.toMatch(/@(channel|here|everyone)\b/i);
    expect(text.replace(/\u2060/g, '')).toBe('@channel @Here @everyone @channelx user@here.com');
  });

  it('drops control and bidi-override characters, keeps line breaks', () => {
    expect(safeChatText('a\u0000b\u202Ec\nd')).toBe('abc\nd');
  });

  it('as one line: folds white space and defuses code fences', () => {
    const line = safeChatLine('  one\n\ntwo\t ```three  ');
    expect(line).not.toContain('```');
    expect(line.replace(/\u2060/g, '')).toBe('one two ```three');
  });
});
