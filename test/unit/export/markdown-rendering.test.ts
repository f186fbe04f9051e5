import { type ThreatModel, ThreatModelSchema } from '../../../src/domain/model';
import { markdownReport } from '../../../src/export/markdown-report';
import { defaultFlow } from '../../support/build-model';
import { buildApprovedModel } from '../../support/realistic-model';
import { linksIn, renderGfm, visibleText } from '../../support/rendered-markdown';

/**
 * The report rendered as GitHub renders it (GFM, with `marked`): user text must read exactly as
 * typed, and add no link, list, heading, quote, emphasis or table cell of its own.
 */
const flow = defaultFlow();

/** Text people type that GFM would otherwise turn into something else. */
const TRICKY = [
  'See https://evil.example/x, www.evil.example and bob@evil.example',
  'Tom &amp; Jerry &copy; &#60;b&#62;',
  '1. first step',
  '- dash',
  '+ plus',
  '# hash',
  '> quote',
  'a | b',
  '**not bold** _nor this_ ~~nor struck~~ `no code`',
  ':smile: @channel mailto:bob@evil.example',
] as const;

function modelSaying(text: string): ThreatModel {
  const model = buildApprovedModel();
  return ThreatModelSchema.parse({
    ...model,
    title: text,
    scope: {
      ...model.scope,
      description: text,
      assets: model.scope.assets.map((asset) => ({ ...asset, name: text, description: text })),
      components: model.scope.components.map((component) => ({ ...component, name: text })),
    },
    threats: model.threats.map((threat) => ({ ...threat, threatAction: text })),
    mitigations: model.mitigations.map((mitigation) => ({ ...mitigation, description: text })),
  });
}

/** The headings, list items, tables and cells of rendered HTML, in order: what user text must not add to. */
const structure = (html: string) => html.match(/<(h[1-6]|li|table|tr|td|th|hr|img|ul)\b/g);

describe('the Markdown report, rendered as GitHub-flavoured Markdown', () => {
  const plainHtml = renderGfm(markdownReport({ model: modelSaying('plain words'), flow }));

  it.each(TRICKY)('shows %j exactly as typed, as text only', (text) => {
    const html = renderGfm(markdownReport({ model: modelSaying(text), flow }));
    const seen = visibleText(html);

    // Title, scope description, asset names and descriptions, components, threats, mitigations.
    expect(seen.split(text).length - 1).toBeGreaterThanOrEqual(8);
    for (const added of ['<ol', '<blockquote', '<del', '<strong>not bold', '<em>nor this', '<code>no code']) {
      expect(html).not.toContain(added);
    }
    expect(structure(html)).toEqual(structure(plainHtml));
    expect(linksIn(html).filter((link) => /evil|mailto/.test(link.href))).toEqual([]);
  });

  it('shows "&amp;" as typed, not as "&"', () => {
    const seen = visibleText(renderGfm(markdownReport({ model: modelSaying('Tom &amp; Jerry'), flow })));

    expect(seen).toContain('Tom &amp; Jerry');
  });

  it('keeps a ")" in a backlog link inside the link: no injected formatting or second link', () => {
    const backlogLink = 'https://jira.example.com/browse/PAY-1)**pwned**[x](https://evil.example/y)';
    const model = buildApprovedModel();
    const withLink = ThreatModelSchema.parse({
      ...model,
      mitigations: model.mitigations.map((mitigation) => ({ ...mitigation, backlogLink })),
    });
    const html = renderGfm(markdownReport({ model: withLink, flow }));

    const backlogs = linksIn(html).filter((link) => link.text === 'backlog');
    expect(backlogs.map((link) => decodeURI(link.href).replace(/%29/g, ')').replace(/%28/g, '('))).toEqual([
      backlogLink,
      backlogLink,
    ]);
    expect(linksIn(html).filter((link) => link.href.startsWith('https://evil.example'))).toEqual([]);
    expect(html).not.toContain('<strong>pwned');
  });

  it('keeps a backlog link that is already percent-encoded as it is', () => {
    const backlogLink = 'https://jira.example.com/issues/?jql=project%20%3D%20PAY';
    const model = buildApprovedModel();
    const withLink = ThreatModelSchema.parse({
      ...model,
      mitigations: model.mitigations.map((mitigation) => ({ ...mitigation, backlogLink })),
    });
    const html = renderGfm(markdownReport({ model: withLink, flow }));

    expect(
      linksIn(html)
        .filter((link) => link.text === 'backlog')
        .map((link) => link.href),
    ).toEqual([backlogLink, backlogLink]);
  });
});
