import type { Role, UnitKind } from '../../../common/roles.js';

/** English names of the roles; the Chinese ones live in common/roles.ts. */
export const enRoleLabels: Record<Role, string> = {
  resident: 'Resident',
  grid_worker: 'Grid worker',
  cadre: 'Village cadre',
  township_staff: 'Township staff',
  handler: 'Handler',
  dispatcher: 'Dispatcher',
  supervisor: 'Supervisor',
  leader: 'Leader',
  admin: 'Administrator',
};

/** English names of unit kinds; the Chinese ones live in common/roles.ts. */
export const enUnitKindLabels: Record<UnitKind, string> = {
  county: 'County',
  township: 'Township',
  village: 'Village',
  grid: 'Grid',
  department: 'Department',
  office: 'Township office',
};
