/** Small builders for Block Kit payloads used by the stand-in's own tests. */

export const plain = (text: string) => ({ type: 'plain_text', text });
export const mrkdwn = (text: string) => ({ type: 'mrkdwn', text });
export const x = (length: number) => 'x'.repeat(length);

export const section = (text: string, extra: object = {}) => ({ type: 'section', text: mrkdwn(text), ...extra });
export const button = (actionId: string, extra: object = {}) => ({
  type: 'button',
  action_id: actionId,
  text: plain('Go'),
  ...extra,
});
export const actions = (...elements: object[]) => ({ type: 'actions', elements });
export const option = (value: string, text = value) => ({ text: plain(text), value });
export const options = (count: number) => Array.from({ length: count }, (_, i) => option(`v${i}`));
export const staticSelect = (extra: object = {}) => ({
  type: 'static_select',
  action_id: 'pick',
  options: options(3),
  ...extra,
});
export const input = (element: object, extra: object = {}) => ({
  type: 'input',
  label: plain('Label'),
  element,
  ...extra,
});
export const textInput = (actionId: string, extra: object = {}) => ({
  type: 'plain_text_input',
  action_id: actionId,
  ...extra,
});
export const confirm = (extra: object = {}) => ({
  title: plain('Sure?'),
  text: mrkdwn('Really'),
  confirm: plain('Yes'),
  deny: plain('No'),
  ...extra,
});

export const message = (...blocks: object[]) => ({ text: 'fallback', blocks });
export const modal = (blocks: object[], extra: object = {}) => ({
  type: 'modal',
  title: plain('Title'),
  submit: plain('Save'),
  blocks,
  ...extra,
});
export const many = (count: number, block: object) => Array.from({ length: count }, () => block);
