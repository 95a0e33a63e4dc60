import { Tag } from 'antd';
import type { ItemStatus, VersionStatus } from '../../../../contracts/catalog-api.ts';
import { useI18n } from '../../../ui/i18n/index.tsx';

const ITEM_COLOR: Record<ItemStatus, string> = {
  draft: 'default',
  in_review: 'gold',
  published: 'green',
  retired: 'red',
};
const VERSION_COLOR: Record<VersionStatus, string> = {
  draft: 'default',
  in_review: 'gold',
  published: 'green',
  superseded: 'default',
  retired: 'red',
  rejected: 'volcano',
};

/** An item's overall status (已发布 …). */
export function ItemStatusTag({ status }: { status: ItemStatus }) {
  const { t } = useI18n();
  return <Tag color={ITEM_COLOR[status]}>{t(`catalog.status.${status}`)}</Tag>;
}

/** A version's status (草稿, 待审核, 已退回 …), optionally with its number. */
export function VersionStatusTag({
  status,
  number,
  bare = false,
}: {
  status: VersionStatus;
  number?: number;
  /** Only the number (when the item's status tag already says the same). */
  bare?: boolean;
}) {
  const { t } = useI18n();
  if (bare && number) return <Tag>v{number}</Tag>;
  return (
    <Tag color={VERSION_COLOR[status]}>
      {number ? `v${number} ` : ''}
      {t(`catalog.vstatus.${status}`)}
    </Tag>
  );
}
