import { z } from 'zod';
import { SUGGESTION_ORDERS } from '../catalog/catalog-queries';
import { ModelIdSchema } from '../domain/model';
import { ROLES } from '../domain/roles';
import { SCOPE_KINDS } from '../domain/scope-edits';
import { STEPS } from '../domain/steps';

/** Every action id and callback id the app binds, in one place so views and listeners agree. */
export const ACTIONS = {
  finishStep: 'model.finish_step',
  roleSelect: (role: string) => `roles.select.${role}`,
  roleSelectPattern: /^roles\.select\.(business|developer|adversary|defender|appsec_sme)$/,
  /** One per kind: action ids must be unique within an actions block. */
  scopeAdd: (kind: string) => `scope.add.${kind}`,
  scopeAddPattern: /^scope\.add\.[A-Za-z]+$/,
  scopeElementMenu: 'scope.element_menu',
  threatAdd: 'threat.add',
  threatMenu: 'threat.menu',
  suggestThreats: 'threat.suggest',
  /** "Browse by OWASP Top 10": the suggestions modal, grouped by Top 10 2021 category. */
  browseOwaspTop10: 'threat.browse_owasp',
  coverage: 'threat.coverage',
  nextPrompts: 'prompts.next',
  mitigationAdd: 'mitigation.add',
  unaddressed: 'mitigation.unaddressed',
  baselineAdd: 'baseline.add',
  mitigationMenu: 'mitigation.menu',
  /** "Propose for the catalog" on a threat or mitigation of a read-only model's list (`TM-7|T-3`); editable ones have it in their menu. */
  proposeForCatalog: 'catalog.propose',
  mitigationPrevious: 'mitigations.page.previous',
  mitigationNext: 'mitigations.page.next',
  mitigationPagePattern: /^mitigations\.page\.(previous|next)$/,
  riskReview: 'risk.review',
  /** Accept / Decline on the message asking the awaited role holder about a proposed acceptance: `TM-7|T-2@<proposedAt>`. */
  riskAccept: 'risk.acceptance.accept',
  riskDecline: 'risk.acceptance.decline',
  suggestionsPrevious: 'suggestions.page.previous',
  suggestionsNext: 'suggestions.page.next',
  suggestionsPagePattern: /^suggestions\.page\.(previous|next)$/,
  /** The checkbox groups of the suggestions modal (they send nothing until the modal is paged or submitted). */
  suggestionTicksPattern: /^picked_\d+$/,
  threatPrevious: 'threats.page.previous',
  threatNext: 'threats.page.next',
  threatPagePattern: /^threats\.page\.(previous|next)$/,
  scopePrevious: 'scope.page.previous',
  scopeNext: 'scope.page.next',
  scopePagePattern: /^scope\.page\.(previous|next)$/,
  reviewRequest: 'review.request',
  reviewClaim: 'review.claim',
  reviewReassign: 'review.reassign',
  reviewApprove: 'review.approve',
  reviewRequestChanges: 'review.request_changes',
  /** "Snooze 1 day" / "Snooze 3 days" on a nudge: the value is `TM-7|<kind>.<days>`. */
  snooze: (days: number) => `reminder.snooze.${days}`,
  snoozePattern: /^reminder\.snooze\.\d$/,
  /** "History" on the card, and the page turns of the History modal: `TM-7|<page>:<stream entry id>`. */
  history: 'model.history',
  historyPrevious: 'history.page.previous',
  historyNext: 'history.page.next',
  historyPagePattern: /^history\.page\.(previous|next)$/,
  /** "Revise" on an approved model's card: opens the next version as a draft. */
  revise: 'model.revise',
  /** "What changed since v1" on a revised model's card: the diff against the last approved version. */
  versionChanges: 'model.version_changes',
  /** "Edit settings" in an admin's App Home: the workspace's settings form. */
  editSettings: 'settings.edit',
} as const;

export const VIEWS = {
  scopeElement: 'scope.element',
  threat: 'threat.edit',
  catalogSuggestions: 'threat.suggestions',
  mitigation: 'mitigation.edit',
  risk: 'risk.edit',
  reviewRequest: 'review.request',
  reviewChanges: 'review.changes',
  reviewApprove: 'review.approve',
  workspaceSettings: 'settings.workspace',
} as const;

/** Shortcut callback ids (declared in manifest.json). */
export const SHORTCUTS = {
  captureThreat: 'capture_threat',
} as const;

