import { runFromCommandLine } from './app/start';

/** `npm start`: serves Slack (and runs the job workers unless RUN_WORKERS=false). See src/app/start.ts. */
runFromCommandLine('web');
