import { describe, expect, it } from 'vitest';
import { defaultTaxonomy } from './taxonomy-data.js';
import type { TaxonomyNode } from './taxonomy-data.js';

const all: { node: TaxonomyNode; level: number; parent?: TaxonomyNode }[] = [];
const walk = (node: TaxonomyNode, level: number, parent?: TaxonomyNode): void => {
  all.push({ node, level, parent });
  node.children?.forEach((c) => walk(c, level + 1, node));
};
defaultTaxonomy.forEach((n) => walk(n, 1));
const leaves = all.filter((e) => e.level === 3).map((e) => e.node);
const codeShape: Record<number, RegExp> = { 1: /^[A-Z]$/, 2: /^[A-Z]\d{2}$/, 3: /^[A-Z]\d{4}$/ };

describe('defaultTaxonomy', () => {
  it('has three levels and nothing deeper', () => {
    expect(new Set(all.map((e) => e.level))).toEqual(new Set([1, 2, 3]));
    for (const e of all) expect(Boolean(e.node.children?.length)).toBe(e.level < 3);
  });

  it('has unique codes, well formed for their level, each extending its parent code', () => {
    const codes = all.map((e) => e.node.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const { node, level, parent } of all) {
      expect(node.code, node.name).toMatch(codeShape[level]!);
      if (parent) expect(node.code.startsWith(parent.code), node.code).toBe(true);
    }
  });

  it('lists siblings in code order, numbered from 01 without gaps', () => {
    const firsts = defaultTaxonomy.map((n) => n.code);
    expect(firsts).toEqual([...firsts].sort());
    for (const { node } of all) {
      const kids = node.children ?? [];
      kids.forEach((k, i) => expect(k.code).toBe(node.code + String(i + 1).padStart(2, '0')));
    }
  });

  it('has the planned breadth: 12–16 classes, 2–6 groups each, 1–5 leaves per group, 120–180 leaves', () => {
    expect(defaultTaxonomy.length).toBeGreaterThanOrEqual(12);
    expect(defaultTaxonomy.length).toBeLessThanOrEqual(16);
    for (const l1 of defaultTaxonomy) {
      expect(l1.children!.length, l1.name).toBeGreaterThanOrEqual(2);
      expect(l1.children!.length, l1.name).toBeLessThanOrEqual(6);
      for (const l2 of l1.children!) {
        expect(l2.children!.length, l2.name).toBeGreaterThanOrEqual(1);
        expect(l2.children!.length, l2.name).toBeLessThanOrEqual(5);
      }
    }
    expect(leaves.length).toBeGreaterThanOrEqual(120);
    expect(leaves.length).toBeLessThanOrEqual(180);
  });

  it('gives every node 4–12 distinct, non-blank Chinese keywords and a name', () => {
    for (const { node } of all) {
      expect(node.name.trim(), node.code).not.toBe('');
      expect(node.keywords.length, node.code).toBeGreaterThanOrEqual(4);
      expect(node.keywords.length, node.code).toBeLessThanOrEqual(12);
      expect(new Set(node.keywords).size, node.code).toBe(node.keywords.length);
      for (const k of node.keywords) expect(k, node.code).toMatch(/^\S*[\u4e00-\u9fff]\S*$|^KTV$/);
    }
  });

  it('names every leaf uniquely, so a leaf name alone identifies it in the UI', () => {
    const names = leaves.map((l) => l.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('contains the examples the platform is built around', () => {
    const byName = new Map(all.map((e) => [e.node.name, e.node.code]));
    expect(byName.get('流动摊贩占道')?.startsWith('B01')).toBe(true);
    expect(byName.get('消防通道堵塞')?.startsWith('L01')).toBe(true);
    expect(byName.get('燃气泄漏')?.startsWith('L01')).toBe(true);
    expect(byName.get('井盖缺失破损')?.startsWith('D01')).toBe(true);
    expect(byName.get('电梯故障')?.startsWith('M01')).toBe(true);
    expect(byName.get('医保报销')?.startsWith('E03')).toBe(true);
  });
});
