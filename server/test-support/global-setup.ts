import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openEmbedded, openPostgres, type Database } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import { prepareTemplate } from './templates.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** embedded: paths of PGlite data-dir dumps; postgres: names of template databases on TEST_DATABASE_URL's server. */
    templates: { kind: 'embedded' | 'postgres'; empty: string; demo: string; prefix: string };
  }
}

/**
 * Runs the migrations once into two templates — empty, and with the demo county — that every test file copies:
 * data-dir dumps for PGlite, or template databases on the PostgreSQL server when TEST_DATABASE_URL is set.
 */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiceng-tpl-'));
    const dump = async (demo: boolean) => {
      const database = await openEmbedded(null);
      await migrate(database);
      if (demo) await prepareTemplate(database);
      const blob = await database.pglite!.dumpDataDir('none');
      const file = path.join(dir, demo ? 'demo.tar' : 'empty.tar');
      fs.writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
      await database.close();
      return file;
    };
    project.provide('templates', { kind: 'embedded', empty: await dump(false), demo: await dump(true), prefix: '' });
    return () => fs.rmSync(dir, { recursive: true, force: true });
  }
  const admin = await openPostgres(url, 2);
  const stamp = `${process.pid}_${Date.now().toString(36)}`;
  const names = { empty: `jiceng_tpl_${stamp}_empty`, demo: `jiceng_tpl_${stamp}_demo` };
  for (const [variant, name] of Object.entries(names)) {
    await admin.query(`create database ${name}`);
    const database: Database = await openPostgres(withDatabase(url, name), 4);
    await migrate(database);
    if (variant === 'demo') await prepareTemplate(database);
    await database.close();
  }
  project.provide('templates', { kind: 'postgres', ...names, prefix: `jiceng_t_${stamp}_` });
  return async () => {
    // Drop the test databases made from the templates, then the templates.
    const rows = await admin.query<{ datname: string }>(`select datname from pg_database where datname like $1`, [`jiceng_t_${stamp}_%`]);
    for (const r of rows) await admin.query(`drop database if exists ${r.datname} with (force)`);
    for (const name of Object.values(names)) await admin.query(`drop database if exists ${name} with (force)`);
    await admin.close();
  };
}

/** The same connection string pointing at another database. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
