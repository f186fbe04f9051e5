import { referenceLabels, referenceLine } from '../../../src/catalog/reference-labels';

describe('reference labels', () => {
  const references = {
    cwe: ['CWE-352'],
    capec: ['CAPEC-62'],
    owaspTop10: ['A01:2021'],
    asvs: ['v5.0.0-3.5.1'],
    awsFsbp: ['S3.5'],
    links: ['https://example.com/csrf'],
  };

  it('lists every public id, CWE first, with ASVS and AWS FSBP ids named, and no links', () => {
    expect(referenceLabels(references)).toEqual(['CWE-352', 'CAPEC-62', 'A01:2021', 'ASVS v5.0.0-3.5.1', 'FSBP S3.5']);
  });

  it('fits whole ids into a line and counts the ones left out', () => {
    expect(referenceLine(references)).toBe('CWE-352 · CAPEC-62 · A01:2021 · ASVS v5.0.0-3.5.1 · FSBP S3.5');
    expect(referenceLine(references, 32)).toBe('CWE-352 · CAPEC-62 · A01:2021 +2');
    expect(referenceLine(references, 10)).toBe('CWE-352 +4');
    expect(referenceLine({}, 40)).toBe('');
  });

  it('puts one id of each kind first when not all fit, so a short line still names the OWASP category', () => {
    const many = { cwe: ['CWE-89', 'CWE-943'], capec: ['CAPEC-66', 'CAPEC-676'], owaspTop10: ['A03:2021'] };
    expect(referenceLine(many, 41)).toBe('CWE-89 · CAPEC-66 · A03:2021 · CWE-943 +1');
    expect(referenceLine(many)).toBe('CWE-89 · CWE-943 · CAPEC-66 · CAPEC-676 · A03:2021');
  });
});
