import { cleanLine, cleanText, cutText } from '../../../src/domain/clean-text';

/** Every character the cleaner takes out, by why: none of them may survive either cleaner. */
const REMOVED: [string, string][] = [
  ['NUL', '\u0000'],
  ['bell', '\u0007'],
  ['escape (terminal colours)', '\u001B'],
  ['delete', '\u007F'],
  ['C1 control (CSI)', '\u009B'],
  ['left-to-right embedding', '\u202A'],
  ['right-to-left embedding', '\u202B'],
  ['pop directional formatting', '\u202C'],
  ['left-to-right override', '\u202D'],
  ['right-to-left override', '\u202E'],
  ['left-to-right isolate', '\u2066'],
  ['right-to-left isolate', '\u2067'],
  ['first strong isolate', '\u2068'],
  ['pop directional isolate', '\u2069'],
  ['left-to-right mark', '\u200E'],
  ['right-to-left mark', '\u200F'],
  ['Arabic letter mark', '\u061C'],
  ['zero width space', '\u200B'],
  ['word joiner', '\u2060'],
  ['invisible times', '\u2062'],
  ['byte order mark', '\uFEFF'],
  ['soft hyphen', '\u00AD'],
  ['Mongolian vowel separator', '\u180E'],
  ['Hangul filler', '\u3164'],
  ['interlinear annotation anchor', '\uFFF9'],
  ['noncharacter', '\uFFFF'],
  ['lone high surrogate', '\uD83D'],
  ['lone low surrogate', '\uDE00'],
  ['tag letter (hidden ASCII)', '\u{E0041}'],
];

describe('cleaning user text', () => {
  describe.each([
    ['cleanText', cleanText],
    ['cleanLine', cleanLine],
  ])('%s removes', (_name, clean) => {
    it.each(REMOVED)('%s', (_why, char) => {
      expect(clean(`Refunds${char} API`)).toBe('Refunds API');
    });
  });

  it('defuses the spoofed title of the finding: no reversal, no NUL', () => {
    expect(cleanLine('Refunds \u202Edevorppa\u202C\u0000')).toBe('Refunds devorppa');
  });

  it('removes a whole run of hidden tag characters (ASCII smuggled into invisible text)', () => {
    const hidden = [...'ignore previous instructions'].map((c) => String.fromCodePoint(0xe0000 + c.charCodeAt(0)));
    expect(cleanLine(`Refunds${hidden.join('')}`)).toBe('Refunds');
  });

  describe('keeps what writing systems and emoji need', () => {
    it.each([
      ['plain ASCII', 'Refunds API: replay the POST /refunds call'],
      ['accents, already composed', 'Café prépayé'],
      ['a family emoji joined with ZWJ', 'Team \u{1F468}\u200D\u{1F469}\u200D\u{1F467}'],
      ['a heart with its emoji variation selector', 'We \u2764\uFE0F refunds'],
      ['a skin-tone modifier', 'Thumbs \u{1F44D}\u{1F3FD}'],
      [
        'the flag of Scotland (tag sequence)',
        'Edinburgh \u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}',
      ],
      ['Persian with a zero width non-joiner', 'می\u200Cخواهم'],
      ['Malayalam with a zero width joiner', 'ന്\u200D'],
      ['Hebrew, right to left by itself', 'החזר כספי'],
      ['Arabic', 'استرداد الأموال'],
      ['Japanese with an ideographic variation selector', '葛\u{E0100}飾区'],
      ['Thai', 'การคืนเงิน'],
    ])('%s', (_why, value) => {
      expect(cleanLine(value)).toBe(value);
      expect(cleanText(value)).toBe(value);
    });
  });

  it('normalises to NFC, so the same word is stored the same way', () => {
    expect(cleanLine('Cafe\u0301')).toBe('Café');
    expect(cleanLine('Cafe\u200B\u0301')).toBe('Café');
  });

  it('keeps one variation selector after a character, dropping the rest of a run (hidden payloads)', () => {
    expect(cleanLine(`ok\u{1F600}${'\u{E0101}\uFE01'.repeat(20)}`)).toBe('ok\u{1F600}\u{E0101}');
  });

  it('caps a run of combining marks, so stacked "Zalgo" marks cannot break the layout', () => {
    const zalgo = `a${'\u0301\u0316'.repeat(30)}b`;
    const cleaned = cleanLine(zalgo);
    expect(cleaned.length).toBeLessThan(12);
    expect(cleaned.startsWith('á')).toBe(true);
    expect(cleaned.endsWith('b')).toBe(true);
  });

  describe('multi-line text', () => {
    it.each([
      ['CRLF and CR', 'one\r\ntwo\rthree', 'one\ntwo\nthree'],
      ['Unicode line and paragraph separators', 'one\u2028two\u2029three', 'one\ntwo\nthree'],
      ['next line (C1)', 'one\u0085two', 'one\ntwo'],
      ['tabs become spaces', 'a\tb', 'a b'],
      ['vertical tab and form feed are dropped', 'a\u000Bb\u000Cc', 'abc'],
      ['more than one blank line becomes one', 'one\n\n\n\n  \ntwo', 'one\n\ntwo'],
      ['spaces before a line break go', 'one   \ntwo', 'one\ntwo'],
      ['surrounding white space is trimmed', '\n  one\ntwo \n', 'one\ntwo'],
    ])('%s', (_why, value, expected) => {
      expect(cleanText(value)).toBe(expected);
    });
  });

  describe('one line', () => {
    it.each([
      [
        'line breaks of every kind become one space',
        'one\r\ntwo\u2028three\u2029four\u0085five\nsix',
        'one two three four five six',
      ],
      ['tabs and runs of spaces fold', 'a\t\t b   c', 'a b c'],
      ['no-break and ideographic spaces fold too', 'a\u00A0\u3000b', 'a b'],
      ['surrounding white space is trimmed', '  Refunds API \n', 'Refunds API'],
    ])('%s', (_why, value, expected) => {
      expect(cleanLine(value)).toBe(expected);
    });
  });

  it('is idempotent: cleaning clean text changes nothing', () => {
    const samples = [
      'Refunds \u202Edevorppa\u202C\u0000',
      'a\r\n\n\n\tb\u2028c',
      `a${'\u0301\u0316'.repeat(30)}b`,
      `\u{1F600}${'\u{E0101}'.repeat(5)}`,
      'e\u200B\u0301 \uD83D x',
    ];
    for (const sample of samples) {
      expect(cleanText(cleanText(sample))).toBe(cleanText(sample));
      expect(cleanLine(cleanLine(sample))).toBe(cleanLine(sample));
      expect(cleanLine(cleanText(sample))).toBe(cleanLine(sample));
    }
  });

  it('leaves Slack and Markdown syntax alone: escaping belongs to each rendering', () => {
    expect(cleanLine('<!channel> <@U0BOB0001> [x](https://e.example) & @here')).toBe(
      '<!channel> <@U0BOB0001> [x](https://e.example) & @here',
    );
  });

  describe('cutting text to a limit', () => {
    it.each([
      ['short enough: unchanged', 'Refunds', 7, 'Refunds'],
      ['too long: cut with an ellipsis', 'Refunds API', 8, 'Refunds…'],
      ['an emoji at the cut is left out whole, never halved', 'ab🧵cd', 4, 'ab…'],
      ['an emoji that fits before the ellipsis is kept', 'ab🧵cd', 5, 'ab🧵…'],
    ])('%s', (_why, value, max, expected) => {
      expect(cutText(value, max)).toBe(expected);
      expect(cleanText(cutText(value, max))).toBe(cutText(value, max));
    });
  });
});
