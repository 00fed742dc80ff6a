/**
 * The work on the desks of a demo county when it first starts: the two years of synthetic cases are history (nearly
 * all closed), so a visitor would find the dispatcher's queue and the handler's task list empty. These reports come in
 * "today" through the real use cases — intake, dispatch, acceptance — with their trail entries, notices, predictions
 * and cockpit facts: a grid worker's patrol, a resident repeating one of its reports (a merge suggestion) and a
 * township officer raising it a third time (so 热点问题 has an issue to show), a cadre who follows it instead of
 * reporting it again, an urgent report, a hotline call, a cadre's feedback; two go to the 城管 department, one of
 * them accepted by its handler.
 */
import { eq } from 'drizzle-orm';
import { actorOf } from '../auth/scope.js';
import type { Polygon } from '../../common/geo.js';
import { grids, units } from '../db/schema/org.js';
import { users } from '../db/schema/users.js';
import { randomPointIn } from '../org/geometry.js';
import { mulberry32 } from '../org/prng.js';
import type { Actor } from '../platform/actor.js';
import type { Deps } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import { acceptCase } from './accept-case.js';
import { categoryLineage } from './categories.js';
import { createCase } from './create-case.js';
import { dispatchCase } from './dispatch-case.js';
import { followCase } from './follow-case.js';
import { generateReport, paraphrase } from './report-samples.js';
import type { CreateCaseInput } from './schema.js';
import { suggestUnit } from './suggest-unit.js';
import { urgentCategoryCodes } from './urgency-data.js';

/** A demo account as the use cases see it. */
async function demoActor(db: Deps['db'], username: string): Promise<Actor> {
  const [row] = await db.select({ user: users, unitPath: units.path }).from(users).innerJoin(units, eq(units.id, users.unitId)).where(eq(users.username, username));
  if (!row) throw new AppError('not_found', `演示账户 ${username} 不存在 (demo account ${username} is missing: run \`jiceng seed --demo\`)`);
  return actorOf(db, row.user, row.unitPath);
}

/** Takes in today's demo reports and moves a few along; returns how many cases it left in each state. */
export async function seedDemoWork(deps: Deps): Promise<{ received: number; dispatched: number; accepted: number }> {
  const rng = mulberry32(20261206);
  const [worker, resident, dispatcher, handler, cadre, township] = await Promise.all(
    ['gridworker', 'resident', 'dispatcher', 'handler', 'cadre', 'township'].map((u) => demoActor(deps.db, u)),
  );
  const [own] = await deps.db.select({ name: units.name, boundary: grids.boundary }).from(grids).innerJoin(units, eq(units.id, grids.unitId)).where(eq(grids.unitId, worker!.unitId));
  if (!own) throw new AppError('not_found', '演示网格员没有网格 (the demo grid worker has no grid)');
  const place = (street: string) => {
    const [lng, lat] = randomPointIn(rng, own.boundary as Polygon);
    return { lng, lat, address: `${own.name}${street}` };
  };
  const report = (categoryCode: string, street: string, extra: Partial<CreateCaseInput> = {}): CreateCaseInput => {
    const r = generateReport(rng, categoryCode);
    return { title: r.title, description: r.description, category: r.categoryCode, location: place(street), ...(r.urgent ? { urgency: 'urgent' } : {}), ...extra };
  };

  // The grid worker's patrol: two matters for 城管 (street order, city appearance), one for the environment bureau.
  const patrol = [report('A03', '人民路口'), report('B', '建设街菜市场旁'), report('C', '文化巷')];
  const taken = [];
  for (const input of patrol) taken.push(await createCase(deps, worker!, input));
  // A resident reports the first one again in other words: the dispatcher is offered the merge.
  const first = patrol[0]!;
  taken.push(await createCase(deps, resident!, { title: first.title, description: paraphrase(rng, first.description), location: first.location }));
  // The township's officer raises it a third time, and the cadre follows the first report instead of a fourth.
  taken.push(await createCase(deps, township!, { description: paraphrase(rng, first.description), location: first.location }));
  await followCase({ ...deps, actor: cadre! }, taken[0]!.id);
  // Something dangerous, a hotline call with the caller's number (sealed, shown masked), and a cadre's feedback.
  taken.push(await createCase(deps, worker!, report(urgentCategoryCodes[0]!, '新华街')));
  taken.push(await createCase(deps, dispatcher!, report('D', '团结路', { channel: 'hotline', contact: { name: '王先生', phone: '13912345678' } })));
  taken.push(await createCase(deps, cadre!, report('E', '东风路', { anonymous: true })));

  // The dispatcher sends the two 城管 matters where the rules say; the handler signs for the first.
  const ref = await deps.reference.fresh();
  let dispatched = 0;
  let accepted = 0;
  for (const c of taken.slice(0, 2)) {
    const suggestion = c.categoryId ? suggestUnit(ref, categoryLineage(ref, c.categoryId), c.areaPath) : null;
    if (!suggestion || c.status !== 'received') continue;
    await dispatchCase({ ...deps, actor: dispatcher! }, c.id, { unitId: suggestion.unitId, assistUnitIds: suggestion.assistUnitIds });
    dispatched++;
    if (dispatched === 1 && suggestion.unitId === handler!.unitId) {
      await acceptCase({ ...deps, actor: handler! }, c.id);
      accepted++;
    }
  }
  return { received: taken.length - dispatched, dispatched: dispatched - accepted, accepted };
}
