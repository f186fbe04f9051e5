/**
 * The bare Bolt floor (bare-bolt.ts) in a process of its own, for `npm run bench:scale`: started
 * with BARE_API_URL, BARE_BOT_TOKEN and BARE_SIGNING_SECRET, it prints its /slack/events URL on
 * stdout and runs until SIGTERM.
 */
import { startBareBolt } from './bare-bolt';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

async function main(): Promise<void> {
  const bare = await startBareBolt({
    apiUrl: required('BARE_API_URL'),
    token: required('BARE_BOT_TOKEN'),
    signingSecret: required('BARE_SIGNING_SECRET'),
  });
  process.stdout.write(`${bare.url}\n`);
  process.once('SIGTERM', () => {
    void bare.stop().then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`bare Bolt: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
