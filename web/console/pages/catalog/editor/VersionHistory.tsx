import { Table } from 'antd';
import { Link } from 'react-router-dom';
import { formatTime } from '../../../../ui/components.tsx';
import { useI18n } from '../../../../ui/i18n/index.tsx';
import type { CatalogVersion } from '../../../api/catalog.ts';
import { VersionStatusTag } from '../StatusTags.tsx';
import { Section } from './Section.tsx';

/** Who wrote, submitted and reviewed each version, when, with the reviewer's note. */
export function VersionHistory({
  itemId,
  versions,
  currentId,
}: {
  itemId: string;
  versions: CatalogVersion[];
  currentId: string;
}) {
  const { t } = useI18n();
  const who = (name: string | null, at: string | null) =>
    at ? (
      <>
        <div>{name ?? '—'}</div>
        <div className="ow-muted ow-mono">{formatTime(at)}</div>
      </>
    ) : (
      '—'
    );
  return (
    <Section id="versions">
      <Table<CatalogVersion>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={versions}
        scroll={{ x: 900 }}
        data-testid="version-history"
        rowClassName={(v) => (v.id === currentId ? 'ow-cat-current' : '')}
        columns={[
          {
            title: t('catalog.v.number'),
            width: 150,
            render: (_, v) => <VersionStatusTag status={v.status} number={v.number} />,
          },
          { title: t('catalog.v.created'), width: 160, render: (_, v) => who(v.createdByName, v.createdAt) },
          {
            title: t('catalog.v.submitted'),
            width: 160,
            render: (_, v) => who(v.submittedByName, v.submittedAt),
          },
          {
            title: t('catalog.v.reviewed'),
            width: 160,
            render: (_, v) => who(v.reviewedByName, v.reviewedAt),
          },
          { title: t('catalog.v.note'), dataIndex: 'reviewNote', render: (n: string | null) => n ?? '—' },
          {
            title: '',
            width: 80,
            render: (_, v) =>
              v.id === currentId ? (
                <span className="ow-muted">{t('catalog.v.shown')}</span>
              ) : (
                <Link to={`/console/catalog/${itemId}?version=${v.id}`}>{t('catalog.list.view')}</Link>
              ),
          },
        ]}
      />
    </Section>
  );
}
