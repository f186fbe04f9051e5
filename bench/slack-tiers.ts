/**
 * Slack's published rate-limit floors, as the stand-in enforces them for `npm run bench:slack`
 * (see /work/shared/reference, section B, and docs.slack.dev/apis/web-api/rate-limits). Limits
 * apply per method per workspace per app; the stand-in serves one workspace to one app, so its
 * per-method window is that workspace's. Each tier is a 60-second sliding window at the tier's
 * floor (Slack tolerates short bursts above it; the floor is what an app can count on). A refused
 * call gets 429 with Retry-After: the whole seconds until a slot frees.
 *
 * auth.test is "Special" at Slack (hundreds a minute); it is held to Tier 4 here, as the issue
 * measured it. chat.getPermalink (Special, no published number) is left unlimited.
 */
import type { RateLimits, RateWindow } from '../dev/stand-in/rate-limits';

const perMinute = (max: number): RateWindow => ({ max, windowMs: 60_000 });

const TIER_2 = { perMethod: perMinute(20) };
const TIER_3 = { perMethod: perMinute(50) };
const TIER_4 = { perMethod: perMinute(100) };

const BY_TIER: [typeof TIER_2, string[]][] = [
  [TIER_2, ['users.list', 'usergroups.list', 'usergroups.users.list']],
  [
    TIER_3,
    [
      'chat.update',
      'chat.delete',
      'conversations.info',
      'conversations.history',
      'conversations.replies',
      'conversations.open',
      'conversations.join',
      'team.info',
      'reactions.add',
    ],
  ],
  [
    TIER_4,
    [
      'auth.test',
      'views.open',
      'views.update',
      'views.push',
      'views.publish',
      'chat.postEphemeral',
      'users.info',
      'conversations.members',
      'files.getUploadURLExternal',
      'files.completeUploadExternal',
    ],
  ],
];

export const SLACK_TIER_LIMITS: RateLimits = {
  ...Object.fromEntries(BY_TIER.flatMap(([limit, methods]) => methods.map((method) => [method, limit]))),
  /** About one message per second per channel (a DM counts as its user). */
  'chat.postMessage': { perChannel: { max: 1, windowMs: 1000 } },
};
