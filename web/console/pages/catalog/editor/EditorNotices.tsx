import { Alert, Space } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../../ui/i18n/index.tsx';
import type { CatalogItemDetailView, CatalogVersion } from '../../../api/catalog.ts';

/**
 * What the user should know before editing: why the form is read-only (another department's item,
 * a published version that needs a revision, a version under review) and a rejection's note.
 */
export function EditorNotices({
  item,
  editable,
  versions,
  versionsRefused,
}: {
  item: CatalogItemDetailView | null;
  editable: boolean;
  versions: CatalogVersion[];
  versionsRefused: boolean;
}) {
  const { t } = useI18n();
  if (!item) return null;
  const notices: { key: string; type: 'info' | 'warning' | 'error'; text: ReactNode; testId: string }[] = [];
  const shown = versions.find((v) => v.id === item.versionId);
  const working = versions.find((v) => ['draft', 'in_review', 'rejected'].includes(v.status));
  if (item.versionStatus === 'rejected' && shown?.reviewNote) {
    notices.push({
      key: 'rejected',
      type: 'error',
      text: t('catalog.notice.rejected', { note: shown.reviewNote }),
      testId: 'notice-rejected',
    });
  }
  if (!editable) {
    if (versionsRefused) {
      // No read grant on the department: another department's item, shown as the public sees it.
      notices.push({
        key: 'readonly',
        type: 'warning',
        text: t('catalog.notice.otherDepartment', { department: item.departmentName }),
        testId: 'notice-readonly',
      });
    } else if (item.versionStatus === 'in_review') {
      notices.push({
        key: 'review',
        type: 'info',
        text: t('catalog.notice.inReview'),
        testId: 'notice-review',
      });
    } else if (item.allowedActions.includes('newVersion')) {
      notices.push({
        key: 'revise',
        type: 'info',
        text: t('catalog.notice.revise'),
        testId: 'notice-revise',
      });
    } else if (item.allowedActions.length === 0 && item.versionStatus === 'published') {
      notices.push({
        key: 'readonly',
        type: 'warning',
        text: t('catalog.notice.readOnly'),
        testId: 'notice-readonly',
      });
    }
  }
  if (working && working.id !== item.versionId) {
    notices.push({
      key: 'working',
      type: 'info',
      text: (
        <Link to={`/console/catalog/${item.id}?version=${working.id}`}>
          {t('catalog.notice.workingVersion', { n: working.number })}
        </Link>
      ),
      testId: 'notice-working',
    });
  }
  if (!notices.length) return null;
  return (
    <Space direction="vertical" style={{ width: '100%', marginBottom: 16 }}>
      {notices.map((n) => (
        <Alert key={n.key} type={n.type} showIcon message={n.text} data-testid={n.testId} />
      ))}
    </Space>
  );
}
