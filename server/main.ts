#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { buildApp } from './app.js';
import { startAuditBackground } from './audit/background.js';
import { AUDIT_HELP, runAuditCli } from './audit/cli.js';
import { createDeps } from './boot.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { openDatabase } from './db/client.js';
import { migrate } from './db/migrate.js';
import { ensureInitialData } from './org/initial-data.js';
import { isAppError } from './platform/errors.js';
import { startBackground } from './background.js';
import { runSlaCli, SLA_HELP } from './sla/cli.js';
import { COCKPIT_HELP, runCockpitCli, seedSyntheticFromArgv } from './cockpit/cli.js';
import { seedSynthetic } from './cockpit/synthetic.js';
import { seedDemoWork } from './cases/demo-work.js';
import { CLASSIFIER_HELP, runClassifierCli } from './dispatch/cli.js';

type Command = (argv: string[]) => Promise<number>;

function configFrom(argv: string[]): { config: Config; rest: string[] } {
  const { values, positionals } = parseArgs({ args: argv, options: { demo: { type: 'boolean' }, port: { type: 'string' } }, allowPositionals: true, strict: false });
  const env = { ...process.env, ...(typeof values.port === 'string' ? { PORT: values.port } : {}) };
  return { config: loadConfig(env, values.demo ? { demo: true } : {}), rest: positionals };
}

const commands: Record<string, { help: string; run: Command }> = {
  serve: {
    help: 'serve [--demo] [--port N]   run the platform (HTTP API, web app, background jobs)',
    async run(argv) {
      const started = Date.now();
      const { config } = configFrom(argv);
      const deps = await createDeps(config);
      const seeded = await ensureInitialData(deps);
      if (seeded.seededNow && config.JICENG_DEMO_CASES > 0) {
        // A demo county with two years of cases: the workbench, the lists and the cockpit have something to show.
        const demo = await seedSynthetic(deps, config.JICENG_DEMO_CASES);
        console.log(`演示工单 demo cases: ${demo.loaded} over two years (${(demo.ms / 1000).toFixed(1)} s; JICENG_DEMO_CASES=0 for none)`);
        // …and today's work on the desks: the queue, the handler's tasks.
        const today = await seedDemoWork(deps);
        console.log(`今日待办 today's work: ${today.received} in the dispatcher's queue, ${today.dispatched + today.accepted} with the 城管 handler`);
      }
      const app = await buildApp(deps, { logger: { level: config.LOG_LEVEL } });
      await deps.bus.start();
      const jobs = config.JICENG_BACKGROUND ? startBackground(deps, app.log) : [];
      if (config.JICENG_BACKGROUND) startAuditBackground(deps, app);
      // A second signal during shutdown must not kill the process before the embedded database is closed.
      let closing = false;
      const close = async () => {
        if (closing) return;
        closing = true;
        await Promise.all(jobs.map((j) => j.stop()));
        await deps.bus.stop();
        await app.close();
        await deps.database.close();
        process.exit(0);
      };
      process.on('SIGINT', close);
      process.on('SIGTERM', close);
      await app.listen({ port: config.PORT, host: config.HOST });
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : config.PORT;
      console.log(`\n基层通 jiceng is ready on http://localhost:${port} (${deps.database.kind} database, ${Date.now() - started} ms)`);
      if (seeded.demoAccounts) {
        console.log(`演示账户 demo accounts (password ${seeded.demoPassword}): ${seeded.demoAccounts.join(', ')}\n`);
      }
      return -1; // keep running
    },
  },
  audit: { help: AUDIT_HELP, run: (argv) => runAuditCli(argv, () => configFrom(argv).config) },
  migrate: {
    help: 'migrate                     apply pending database migrations and exit',
    async run(argv) {
      const { config } = configFrom(argv);
      const database = await openDatabase(config);
      await migrate(database);
      await database.close();
      console.log('migrations applied');
      return 0;
    },
  },
  seed: {
    help: 'seed [--demo] [--synthetic N]  load the demo county (青禾县) and demo accounts into an empty database; N synthetic cases',
    async run(argv) {
      const { config } = configFrom([...argv, '--demo']);
      const deps = await createDeps(config);
      const seeded = await ensureInitialData(deps);
      await seedSyntheticFromArgv(deps, argv);
      await deps.database.close();
      console.log(seeded.demoAccounts ? `demo county seeded; accounts: ${seeded.demoAccounts.join(', ')}` : 'database already has data; nothing seeded');
      return 0;
    },
  },
  sla: { help: SLA_HELP, run: (argv) => runSlaCli(argv, () => configFrom(argv).config) },
  cockpit: { help: COCKPIT_HELP, run: (argv) => runCockpitCli(argv, () => configFrom(argv).config) },
  classifier: { help: CLASSIFIER_HELP, run: (argv) => runClassifierCli(argv, () => configFrom(argv).config) },
};

function usage(): string {
  return `usage: jiceng <command> [options]\n\n${Object.values(commands)
    .map((c) => `  ${c.help}`)
    .join('\n')}\n`;
}

async function main(): Promise<void> {
  const [name, ...argv] = process.argv.slice(2);
  const command = name ? commands[name] : undefined;
  if (!command) {
    process.stderr.write(name && name !== 'help' && name !== '--help' ? `unknown command: ${name}\n\n${usage()}` : usage());
    process.exit(name && name !== 'help' && name !== '--help' ? 2 : 0);
  }
  try {
    const code = await command.run(argv);
    if (code >= 0) process.exit(code);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(1);
    }
    if (isAppError(e)) {
      process.stderr.write(`error: ${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
}

await main();
