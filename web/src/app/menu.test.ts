import { describe, expect, it } from 'vitest';
import { roles } from '../../../common/roles.js';
import { canOpen, menuByRole, menuFor, menuItems, menuKeyForPath } from './menu.js';

describe('menu table', () => {
  it('gives every role the home page first, and only known keys', () => {
    const keys = new Set<string>(menuItems.map((i) => i.key));
    for (const role of roles) {
      expect(menuFor(role)[0]?.key).toBe('home');
      for (const key of menuByRole[role]) expect(keys.has(key)).toBe(true);
    }
  });

  it('keeps user management for admins and the map from residents', () => {
    const withUsers = roles.filter((r) => canOpen(r, 'admin-users'));
    expect(withUsers).toEqual(['admin']);
    const withoutMap = roles.filter((r) => !canOpen(r, 'org-map'));
    expect(withoutMap).toEqual(['resident']);
    const withOrg = roles.filter((r) => canOpen(r, 'org')).sort();
    expect(withOrg).toEqual(['admin', 'dispatcher', 'leader', 'supervisor', 'township_staff']);
  });

  it('lists entries in menu order whatever the order in the role table', () => {
    expect(menuFor('admin').map((i) => i.path)).toEqual([
      '/home',
      '/cases/new',
      '/cases/mine',
      '/cases/dispatch',
      '/cases/supervision',
      '/cockpit',
      '/hot-issues',
      '/org',
      '/org/map',
      '/admin/users',
      '/admin/settings',
    ]);
  });

  it('gives the case pages to the roles the case lifecycle names', () => {
    const who = (key: Parameters<typeof canOpen>[1]) => roles.filter((r) => canOpen(r, key)).sort();
    expect(who('cases-new')).toEqual([...roles].sort());
    expect(who('cases-mine')).toEqual([...roles].sort());
    expect(who('cases-dispatch')).toEqual(['admin', 'dispatcher']);
    expect(who('cases-tasks')).toEqual(['cadre', 'grid_worker', 'handler', 'township_staff']);
    expect(who('cases-supervision')).toEqual(['admin', 'dispatcher', 'leader', 'supervisor']);
  });

  it('treats an unknown role as a resident-like visitor', () => {
    expect(menuFor('martian').map((i) => i.key)).toEqual(['home']);
  });

  it('highlights the most specific entry for a path', () => {
    expect(menuKeyForPath('/org/map')).toBe('org-map');
    expect(menuKeyForPath('/org')).toBe('org');
    expect(menuKeyForPath('/org/units/9')).toBe('org');
    expect(menuKeyForPath('/organic')).toBeUndefined();
    expect(menuKeyForPath('/cases/dispatch')).toBe('cases-dispatch');
    expect(menuKeyForPath('/cases/0f8c1e2a-0000-4000-8000-000000000000')).toBeUndefined();
  });
});
