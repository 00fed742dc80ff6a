import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate, useSearchParams } from 'react-router';
import { useLogin } from './session.js';
import { useI18n } from '../i18n/i18n-context.js';
import { LanguageSwitch } from '../app/language-switch.js';
import './login-page.css';

interface LoginForm {
  username: string;
  password: string;
}

// Only same-site paths are followed after login, never a full URL from the query string.
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && next !== '/login' ? next : '/home';
}

/** The sign-in page: username and password, the server's refusal shown as it is. */
export function LoginPage() {
  const { t } = useI18n();
  const login = useLogin();
  const navigate = useNavigate();
  const [params] = useSearchParams();

  const onFinish = (values: LoginForm) => {
    login.mutate(values, { onSuccess: () => navigate(safeNext(params.get('next')), { replace: true }) });
  };

  return (
    <div className="login-screen">
      <div className="login-lang">
        <LanguageSwitch />
      </div>
      <div className="login-brand">
        <div className="login-logo" aria-hidden>
          通
        </div>
        <Typography.Title level={2} className="login-title">
          {t('app.name')}
        </Typography.Title>
        <Typography.Text className="login-tagline">{t('login.subtitle')}</Typography.Text>
      </div>
      <Card className="login-card" title={t('login.title')}>
        {login.error && (
          <Alert type="error" showIcon title={login.error.message} className="login-error" data-testid="login-error" />
        )}
        <Form<LoginForm> layout="vertical" onFinish={onFinish} requiredMark={false} size="large" autoComplete="on">
          <Form.Item label={t('login.username')} name="username" rules={[{ required: true, message: t('login.usernameRequired') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item label={t('login.password')} name="password" rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
      <div className="login-footer">{t('login.footer')}</div>
    </div>
  );
}
