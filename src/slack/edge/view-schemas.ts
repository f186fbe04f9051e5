import { z } from 'zod';
import {
  MitigationModalMetadataSchema,
  ReviewModalMetadataSchema,
  RiskModalMetadataSchema,
  ScopeModalMetadataSchema,
  SettingsModalMetadataSchema,
  SuggestionsMetadataSchema,
  ThreatModalMetadataSchema,
} from '../ids';
import { ActingUser, jsonText, SlackToken, Team, ViewBlocks, ViewStateValues } from './payload-fields';

/**
 * One schema per modal submission: who sent it, the metadata the modal was opened with (by the
 * modal's own schema from ids.ts), its blocks and its state. The fields' values are then checked
 * by the form parsers (src/slack/forms), which answer with an inline error on the field.
 */
function submission(metadata: z.ZodType<unknown>) {
  return z.looseObject({
    type: z.literal('view_submission'),
    user: ActingUser,
    team: Team,
    view: z.looseObject({
      id: SlackToken,
      hash: SlackToken.optional(),
      callback_id: z.string(),
      private_metadata: jsonText(metadata),
      blocks: ViewBlocks,
      state: z.looseObject({ values: ViewStateValues }),
    }),
  });
}

export const ScopeElementSubmission = submission(ScopeModalMetadataSchema);
export const ThreatSubmission = submission(ThreatModalMetadataSchema);
export const SuggestionsSubmission = submission(SuggestionsMetadataSchema);
export const MitigationSubmission = submission(MitigationModalMetadataSchema);
export const RiskSubmission = submission(RiskModalMetadataSchema);
export const ReviewSubmission = submission(ReviewModalMetadataSchema);
/** The settings form: the workspace whose settings change is the submission's team, so it must name one. */
export const SettingsSubmission = submission(SettingsModalMetadataSchema).extend({ team: Team.unwrap().unwrap() });
