import type { BlockAction, ButtonAction, MultiUsersSelectAction, OverflowAction, UsersSelectAction } from '@slack/bolt';
import { ROLES } from '../../../domain/roles';
import { SCOPE_KINDS } from '../../../domain/scope-edits';
import type { SlackServices } from '../../deps';
import {
  BaselineAddPayload,
  EditSettingsPayload,
  ElementMenuPayload,
  FinishStepPayload,
  HistoryPagePayload,
  modelButton,
  NextPromptsPayload,
  ProposePayload,
  ReassignPayload,
  RiskDecisionPayload,
  RolePickerPayload,
  ScopeAddPayload,
  SnoozePayload,
  SuggestionsPagePayload,
  SuggestionTicksPayload,
  SummaryPagePayload,
} from '../../edge/action-schemas';
import type { EdgeRoutes } from '../../edge/edge-routes';
import { ACTIONS } from '../../ids';
import { baselineAdd } from './baseline-add';
import { editSettings } from './edit-settings';
import { finishStep } from './finish-step';
import { mitigationAdd } from './mitigation-add';
import { mitigationMenu } from './mitigation-menu';
import { nextPrompts } from './next-prompts';
import { proposeButton } from './propose-for-catalog';
import { reviewApprove } from './review-approve';
import { reviewClaim } from './review-claim';
import { reviewReassign } from './review-reassign';
import { reviewRequestAction } from './review-request';
import { reviewRequestChanges } from './review-request-changes';
import { reviseModelAction } from './revise-model';
import { riskAccept } from './risk-accept';
import { riskDecline } from './risk-decline';
import { riskReview } from './risk-review';
import { rolesSelect } from './roles-select';
import { scopeAdd } from './scope-add';
import { scopeElementMenu } from './scope-element-menu';
import { showCoverage } from './show-coverage';
import { historyPage, showHistory } from './show-history';
import { showUnaddressed } from './show-unaddressed';
import { showVersionChanges } from './show-version-changes';
import { snoozeReminder } from './snooze-reminder';
import { suggestThreatsAction } from './suggest-threats';
import { suggestionsPage } from './suggestions-page';
import { summaryPage } from './summary-page';
import { threatAdd } from './threat-add';
import { threatMenu } from './threat-menu';

