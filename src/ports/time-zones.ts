/** Users' time zones as Slack knows them; undefined when unknown (the caller falls back to UTC). */
export interface TimeZones {
  of(userId: string): Promise<string | undefined>;
}
