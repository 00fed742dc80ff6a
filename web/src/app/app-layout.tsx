import { useState } from 'react';
import { Button, Drawer, Layout, Tag, Tooltip } from 'antd';
import { LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { Outlet, useNavigate } from 'react-router';
import { NavMenu } from './nav-menu.js';
import { LanguageSwitch } from './language-switch.js';
import { MessageBell } from '../cases/message-bell.js';
import { useIsPhone } from './use-media-query.js';
import { useUser } from './user-context.js';
import { useLogout } from '../auth/session.js';
import { useI18n } from '../i18n/i18n-context.js';
import './app-layout.css';

function Brand({ compact }: { compact: boolean }) {
  const { t } = useI18n();
  return (
    <div className="brand">
      <span className="brand-logo" aria-hidden>
        通
      </span>
      {!compact && <span className="brand-name">{t('app.name')}</span>}
    </div>
  );
}

/** The signed-in frame: role menu in a sider (a drawer on phones), header with user, language and logout. */
export function AppLayout() {
  const user = useUser();
  const { t, roleName } = useI18n();
  const isPhone = useIsPhone();
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const logout = useLogout();
  const navigate = useNavigate();

  const onLogout = () => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) });

  return (
    <Layout className="app-shell" hasSider={!isPhone}>
      {!isPhone && (
        <Layout.Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={220} className="app-sider">
          <Brand compact={collapsed} />
          <NavMenu role={user.role} />
        </Layout.Sider>
      )}
      {isPhone && (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={240}
          closable={false}
          className="app-drawer"
          styles={{ body: { padding: 0 } }}
        >
          <Brand compact={false} />
          <NavMenu role={user.role} onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      )}
      <Layout>
        <Layout.Header className="app-header">
          {isPhone && (
            <Button
              type="text"
              icon={<MenuOutlined />}
              aria-label={t('header.openMenu')}
              onClick={() => setDrawerOpen(true)}
              data-testid="nav-toggle"
            />
          )}
          {isPhone && <span className="header-title">{t('app.name')}</span>}
          <div className="header-spacer" />
          <MessageBell />
          <LanguageSwitch />
          <div className={isPhone ? 'header-user header-user-stacked' : 'header-user'}>
            <span className="header-user-name" data-testid="current-user">
              {user.displayName}
            </span>
            {isPhone ? (
              <span className="header-user-role" data-testid="current-role">
                {roleName(user.role)}
              </span>
            ) : (
              <Tag color="blue" variant="filled" data-testid="current-role">
                {roleName(user.role)}
              </Tag>
            )}
          </div>
          <Tooltip title={t('header.logout')}>
            <Button
              type="text"
              icon={<LogoutOutlined />}
              onClick={onLogout}
              loading={logout.isPending}
              aria-label={t('header.logout')}
              data-testid="logout"
            >
              {isPhone ? null : t('header.logout')}
            </Button>
          </Tooltip>
        </Layout.Header>
        <Layout.Content className="app-content">
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
