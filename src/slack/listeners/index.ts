import type {
  App,
  BlockAction,
  ButtonAction,
  MessageShortcut,
  MultiUsersSelectAction,
  OverflowAction,
  UsersSelectAction,
  ViewSubmitAction,
} from '@slack/bolt';
import type { SlackServices } from '../deps';
import { ACTIONS, SHORTCUTS, VIEWS } from '../ids';
import { COMMAND } from '../views/command-responses';
import { baselineAdd } from './actions/baseline-add';
import { finishStep } from './actions/finish-step';
import { mitigationAdd } from './actions/mitigation-add';
import { mitigationMenu } from './actions/mitigation-menu';
import { nextPrompts } from './actions/next-prompts';
import { reviewApprove } from './actions/review-approve';
import { reviewClaim } from './actions/review-claim';
import { reviewReassign } from './actions/review-reassign';
import { reviewRequestAction } from './actions/review-request';
import { reviewRequestChanges } from './actions/review-request-changes';
import { riskReview } from './actions/risk-review';
import { rolesSelect } from './actions/roles-select';
import { scopeAdd } from './actions/scope-add';
import { scopeElementMenu } from './actions/scope-element-menu';
import { showCoverage } from './actions/show-coverage';
import { showUnaddressed } from './actions/show-unaddressed';
import { snoozeReminder } from './actions/snooze-reminder';
import { suggestThreatsAction } from './actions/suggest-threats';
import { suggestionsPage } from './actions/suggestions-page';
import { summaryPage } from './actions/summary-page';
import { threatAdd } from './actions/threat-add';
import { threatMenu } from './actions/threat-menu';
import { threatmodelCommand } from './commands/threatmodel-command';
import { appHomeOpened } from './events/app-home-opened';
import { appMention } from './events/app-mention';
import { captureThreat } from './shortcuts/capture-threat';
import { mitigationSubmit } from './views/mitigation-submit';
import { reviewChangesSubmit } from './views/review-changes-submit';
import { reviewRequestSubmit } from './views/review-request-submit';
import { riskSubmit } from './views/risk-submit';
import { scopeElementSubmit } from './views/scope-element-submit';
import { suggestionsSubmit } from './views/suggestions-submit';
import { threatSubmit } from './views/threat-submit';

/** Every listener, bound to its command, action id, callback id or event. */
export function registerListeners(app: App, services: SlackServices): void {
  app.command(COMMAND, threatmodelCommand(services));

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

  app.view<ViewSubmitAction>(VIEWS.reviewRequest, reviewRequestSubmit(services));
  app.view<ViewSubmitAction>(VIEWS.reviewChanges, reviewChangesSubmit(services));
  app.view<ViewSubmitAction>(VIEWS.scopeElement, scopeElementSubmit(services));
  app.view<ViewSubmitAction>(VIEWS.threat, threatSubmit(services));
  app.view<ViewSubmitAction>(VIEWS.catalogSuggestions, suggestionsSubmit(services));
  app.view<ViewSubmitAction>(VIEWS.mitigation, mitigationSubmit(services));
  app.view<ViewSubmitAction>(VIEWS.risk, riskSubmit(services));

  app.shortcut<MessageShortcut>(SHORTCUTS.captureThreat, captureThreat(services));

  app.event('app_mention', appMention(services));
  app.event('app_home_opened', appHomeOpened(services));
}
