import { describe, expect, it } from 'vitest';
import { DocumentEmbedder, quantise } from './embedding-view.js';
import { boardMessages } from './fixtures/board-corpus.js';

const embedding = { dim: 8, minCount: 3, window: 3 };
const dot = (a: Float32Array, b: Float32Array) => a.reduce((s, x, k) => s + x * (b[k] as number), 0);

describe('quantise', () => {
  it('keeps each value within half a step of its row scale', () => {
    const rows = Float32Array.from([0.5, -0.25, 0.125, 0, 0, 0, 0.9, -0.1, 0.3]);
    const { vectors, scales } = quantise(rows, 3);
    expect(Array.from(vectors.slice(0, 3))).toEqual([127, -63, 32]);
    expect(Array.from(vectors.slice(3, 6))).toEqual([0, 0, 0]);
    expect(scales[1]).toBe(0);
    rows.forEach((x, i) => expect(Math.abs((vectors[i] as number) * (scales[Math.floor(i / 3)] as number) - x)).toBeLessThanOrEqual((scales[Math.floor(i / 3)] as number) / 2 + 1e-7));
  });
});

describe('DocumentEmbedder', () => {
  const board = boardMessages(240, 4);
  const embedder = DocumentEmbedder.learn(board.map((m) => m.text), { titleWeight: 3, embedding });

  it('puts messages of one domain closer together than messages of two', () => {
    const taxi = embedder.embed('的士司机拒载，还故意绕路').values;
    const bus = embedder.embed({ title: '公交车太少', body: '早高峰堵车，公交站台也远' }).values;
    const smoke = embedder.embed('餐馆油烟直排，工厂废气刺鼻').values;
    expect(dot(taxi, taxi)).toBeCloseTo(1, 5);
    expect(dot(taxi, bus)).toBeGreaterThan(dot(taxi, smoke) + 0.3);
  });

  it('gives a zero vector to a text with no known word', () => {
    expect(Array.from(embedder.embed('ｘｙｚ').values).every((x) => x === 0)).toBe(true);
  });

  it('embeds exactly alike after a JSON round trip', () => {
    const json = JSON.parse(JSON.stringify(embedder.toJSON()));
    expect(json.vectors.length).toBeLessThan(embedder.words.length * embedder.dim * 1.4 + 4);
    const back = DocumentEmbedder.fromJSON(json);
    for (const m of board.slice(0, 30)) expect(back.embed(m.text)).toEqual(embedder.embed(m.text));
  });

  it('is deterministic', () => {
    const again = DocumentEmbedder.learn(board.map((m) => m.text), { titleWeight: 3, embedding });
    expect(JSON.stringify(again.toJSON())).toBe(JSON.stringify(embedder.toJSON()));
  });
});