/** What a button about a model carries: `TM-7` or `TM-7|<detail>`; the workspace comes from the payload. */
export function encodeValue(modelId: string, detail?: string | number): string {
  return detail === undefined ? modelId : `${modelId}|${detail}`;
}

export function decodeValue(value: string | undefined): { modelId: string; detail: string | undefined } | undefined {
  const [modelId, detail] = (value ?? '').split('|', 2);
  const parsed = ModelIdSchema.safeParse(modelId);
  return parsed.success ? { modelId: parsed.data, detail } : undefined;
}

/**
 * The detail of an Accept / Decline button: the threat and when the proposal was made, so an old
 * message never decides a newer proposal about the same threat.
 */
export function encodeProposal(threatId: string, proposedAt: string): string {
  return `${threatId}@${proposedAt}`;
}

export function decodeProposal(detail: string | undefined): { threatId: string; proposedAt: string } | undefined {
  const match = /^(T-[1-9]\d{0,5})@(\d{4}-\d{2}-\d{2}T[\d:.]+Z)$/.exec(detail ?? '');
  return match?.[1] && match[2] ? { threatId: match[1], proposedAt: match[2] } : undefined;
}

/** A page turn of the History modal: the page it shows and the entry it starts beside. */
export function encodeHistoryPage(page: number, entryId: string): string {
  return `${page}:${entryId}`;
}

export const HISTORY_PAGE_DETAIL = /^([1-9]\d{0,5}):(\d{1,16}-\d{1,10})$/;

export function decodeHistoryPage(detail: string | undefined): { page: number; entryId: string } | undefined {
  const match = HISTORY_PAGE_DETAIL.exec(detail ?? '');
  return match?.[1] && match[2] ? { page: Number(match[1]), entryId: match[2] } : undefined;
}

export const RoleSchema = z.enum(ROLES);
export const ScopeKindSchema = z.enum(SCOPE_KINDS);
export const StepSchema = z.enum(STEPS);

/** A modal's private_metadata: which model and element it edits. Validated on submission. */
export const ScopeModalMetadataSchema = z.strictObject({
  modelId: ModelIdSchema,
  kind: ScopeKindSchema,
  elementId: z.string().max(20).optional(),
});
export type ScopeModalMetadata = z.infer<typeof ScopeModalMetadataSchema>;

/** The threat modal's private_metadata. */
export const ThreatModalMetadataSchema = z.strictObject({
  modelId: ModelIdSchema,
  threatId: z.string().max(20).optional(),
  /** Set when the threat is captured from a thread message: its permalink becomes the origin. */
  capturedFrom: z.string().max(2048).optional(),
  previewed: z.string().max(64).optional(),
});
export type ThreatModalMetadata = z.infer<typeof ThreatModalMetadataSchema>;

/** A view's private_metadata read with its schema; undefined when it is not what we wrote. */
export function readMetadata<S extends z.ZodType>(schema: S, text: string): z.infer<S> | undefined {
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The catalog suggestions modal's private_metadata: which model, which page, what is ticked, how listed (by relevance when absent). */
export const SuggestionsMetadataSchema = z.strictObject({
  modelId: ModelIdSchema,
  page: z.number().int().min(1),
  picked: z.array(z.string().max(60)).max(100),
  order: z.enum(SUGGESTION_ORDERS).optional(),
});
export type SuggestionsMetadata = z.infer<typeof SuggestionsMetadataSchema>;

/** The mitigation modal's private_metadata. */
export const MitigationModalMetadataSchema = z.strictObject({
  modelId: ModelIdSchema,
  mitigationId: z.string().max(20).optional(),
});
export type MitigationModalMetadata = z.infer<typeof MitigationModalMetadataSchema>;

/** The risk modal's private_metadata. */
export const RiskModalMetadataSchema = z.strictObject({ modelId: ModelIdSchema });
export type RiskModalMetadata = z.infer<typeof RiskModalMetadataSchema>;

/**
 * The settings modal's private_metadata: nothing of the workspace (the submission's own, verified
 * team is the one whose settings change), only which form it is.
 */
export const SettingsModalMetadataSchema = z.strictObject({ form: z.literal('workspace-settings') });
export type SettingsModalMetadata = z.infer<typeof SettingsModalMetadataSchema>;

/** The review request, request-changes and approval modals' private_metadata. */
export const ReviewModalMetadataSchema = z.strictObject({ modelId: ModelIdSchema });
export type ReviewModalMetadata = z.infer<typeof ReviewModalMetadataSchema>;
