import type { z } from 'zod';

/** What a person is told when a payload fails its schema, by the surface it came from. */
export const UNREADABLE = {
  action: 'I could not read that button (it may be from an older version of Threadmodel). Nothing was changed.',
  view: 'I could not read this form (it may be from an older version of Threadmodel). Close it and start again.',
  command: 'I could not read that command. Nothing was changed; try `/threatmodel help`.',
  shortcut: 'I could not read that shortcut (it may be from an older version of Threadmodel). Nothing was changed.',
  event: '',
} as const;

/** What a person is told when the payload names no action, form, command or shortcut of this version. */
export const RETIRED = {
  action:
    'That button is from an older message and no longer does anything. Use the buttons on the model’s latest card.',
  view: 'This form is from an older version of Threadmodel and can no longer be sent. Nothing was saved: close it and start again from the model’s card.',
  command: 'Threadmodel answers `/threatmodel` only. Try `/threatmodel help`.',
  shortcut: 'That shortcut is from an older version of Threadmodel and no longer does anything.',
  event: '',
} as const;

export type Surface = keyof typeof UNREADABLE;

export const FOREIGN_WORKSPACE = {
  action: 'This button belongs to another Slack workspace. Nothing was changed.',
  view: 'This form belongs to another Slack workspace. Nothing was saved.',
  command: 'This command came from another Slack workspace. Nothing was changed.',
  shortcut: 'This shortcut came from another Slack workspace. Nothing was changed.',
  event: '',
} as const;

/** Marks an issue whose message is meant for the person, as it is (the others get UNREADABLE). */
const TOLD = { told: true } as const;

/**
 * A rule whose failure the person is told in so many words, e.g. "at most 20 people per role":
 * use with `.superRefine(told(...))`. A value failing any other rule is simply unreadable.
 */
export function told<T>(isFine: (value: T) => boolean, message: (value: T) => string) {
  return (value: T, ctx: z.RefinementCtx<T>) => {
    if (!isFine(value)) ctx.addIssue({ code: 'custom', message: message(value), params: TOLD });
  };
}

/** The message for a failed parse: the first told rule's, else the surface's "could not read". */
export function refusalOf(error: z.ZodError, surface: Surface): string {
  const precise = error.issues.find((issue) => issue.code === 'custom' && issue.params?.told === true);
  return precise?.message ?? UNREADABLE[surface];
}

/** Where a parse failed, for the log: paths and codes only, never the values sent. */
export function issueSummary(error: z.ZodError): string[] {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.map(String).join('.').slice(0, 120) || '(root)'}: ${issue.code}`);
}
