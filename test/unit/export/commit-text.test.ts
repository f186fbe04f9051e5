import { commitText } from '../../../src/export/commit-text';

describe('text for commit messages and repository titles', () => {
  it('turns Slack markup into the words it shows, and broadcasts into nothing', () => {
    expect(commitText('Refunds <!channel> for <@U0BOB0001|bob> and <@U0ALICE01>')).toBe(
      'Refunds for bob and U0ALICE01',
    );
    expect(commitText('in <#C0PAYMENT|payments> and <#C0SEARCH0>')).toBe('in #payments and #C0SEARCH0');
    expect(commitText('see <https://evil.example|the docs> or <https://example.com>')).toBe(
      'see the docs or https://example.com',
    );
    expect(commitText('ask <!subteam^S0APPSEC|@appsec> <!here> <!everyone>')).toBe('ask appsec');
    expect(commitText('<<!channel>!channel> nested')).toBe('nested');
    const deep = Array.from({ length: 12 }).reduce<string>((inner) => `<${inner}!channel>`, '<!channel>');
    expect(commitText(`deep ${deep}`)).toBe('deep');
  });

  it('reads Slack-escaped text as what was typed, and drops the @ of bare broadcasts', () => {
    expect(commitText('a &lt;!channel&gt; &amp; b')).toBe('a & b');
    expect(commitText('ping @here and @Channel, not @hereford')).toBe('ping here and Channel, not @hereford');
    expect(commitText('1 < 2 > 0')).toBe('1 < 2 > 0');
  });

  it('removes control, NUL, bidi and invisible characters, on one line', () => {
    expect(commitText('Refunds \u202Edevorppa\u202C API')).toBe('Refunds devorppa API');
    expect(commitText('a\u0000b\u0007c\u001Bd\u009Be')).toBe('abcde');
    expect(commitText('x\u200By\u2066z\u2069\uFEFF\u061C')).toBe('xyz');
    expect(commitText('  one\n\ntwo\r\nthree\u2028four\tfive  ')).toBe('one two three four five');
    expect(commitText('lone \uD800 half')).toBe('lone half');
  });

  it('keeps at most the given number of characters, without splitting one', () => {
    expect(commitText('x'.repeat(300))).toBe(`${'x'.repeat(199)}…`);
    expect(Array.from(commitText('😀'.repeat(20), 10))).toHaveLength(10);
    expect(commitText('😀'.repeat(20), 10)).toBe(`${'😀'.repeat(9)}…`);
    expect(commitText('Refunds API')).toBe('Refunds API');
  });
});
