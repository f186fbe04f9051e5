/** One payload per kind of Block Kit violation the stand-in must refuse, with the problem it reports. */
import type { Surface } from '../../../dev/stand-in/block-kit-rules';
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

export type Case = [name: string, surface: Surface, payload: unknown, problem: string];

export const CASES: Case[] = [
  // counts of blocks
  ['51 blocks in a message', 'message', message(...many(51, { type: 'divider' })), 'blocks: 51 items, more than 50'],
  ['101 blocks in a modal', 'modal', modal(many(101, { type: 'divider' })), 'blocks: 101 items, more than 100'],
  [
    '101 blocks in a Home tab',
    'home',
    { type: 'home', blocks: many(101, { type: 'divider' }) },
    'blocks: 101 items, more than 100',
  ],
  ['an unknown block type', 'message', message({ type: 'table' }), 'blocks[0].type: unknown block type "table"'],
  // section
  [
    'section text of 3001',
    'message',
    message(section(x(3001))),
    'blocks[0].text.text: 3001 characters, more than 3000',
  ],
  ['empty section text', 'message', message(section('')), 'blocks[0].text.text: must be a non-empty string'],
  [
    '11 section fields',
    'message',
    message({ type: 'section', fields: many(11, mrkdwn('f')) }),
    'blocks[0].fields: 11 items, more than 10',
  ],
  [
    'a field of 2001',
    'message',
    message({ type: 'section', fields: [mrkdwn(x(2001))] }),
    'blocks[0].fields[0].text: 2001 characters, more than 2000',
  ],
  [
    'a section without text or fields',
    'message',
    message({ type: 'section' }),
    'blocks[0]: section needs text or fields',
  ],
  // header, context, actions
  [
    'header of 151',
    'message',
    message({ type: 'header', text: plain(x(151)) }),
    'blocks[0].text.text: 151 characters, more than 150',
  ],
  [
    'mrkdwn header',
    'message',
    message({ type: 'header', text: mrkdwn('h') }),
    'blocks[0].text.type: must be plain_text, got "mrkdwn"',
  ],
  [
    '11 context elements',
    'message',
    message({ type: 'context', elements: many(11, mrkdwn('c')) }),
    'blocks[0].elements: 11 items, more than 10',
  ],
  [
    '26 actions elements',
    'message',
    message(actions(...Array.from({ length: 26 }, (_, i) => button(`b${i}`)))),
    'blocks[0].elements: 26 items, more than 25',
  ],
  ['an empty actions block', 'message', message(actions()), 'blocks[0].elements: 0 items, fewer than 1'],
  // buttons
  [
    'button text of 76',
    'message',
    message(actions(button('b', { text: plain(x(76)) }))),
    'blocks[0].elements[0].text.text: 76 characters, more than 75',
  ],
  [
    'mrkdwn button text',
    'message',
    message(actions(button('b', { text: mrkdwn('Go') }))),
    'blocks[0].elements[0].text.type: must be plain_text',
  ],
  [
    'button value of 2001',
    'message',
    message(actions(button('b', { value: x(2001) }))),
    'blocks[0].elements[0].value: 2001 characters, more than 2000',
  ],
  [
    'button url of 3001',
    'message',
    message(actions(button('b', { url: x(3001) }))),
    'blocks[0].elements[0].url: 3001 characters, more than 3000',
  ],
  [
    'button style secondary',
    'message',
    message(actions(button('b', { style: 'secondary' }))),
    'blocks[0].elements[0].style: must be one of primary, danger',
  ],
  // ids
  [
    'action_id of 256',
    'message',
    message(actions(button(x(256)))),
    'blocks[0].elements[0].action_id: 256 characters, more than 255',
  ],
  [
    'block_id of 256',
    'message',
    message(section('s', { block_id: x(256) })),
    'blocks[0].block_id: 256 characters, more than 255',
  ],
  [
    'a duplicate block_id',
    'message',
    message(section('a', { block_id: 'same' }), section('b', { block_id: 'same' })),
    'blocks[1].block_id: duplicate block_id "same" (also at blocks[0])',
  ],
  [
    'a duplicate action_id in a block',
    'message',
    message(actions(button('b'), button('b'))),
    'blocks[0].elements[1].action_id: duplicate action_id "b"',
  ],
  // options and selects
  [
    'option text of 76',
    'message',
    message(actions(staticSelect({ options: [option('v', x(76))] }))),
    'blocks[0].elements[0].options[0].text.text: 76 characters, more than 75',
  ],
  [
    'option description of 76',
    'message',
    message(actions(staticSelect({ options: [{ ...option('v'), description: plain(x(76)) }] }))),
    'options[0].description.text: 76 characters, more than 75',
  ],
  [
    'option value of 151',
    'message',
    message(actions(staticSelect({ options: [option(x(151))] }))),
    'options[0].value: 151 characters, more than 150',
  ],
  [
    '101 select options',
    'message',
    message(actions(staticSelect({ options: options(101) }))),
    'blocks[0].elements[0].options: 101 items, more than 100',
  ],
  [
    'no select options',
    'message',
    message(actions(staticSelect({ options: [] }))),
    'blocks[0].elements[0].options: 0 items, fewer than 1',
  ],
  [
    '101 option groups',
    'message',
    message(
      actions(
        staticSelect({ options: undefined, option_groups: many(101, { label: plain('g'), options: options(1) }) }),
      ),
    ),
    'option_groups: 101 items, more than 100',
  ],
  [
    'a group of 101 options',
    'message',
    message(
      actions(staticSelect({ options: undefined, option_groups: [{ label: plain('g'), options: options(101) }] })),
    ),
    'option_groups[0].options: 101 items, more than 100',
  ],
  [
    'a group label of 76',
    'message',
    message(
      actions(staticSelect({ options: undefined, option_groups: [{ label: plain(x(76)), options: options(1) }] })),
    ),
    'option_groups[0].label.text: 76 characters',
  ],
  [
    'options and option_groups',
    'message',
    message(actions(staticSelect({ option_groups: [{ label: plain('g'), options: options(1) }] }))),
    'has both options and option_groups',
  ],
  [
    'an initial option that is not an option',
    'message',
    message(actions(staticSelect({ initial_option: option('nope') }))),
    'initial_option: value "nope" is not one of the options',
  ],
  [
    'an overflow with 1 option',
    'message',
    message(actions({ type: 'overflow', action_id: 'o', options: options(1) })),
    'blocks[0].elements[0].options: 1 items, fewer than 2',
  ],
  [
    'an overflow with 6 options',
    'message',
    message(actions({ type: 'overflow', action_id: 'o', options: options(6) })),
    'blocks[0].elements[0].options: 6 items, more than 5',
  ],
  [
    '11 checkboxes',
    'modal',
    modal([input({ type: 'checkboxes', action_id: 'c', options: options(11) })]),
    'blocks[0].element.options: 11 items, more than 10',
  ],
  [
    '11 radio buttons',
    'modal',
    modal([input({ type: 'radio_buttons', action_id: 'r', options: options(11) })]),
    'blocks[0].element.options: 11 items, more than 10',
  ],
  [
    'placeholder of 151',
    'message',
    message(actions(staticSelect({ placeholder: plain(x(151)) }))),
    'blocks[0].elements[0].placeholder.text: 151 characters, more than 150',
  ],
  // plain_text_input
  [
    'max_length of 3001',
    'modal',
    modal([input(textInput('t', { max_length: 3001 }))]),
    'blocks[0].element.max_length: must be 1..3000',
  ],
  [
    'max_length of 0',
    'modal',
    modal([input(textInput('t', { max_length: 0 }))]),
    'blocks[0].element.max_length: must be 1..3000',
  ],
  [
    'initial_value over max_length',
    'modal',
    modal([input(textInput('t', { max_length: 5, initial_value: x(6) }))]),
    'blocks[0].element.initial_value: 6 characters, more than 5',
  ],
  // input blocks
  [
    'input label of 2001',
    'modal',
    modal([input(textInput('t'), { label: plain(x(2001)) })]),
    'blocks[0].label.text: 2001 characters, more than 2000',
  ],
  [
    'input hint of 2001',
    'modal',
    modal([input(textInput('t'), { hint: plain(x(2001)) })]),
    'blocks[0].hint.text: 2001 characters, more than 2000',
  ],
  ['an input without label', 'modal', modal([{ type: 'input', element: textInput('t') }]), 'blocks[0].label: required'],
  [
    'an input with two elements',
    'modal',
    modal([input([textInput('a'), textInput('b')])]),
    'blocks[0].element: must be exactly one element, not an array',
  ],
  ['an input without element', 'modal', modal([{ type: 'input', label: plain('L') }]), 'blocks[0].element: required'],
  [
    'a button in an input',
    'modal',
    modal([input(button('b'))]),
    'blocks[0].element.type: button is not allowed in an input block',
  ],
  [
    'optional that is not a boolean',
    'modal',
    modal([input(textInput('t'), { optional: 'yes' })]),
    'blocks[0].optional: must be a boolean',
  ],
  // unknown / misplaced elements
  [
    'an unknown element in actions',
    'message',
    message(actions({ type: 'fancy_select', action_id: 'f' })),
    'blocks[0].elements[0].type: unknown element type "fancy_select"',
  ],
  [
    'an unknown element in an input',
    'modal',
    modal([input({ type: 'fancy_input', action_id: 'f' })]),
    'blocks[0].element.type: unknown element type "fancy_input"',
  ],
  [
    'an unknown accessory',
    'message',
    message(section('s', { accessory: { type: 'gizmo' } })),
    'blocks[0].accessory.type: unknown element type "gizmo"',
  ],
  [
    'a text input in actions',
    'message',
    message(actions(textInput('t'))),
    'plain_text_input is not allowed in an actions block',
  ],
  // text objects
  [
    'a text type "markdown"',
    'message',
    message({ type: 'section', text: { type: 'markdown', text: 'a' } }),
    'blocks[0].text.type: must be plain_text or mrkdwn, got "markdown"',
  ],
  [
    'a text that is a number',
    'message',
    message({ type: 'section', text: { type: 'mrkdwn', text: 5 } }),
    'blocks[0].text.text: must be a string, got number',
  ],
  // confirm dialogs
  [
    'confirm title of 101',
    'message',
    message(actions(button('b', { confirm: confirm({ title: plain(x(101)) }) }))),
    'confirm.title.text: 101 characters, more than 100',
  ],
  [
    'confirm text of 301',
    'message',
    message(actions(button('b', { confirm: confirm({ text: mrkdwn(x(301)) }) }))),
    'confirm.text.text: 301 characters, more than 300',
  ],
  [
    'confirm button of 31',
    'message',
    message(actions(button('b', { confirm: confirm({ confirm: plain(x(31)) }) }))),
    'confirm.confirm.text: 31 characters, more than 30',
  ],
  [
    'deny button of 31',
    'message',
    message(actions(button('b', { confirm: confirm({ deny: plain(x(31)) }) }))),
    'confirm.deny.text: 31 characters, more than 30',
  ],
  // images
  ['an image without image_url', 'message', message({ type: 'image', alt_text: 'a' }), 'blocks[0].image_url: required'],
  [
    'an image without alt_text',
    'message',
    message({ type: 'image', image_url: 'https://x/y.png' }),
    'blocks[0].alt_text: required',
  ],
  [
    'alt_text of 2001',
    'message',
    message({ type: 'image', image_url: 'https://x/y.png', alt_text: x(2001) }),
    'blocks[0].alt_text: 2001 characters, more than 2000',
  ],
  // views
  ['a home view sent as a modal', 'modal', { ...modal([]), type: 'home' }, 'type: must be "modal", got "home"'],
  ['modal title of 25', 'modal', modal([], { title: plain(x(25)) }), 'title.text: 25 characters, more than 24'],
  ['a modal without title', 'modal', modal([], { title: undefined }), 'title: required'],
  ['submit of 25', 'modal', modal([], { submit: plain(x(25)) }), 'submit.text: 25 characters, more than 24'],
  ['close of 25', 'modal', modal([], { close: plain(x(25)) }), 'close.text: 25 characters, more than 24'],
  [
    'inputs without submit',
    'modal',
    modal([input(textInput('t'))], { submit: undefined }),
    'submit: required when the view has input blocks',
  ],
  [
    'private_metadata of 3001',
    'modal',
    modal([], { private_metadata: x(3001) }),
    'private_metadata: 3001 characters, more than 3000',
  ],
  ['callback_id of 256', 'modal', modal([], { callback_id: x(256) }), 'callback_id: 256 characters, more than 255'],
  [
    'external_id of 256',
    'home',
    { type: 'home', blocks: [], external_id: x(256) },
    'external_id: 256 characters, more than 255',
  ],
  [
    'a view over 250 kB',
    'modal',
    modal(many(100, section(x(2600)))),
    'bytes of JSON, more than 250000 (view_too_large)',
  ],
  // messages
  ['message text of 40001', 'message', { text: x(40_001) }, 'text: 40001 characters, more than 40000'],
  ['no text and no blocks', 'message', {}, 'text: required'],
  [
    'over 13000 characters of text in blocks',
    'message',
    message(...many(5, section(x(2700)))),
    'blocks: 13500 characters of text in blocks, more than 13000 (msg_blocks_too_long)',
  ],
];
