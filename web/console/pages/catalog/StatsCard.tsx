import { Card, Col, Row, Statistic } from 'antd';
import { useI18n } from '../../../ui/i18n/index.tsx';
import { useCatalogStats } from '../../api/catalog.ts';

/** The catalogue's indicators as the bureau reports them (无差别全科受理 share of the hall …). */
export function StatsCard() {
  const { t } = useI18n();
  const stats = useCatalogStats();
  const s = stats.data;
  const cells = [
    { key: 'published', title: t('catalog.stats.published'), value: s?.published },
    { key: 'inHall', title: t('catalog.stats.inHall'), value: s?.inHall },
    {
      key: 'comprehensive',
      title: t('catalog.stats.comprehensive'),
      value: s?.comprehensive,
      suffix: s ? `/ ${s.comprehensiveShare.toFixed(2)}%` : undefined,
    },
    {
      key: 'grassroots',
      title: t('catalog.stats.grassroots'),
      value: s?.grassroots,
      suffix: s ? t('catalog.stats.villageOf', { n: s.grassrootsVillage }) : undefined,
    },
    {
      key: 'fullyOnline',
      title: t('catalog.stats.fullyOnline'),
      value: s?.fullyOnline,
      suffix: s ? `/ ${s.fullyOnlineShare.toFixed(2)}%` : undefined,
    },
  ];
  return (
    <Card size="small" style={{ marginBottom: 16 }} loading={stats.isPending} data-testid="catalog-stats">
      <Row gutter={[16, 12]}>
        {cells.map((c) => (
          <Col key={c.key} xs={12} sm={8} lg={4} xl={4} flex="1 1 0">
            <Statistic
              title={c.title}
              value={c.value ?? 0}
              suffix={c.suffix ? <span className="ow-muted">{c.suffix}</span> : undefined}
              data-testid={`stat-${c.key}`}
            />
          </Col>
        ))}
      </Row>
    </Card>
  );
}
