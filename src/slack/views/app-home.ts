import type { HomeView, KnownBlock } from '@slack/types';
import type { Flow } from '../../domain/flow';
import type { ThreatModel } from '../../domain/model';
import type { ModelTimings } from '../../domain/model-timings';
import { statusLabel } from '../../domain/status-labels';
import { stepNumber } from '../../domain/steps';
import { summarize } from '../../domain/summary';
import type { SettingsOverview } from '../../use-cases/workspace-settings';
import { openReviewBlocks, timingBlocks } from './open-reviews';
import { settingsBlocks } from './settings-summary';
import { context, divider, plain, section, userLine } from './text';

/** Models per section: three sections of ten stay far below the 100 blocks a Home tab holds. */
export const HOME_SECTION_SIZE = 10;

export interface HomeEntry {
  model: ThreatModel;
  permalink: string | undefined;
}

export interface HomeSection {
  title: string;
  empty: string;
  entries: HomeEntry[];
  /** How many exist in all, when more than are shown. */
  total: number;
}

function line({ model, permalink }: HomeEntry, flow: Flow): string {
  const summary = summarize(flow, model);
  const title = userLine(model.title, 100);
  const link = permalink ? `<${permalink}|${title}>` : title;
  const { counts } = summary;
  const untreated = summary.untreatedRisks.filter((risk) => risk.kind !== 'not_rated').length;
  const risks = untreated > 0 ? ` · :warning: ${untreated} untreated risk(s)` : '';
  return (
    `*${model.id}* ${link}\n${statusLabel(model.status)} · step ${stepNumber(model.currentStep)} of 4 · ${summary.completionPercent}% · ` +
    `${counts.assets} assets, ${counts.components} components, ${counts.threats} threats, ${counts.mitigations} mitigations${risks}`
  );
}

/** What an AppSec member's Home adds: the open reviews and how long past models took. */
export interface AppSecHome {
  openReviews: readonly ThreatModel[];
  openTotal: number;
  timings: ModelTimings;
  now: Date;
}

/**
 * The App Home tab: a pure function of the models in each section (and, for AppSec, the reviews;
 * for the workspace's admins, its settings).
 */
export function appHomeView(
  sections: readonly HomeSection[],
  flow: Flow,
  appsec?: AppSecHome,
  settings?: SettingsOverview,
): HomeView {
  const blocks: KnownBlock[] = [
    { type: 'header', text: plain('Threadmodel', 150) },
    context(
      'Threat models of your features, one Slack thread each. Start one with `/threatmodel start <feature title>` in a channel.',
    ),
  ];
  for (const part of sections) {
    blocks.push(divider, section(`*${part.title}*`));
    if (part.entries.length === 0) blocks.push(context(part.empty));
    for (const entry of part.entries.slice(0, HOME_SECTION_SIZE)) blocks.push(section(line(entry, flow)));
    if (part.total > HOME_SECTION_SIZE) {
      blocks.push(
        context(
          `Showing the ${HOME_SECTION_SIZE} most recently updated of ${part.total}. \`/threatmodel list\` in a channel shows its models.`,
        ),
      );
    }
  }
  if (appsec) {
    blocks.push(divider, section('*Open AppSec reviews*'));
    blocks.push(...openReviewBlocks(appsec.openReviews.slice(0, HOME_SECTION_SIZE), appsec.openTotal, appsec.now));
    blocks.push(divider, ...timingBlocks(appsec.timings));
  }
  if (settings) blocks.push(divider, ...settingsBlocks(settings));
  return { type: 'home', blocks };
}
