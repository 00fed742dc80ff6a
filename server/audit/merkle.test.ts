import { describe, expect, it } from 'vitest';
import { emptyRoot, fromHex, leafHash, toHex, type HashAlgorithm } from './hash.js';
import { memoryTree } from './merkle-nodes.js';
import { refPath, refRoot, refSubproof, sampleLeaves } from './merkle-reference.testutil.js';
import { verifyConsistency, verifyInclusion } from './merkle-verify.js';
import { consistencyProof, inclusionProof, rootFromLeaves, splitPoint, treeRoot } from './merkle.js';

// RFC 6962 reference data (transparency-dev/merkle testonly constants): leaves, roots for sizes 1..8, proofs.
const CT_DATA = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'];
const CT_ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
const CT_INCLUSION = [
  { index: 0, size: 8, proof: ['96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7', '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4'] },
  { index: 5, size: 8, proof: ['bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b', 'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0', 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7'] },
];
const CT_CONSISTENCY = [
  { m: 2, n: 8, proof: ['5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4'] },
  { m: 6, n: 8, proof: ['0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a', 'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0', 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7'] },
  { m: 2, n: 5, proof: ['5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', 'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b'] },
];

const hexes = (list: Uint8Array[]) => list.map(toHex);
const flipped = (b: Uint8Array, at: number) => {
  const copy = new Uint8Array(b);
  copy[at] = (copy[at] as number) ^ 0x01;
  return copy;
};

describe('RFC 6962 / 9162 reference vectors (SHA-256)', () => {
  const leaves = CT_DATA.map((h) => leafHash('sha256', fromHex(h)));
  const tree = memoryTree('sha256', leaves);

  it('roots of sizes 0..8 match', () => {
    expect(toHex(treeRoot(tree, 0))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    for (let n = 1; n <= 8; n++) {
      expect(toHex(treeRoot(tree, n))).toBe(CT_ROOTS[n - 1]);
      expect(toHex(rootFromLeaves('sha256', leaves.slice(0, n)))).toBe(CT_ROOTS[n - 1]);
    }
  });

  it('inclusion and consistency proofs match and verify', () => {
    for (const v of CT_INCLUSION) {
      expect(hexes(inclusionProof(tree, v.index, v.size))).toEqual(v.proof);
      const root = fromHex(CT_ROOTS[v.size - 1] as string);
      expect(verifyInclusion('sha256', leaves[v.index] as Uint8Array, v.index, v.size, v.proof.map(fromHex), root)).toBe(true);
    }
    for (const v of CT_CONSISTENCY) {
      expect(hexes(consistencyProof(tree, v.m, v.n))).toEqual(v.proof);
      const [rootM, rootN] = [CT_ROOTS[v.m - 1], CT_ROOTS[v.n - 1]].map((h) => fromHex(h as string));
      expect(verifyConsistency('sha256', v.m, v.n, rootM as Uint8Array, rootN as Uint8Array, v.proof.map(fromHex))).toBe(true);
    }
  });

  it('splits at the largest power of two below n, not the midpoint', () => {
    const want: Record<number, number> = { 2: 1, 3: 2, 4: 2, 5: 4, 6: 4, 8: 4, 9: 8, 1000: 512, [2 ** 40 + 1]: 2 ** 40 };
    for (const [n, k] of Object.entries(want)) expect(splitPoint(Number(n))).toBe(k);
  });
});

describe.each(['sha256', 'sm3'] as const)('%s trees', (alg: HashAlgorithm) => {
  const N = 40;
  const leaves = sampleLeaves(alg, N + 30);
  const tree = memoryTree(alg, leaves);
  const roots = Array.from({ length: N + 2 }, (_, n) => refRoot(alg, leaves.slice(0, n)));

  it('the empty tree and a one-leaf tree', () => {
    expect(toHex(rootFromLeaves(alg, []))).toBe(toHex(emptyRoot(alg)));
    expect(toHex(rootFromLeaves(alg, [leaves[0] as Uint8Array]))).toBe(toHex(leaves[0] as Uint8Array));
  });

  it('roots agree with the RFC definition for every size up to 70', () => {
    for (let n = 0; n <= leaves.length; n++) {
      const want = toHex(refRoot(alg, leaves.slice(0, n)));
      expect(toHex(rootFromLeaves(alg, leaves.slice(0, n)))).toBe(want);
      expect(toHex(treeRoot(tree, n))).toBe(want);
    }
  });

  // Tampered variants are collected and asserted once: thousands of expect() calls would dominate the run time.
  it('every inclusion proof up to size 40 equals PATH and verifies; any change fails', () => {
    const accepted: string[] = [];
    const mustFail = (label: string, ok: boolean) => ok && accepted.push(label);
    let verified = 0;
    for (let n = 1; n <= N; n++) {
      const root = roots[n] as Uint8Array;
      for (let i = 0; i < n; i++) {
        const leaf = leaves[i] as Uint8Array;
        const proof = inclusionProof(tree, i, n);
        expect(hexes(proof)).toEqual(hexes(refPath(alg, i, leaves.slice(0, n))));
        if (verifyInclusion(alg, leaf, i, n, proof, root)) verified++;
        const at = `(${i},${n})`;
        mustFail(`older root ${at}`, verifyInclusion(alg, leaf, i, n, proof, roots[n - 1] as Uint8Array));
        if (i + 1 < n) mustFail(`index+1 ${at}`, verifyInclusion(alg, leaf, i + 1, n, proof, root));
        if (i > 0) mustFail(`index-1 ${at}`, verifyInclusion(alg, leaf, i - 1, n, proof, root));
        // A size means something only with its own root (the signed checkpoint binds the two).
        mustFail(`size+1 ${at}`, verifyInclusion(alg, leaf, i, n + 1, proof, roots[n + 1] as Uint8Array));
        if (i < n - 1) mustFail(`size-1 ${at}`, verifyInclusion(alg, leaf, i, n - 1, proof, roots[n - 1] as Uint8Array));
        mustFail(`other leaf ${at}`, verifyInclusion(alg, leaves[n] as Uint8Array, i, n, proof, root));
        mustFail(`longer ${at}`, verifyInclusion(alg, leaf, i, n, [...proof, leaf], root));
        if (proof.length > 0) mustFail(`shorter ${at}`, verifyInclusion(alg, leaf, i, n, proof.slice(1), root));
        for (let b = 0; b < 32; b++) {
          mustFail(`leaf byte ${b} ${at}`, verifyInclusion(alg, flipped(leaf, b), i, n, proof, root));
          mustFail(`root byte ${b} ${at}`, verifyInclusion(alg, leaf, i, n, proof, flipped(root, b)));
          proof.forEach((p, j) => {
            const bad = proof.map((q, k) => (k === j ? flipped(p, b) : q));
            mustFail(`proof[${j}] byte ${b} ${at}`, verifyInclusion(alg, leaf, i, n, bad, root));
          });
        }
      }
    }
    expect(verified).toBe((N * (N + 1)) / 2);
    expect(accepted).toEqual([]);
  });

  it('every consistency proof up to size 40 equals PROOF and verifies; any change fails', () => {
    const accepted: string[] = [];
    const mustFail = (label: string, ok: boolean) => ok && accepted.push(label);
    let verified = 0;
    for (let n = 0; n <= N; n++) {
      for (let m = 0; m <= n; m++) {
        const [rootM, rootN] = [roots[m] as Uint8Array, roots[n] as Uint8Array];
        const proof = consistencyProof(tree, m, n);
        const want = m === 0 || m === n ? [] : refSubproof(alg, m, leaves.slice(0, n), true);
        expect(hexes(proof)).toEqual(hexes(want));
        if (verifyConsistency(alg, m, n, rootM, rootN, proof)) verified++;
        if (m === n) continue;
        const at = `(${m},${n})`;
        mustFail(`reversed ${at}`, verifyConsistency(alg, n, m, rootN, rootM, proof));
        if (m > 0) {
          mustFail(`n+1 ${at}`, verifyConsistency(alg, m, n + 1, rootM, roots[n + 1] as Uint8Array, proof));
          if (m + 1 < n) mustFail(`m+1 ${at}`, verifyConsistency(alg, m + 1, n, roots[m + 1] as Uint8Array, rootN, proof));
          mustFail(`older rootM ${at}`, verifyConsistency(alg, m, n, roots[m - 1] as Uint8Array, rootN, proof));
          mustFail(`longer ${at}`, verifyConsistency(alg, m, n, rootM, rootN, [...proof, rootM]));
          mustFail(`shorter ${at}`, verifyConsistency(alg, m, n, rootM, rootN, proof.slice(0, -1)));
        }
        for (let b = 0; b < 32; b++) {
          // Every tree extends the empty one, so with m = 0 only rootM (the empty-tree hash) is checked.
          if (m > 0) mustFail(`rootN byte ${b} ${at}`, verifyConsistency(alg, m, n, rootM, flipped(rootN, b), proof));
          mustFail(`rootM byte ${b} ${at}`, verifyConsistency(alg, m, n, flipped(rootM, b), rootN, proof));
          proof.forEach((p, j) => {
            const bad = proof.map((q, k) => (k === j ? flipped(p, b) : q));
            mustFail(`proof[${j}] byte ${b} ${at}`, verifyConsistency(alg, m, n, rootM, rootN, bad));
          });
        }
      }
    }
    expect(verified).toBe(((N + 1) * (N + 2)) / 2);
    expect(accepted).toEqual([]);
  });

  it('rejects malformed input instead of throwing', () => {
    const proof = inclusionProof(tree, 3, 10);
    const leaf = leaves[3] as Uint8Array;
    const root = roots[10] as Uint8Array;
    expect(verifyInclusion(alg, leaf, 10, 10, proof, root)).toBe(false);
    expect(verifyInclusion(alg, leaf, -1, 10, proof, root)).toBe(false);
    expect(verifyInclusion(alg, leaf, 3, 10, [new Uint8Array(31), ...proof.slice(1)], root)).toBe(false);
    expect(verifyInclusion(alg, leaf.subarray(1), 3, 10, proof, root)).toBe(false);
    expect(verifyConsistency(alg, 6, 10, roots[6] as Uint8Array, root, [])).toBe(false);
    expect(verifyConsistency(alg, 0, 10, roots[1] as Uint8Array, root, [])).toBe(false);
    expect(verifyConsistency(alg, 4, 4, roots[4] as Uint8Array, roots[5] as Uint8Array, [])).toBe(false);
  });

  it('refuses to build proofs outside the tree', () => {
    expect(() => inclusionProof(tree, 5, 5)).toThrow(/outside/);
    expect(() => inclusionProof(tree, 0, leaves.length + 1)).toThrow(/only/);
    expect(() => consistencyProof(tree, 6, 5)).toThrow(/exceeds/);
  });
});
