/**
 * The limits set on Slack inputs, drawn from the model's own (src/domain/limits.ts) so that Slack
 * refuses an over-long text or too many choices in the person's client, before anything is sent.
 * Slack caps a plain_text_input's max_length at 3000 (Block Kit reference); where the model allows
 * more, the input holds what Slack can.
 */
export const SLACK_TEXT_INPUT_MAX = 3000;

/** The max_length of an input for a text of at most `max` characters. */
export function textInputMax(max: number): number {
  return Math.min(max, SLACK_TEXT_INPUT_MAX);
}

/** The max_length of a multiline input holding a list, one item per line: the items and the breaks between them. */
export function linesInputMax(items: number, itemMax: number): number {
  return textInputMax(items * itemMax + items - 1);
}
