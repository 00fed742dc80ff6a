// Holds the menu table to the server's permission table, so that a page is offered exactly to the roles whose
// requests behind it the server answers.
import { describe, expect, it } from 'vitest';
import { roles } from '../../../common/roles.js';
import { rules, type Action } from '../../../server/platform/policies.js';
import { canOpen, type MenuKey } from './menu.js';

const allowed = (action: Action) => roles.filter((r) => rules[action][r] !== undefined).sort();
const opening = (key: MenuKey) => roles.filter((r) => canOpen(r, key)).sort();

describe('the menu and the server agree', () => {
  it.each([
    ['cockpit', 'cockpit.read'],
    ['hot-issues', 'cockpit.read'],
    ['admin-users', 'user.manage'],
    ['admin-settings', 'case.configure'],
    ['org-map', 'grid.read'],
  ] as const)('%s is for exactly the roles with %s', (key, action) => {
    expect(opening(key)).toEqual(allowed(action));
  });

  it('offers the organisation page only to roles that may read units', () => {
    const readers = new Set(allowed('unit.read'));
    expect(opening('org').length).toBeGreaterThan(0);
    expect(opening('org').filter((r) => !readers.has(r))).toEqual([]);
  });
});
