import { describe, expect, it } from 'vitest';
import { toHex, type HashAlgorithm } from './hash.js';
import { bitCount, CompactRange } from './merkle-compact.js';
import { foldNodes, memoryTree, nodesForRanges, rangeNodes, treeFromNodes } from './merkle-nodes.js';
import { refRoot, sampleLeaves } from './merkle-reference.testutil.js';
import { verifyConsistency, verifyInclusion } from './merkle-verify.js';
import {
  consistencyProof,
  consistencyProofRanges,
  inclusionProof,
  inclusionProofRanges,
  treeRoot,
} from './merkle.js';

const hexes = (list: Uint8Array[]) => list.map(toHex);

/** A stand-in for the database table: what CompactRange.append reports, keyed by (level, index). */
function storeOf(alg: HashAlgorithm, leaves: readonly Uint8Array[]) {
  const nodes = new Map<string, Uint8Array>();
  const range = new CompactRange(alg);
  const roots: string[] = [toHex(range.root())];
  for (const leaf of leaves) {
    for (const n of range.append(leaf)) nodes.set(`${n.level}:${n.index}`, n.hash);
    roots.push(toHex(range.root()));
  }
  return { nodes, range, roots };
}

describe.each(['sha256', 'sm3'] as const)('%s node store', (alg) => {
  const leaves = sampleLeaves(alg, 45);

  it('appending leaf by leaf gives the RFC root at every size', () => {
    const { roots } = storeOf(alg, leaves);
    roots.forEach((root, n) => expect(root).toBe(toHex(refRoot(alg, leaves.slice(0, n)))));
  });

  it('stores exactly the complete subtrees, each with its MTH', () => {
    const { nodes } = storeOf(alg, leaves);
    // 45 leaves complete 45 + 22 + 11 + 5 + 2 + 1 nodes.
    expect(nodes.size).toBe(86);
    for (const [key, hash] of nodes) {
      const [level, index] = key.split(':').map(Number) as [number, number];
      const width = 2 ** level;
      expect(toHex(hash)).toBe(toHex(refRoot(alg, leaves.slice(index * width, (index + 1) * width))));
    }
  });

  it('a compact range resumed from its stored frontier continues the same tree', () => {
    const first = storeOf(alg, leaves.slice(0, 21)).range;
    expect(first.hashes.length).toBe(bitCount(21));
    const resumed = new CompactRange(alg, 21, first.hashes);
    for (const leaf of leaves.slice(21)) resumed.append(leaf);
    expect(toHex(resumed.root())).toBe(toHex(refRoot(alg, leaves)));
    expect(() => new CompactRange(alg, 21, first.hashes.slice(1))).toThrow(/frontier/);
  });

  it('proofs from stored nodes equal in-memory proofs, and need only the nodes rangeNodes names', () => {
    const { nodes } = storeOf(alg, leaves);
    const memory = memoryTree(alg, leaves);
    for (let n = 1; n <= leaves.length; n++) {
      const needed = nodesForRanges([
        [0, n],
        ...Array.from({ length: n }, (_, i) => inclusionProofRanges(i, n)).flat(),
        ...Array.from({ length: n + 1 }, (_, m) => consistencyProofRanges(m, n)).flat(),
      ]);
      const fetched = new Map(needed.map(({ level, index }) => [`${level}:${index}`, nodes.get(`${level}:${index}`)]));
      const stored = treeFromNodes(alg, n, (level, index) => fetched.get(`${level}:${index}`));
      expect(toHex(treeRoot(stored, n))).toBe(toHex(treeRoot(memory, n)));
      expect(toHex(foldNodes(alg, rangeNodes(0, n).map((id) => nodes.get(`${id.level}:${id.index}`) as Uint8Array)))).toBe(
        toHex(treeRoot(memory, n)),
      );
      for (let i = 0; i < n; i++) expect(hexes(inclusionProof(stored, i, n))).toEqual(hexes(inclusionProof(memory, i, n)));
      for (let m = 0; m <= n; m++) expect(hexes(consistencyProof(stored, m, n))).toEqual(hexes(consistencyProof(memory, m, n)));
    }
  });

  it('a missing stored node is an integrity violation, not a wrong answer', () => {
    const { nodes } = storeOf(alg, leaves);
    nodes.delete('2:1');
    const stored = treeFromNodes(alg, 45, (level, index) => nodes.get(`${level}:${index}`));
    expect(() => inclusionProof(stored, 0, 45)).toThrow(/missing Merkle node level 2 index 1/);
  });
});

describe('rangeNodes', () => {
  it('decomposes proof-shaped ranges into aligned complete nodes, largest first', () => {
    expect(rangeNodes(0, 13)).toEqual([
      { level: 3, index: 0 },
      { level: 2, index: 2 },
      { level: 0, index: 12 },
    ]);
    expect(rangeNodes(8, 12)).toEqual([{ level: 2, index: 2 }]);
    expect(() => rangeNodes(3, 7)).toThrow(/proof-shaped/);
  });
});

describe('large logs', () => {
  it('proves and verifies inclusion and consistency in a 100,000-leaf tree', () => {
    const n = 100_000;
    const leaves = sampleLeaves('sm3', n);
    const tree = memoryTree('sm3', leaves);
    const root = treeRoot(tree, n);
    // Leaves under the first 2^16 and the next 2^15 subtree have 17 siblings; the last one sits in the ragged
    // right edge (subtrees of 34464, 1696, 672, 160, then a complete 32) and has 10.
    const lengths = { 0: 17, 1: 17, 4_095: 17, 65_536: 17, 99_999: 10 };
    for (const [key, length] of Object.entries(lengths)) {
      const i = Number(key);
      const proof = inclusionProof(tree, i, n);
      expect(proof.length).toBe(length);
      expect(verifyInclusion('sm3', leaves[i] as Uint8Array, i, n, proof, root)).toBe(true);
    }
    const old = treeRoot(tree, 77_777);
    expect(verifyConsistency('sm3', 77_777, n, old, root, consistencyProof(tree, 77_777, n))).toBe(true);
  });
});
