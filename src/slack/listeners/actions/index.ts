import type {
  App,
  BlockAction,
  ButtonAction,
  MultiUsersSelectAction,
  OverflowAction,
  UsersSelectAction,
} from '@slack/bolt';
import type { SlackServices } from '../../deps';
import { ACTIONS } from '../../ids';
import { baselineAdd } from './baseline-add';
import { finishStep } from './finish-step';
import { mitigationAdd } from './mitigation-add';
import { mitigationMenu } from './mitigation-menu';
import { nextPrompts } from './next-prompts';
import { reviewApprove } from './review-approve';
import { reviewClaim } from './review-claim';
import { reviewReassign } from './review-reassign';
import { reviewRequestAction } from './review-request';
import { reviewRequestChanges } from './review-request-changes';
import { riskAccept } from './risk-accept';
import { riskDecline } from './risk-decline';
import { riskReview } from './risk-review';
import { rolesSelect } from './roles-select';
import { scopeAdd } from './scope-add';
import { scopeElementMenu } from './scope-element-menu';
import { showCoverage } from './show-coverage';
import { showUnaddressed } from './show-unaddressed';
import { snoozeReminder } from './snooze-reminder';
import { suggestThreatsAction } from './suggest-threats';
import { suggestionsPage } from './suggestions-page';
import { summaryPage } from './summary-page';
import { threatAdd } from './threat-add';
import { threatMenu } from './threat-menu';

/** Every block action (buttons, menus, pickers), bound to its action id. */
export function registerActions(app: App, services: SlackServices): void {
  app.action<BlockAction<MultiUsersSelectAction>>(ACTIONS.roleSelectPattern, rolesSelect(services));
  app.action<BlockAction<ButtonAction>>(ACTIONS.scopeAddPattern, scopeAdd(services));
  app.action<BlockAction<OverflowAction>>(ACTIONS.scopeElementMenu, scopeElementMenu(services));
  app.action<BlockAction<ButtonAction>>(ACTIONS.scopePagePattern, summaryPage(services, 'scopePage'));
  app.action<BlockAction<ButtonAction>>(ACTIONS.finishStep, finishStep(services));

  app.action<BlockAction<ButtonAction>>(ACTIONS.threatAdd, threatAdd(services));
  app.action<BlockAction<OverflowAction>>(ACTIONS.threatMenu, threatMenu(services));
  app.action<BlockAction<ButtonAction>>(ACTIONS.suggestThreats, suggestThreatsAction(services));
  app.action<BlockAction<ButtonAction>>(ACTIONS.coverage, showCoverage(services));
  app.action<BlockAction<ButtonAction>>(ACTIONS.nextPrompts, nextPrompts(services));
  app.action<BlockAction<ButtonAction>>(ACTIONS.mitigationAdd, mitigationAdd(services));
  app.action<BlockAction<ButtonAction>>(ACTIONS.riskReview, riskReview(services));
  app.action<BlockAction<ButtonAction>>(ACTIONS.riskAccept, riskAccept(services));
  app.action<BlockAction<ButtonAction>>(ACTIONS.riskDecline, riskDecline(services));
  app.action<BlockAction<ButtonAction>>(ACTIONS.unaddressed, showUnaddressed(services));
  app.action<BlockAction<ButtonAction>>(ACTIONS.baselineAdd, baselineAdd(services));
  app.action<BlockAction<OverflowAction>>(ACTIONS.mitigationMenu, mitigationMenu(services));
  app.action<BlockAction<ButtonAction>>(ACTIONS.mitigationPagePattern, summaryPage(services, 'mitigationPage'));
  app.action<BlockAction<ButtonAction>>(ACTIONS.suggestionsPagePattern, suggestionsPage(services));
  // Ticks live in the view state; should a client ever send one on its own, it is simply acknowledged.
  app.action(ACTIONS.suggestionTicksPattern, async ({ ack }) => ack());
  app.action<BlockAction<ButtonAction>>(ACTIONS.threatPagePattern, summaryPage(services, 'threatPage'));

  app.action<BlockAction<ButtonAction>>(ACTIONS.reviewRequest, reviewRequestAction(services));
  app.action<BlockAction<ButtonAction>>(ACTIONS.reviewApprove, reviewApprove(services));
  app.action<BlockAction<ButtonAction>>(ACTIONS.reviewRequestChanges, reviewRequestChanges(services));
  app.action<BlockAction<ButtonAction>>(ACTIONS.reviewClaim, reviewClaim(services));
  app.action<BlockAction<UsersSelectAction>>(ACTIONS.reviewReassign, reviewReassign(services));
  app.action<BlockAction<ButtonAction>>(ACTIONS.snoozePattern, snoozeReminder(services));
}
