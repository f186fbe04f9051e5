import type { SlackServices } from '../../deps';
import type { EdgeRoutes } from '../../edge/edge-routes';
import {
  MitigationSubmission,
  ReviewSubmission,
  RiskSubmission,
  ScopeElementSubmission,
  SettingsSubmission,
  SuggestionsSubmission,
  ThreatSubmission,
} from '../../edge/view-schemas';
import { VIEWS } from '../../ids';
import { mitigationSubmit } from './mitigation-submit';
import { reviewApproveSubmit } from './review-approve-submit';
import { reviewChangesSubmit } from './review-changes-submit';
import { reviewRequestSubmit } from './review-request-submit';
import { riskSubmit } from './risk-submit';
import { scopeElementSubmit } from './scope-element-submit';
import { settingsSubmit } from './settings-submit';
import { suggestionsSubmit } from './suggestions-submit';
import { threatSubmit } from './threat-submit';

/** Every modal submission, bound to its callback id with the schema of its metadata and state. */
export function registerViewSubmissions(routes: EdgeRoutes, services: SlackServices): void {
  routes.view(VIEWS.reviewRequest, ReviewSubmission, reviewRequestSubmit(services));
  routes.view(VIEWS.reviewChanges, ReviewSubmission, reviewChangesSubmit(services));
  routes.view(VIEWS.reviewApprove, ReviewSubmission, reviewApproveSubmit(services));
  routes.view(VIEWS.scopeElement, ScopeElementSubmission, scopeElementSubmit(services));
  routes.view(VIEWS.threat, ThreatSubmission, threatSubmit(services));
  routes.view(VIEWS.catalogSuggestions, SuggestionsSubmission, suggestionsSubmit(services));
  routes.view(VIEWS.mitigation, MitigationSubmission, mitigationSubmit(services));
  routes.view(VIEWS.risk, RiskSubmission, riskSubmit(services));
  routes.view(VIEWS.workspaceSettings, SettingsSubmission, settingsSubmit(services));
}
