import { renderBlocks } from '../../../dev/playground/render/blocks';
import { type RenderContext, valueKey } from '../../../dev/playground/render/context';
import { escapeHtml, html, trusted } from '../../../dev/playground/render/html';
import { compareTs, renderChannelMessages, renderMessage, renderThread } from '../../../dev/playground/render/messages';
import { escapeForSlack, renderMrkdwn } from '../../../dev/playground/render/mrkdwn';
import {
  renderModals,
  renderNotInstalled,
  renderNotMember,
  renderSidebar,
  renderViolations,
  renderWorkspaces,
} from '../../../dev/playground/render/page';
import {
  type Message,
  type PlaygroundState,
  PlaygroundStateSchema,
  type View,
} from '../../../dev/playground/render/playground-state';

const names = {
  users: { U0ALICE01: 'Alice Martin', U0BOB0001: 'Bob Smith' },
  channels: { C0PAYMENT: 'team-payments' },
};

function buildContext(overrides: Partial<RenderContext> = {}): RenderContext {
  return { names, surface: 'message', ...overrides };
}

function buildMessage(overrides: Partial<Message> = {}): Message {
  return { ts: '1700000000.000100', text: 'hello', blocks: [], replyCount: 0, ...overrides };
}

function buildView(overrides: Partial<View> = {}): View {
  return { id: 'V1', title: { type: 'plain_text', text: 'Add threat' }, blocks: [], errors: {}, ...overrides };
}

function buildState(overrides: Partial<PlaygroundState> = {}): PlaygroundState {
  return PlaygroundStateSchema.parse({
    users: [
      { id: 'U0ALICE01', name: 'alice', realName: 'Alice Martin', isAppSec: false },
      { id: 'U0SEC0001', name: 'sam', realName: 'Sam Secure', isAppSec: true },
    ],
    user: 'U0ALICE01',
    channels: [
      { id: 'C0PAYMENT', name: 'team-payments', isPrivate: false, isMember: true },
      { id: 'C0APPSEC0', name: 'appsec', isPrivate: false, isMember: false },
    ],
    channel: 'C0PAYMENT',
    ...overrides,
  });
}

const ALLOWED_TAGS = new Set([
  'a',
  'blockquote',
  'br',
  'code',
  'del',
  'em',
  'pre',
  'span',
  'strong',
  'div',
  'button',
  'select',
  'option',
  'optgroup',
  'input',
  'textarea',
  'label',
  'details',
  'summary',
  'hr',
  'figure',
  'figcaption',
  'img',
  'ul',
  'ol',
  'li',
  'time',
  'header',
  'footer',
  'h2',
  'p',
  'nav',
]);

/** Every tag in rendered markup, with its attributes, read the way a browser would tokenise them. */
function tagsOf(markup: string): { name: string; attributes: Record<string, string> }[] {
  const tags: { name: string; attributes: Record<string, string> }[] = [];
  for (const match of markup.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*\/?>/g)) {
    const attributes: Record<string, string> = {};
    for (const attribute of (match[2] ?? '').matchAll(/([^\s=>]+)(?:="([^"]*)")?/g)) {
      attributes[attribute[1] ?? ''] = attribute[2] ?? '';
    }
    tags.push({ name: (match[1] ?? '').toLowerCase(), attributes });
  }
  return tags;
}

