/**
 * The Slack stand-in in a process of its own, for benchmarks: Slack is another machine, so its
 * work (storing messages, checking Block Kit) must not eat the measured app's CPU. Prints its API
 * URL on the first line of stdout and runs until stdin closes.
 */
import { startSlackStandIn } from '../test/support/slack/stand-in-server';

async function main(): Promise<void> {
  const standIn = await startSlackStandIn();
  process.stdout.write(`${standIn.apiUrl}\n`);
  process.stdin.resume();
  process.stdin.on('end', () => {
    void standIn.close().then(() => process.exit(0));
  });
}

void main();
