/**
 * The default three-level case category taxonomy (问题分类) of 基层通: first-level classes (letters), second-level
 * groups (letter + two digits) and leaves (letter + four digits). It is our own design for a county's 12345 hotline,
 * grid patrols and resident reports. The keywords are what residents actually write; they seed the classifier
 * before it has labelled cases (cold start), and admins maintain them. Codes never change meaning once released:
 * retire a node rather than reuse its code.
 */
import { classesAtoD } from './taxonomy-data-a-d.js';
import { classesEtoH } from './taxonomy-data-e-h.js';
import { classesItoL } from './taxonomy-data-i-l.js';
import { classesMtoP } from './taxonomy-data-m-p.js';

/** One node of the taxonomy; leaves have no children. */
export interface TaxonomyNode {
  /** 'A' (first level), 'A01' (second), 'A0101' (leaf). */
  code: string;
  name: string;
  /** Words and phrases residents write about this kind of problem. */
  keywords: string[];
  children?: TaxonomyNode[];
}

/** The default taxonomy, first-level classes in code order. */
export const defaultTaxonomy: TaxonomyNode[] = [...classesAtoD, ...classesEtoH, ...classesItoL, ...classesMtoP];
