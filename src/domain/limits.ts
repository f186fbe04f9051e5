/**
 * Every size limit of the domain, in one place. Several follow AWS Threat Composer's importer
 * (threat grammar fields of 200 characters, statements of 1,400) so an export is never rejected,
 * and several follow Slack's Block Kit (an option label holds 75 characters).
 */
export const LIMITS = {
  /** A model's title: shown in the card header (Block Kit header text holds 150). */
  titleMax: 120,
  /** Names of scope elements: shown as option labels in selects (75 in Block Kit). */
  nameMax: 75,
  /** Free-text descriptions of scope elements, mitigations, reasons. */
  descriptionMax: 1000,
  /** One threat grammar field (Threat Composer's limit). */
  grammarFieldMax: 200,
  /** The rendered threat statement (Threat Composer's limit). */
  statementMax: 1400,
  /** Items of one list inside a model (assets, components, threats, ...). */
  elementsMax: 200,
  /** Threats in one model. */
  threatsMax: 500,
  /** Mitigations in one model. */
  mitigationsMax: 500,
  /** References (URLs or repository paths) on one mitigation. */
  referencesMax: 20,
  /** A URL or repository path. */
  referenceMax: 2048,
  /** Comments in review history. */
  commentMax: 3000,
  /** Follow-up actions AppSec attaches to one approval (penetration-test scope, next-release items). */
  followUpsMax: 20,
  /** One follow-up action. */
  followUpMax: 300,
  /** Users holding one role. */
  roleHoldersMax: 20,
  /** Review history entries kept in the model (the audit trail keeps everything). */
  reviewHistoryMax: 500,
  /** People who held a role in or changed one model (roles of 20 each, plus editors); never trimmed. */
  contributorsMax: 5000,
} as const;
