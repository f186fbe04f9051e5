import { blockKitProblems, blockTextLength, slackErrorFor } from '../../../dev/stand-in/block-kit-rules';
import { CASES } from './block-kit-cases';
import {
  actions,
  button,
  confirm,
  input,
  many,
  message,
  modal,
  mrkdwn,
  option,
  options,
  plain,
  section,
  staticSelect,
  textInput,
  x,
} from './block-kit-fixtures';

describe('blockKitProblems', () => {
  it.each(CASES)('reports %s', (_name, surface, payload, problem) => {
    const problems = blockKitProblems(surface, payload);
    expect(problems).toEqual(expect.arrayContaining([expect.stringContaining(problem)]));
  });

  it('accepts a message using every block type and the common elements', () => {
    const payload = message(
      { type: 'header', text: plain('Threat model TM-1') },
      section('*Scope*', {
        block_id: 'scope',
        accessory: { type: 'overflow', action_id: 'menu', options: options(3) },
      }),
      { type: 'section', fields: [mrkdwn('*Owner*'), mrkdwn('<@U0ALICE01>')] },
      { type: 'divider' },
      {
        type: 'context',
        elements: [mrkdwn('updated'), { type: 'image', image_url: 'https://x/a.png', alt_text: 'a' }],
      },
      actions(
        button('approve', { style: 'primary', value: 'TM-1', confirm: confirm() }),
        staticSelect({ initial_option: option('v1') }),
        { type: 'multi_users_select', action_id: 'people', placeholder: plain('Pick people') },
        { type: 'datepicker', action_id: 'due', initial_date: '2026-01-31' },
      ),
      { type: 'image', image_url: 'https://x/b.png', alt_text: 'diagram', title: plain('Diagram') },
      { type: 'rich_text', elements: [] },
      { type: 'markdown', text: '**bold**' },
      input(textInput('note')),
    );
    expect(blockKitProblems('message', payload)).toEqual([]);
  });

  it('accepts a modal with every input type and a Home tab', () => {
    const inputs = [
      textInput('name', { max_length: 80, min_length: 2, initial_value: 'Refunds', multiline: true }),
      staticSelect({
        action_id: 'kind',
        option_groups: [{ label: plain('Group'), options: options(2) }],
        options: undefined,
      }),
      { type: 'multi_static_select', action_id: 'tags', options: options(4), max_selected_items: 2 },
      { type: 'users_select', action_id: 'owner' },
      {
        type: 'checkboxes',
        action_id: 'flags',
        options: [{ text: mrkdwn('*Yes*'), value: 'yes', description: mrkdwn('_sure_') }],
      },
      { type: 'radio_buttons', action_id: 'level', options: options(3) },
      { type: 'url_text_input', action_id: 'link' },
      { type: 'number_input', action_id: 'count', is_decimal_allowed: false },
      { type: 'email_text_input', action_id: 'mail' },
      { type: 'timepicker', action_id: 'at', initial_time: '09:30' },
    ];
    const view = modal(
      inputs.map((element, i) => input(element, { block_id: `b${i}`, optional: i > 0 })),
      {
        close: plain('Cancel'),
        callback_id: 'tm_modal',
        private_metadata: '{"modelId":"TM-1"}',
        notify_on_close: true,
      },
    );
    expect(blockKitProblems('modal', view)).toEqual([]);
    expect(blockKitProblems('home', { type: 'home', blocks: [section('Welcome')] })).toEqual([]);
  });

  it('counts the text inside blocks', () => {
    expect(blockTextLength([section('abc'), { type: 'context', elements: [mrkdwn('de')] }])).toBe(5);
  });

  it('maps problems to the error code Slack answers', () => {
    expect(slackErrorFor('message', blockKitProblems('message', message(section(x(3001)))))).toBe('invalid_blocks');
    expect(slackErrorFor('message', blockKitProblems('message', message(...many(5, section(x(2700))))))).toBe(
      'msg_blocks_too_long',
    );
    expect(slackErrorFor('message', blockKitProblems('message', { text: x(40_001) }))).toBe('msg_too_long');
    expect(slackErrorFor('modal', blockKitProblems('modal', modal([], { title: undefined })))).toBe(
      'invalid_arguments',
    );
    expect(slackErrorFor('modal', blockKitProblems('modal', modal(many(100, section(x(2600))))))).toBe(
      'view_too_large',
    );
  });
});