/** Markup is inert: only our own tags, no event handlers or inline styles, links and images only to http(s) or our own paths, and nothing left over that a browser could read as a tag. */
function expectInert(markup: string): void {
  for (const tag of tagsOf(markup)) {
    expect(ALLOWED_TAGS).toContain(tag.name);
    for (const [name, value] of Object.entries(tag.attributes)) {
      expect(name).not.toMatch(/^on/i);
      expect(name).not.toBe('style');
      if (name === 'href' || name === 'src') expect(value).toMatch(/^(https?:\/\/|\/(?!\/))/);
    }
  }
  const leftover = markup.replace(/<\/?([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*\/?>/g, '');
  expect(leftover).not.toMatch(/[<>"]/);
}

const HOSTILE = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '&amp;lt;img src=x onerror=alert(1)&amp;gt;',
  '&#60;script&#62;alert(1)&#60;/script&#62;',
  '<javascript:alert(1)|click me>',
  '<javascript:alert(1)>',
  '<data:text/html;base64,PHNjcmlwdD4=|open>',
  '<https://evil.example/"onmouseover="alert(1)|x>',
  '<https://ok.example|<img src=x onerror=alert(1)>>',
  '<@U1"onclick="alert(1)>',
  '<#C1|"><img src=x>>',
  '<!channel> <!here> <!everyone> <!subteam^S1|<b>x</b>>',
  '<!date^1700000000^{date}|<img src=x onerror=alert(1)>>',
  '*<img src=x>* _<b>_ ~<i>~ `<script>` ```<script>alert(1)</script>```',
  '&gt; <img src=x onerror=alert(1)>',
  '\uE0000\uE001 forged placeholder',
  ':warning:<script>:tada:',
];

describe('playground rendering', () => {
  describe('html', () => {
    it('escapes every character that could start markup or end an attribute', () => {
      expect(escapeHtml(`<a href="x" title='y'>&\``)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&#96;');
    });

    it('escapes interpolated values but keeps markup built by the module', () => {
      const name = '<b>Bob</b>';
      expect(html`<p>${name}${html`<br>`}${trusted('<i>ok</i>')}${[1, '<', false, null]}</p>`.value).toBe(
        '<p>&lt;b&gt;Bob&lt;/b&gt;<br><i>ok</i>1&lt;</p>',
      );
    });
  });

  describe('mrkdwn', () => {
    describe('with hostile text', () => {
      it.each(HOSTILE)('%s never becomes a tag or an attribute', (text) => {
        expectInert(renderMrkdwn(text, names));
      });

      it('shows Slack-escaped tags as text, and double escapes as the entity text', () => {
        expect(renderMrkdwn('&lt;script&gt;', names)).toBe('&lt;script&gt;');
        expect(renderMrkdwn('&amp;lt;b&amp;gt;', names)).toBe('&amp;lt;b&amp;gt;');
      });

      it('makes no link of a javascript: or data: target, showing its label', () => {
        const out = renderMrkdwn('<javascript:alert(1)|click me> <data:text/html,x|data>', names);
        expect(out).not.toContain('href');
        expect(out).toBe('click me data');
      });

      it('shows an unknown token as the text the author wrote', () => {
        expect(renderMrkdwn('`/threatmodel start <feature title>`', names)).toBe(
          '<code>/threatmodel start &lt;feature title&gt;</code>',
        );
      });
    });

    it('formats bold, italic, strike and code, and keeps line breaks', () => {
      expect(renderMrkdwn('*bold* _italic_ ~gone~ `x = 1`\nnext', names)).toBe(
        '<strong>bold</strong> <em>italic</em> <del>gone</del> <code>x = 1</code><br>next',
      );
    });

    it('leaves markers inside words alone', () => {
      expect(renderMrkdwn('snake_case_name and 2*3*4', names)).toBe('snake_case_name and 2*3*4');
    });

    it('formats nothing inside code blocks', () => {
      expect(renderMrkdwn('before\n```\n*not bold*\n```\nafter', names)).toBe(
        'before<pre class="code-block">*not bold*</pre>after',
      );
    });

    it('quotes lines starting with >', () => {
      expect(renderMrkdwn('&gt; quoted *line*\n&gt; second\nafter', names)).toBe(
        '<blockquote>quoted <strong>line</strong><br>second</blockquote>after',
      );
    });

    it('names the users and channels it mentions', () => {
      expect(renderMrkdwn('owner <@U0ALICE01> in <#C0PAYMENT>', names)).toBe(
        'owner <span class="mention" data-user-id="U0ALICE01">@Alice Martin</span> in <span class="mention channel-mention">#team-payments</span>',
      );
      expect(renderMrkdwn('<@U0NOBODY>', names)).toContain('@U0NOBODY');
    });

    it('highlights broadcasts and shows dates by their fallback', () => {
      expect(renderMrkdwn('<!channel> <!here>', names)).toBe(
        '<span class="mention broadcast">@channel</span> <span class="mention broadcast">@here</span>',
      );
      expect(renderMrkdwn('due <!date^1700000000^{date_short_pretty}|2023-11-14 22:13 UTC>', names)).toBe(
        'due <span class="date">2023-11-14 22:13 UTC</span>',
      );
    });

    it('links http(s) targets only, attribute-escaped, in a new tab', () => {
      expect(renderMrkdwn('<https://a.example/x?y=1&amp;z=2|the docs>', names)).toBe(
        '<a href="https://a.example/x?y=1&amp;z=2" target="_blank" rel="noopener noreferrer">the docs</a>',
      );
      expect(renderMrkdwn('<http://a.example>', names)).toContain('href="http://a.example"');
      expect(renderMrkdwn('<ftp://a.example|files>', names)).toBe('files');
    });

    it('turns the shortcodes the app uses into emoji and leaves unknown ones', () => {
      expect(renderMrkdwn(':warning: :white_check_mark: :rotating_light: :thread: :no_such_emoji:', names)).toBe(
        '⚠️ ✅ 🚨 🧵 :no_such_emoji:',
      );
    });

    it('escapes what a person types the way Slack does before it is sent', () => {
      expect(escapeForSlack('a & b <c>')).toBe('a &amp; b &lt;c&gt;');
    });
  });

  describe('blocks', () => {
    const render = (blocks: unknown[], overrides: Partial<RenderContext> = {}) =>
      renderBlocks(blocks, buildContext(overrides));

    it('renders header, section with fields and accessory, context, divider, image and actions', () => {
      const out = render([
        { type: 'header', text: { type: 'plain_text', text: '🧵 Refunds API' } },
        {
          type: 'section',
          text: { type: 'mrkdwn', text: '*Step 1*' },
          fields: [{ type: 'mrkdwn', text: '*Assets*\n1' }],
          accessory: { type: 'button', action_id: 'go', text: { type: 'plain_text', text: 'Go' }, value: 'v' },
        },
        {
          type: 'context',
          elements: [
            { type: 'image', image_url: 'https://a.example/i.png', alt_text: 'icon' },
            { type: 'mrkdwn', text: 'owner <@U0ALICE01>' },
          ],
        },
        { type: 'divider' },
        {
          type: 'image',
          image_url: '/playground/exports/TM-1/data-flow.png',
          alt_text: 'diagram',
          title: plain('DFD'),
        },
        { type: 'actions', block_id: 'acts', elements: [button('a', 'A')] },
      ]);
      expect(out).toContain('<div class="block block-header">🧵 Refunds API</div>');
      expect(out).toContain('<div class="section-field"><strong>Assets</strong><br>1</div>');
      expect(out).toContain('class="section-accessory"');
      expect(out).toContain('@Alice Martin');
      expect(out).toContain('<hr class="block block-divider">');
      expect(out).toContain('src="/playground/exports/TM-1/data-flow.png"');
      expect(out).toContain('<figcaption>DFD</figcaption>');
      expect(out).toContain('data-block-id="acts"');
      expectInert(out);
    });

    it('gives buttons their style, value, hooks and confirm dialog', () => {
      const out = render([
        {
          type: 'actions',
          block_id: 'card',
          elements: [
            button('model.finish_step', 'Finish', { style: 'primary', value: 'TM-1|scope' }),
            button('review.request_changes', 'Reject', {
              style: 'danger',
              confirm: {
                title: plain('Sure?'),
                text: { type: 'mrkdwn', text: 'Really *reject*?' },
                confirm: plain('Reject'),
                deny: plain('Keep'),
              },
            }),
          ],
        },
      ]);
      expect(out).toContain(
        '<button type="button" class="btn btn-primary" data-kind="button" data-action-id="model.finish_step" data-block-id="card" data-dispatch data-value="TM-1|scope">Finish</button>',
      );
      const confirm = /data-confirm="([^"]*)"/.exec(out)?.[1] ?? '';
      expect(JSON.parse(confirm.replace(/&quot;/g, '"'))).toEqual({
        title: 'Sure?',
        text: { type: 'mrkdwn', text: 'Really *reject*?' },
        confirm: 'Reject',
        deny: 'Keep',
        style: 'primary',
      });
      expect(out).toContain('class="btn btn-danger"');
    });

    it('renders static selects with groups and their initial option', () => {
      const out = render([
        {
          type: 'actions',
          elements: [
            {
              type: 'static_select',
              action_id: 'type',
              placeholder: plain('Pick a type'),
              option_groups: [
                { label: plain('Generic'), options: [option('Web app', 'web')] },
                { label: plain('AWS'), options: [option('Lambda', 'aws-lambda')] },
              ],
              initial_option: option('Lambda', 'aws-lambda'),
            },
          ],
        },
      ]);
      expect(out).toContain('<optgroup label="Generic"><option value="web">Web app</option></optgroup>');
      expect(out).toContain('<option value="aws-lambda" selected>Lambda</option>');
      expect(out).toContain('<option value="" disabled>Pick a type</option>');
    });

    it('offers the workspace people in user selects and its channels in conversation selects', () => {
      const out = render([
        {
          type: 'actions',
          elements: [
            { type: 'users_select', action_id: 'owner', initial_user: 'U0BOB0001' },
            { type: 'conversations_select', action_id: 'where' },
          ],
        },
      ]);
      expect(out).toContain(
        '<option value="U0ALICE01">Alice Martin</option><option value="U0BOB0001" selected>Bob Smith</option>',
      );
      expect(out).toContain('<option value="C0PAYMENT">team-payments</option>');
    });

    it('shows chips for multi selects, offering only what is not chosen yet', () => {
      const out = render([
        {
          type: 'actions',
          elements: [
            {
              type: 'multi_static_select',
              action_id: 'goals',
              options: [option('Integrity', 'integrity'), option('Availability', 'availability')],
              initial_options: [option('Integrity', 'integrity')],
            },
            { type: 'multi_users_select', action_id: 'people', initial_users: ['U0ALICE01'] },
          ],
        },
      ]);
      expect(out).toContain('data-kind="multi_static_select" data-action-id="goals"');
      expect(out).toContain('data-selected="[&quot;integrity&quot;]"');
      expect(out).toContain(
        '<span class="chip">Integrity<button type="button" class="chip-remove" data-remove="integrity"',
      );
      expect(out).toContain('<option value="availability">Availability</option>');
      expect(out).not.toContain('<option value="integrity">');
      expect(out).toContain('<span class="chip">Alice Martin');
    });

    it('renders overflow menus, checkboxes, radio buttons and date pickers', () => {
      const out = render([
        {
          type: 'section',
          text: { type: 'mrkdwn', text: 'AS-1' },
          accessory: { type: 'overflow', action_id: 'menu', options: [option('Edit', 'edit|AS-1')] },
        },
        {
          type: 'actions',
          block_id: 'b',
          elements: [
            {
              type: 'checkboxes',
              action_id: 'ticks',
              options: [option('One', '1'), { ...option('Two', '2'), description: plain('the second') }],
              initial_options: [option('Two', '2')],
            },
            {
              type: 'radio_buttons',
              action_id: 'level',
              options: [option('Low', 'low')],
              initial_option: option('Low', 'low'),
            },
            { type: 'datepicker', action_id: 'due', initial_date: '2026-01-31' },
          ],
        },
      ]);
      expect(out).toContain('<details class="overflow" data-kind="overflow" data-action-id="menu"');
      expect(out).toContain('<button type="button" class="overflow-item" data-option-value="edit|AS-1">Edit</button>');
      expect(out).toContain('<input type="checkbox" name="message:b:ticks" value="1">');
      expect(out).toContain('<input type="checkbox" name="message:b:ticks" value="2" checked>');
      expect(out).toContain('<span class="choice-description">the second</span>');
      expect(out).toContain('<input type="radio" name="message:b:level" value="low" checked>');
      expect(out).toContain('type="date" value="2026-01-31"');
      expect(out).toContain('data-kind="datepicker" data-action-id="due" data-block-id="b" data-dispatch');
    });

    describe('in a modal', () => {
      const form = [
        input('title', { type: 'plain_text_input', action_id: 'title', initial_value: 'Old title' }),
        input('notes', { type: 'plain_text_input', action_id: 'notes', multiline: true }, { optional: true }),
        input('kind', { type: 'static_select', action_id: 'kind', options: [option('A', 'a'), option('B', 'b')] }),
      ];

      it('keeps action ids on inputs, which wait for submit, and marks required blocks', () => {
        const out = render(form, { surface: 'modal' });
        expect(out).toContain('<div class="block block-input" data-block-id="title" data-required>');
        expect(out).toContain('<div class="block block-input" data-block-id="notes">');
        expect(out).toContain('value="Old title"');
        expect(out).toContain('data-kind="plain_text_input" data-action-id="title" data-block-id="title">');
        expect(out).toContain('<textarea rows="4"');
        expect(out).toContain('<span class="optional">(optional)</span>');
        expect(out).not.toContain('data-dispatch');
      });

      it('shows what the user entered over the initial values', () => {
        const values = { [valueKey('title', 'title')]: 'Typed <title>', [valueKey('kind', 'kind')]: 'b' };
        const out = render(form, { surface: 'modal', values });
        expect(out).toContain('value="Typed &lt;title&gt;"');
        expect(out).toContain('<option value="b" selected>B</option>');
      });

      it('shows an inline error under its field', () => {
        const out = render(form, { surface: 'modal', errors: { title: 'Say <what> happens' } });
        expect(out).toContain('<div class="block block-input has-error" data-block-id="title" data-required>');
        expect(out).toContain('<div class="input-error" role="alert">Say &lt;what&gt; happens</div>');
      });
    });

    it('renders basic rich text', () => {
      const out = render([
        {
          type: 'rich_text',
          elements: [
            {
              type: 'rich_text_section',
              elements: [
                { type: 'text', text: 'Hi ', style: { bold: true } },
                { type: 'user', user_id: 'U0ALICE01' },
                { type: 'link', url: 'javascript:alert(1)', text: 'bad' },
                { type: 'emoji', name: 'tada' },
              ],
            },
            {
              type: 'rich_text_list',
              style: 'bullet',
              elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text: 'one' }] }],
            },
          ],
        },
      ]);
      expect(out).toContain('<strong>Hi </strong><span class="mention">@Alice Martin</span>bad🎉');
      expect(out).toContain('<ul><li>one</li></ul>');
      expectInert(out);
    });

    it('shows unknown blocks and elements as visible notes', () => {
      const out = render([
        { type: 'video' },
        'not a block',
        { type: 'actions', elements: [{ type: 'workflow_button' }] },
      ]);
      expect(out).toContain('Unsupported block: video');
      expect(out).toContain('Unsupported block: not an object');
      expect(out).toContain('Unsupported element: workflow_button');
    });

    it.each(HOSTILE)('keeps %s inert in every text, value and id', (text) => {
      const out = render(
        [
          { type: 'header', text: plain(text) },
          { type: 'section', block_id: text, text: { type: 'mrkdwn', text }, fields: [{ type: 'plain_text', text }] },
          {
            type: 'context',
            elements: [{ type: 'image', image_url: `javascript:${text}`, alt_text: text }, plain(text)],
          },
          { type: 'image', image_url: text, alt_text: text, title: plain(text) },
          {
            type: 'actions',
            block_id: text,
            elements: [
              button(text, text, {
                value: text,
                url: `javascript:${text}`,
                confirm: { title: plain(text), text: plain(text) },
              }),
              { type: 'static_select', action_id: text, placeholder: plain(text), options: [option(text, text)] },
              {
                type: 'multi_static_select',
                action_id: text,
                options: [option(text, text)],
                initial_options: [option(text, text)],
              },
              { type: 'overflow', action_id: text, options: [option(text, text)] },
              { type: 'checkboxes', action_id: text, options: [{ text: { type: 'mrkdwn', text }, value: text }] },
            ],
          },
          input(
            text,
            { type: 'plain_text_input', action_id: text, initial_value: text, placeholder: plain(text) },
            { hint: plain(text), label: plain(text) },
          ),
        ],
        { surface: 'modal', errors: { [text]: text }, values: { [valueKey(text, text)]: text } },
      );
      expectInert(out);
    });
  });

  describe('the page', () => {
    it('shows a message with its sender, time, replies and the capture shortcut', () => {
      const out = renderMessage(buildMessage({ text: 'the *card*', replyCount: 3 }), {
        names,
        channel: 'C0PAYMENT',
      }).value;
      expect(out).toContain('data-testid="message" data-ts="1700000000.000100" data-surface="message"');
      expect(out).toContain('<span class="sender">Threadmodel</span><span class="app-badge">APP</span>');
      expect(out).toContain('the <strong>card</strong>');
      expect(out).toContain('data-open-thread="1700000000.000100"');
      expect(out).toContain('3 replies');
      expect(out).toContain('data-testid="capture-threat" data-shortcut="capture_threat"');
    });

    it('shows a person’s message under their name', () => {
      const out = renderMessage(buildMessage({ user: 'U0BOB0001', text: 'I think &lt;b&gt;' }), {
        names,
        channel: 'C0PAYMENT',
      }).value;
      expect(out).toContain('<span class="sender">Bob Smith</span>');
      expect(out).toContain('>BS</div>');
      expect(out).not.toContain('APP');
    });

    it('marks ephemerals as only visible to you, without the shortcut', () => {
      const out = renderMessage(buildMessage(), { names, channel: 'C0PAYMENT', ephemeral: true }).value;
      expect(out).toContain('Only visible to you');
      expect(out).toContain('data-surface="ephemeral"');
      expect(out).not.toContain('capture-threat');
    });

    it('puts ephemerals among the channel messages in time order', () => {
      const state = buildState({
        messages: [
          buildMessage({ ts: '1700000000.000100', text: 'first' }),
          buildMessage({ ts: '1700000002.000000', text: 'third' }),
        ],
        ephemerals: [buildMessage({ ts: '1700000001.000000', text: 'second' })],
      });
      const out = renderChannelMessages(state, {});
      expect(out.indexOf('first')).toBeLessThan(out.indexOf('second'));
      expect(out.indexOf('second')).toBeLessThan(out.indexOf('third'));
    });

    it('orders Slack timestamps without floating point', () => {
      expect(compareTs('1700000000.000099', '1700000000.000100')).toBeLessThan(0);
      expect(compareTs('1700000001.0', '1700000000.999999')).toBeGreaterThan(0);
    });

    it('shows a thread with its parent, a replies divider and the replies, without reply links', () => {
      const state = buildState({
        thread: [
          buildMessage({ ts: '1.000001', text: 'parent', replyCount: 1 }),
          buildMessage({ ts: '1.000002', text: 'reply', threadTs: '1.000001' }),
        ],
      });
      const out = renderThread(state, {}, '1.000001');
      expect(out).toContain('parent');
      expect(out).toContain('<div class="replies-divider"><span>1 reply</span></div>');
      expect(out).not.toContain('data-open-thread');
    });

    it('greys out the channels the user is not in, and keeps them closed', () => {
      const out = renderSidebar(buildState(), 'channel');
      expect(out).toContain(
        '<button type="button" class="sidebar-item channel-link active" data-testid="channel-team-payments" data-channel-id="C0PAYMENT">',
      );
      expect(out).toContain(
        'class="sidebar-item channel-link not-member" data-testid="channel-appsec" data-channel-id="C0APPSEC0" disabled',
      );
      expect(out).toContain('<option value="U0SEC0001">Sam Secure (AppSec)</option>');
      expect(out).toContain('data-testid="user-switcher"');
      expect(out).toContain('data-testid="run-jobs"');
      expect(out).toContain('data-testid="home"');
      expect(renderNotMember(buildState({ channel: 'C0APPSEC0' }))).toContain('You are not a member of #appsec');
    });

    it('switches workspaces in the header, offering "Add to Slack" (the app’s install page) where the app is not installed', () => {
      const workspaces = [
        { teamId: 'T0WORKSPC', name: 'Acme', installed: true, firstUser: 'U0ALICE01' },
        { teamId: 'T0GLOBEX0', name: '<b>Globex</b>', installed: false, firstUser: 'U0GHANK01' },
      ];
      const inAcme = renderWorkspaces(buildState({ workspace: 'T0WORKSPC', workspaces }));
      expect(inAcme).toContain(
        '<button type="button" class="workspace-tab active" data-testid="workspace-Acme" data-workspace-user="U0ALICE01" aria-pressed="true">Acme</button>',
      );
      expect(inAcme).toContain(
        'data-workspace-user="U0GHANK01" aria-pressed="false">&lt;b&gt;Globex&lt;/b&gt; <span class="workspace-hint">not installed</span>',
      );
      expect(inAcme).not.toContain('add-to-slack');
      const inGlobex = renderWorkspaces(buildState({ workspace: 'T0GLOBEX0', workspaces }));
      expect(inGlobex).toContain('data-testid="add-to-slack" data-add-to-slack href="/slack/install"');
      expect(renderSidebar(buildState({ workspace: 'T0GLOBEX0', workspaces }), 'channel')).toContain(
        '<div class="workspace-name">&lt;b&gt;Globex&lt;/b&gt;</div>',
      );
      const [, globex] = workspaces;
      if (globex) expect(renderNotInstalled(globex)).toContain('href="/slack/install"');
    });

    it('links the exports: reports on the playground, never other schemes', () => {
      const out = renderSidebar(
        buildState({
          exports: [
            { modelId: 'TM-1', title: 'tm-1-refunds', url: '/playground/exports/TM-1/' },
            { modelId: 'TM-2', title: 'bad', url: 'javascript:alert(1)' },
          ],
        }),
        'channel',
      );
      expect(out).toContain('href="/playground/exports/TM-1/"');
      expect(out).not.toContain('javascript:');
    });

    it('lists Block Kit violations in a banner, and shows none when there are none', () => {
      expect(renderViolations([])).toBe('');
      const out = renderViolations([{ method: 'chat.postMessage', problems: ['blocks: 51 > 50', 'text <too long>'] }]);
      expect(out).toContain('data-testid="violations"');
      expect(out).toContain('<code>chat.postMessage</code>: blocks: 51 &gt; 50; text &lt;too long&gt;');
    });

    it('shows the top modal of the stack, with the ones below peeking out', () => {
      const state = buildState({
        modals: [
          buildView({ id: 'V1', title: plain('Add threat') }),
          buildView({
            id: 'V2',
            title: plain('Suggestions'),
            submit: plain('Add'),
            close: plain('Back'),
            blocks: [input('picked', { type: 'checkboxes', action_id: 'picked', options: [option('SQLi', 'sqli')] })],
            errors: { picked: 'Pick one' },
          }),
        ],
      });
      const out = renderModals(state, {}, {});
      expect(out).toContain('<div class="modal-card-behind depth-1" aria-hidden="true">Add threat</div>');
      expect(out).toContain(
        'data-testid="modal" data-surface="modal" data-scope="modal:V2" data-view-id="V2" data-stack-depth="2"',
      );
      expect(out).toContain('<h2 class="modal-title">Suggestions</h2>');
      expect(out).toContain('data-testid="modal-submit" data-modal-submit>Add</button>');
      expect(out).toContain('data-testid="modal-close" data-modal-close>Back</button>');
      expect(out).toContain('Pick one');
      expect(out.match(/data-testid="modal"/g)).toHaveLength(1);
      expect(renderModals(buildState(), {}, {})).toBe('');
    });
  });

  describe('the state from the server', () => {
    it('fills what the server leaves out with defaults', () => {
      const state = buildState({});
      expect(state).toMatchObject({
        messages: [],
        ephemerals: [],
        modals: [],
        violations: [],
        exports: [],
        pendingJobs: 0,
      });
    });

    it('accepts a Home view without a title', () => {
      expect(PlaygroundStateSchema.safeParse({ ...buildState(), home: { id: 'V9', blocks: [] } }).success).toBe(true);
    });
  });
});

function plain(text: string) {
  return { type: 'plain_text', text };
}

function option(text: string, value: string) {
  return { text: plain(text), value };
}

function button(actionId: string, text: string, extra: object = {}) {
  return { type: 'button', action_id: actionId, text: plain(text), ...extra };
}

function input(blockId: string, element: object, extra: object = {}) {
  return { type: 'input', block_id: blockId, label: plain(blockId), element, ...extra };
}
