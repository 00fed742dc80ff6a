import type { Role } from '../../common/roles.js';
import { givenNames, surnames } from './demo-names.js';
import { pick } from './prng.js';

/** What people generation needs to know of a unit. */
export interface DemoUnitRef {
  code: string;
  name: string;
}

/** A demo account: a stable ASCII key (usable as a login name), a Chinese name, a role, the unit it works for. */
export interface DemoPerson {
  key: string;
  displayName: string;
  role: Role;
  unitCode: string;
  /** An obviously fake number, 1380000xxxx; the UI masks it like a real one. */
  phone: string;
  /** Job title shown next to the name. */
  title: string;
}

const handlersPerDepartment = 3;

/** The demo people of a county: leaders and staff at the county, handlers, township staff, cadres, one worker per grid. */
export function buildDemoPeople(
  units: { county: DemoUnitRef; departments: DemoUnitRef[]; offices: DemoUnitRef[]; villages: DemoUnitRef[]; grids: DemoUnitRef[] },
  rng: () => number,
): DemoPerson[] {
  const used = new Set<string>();
  const people: DemoPerson[] = [];
  const add = (key: string, role: Role, unitCode: string, title: string) => {
    let displayName: string;
    // Redraw on a clash so that every demo person can be told apart by name.
    do displayName = pick(rng, surnames) + pick(rng, givenNames);
    while (used.has(displayName));
    used.add(displayName);
    const phone = `1380000${String(people.length + 1).padStart(4, '0')}`;
    people.push({ key, displayName, role, unitCode, phone, title });
  };
  const county = units.county.code;
  add('admin-1', 'admin', county, '系统管理员');
  add('leader-1', 'leader', county, '副县长');
  add('supervisor-1', 'supervisor', county, '县委县政府督查室督查员');
  add('dispatcher-1', 'dispatcher', county, '社会治理指挥中心派单员');
  add('dispatcher-2', 'dispatcher', county, '社会治理指挥中心派单员');
  for (const d of units.departments) {
    for (let n = 1; n <= handlersPerDepartment; n++) add(`handler-${d.code}-${n}`, 'handler', d.code, `${d.name}承办人`);
  }
  for (const o of units.offices) add(`township_staff-${o.code}`, 'township_staff', o.code, `${o.name}工作人员`);
  for (const v of units.villages) {
    add(`cadre-${v.code}`, 'cadre', v.code, v.name.endsWith('社区') ? '社区居委会主任' : '村党支部书记');
  }
  for (const g of units.grids) add(`grid_worker-${g.code}`, 'grid_worker', g.code, '专职网格员');
  return people;
}
