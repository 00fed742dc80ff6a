import type { ReactNode } from 'react';
import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { canOpen } from './menu.js';
import type { MenuKey } from './menu.js';
import { useUser } from './user-context.js';
import { useI18n } from '../i18n/i18n-context.js';

/** Shows a page only to the roles the menu table gives it to; the server enforces the same on its side. */
export function Guard({ page, children }: { page: MenuKey; children: ReactNode }) {
  const user = useUser();
  if (!canOpen(user.role, page)) return <StatusPage status="403" />;
  return <>{children}</>;
}

/** A full-page 403 or 404 with a way back home. */
export function StatusPage({ status }: { status: '403' | '404' }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Result
      status={status}
      title={status}
      subTitle={t(status === '403' ? 'common.noAccess' : 'common.notFound')}
      extra={
        <Button type="primary" onClick={() => navigate('/home')}>
          {t('common.backHome')}
        </Button>
      }
    />
  );
}
