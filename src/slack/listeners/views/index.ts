import type { App, ViewSubmitAction } from '@slack/bolt';
import type { SlackServices } from '../../deps';
import { VIEWS } from '../../ids';
import { mitigationSubmit } from './mitigation-submit';
import { reviewApproveSubmit } from './review-approve-submit';
import { reviewChangesSubmit } from './review-changes-submit';
import { reviewRequestSubmit } from './review-request-submit';
import { riskSubmit } from './risk-submit';
import { scopeElementSubmit } from './scope-element-submit';
import { suggestionsSubmit } from './suggestions-submit';
import { threatSubmit } from './threat-submit';

/** Every modal submission, bound to its callback id. */
export function registerViewSubmissions(app: App, services: SlackServices): void {
  app.view<ViewSubmitAction>(VIEWS.reviewRequest, reviewRequestSubmit(services));
  app.view<ViewSubmitAction>(VIEWS.reviewChanges, reviewChangesSubmit(services));
  app.view<ViewSubmitAction>(VIEWS.reviewApprove, reviewApproveSubmit(services));
  app.view<ViewSubmitAction>(VIEWS.scopeElement, scopeElementSubmit(services));
  app.view<ViewSubmitAction>(VIEWS.threat, threatSubmit(services));
  app.view<ViewSubmitAction>(VIEWS.catalogSuggestions, suggestionsSubmit(services));
  app.view<ViewSubmitAction>(VIEWS.mitigation, mitigationSubmit(services));
  app.view<ViewSubmitAction>(VIEWS.risk, riskSubmit(services));
}
