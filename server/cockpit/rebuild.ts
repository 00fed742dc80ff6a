import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { cubes, type Cube } from './cubes.js';
import { LEVELS } from './days.js';
import { factsColumns, factsSelectSql } from './facts-sql.js';
import { rowsOf } from '../db/rows.js';
import { below, histCubes, histDaySql, histOrder, histUpSql, levelSql, parentOf } from './rebuild-sql.js';
import { withoutIndexes } from './table-indexes.js';

/** Rollup tables in the order the rebuild fills them (parents first). */
function buildOrder(): Cube[] {
  const done = new Set<string>();
  const out: Cube[] = [];
  const visit = (c: Cube) => {
    if (done.has(c.table)) return;
    const p = parentOf[c.table];
    if (p) visit(cubes.find((x) => x.table === p)!);
    done.add(c.table);
    out.push(c);
  };
  cubes.forEach(visit);
  return out;
}

/**
 * Recomputes the per-case facts and every rollup from the case table, in one transaction (recovery, and after a bulk
 * load). Writers of facts wait meanwhile; their changes land on the rebuilt state. `onStep` reports progress.
 */
export async function rebuildRollups(db: Db, onStep: (step: string, ms: number) => void = () => undefined): Promise<{ cases: number }> {
  return db.transaction(async (tx) => {
    const step = async (name: string, run: () => Promise<unknown>) => {
      const t0 = Date.now();
      await run();
      onStep(name, Date.now() - t0);
    };
    const exec = (text: string) => tx.execute(sql.raw(text));
    // Writers lock the facts before the deltas; taking both in that order cannot deadlock with them.
    await exec('lock table cockpit_case_facts, cockpit_deltas in access exclusive mode');
    const all = ['cockpit_case_facts', 'cockpit_deltas', ...cubes.map((c) => c.table)];
    await exec(`truncate ${all.join(', ')}`);
    await exec(`set local work_mem = '512MB'`);
    await exec(`set local maintenance_work_mem = '1GB'`);
    // JIT compiles each of these ~150 statements for 0.1–0.3 s and saves nothing on hash aggregates.
    await exec('set local jit = off');
    // Every level loads without indexes (one sort per index afterwards, instead of a random insert per row).
    await withoutIndexes(tx, ['cockpit_case_facts', ...cubes.map((c) => c.table)], async () => {
      await step('facts', () => exec(`insert into cockpit_case_facts (${factsColumns.join(', ')}) select ${factsSelectSql()} from cases c`));
      for (const h of histOrder) {
        await step(`histogram of ${h.cube.table}, day level`, async () => {
          await exec(histDaySql(h));
          await exec(`analyze hist_0_${h.gs}`);
        });
      }
      for (const cube of buildOrder()) await step(`${cube.table} day level`, () => exec(levelSql(cube, 0)));
      for (const level of LEVELS.slice(1)) {
        await step(`level ${level}`, async () => {
          for (const h of histCubes) await exec(histUpSql(level, h.gs));
          for (const cube of cubes) await exec(levelSql(cube, level));
          for (const h of histCubes) await exec(`drop table hist_${below(level)}_${h.gs}`);
        });
      }
    });
    await step('analyze', () => exec(`analyze ${all.join(', ')}`));
    const [row] = await rowsOf<{ n: number }>(tx, sql`select count(*)::int as n from cockpit_case_facts`);
    return { cases: row!.n };
  });
}
