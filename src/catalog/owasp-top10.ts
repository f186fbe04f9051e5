import type { CatalogThreat } from './catalog-schema';

/**
 * The OWASP Top 10 2021 categories, the brainstorming list the method names beside STRIDE. Catalog
 * threats cite them in `references.owaspTop10`.
 */
export const OWASP_TOP10_2021 = {
  'A01:2021': 'Broken Access Control',
  'A02:2021': 'Cryptographic Failures',
  'A03:2021': 'Injection',
  'A04:2021': 'Insecure Design',
  'A05:2021': 'Security Misconfiguration',
  'A06:2021': 'Vulnerable and Outdated Components',
  'A07:2021': 'Identification and Authentication Failures',
  'A08:2021': 'Software and Data Integrity Failures',
  'A09:2021': 'Security Logging and Monitoring Failures',
  'A10:2021': 'Server-Side Request Forgery',
} as const;
export type OwaspTop10Id = keyof typeof OWASP_TOP10_2021;

const isTop10Id = (id: string): id is OwaspTop10Id => Object.hasOwn(OWASP_TOP10_2021, id);

/** A01:2021 to A10:2021, in order. */
export const OWASP_TOP10_IDS: readonly OwaspTop10Id[] = Object.keys(OWASP_TOP10_2021).filter(isTop10Id);

/** The category a threat is listed under when browsing by the Top 10: the first (lowest) it cites. */
export function owaspCategory(threat: CatalogThreat): OwaspTop10Id | undefined {
  return (threat.references.owaspTop10 ?? []).filter(isTop10Id).sort()[0];
}

/** "A01:2021 Broken Access Control". */
export function owaspCategoryName(id: OwaspTop10Id): string {
  return `${id} ${OWASP_TOP10_2021[id]}`;
}
