import type { ThreatModel } from '../../../src/domain/model';
import { EXPORT_FILES, exportFiles } from '../../../src/export/export-files';
import type { PublishedFile } from '../../../src/export/git-publisher';
import { THREAT_COMPOSER_LIMITS, ThreatComposerExportSchema } from '../../../src/export/threat-composer-schema';
import { ThreatDragonModelSchema } from '../../../src/export/threat-dragon-schema';
import { defaultFlow } from '../../support/build-model';
import { build150ThreatModel, buildHostileModel } from '../../support/export-models';
import { hiddenCharactersIn } from '../../support/hidden-characters';
import { buildApprovedModel } from '../../support/realistic-model';
import { linksIn, renderGfm } from '../../support/rendered-markdown';
import { asImported, htmlCharactersIn } from '../../support/threat-composer-import';

/**
 * Every file of an export folder, for a realistic, a 150-threat and a hostile model, checked
 * against the project's schemas of Threat Composer (after its importer's HTML sanitising, whose
 * limits apply to the sanitised text) and Threat Dragon, with no hidden character anywhere.
 */
const flow = defaultFlow();
const MODELS: readonly [string, () => ThreatModel][] = [
  ['realistic', buildApprovedModel],
  ['150-threat', build150ThreatModel],
  ['hostile', buildHostileModel],
];

function fileAt(files: readonly PublishedFile[], path: string): PublishedFile {
  const file = files.find((candidate) => candidate.path === path);
  if (!file) throw new Error(`no ${path} in the export`);
  return file;
}
const textOf = (file: PublishedFile) =>
  typeof file.content === 'string' ? file.content : file.content.toString('utf8');

describe.each(MODELS)('the export of the %s model', (_name, build) => {
  const model = build();
  let files: PublishedFile[];
  beforeAll(async () => {
    files = await exportFiles(model, flow, { names: { U0ALICE01: 'Alice <b>M</b>' } });
  });

  it('is a Threat Composer file its importer accepts, unchanged by its HTML sanitiser', () => {
    const file = JSON.parse(textOf(fileAt(files, EXPORT_FILES.threatComposer)));

    expect(htmlCharactersIn(file)).toEqual([]);
    expect(asImported(file)).toEqual(file);
    const parsed = ThreatComposerExportSchema.safeParse(asImported(file));
    expect(parsed.error?.issues).toBeUndefined();
    expect(file.threats).toHaveLength(model.threats.length);
  });

  it('embeds the data-flow diagram as a PNG within Threat Composer’s 1,000,000 characters', () => {
    const file = JSON.parse(textOf(fileAt(files, EXPORT_FILES.threatComposer)));
    const image: string = file.dataflow.image;

    expect(image.startsWith('data:image/png;base64,')).toBe(true);
    expect(image.length).toBeLessThanOrEqual(THREAT_COMPOSER_LIMITS.imageBase64Max);
    const png = Buffer.from(image.slice('data:image/png;base64,'.length), 'base64');
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('is a Threat Dragon v2 file', () => {
    const parsed = ThreatDragonModelSchema.safeParse(JSON.parse(textOf(fileAt(files, EXPORT_FILES.threatDragon))));

    expect(parsed.error?.issues).toBeUndefined();
  });

  it('carries no control, bidi or invisible character in any text file', () => {
    for (const file of files.filter((candidate) => typeof candidate.content === 'string')) {
      expect([file.path, hiddenCharactersIn(textOf(file))]).toEqual([file.path, []]);
    }
  });

  it('renders a report whose only links are its own', () => {
    const html = renderGfm(textOf(fileAt(files, EXPORT_FILES.report)));
    const hosts = linksIn(html).map((link) => new URL(link.href, 'https://repo.example/').host);

    expect(
      hosts.filter((host) => !['jira.example.com', 'docs.example.com', 'github.com', 'repo.example'].includes(host)),
    ).toEqual([]);
    expect(html).not.toMatch(/<script|<b>|<strong>pwned/);
  });
});

describe('Threat Composer’s import-time sanitising, as the export test replays it', () => {
  it('rewrites what an export must never carry (tags go, & < > are escaped), so the checks above can fail', () => {
    const dirty = { statement: '<b>Bob</b> & <script>alert(1)</script>1 < 2', score: 3 };

    expect(htmlCharactersIn(dirty)).toEqual(['$.statement: <b>Bob</b> & <script>alert(1)</script>1 < 2']);
    expect(asImported(dirty)).toEqual({ statement: 'Bob &amp; 1 &lt; 2', score: 3 });
  });
});
