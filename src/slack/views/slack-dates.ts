import { formatDistanceStrict } from 'date-fns';

/**
 * A date Slack shows in each reader's own time zone (`<!date^…>`), with a UTC fallback for
 * clients that cannot format it.
 */
export function slackDate(instant: string | Date, format = '{date_short_pretty} {time}'): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  const fallback = `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return `<!date^${Math.floor(date.getTime() / 1000)}^${format}|${fallback}>`;
}

/** "3 days", "5 hours": how long ago, for ages of reviews. */
export function age(since: string | Date, now: Date): string {
  return formatDistanceStrict(typeof since === 'string' ? new Date(since) : since, now);
}