/** Every block action (buttons, menus, pickers), bound to its action id with the schema of what its listener reads. */
export function registerActions(routes: EdgeRoutes, services: SlackServices): void {
  const roles = { pattern: ACTIONS.roleSelectPattern, ids: ROLES.map(ACTIONS.roleSelect) };
  routes.action<BlockAction<MultiUsersSelectAction>>(roles, RolePickerPayload, rolesSelect(services));
  const scopeAdds = { pattern: ACTIONS.scopeAddPattern, ids: SCOPE_KINDS.map(ACTIONS.scopeAdd) };
  routes.action<BlockAction<ButtonAction>>(scopeAdds, ScopeAddPayload, scopeAdd(services));
  routes.action<BlockAction<OverflowAction>>(ACTIONS.scopeElementMenu, ElementMenuPayload, scopeElementMenu(services));
  const scopePages = { pattern: ACTIONS.scopePagePattern, ids: [ACTIONS.scopePrevious, ACTIONS.scopeNext] };
  routes.action<BlockAction<ButtonAction>>(scopePages, SummaryPagePayload, summaryPage(services, 'scopePage'));
  routes.action<BlockAction<ButtonAction>>(ACTIONS.finishStep, FinishStepPayload, finishStep(services));

  routes.action<BlockAction<ButtonAction>>(ACTIONS.threatAdd, modelButton(), threatAdd(services));
  routes.action<BlockAction<OverflowAction>>(ACTIONS.threatMenu, ElementMenuPayload, threatMenu(services));
  routes.action<BlockAction<ButtonAction>>(ACTIONS.suggestThreats, modelButton(), suggestThreatsAction(services));
  routes.action<BlockAction<ButtonAction>>(
    ACTIONS.browseOwaspTop10,
    modelButton(),
    suggestThreatsAction(services, 'owaspTop10'),
  );
  routes.action<BlockAction<ButtonAction>>(ACTIONS.coverage, modelButton(), showCoverage(services));
  routes.action<BlockAction<ButtonAction>>(ACTIONS.nextPrompts, NextPromptsPayload, nextPrompts(services));
  routes.action<BlockAction<ButtonAction>>(ACTIONS.mitigationAdd, modelButton(), mitigationAdd(services));
  routes.action<BlockAction<ButtonAction>>(ACTIONS.riskReview, modelButton(), riskReview(services));
  routes.action<BlockAction<ButtonAction>>(ACTIONS.riskAccept, RiskDecisionPayload, riskAccept(services));
  routes.action<BlockAction<ButtonAction>>(ACTIONS.riskDecline, RiskDecisionPayload, riskDecline(services));
  routes.action<BlockAction<ButtonAction>>(ACTIONS.unaddressed, modelButton(), showUnaddressed(services));
  routes.action<BlockAction<ButtonAction>>(ACTIONS.baselineAdd, BaselineAddPayload, baselineAdd(services));
  routes.action<BlockAction<OverflowAction>>(ACTIONS.mitigationMenu, ElementMenuPayload, mitigationMenu(services));
  routes.action<BlockAction<ButtonAction>>(ACTIONS.proposeForCatalog, ProposePayload, proposeButton(services));
  const mitigationPages = {
    pattern: ACTIONS.mitigationPagePattern,
    ids: [ACTIONS.mitigationPrevious, ACTIONS.mitigationNext],
  };
  routes.action<BlockAction<ButtonAction>>(
    mitigationPages,
    SummaryPagePayload,
    summaryPage(services, 'mitigationPage'),
  );
  const suggestionPages = {
    pattern: ACTIONS.suggestionsPagePattern,
    ids: [ACTIONS.suggestionsPrevious, ACTIONS.suggestionsNext],
  };
  routes.action<BlockAction<ButtonAction>>(suggestionPages, SuggestionsPagePayload, suggestionsPage(services));
  // Ticks live in the view state; should a client ever send one on its own, it is simply acknowledged.
  const ticks = { pattern: ACTIONS.suggestionTicksPattern, ids: ['picked_1'] };
  routes.action(ticks, SuggestionTicksPayload, async ({ ack }) => ack());
  const threatPages = { pattern: ACTIONS.threatPagePattern, ids: [ACTIONS.threatPrevious, ACTIONS.threatNext] };
  routes.action<BlockAction<ButtonAction>>(threatPages, SummaryPagePayload, summaryPage(services, 'threatPage'));

  routes.action<BlockAction<ButtonAction>>(ACTIONS.reviewRequest, modelButton(), reviewRequestAction(services));
  routes.action<BlockAction<ButtonAction>>(ACTIONS.reviewApprove, modelButton(), reviewApprove(services));
  routes.action<BlockAction<ButtonAction>>(ACTIONS.reviewRequestChanges, modelButton(), reviewRequestChanges(services));
  routes.action<BlockAction<ButtonAction>>(ACTIONS.reviewClaim, modelButton(), reviewClaim(services));
  routes.action<BlockAction<UsersSelectAction>>(ACTIONS.reviewReassign, ReassignPayload, reviewReassign(services));
  routes.action<BlockAction<ButtonAction>>(ACTIONS.history, modelButton(), showHistory(services));
  routes.action<BlockAction<ButtonAction>>(ACTIONS.revise, modelButton(), reviseModelAction(services));
  routes.action<BlockAction<ButtonAction>>(ACTIONS.versionChanges, modelButton(), showVersionChanges(services));
  const historyPages = { pattern: ACTIONS.historyPagePattern, ids: [ACTIONS.historyPrevious, ACTIONS.historyNext] };
  routes.action<BlockAction<ButtonAction>>(historyPages, HistoryPagePayload, historyPage(services));
  const snoozes = { pattern: ACTIONS.snoozePattern, ids: [ACTIONS.snooze(1), ACTIONS.snooze(3)] };
  routes.action<BlockAction<ButtonAction>>(snoozes, SnoozePayload, snoozeReminder(services));
  routes.action<BlockAction<ButtonAction>>(ACTIONS.editSettings, EditSettingsPayload, editSettings(services));
}
