import { z } from 'zod';

/** The six STRIDE categories, by their letter. */
export const STRIDE = ['S', 'T', 'R', 'I', 'D', 'E'] as const;
export const StrideSchema = z.enum(STRIDE).describe('A STRIDE category letter: S, T, R, I, D or E');
export type Stride = z.infer<typeof StrideSchema>;

export const STRIDE_NAMES: Readonly<Record<Stride, string>> = {
  S: 'Spoofing',
  T: 'Tampering',
  R: 'Repudiation',
  I: 'Information disclosure',
  D: 'Denial of service',
  E: 'Elevation of privilege',
};

/** What each category threatens, in a question a team can answer. */
export const STRIDE_QUESTIONS: Readonly<Record<Stride, string>> = {
  S: 'Can someone pretend to be another user or component?',
  T: 'Can someone change data or code they should not?',
  R: 'Can someone deny having done something, for lack of evidence?',
  I: 'Can someone read data they should not?',
  D: 'Can someone make it unavailable or too slow?',
  E: 'Can someone gain rights they were not given?',
};

/** The kinds of data-flow-diagram element STRIDE-per-element distinguishes. */
export const DFD_KINDS = ['external_entity', 'process', 'data_store', 'data_flow'] as const;
export const DfdKindSchema = z.enum(DFD_KINDS).describe('Data-flow-diagram element kind');
export type DfdKind = z.infer<typeof DfdKindSchema>;

/**
 * STRIDE-per-element (Microsoft SDL): the categories that apply to each kind of element.
 * External entities can be spoofed and can repudiate; processes suffer all six; data stores
 * can be tampered with, read, made unavailable, and (for logs) repudiated; flows can be
 * tampered with, read and interrupted.
 */
export const STRIDE_PER_ELEMENT: Readonly<Record<DfdKind, readonly Stride[]>> = {
  external_entity: ['S', 'R'],
  process: ['S', 'T', 'R', 'I', 'D', 'E'],
  data_store: ['T', 'R', 'I', 'D'],
  data_flow: ['T', 'I', 'D'],
};

/** Sort STRIDE letters into their canonical order, without duplicates. */
export function sortStride(categories: Iterable<Stride>): Stride[] {
  const present = new Set(categories);
  return STRIDE.filter((letter) => present.has(letter));
}
