import { safeChatLine } from './safe-text';
import type { Asset } from './scope';
import type { ThreatGrammar } from './threat';

/** The grammar parts of a statement, by name. */
export type StatementPart =
  | 'threatSource'
  | 'prerequisites'
  | 'threatAction'
  | 'threatImpact'
  | 'impactedGoals'
  | 'impactedAssets';

/** Turns one filled part into output text, e.g. bolding it for Slack or escaping it for HTML. */
export type PartRenderer = (part: StatementPart, text: string) => string;

const plain: PartRenderer = (_part, text) => text;

/**
 * Render a threat in the grammar of AWS Threat Composer, as one sentence:
 * "A/An {source} {prerequisites} can {action}, which leads to {impact}, resulting in reduced
 * {goals} of {assets}"; without goals: ", negatively impacting {assets}". Missing optional parts
 * are left out. The renderer decides how each part looks (threat-composer's parseThreatStatement).
 */
export function composeStatement(
  grammar: ThreatGrammar,
  assetNames: readonly string[],
  render: PartRenderer = plain,
): string {
  const source = grammar.threatSource.trim();
  const determiner = /^(a|an|the)\s+/i.exec(source);
  let sentence = determiner
    ? `${capitalise(determiner[0])}${render('threatSource', source.slice(determiner[0].length))}`
    : `${article(source)} ${render('threatSource', source)}`;
  if (grammar.prerequisites) sentence += ` ${render('prerequisites', grammar.prerequisites.trim())}`;
  sentence += ` can ${render('threatAction', grammar.threatAction.trim())}`;
  if (grammar.threatImpact) sentence += `, which leads to ${render('threatImpact', grammar.threatImpact.trim())}`;
  const goals = grammar.impactedGoals.map((goal) => goal.trim()).filter(Boolean);
  const assets = assetNames.map((name) => name.trim()).filter(Boolean);
  if (goals.length) {
    sentence += `, resulting in reduced ${render('impactedGoals', joinList(goals))}`;
    if (assets.length) sentence += ` of ${render('impactedAssets', joinList(assets))}`;
  } else if (assets.length) {
    sentence += `, negatively impacting ${render('impactedAssets', joinList(assets))}`;
  }
  return sentence;
}

/** The statement of a threat of a model, naming its impacted assets from the scope. */
export function threatStatement(
  threat: ThreatGrammar & { impactedAssetIds: readonly string[] },
  assets: readonly Pick<Asset, 'id' | 'name'>[],
): string {
  const names = threat.impactedAssetIds.flatMap((id) => assets.find((asset) => asset.id === id)?.name ?? []);
  return composeStatement(threat, names);
}

/** The same sentence as one line of chat text: escaped, no mentions, no layout breaks. */
export function threatStatementForChat(
  threat: ThreatGrammar & { impactedAssetIds: readonly string[] },
  assets: readonly Pick<Asset, 'id' | 'name'>[],
): string {
  return safeChatLine(threatStatement(threat, assets));
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** "a", "b" and "c". */
export function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const VOWEL_SOUND_EXCEPTIONS = /^(hour|honest|honou?r|heir)/i;
const CONSONANT_SOUND_EXCEPTIONS = /^(uni|use|usu|ute|uro|one|once|eu)/i;

/** "A" or "An" for the word that follows (by its sound, for the common English exceptions). */
export function article(next: string): 'A' | 'An' {
  const word = next.trim();
  if (VOWEL_SOUND_EXCEPTIONS.test(word)) return 'An';
  if (CONSONANT_SOUND_EXCEPTIONS.test(word)) return 'A';
  if (/^[A-Z]{2,}/.test(word)) return /^[AEFHILMNORSX]/.test(word) ? 'An' : 'A'; // acronyms: "an SQS", "an IAM"
  return /^[aeiou]/i.test(word) ? 'An' : 'A';
}
