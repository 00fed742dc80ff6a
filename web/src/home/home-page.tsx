import { Card, Col, Descriptions, Row, Typography } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useUser } from '../app/user-context.js';
import { menuFor } from '../app/menu.js';
import { menuIcons } from '../app/menu-icons.js';
import { useI18n } from '../i18n/i18n-context.js';
import './home-page.css';

/** The landing page after sign-in: who you are, where you belong, and what you can open. */
export function HomePage() {
  const user = useUser();
  const { t, roleName } = useI18n();
  const shortcuts = menuFor(user.role).filter((item) => item.key !== 'home');
  return (
    <div className="home">
      <Card className="welcome-card" data-testid="welcome-card">
        <Typography.Title level={3} className="welcome-title">
          {t('home.greeting', { name: user.displayName })}
        </Typography.Title>
        <Typography.Paragraph className="welcome-intro">{t('home.intro')}</Typography.Paragraph>
        <Descriptions
          column={{ xs: 1, sm: 3 }}
          size="small"
          items={[
            { key: 'role', label: t('home.role'), children: roleName(user.role) },
            { key: 'unit', label: t('home.unit'), children: user.unitName ?? t('common.none') },
            { key: 'username', label: t('home.username'), children: user.username },
          ]}
        />
      </Card>
      {shortcuts.length > 0 && (
        <>
          <Typography.Title level={5} className="home-section">
            {t('home.shortcuts')}
          </Typography.Title>
          <Row gutter={[12, 12]}>
            {shortcuts.map((item) => (
              <Col key={item.key} xs={12} sm={8} lg={6}>
                <Link to={item.path} className="shortcut" data-testid={`shortcut-${item.key}`}>
                  <span className="shortcut-icon">{menuIcons[item.icon]}</span>
                  <span className="shortcut-label">{t(item.labelKey)}</span>
                  <RightOutlined className="shortcut-arrow" />
                </Link>
              </Col>
            ))}
          </Row>
        </>
      )}
    </div>
  );
}
