import { Button, Result, Spin } from 'antd';
import { AppLayout } from './app-layout.js';
import { UserContext } from './user-context.js';
import { ApiError } from './api.js';
import { useCurrentUser } from '../auth/session.js';
import { useI18n } from '../i18n/i18n-context.js';

/** Loads the signed-in user and shows the layout; a 401 has already been turned into a trip to /login by api(). */
export function Protected() {
  const me = useCurrentUser();
  const { t } = useI18n();
  if (me.data) {
    return (
      <UserContext.Provider value={me.data}>
        <AppLayout />
      </UserContext.Provider>
    );
  }
  if (me.error && !(me.error instanceof ApiError && me.error.status === 401)) {
    return (
      <Result
        status="error"
        title={t('common.loadFailed')}
        subTitle={me.error.message}
        extra={<Button onClick={() => void me.refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  return (
    <div className="page-center">
      <Spin size="large" />
    </div>
  );
}
