/**
 * A person's browser going through an OAuth install against the stand-in: the app's install page,
 * Slack's (the stand-in's) authorize page, the redirect back to the app with the state cookie.
 * The tests install with it, and so does the playground for its first workspace at start-up.
 */
import type { Installer } from './oauth';
import type { SlackStandIn } from './stand-in-server';

/** The browser's side of an install: the state cookie the install page set, and the page's "Add to Slack" link. */
export interface StartedInstall {
  cookie: string;
  authorizeUrl: string;
}

/** GET /slack/install, as a browser: the state cookie and the link to Slack's authorize page. */
export async function startInstall(appPort: number): Promise<StartedInstall> {
  const page = await fetch(`http://127.0.0.1:${appPort}/slack/install`, { redirect: 'manual' });
  const html = await page.text();
  if (page.status !== 200) throw new Error(`install page answered ${page.status}: ${html}`);
  const [, href = ''] = /<a href="([^"]+)"/.exec(html) ?? [];
  const setCookie = page.headers.get('set-cookie') ?? '';
  const [cookie = ''] = setCookie.split(';');
  return { cookie, authorizeUrl: href.replaceAll('&amp;', '&') };
}

/** The installer approves on Slack's authorize page (the stand-in's): where Slack redirects them, with code and state. */
export async function approveOnSlack(authorizeUrl: string): Promise<string> {
  const answer = await fetch(authorizeUrl, { redirect: 'manual' });
  const location = answer.headers.get('location');
  if (answer.status !== 302 || !location)
    throw new Error(`authorize answered ${answer.status}: ${await answer.text()}`);
  return location;
}

/** The browser follows the redirect to the app, with its state cookie (or another one, or none). */
export async function finishInstall(
  redirectUrl: string,
  cookie: string | undefined,
): Promise<{ status: number; body: string }> {
  const answer = await fetch(redirectUrl, { redirect: 'manual', headers: cookie ? { cookie } : {} });
  return { status: answer.status, body: await answer.text() };
}

/** A whole install through the browser: install page, Slack's approval as `installer`, redirect back to the app. */
export async function installThroughBrowser(
  appPort: number,
  standIn: SlackStandIn,
  installer?: Installer,
): Promise<{ status: number; body: string; redirectUrl: string; cookie: string }> {
  if (installer) standIn.oauth.approveInstallsAs(installer);
  const started = await startInstall(appPort);
  const redirectUrl = await approveOnSlack(started.authorizeUrl);
  const finished = await finishInstall(redirectUrl, started.cookie);
  return { ...finished, redirectUrl, cookie: started.cookie };
}
