import { runFromCommandLine } from './app/start';

/**
 * `npm run worker`: the review and reminder workers only, no Slack HTTP server. Run as many as the
 * load needs beside web processes started with RUN_WORKERS=false, all on the same Redis.
 */
if (require.main === module) runFromCommandLine('worker');
