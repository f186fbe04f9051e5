import type { KnownBlock } from '@slack/types';
import type { SettingsOverview } from '../../use-cases/workspace-settings';
import { ACTIONS } from '../ids';
import { button, context, section } from './text';

const plural = (count: number, one: string) => `${count} ${one}${count === 1 ? '' : 's'}`;

/**
 * The Settings section of an admin's Home tab: what is in force in the workspace, and the button
 * to the form. No repository address or token is shown (the deployment's address may carry
 * credentials); ids are Slack's, checked by the settings schema.
 */
export function settingsBlocks({ inForce, ownRepository }: SettingsOverview): KnownBlock[] {
  const { appsec, review } = inForce;
  const channel = appsec.channelId ? `<#${appsec.channelId}>` : 'not set, so reviews cannot be requested';
  const who = appsec.usergroupId ? `the user group \`${appsec.usergroupId}\`` : 'the AppSec channel’s members';
  const holidays = review.holidays.length > 0 ? `, ${plural(review.holidays.length, 'holiday')} skipped` : '';
  const exports = inForce.exports.configured
    ? `to ${ownRepository ? 'this workspace’s repository' : 'the deployment’s repository'}${inForce.exports.pullRequests ? ', with GitHub pull requests' : ''}`
    : 'not set up';
  return [
    section('*Settings* (only admins see this)', button('Edit settings', ACTIONS.editSettings, 'workspace-settings')),
    context(
      `AppSec channel: ${channel}. AppSec is ${who}.`,
      `Reviews are due ${plural(review.slaWorkingDays, 'working day')} after the request${holidays}.`,
      `Exports: ${exports}.`,
    ),
  ];
}
