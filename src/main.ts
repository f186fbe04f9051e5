import { runFromCommandLine } from './app/start';

export { runFromCommandLine };

/** `node dist/main.js` (`npm start` with Slack credentials): serves Slack, and runs the job workers unless RUN_WORKERS=false. */
if (require.main === module) runFromCommandLine('web');
