/**
 * The menu, by role: the one table that says which pages each role sees. The router guards pages with the same
 * table and the browser test reads it to know what each demo account must see, so keep it free of React.
 */
import type { Role } from '../../../common/roles.js';
import type { MessageKey } from '../i18n/messages.js';

/** One page reachable from the menu. `icon` names an entry of app/menu-icons.tsx. */
export interface MenuItem {
  key: string;
  path: string;
  labelKey: MessageKey;
  icon: 'home' | 'org' | 'map' | 'users' | 'report' | 'mine' | 'dispatch' | 'tasks' | 'supervision' | 'cockpit' | 'hot' | 'settings';
}

/** Every menu page, in menu order. Add a page here and give it to roles below; no entry without a real route. */
export const menuItems = [
  { key: 'home', path: '/home', labelKey: 'menu.home', icon: 'home' },
  { key: 'cases-new', path: '/cases/new', labelKey: 'menu.caseNew', icon: 'report' },
  { key: 'cases-mine', path: '/cases/mine', labelKey: 'menu.caseMine', icon: 'mine' },
  { key: 'cases-dispatch', path: '/cases/dispatch', labelKey: 'menu.caseDispatch', icon: 'dispatch' },
  { key: 'cases-tasks', path: '/cases/tasks', labelKey: 'menu.caseTasks', icon: 'tasks' },
  { key: 'cases-supervision', path: '/cases/supervision', labelKey: 'menu.caseSupervision', icon: 'supervision' },
  { key: 'cockpit', path: '/cockpit', labelKey: 'menu.cockpit', icon: 'cockpit' },
  { key: 'hot-issues', path: '/hot-issues', labelKey: 'menu.hotIssues', icon: 'hot' },
  { key: 'org', path: '/org', labelKey: 'menu.org', icon: 'org' },
  { key: 'org-map', path: '/org/map', labelKey: 'menu.orgMap', icon: 'map' },
  { key: 'admin-users', path: '/admin/users', labelKey: 'menu.users', icon: 'users' },
  { key: 'admin-settings', path: '/admin/settings', labelKey: 'menu.settings', icon: 'settings' },
] as const satisfies readonly MenuItem[];

/** One entry of the table above, with its key narrowed to the known keys. */
export type MenuEntry = (typeof menuItems)[number];
export type MenuKey = MenuEntry['key'];

/** Role → the menu pages it may open. Record<Role, …> makes a new role fail to compile until it is placed. */
// Everyone may report a problem and follow their reports; the work pages follow the transition table's roles
// (server/cases/lifecycle.ts): units work on tasks, the centre dispatches, supervision watches the cards.
// The cockpit and the hot issues follow `cockpit.read` (server/platform/policies.ts): county roles, and township staff
// for their township (the hot issues' API answers any role for its own case scope; the page is for those who decide).
export const menuByRole: Record<Role, readonly MenuKey[]> = {
  resident: ['home', 'cases-new', 'cases-mine'],
  grid_worker: ['home', 'cases-new', 'cases-mine', 'cases-tasks', 'org-map'],
  cadre: ['home', 'cases-new', 'cases-mine', 'cases-tasks', 'org-map'],
  township_staff: ['home', 'cases-new', 'cases-mine', 'cases-tasks', 'cockpit', 'hot-issues', 'org', 'org-map'],
  handler: ['home', 'cases-new', 'cases-mine', 'cases-tasks', 'org-map'],
  dispatcher: ['home', 'cases-new', 'cases-mine', 'cases-dispatch', 'cases-supervision', 'cockpit', 'hot-issues', 'org', 'org-map'],
  supervisor: ['home', 'cases-new', 'cases-mine', 'cases-supervision', 'cockpit', 'hot-issues', 'org', 'org-map'],
  leader: ['home', 'cases-new', 'cases-mine', 'cases-supervision', 'cockpit', 'hot-issues', 'org', 'org-map'],
  admin: ['home', 'cases-new', 'cases-mine', 'cases-dispatch', 'cases-supervision', 'cockpit', 'hot-issues', 'org', 'org-map', 'admin-users', 'admin-settings'],
};

/** The menu entries a role sees, in menu order; an unknown role sees only the home page. */
export function menuFor(role: string): MenuEntry[] {
  const allowed: readonly string[] = menuByRole[role as Role] ?? ['home'];
  return menuItems.filter((item) => allowed.includes(item.key));
}

/** Whether a role may open the menu page with this key. */
export function canOpen(role: string, key: MenuKey): boolean {
  return menuFor(role).some((item) => item.key === key);
}

/** The menu entry whose path best matches a location, for highlighting: the longest matching prefix. */
export function menuKeyForPath(pathname: string): MenuKey | undefined {
  const matches = menuItems.filter((item) => pathname === item.path || pathname.startsWith(`${item.path}/`));
  matches.sort((a, b) => b.path.length - a.path.length);
  return matches[0]?.key;
}
