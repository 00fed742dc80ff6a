/** The roles of the platform (see the glossary); the same identifiers on the server and in the web app. */
export const roles = [
  'resident',
  'grid_worker',
  'cadre',
  'township_staff',
  'handler',
  'dispatcher',
  'supervisor',
  'leader',
  'admin',
] as const;

export type Role = (typeof roles)[number];

/** Chinese names of the roles, for the UI. */
export const roleLabels: Record<Role, string> = {
  resident: '群众',
  grid_worker: '网格员',
  cadre: '村社区干部',
  township_staff: '乡镇工作人员',
  handler: '承办人',
  dispatcher: '派单员',
  supervisor: '督查督办',
  leader: '领导',
  admin: '系统管理员',
};

/** Kinds of organisation unit: the administrative tree and the functional offices. */
export const unitKinds = ['county', 'township', 'village', 'grid', 'department', 'office'] as const;
export type UnitKind = (typeof unitKinds)[number];

/** Chinese names of unit kinds. */
export const unitKindLabels: Record<UnitKind, string> = {
  county: '区县',
  township: '乡镇/街道',
  village: '村/社区',
  grid: '网格',
  department: '职能部门',
  office: '乡镇站所',
};

/** Which kinds of unit may sit under which: the shape of the administrative tree (the server enforces it). */
export const allowedChildren: Record<UnitKind, readonly UnitKind[]> = {
  county: ['township', 'department'],
  township: ['village', 'office'],
  village: ['grid'],
  grid: [],
  department: ['office'],
  office: [],
};
