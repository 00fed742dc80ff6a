import { Menu } from 'antd';
import type { MenuProps } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { menuFor, menuKeyForPath } from './menu.js';
import { menuIcons } from './menu-icons.js';
import { useI18n } from '../i18n/i18n-context.js';

type Items = NonNullable<MenuProps['items']>;

/** The role's menu, from the table in menu.ts; `onNavigate` lets the phone drawer close after a choice. */
export function NavMenu({ role, onNavigate }: { role: string; onNavigate?: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const entries = menuFor(role);
  const selected = menuKeyForPath(pathname);
  const items: Items = entries.map((entry) => {
    // rc-menu passes unknown props through to the <li>, which is what the browser tests click.
    const testId: Record<string, string> = { 'data-testid': `menu-${entry.key}` };
    return { key: entry.key, icon: menuIcons[entry.icon], label: t(entry.labelKey), ...testId };
  });
  return (
    <Menu
      theme="dark"
      mode="inline"
      items={items}
      selectedKeys={selected ? [selected] : []}
      onClick={({ key }) => {
        const entry = entries.find((e) => e.key === key);
        if (entry) navigate(entry.path);
        onNavigate?.();
      }}
    />
  );
}
