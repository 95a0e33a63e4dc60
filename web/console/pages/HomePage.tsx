import { Card, Col, Empty, Row, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../ui/i18n/index.tsx';
import { useMenu } from '../menu.tsx';
import { useMe } from '../session.ts';

/** 首页: a welcome, the user's grants (role × scope) and shortcuts to what they may open. */
export default function HomePage() {
  const { t, roleLabel } = useI18n();
  const me = useMe().data;
  const menu = useMenu();
  if (!me) return null;
  const pages = menu.filter((m) => m.path !== '');
  return (
    <div>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('home.welcome', { name: me.name })}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('home.intro')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card title={t('home.grants')}>
            {me.grants.length === 0 ? (
              <Empty description={t('home.noGrants')} />
            ) : (
              <Table
                size="small"
                pagination={false}
                rowKey={(g) => `${g.role}:${g.scopeOrgUnitId}`}
                dataSource={me.grants}
                data-testid="my-grants"
                columns={[
                  {
                    title: t('home.role'),
                    dataIndex: 'role',
                    render: (role: string) => <Tag color="blue">{roleLabel(role)}</Tag>,
                  },
                  { title: t('home.scope'), dataIndex: 'scopeName' },
                ]}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('home.permissions')}>
            <div className="ow-shortcuts">
              {pages.map((p) => (
                <Link key={p.path} to={`/console/${p.path}`} className="ow-shortcut">
                  <span className="ow-shortcut-icon">{p.icon}</span>
                  <span>{t(p.label)}</span>
                </Link>
              ))}
            </div>
          </Card>
        </Col>
      </Row>
    </div>
  );
}
