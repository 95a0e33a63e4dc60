import { Select, Space, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../../../ui/i18n/index.tsx';
import { type CatalogSearchHitView, useItemSearch } from '../../../api/cases.ts';

/** The tags that say where an item may be taken: 全科 at any comprehensive window, 乡镇 / 村. */
export function WhereTags({ hit }: { hit: Pick<CatalogSearchHitView, 'comprehensive' | 'grassroots'> }) {
  const { t } = useI18n();
  return (
    <Space size={2}>
      {hit.comprehensive ? (
        <Tag color="blue">{t('case.intake.comprehensive')}</Tag>
      ) : (
        <Tag>{t('case.intake.specialistOnly')}</Tag>
      )}
      {hit.grassroots.map((g) => (
        <Tag key={g} color="green">
          {t(`case.intake.grassroots.${g}`)}
        </Tag>
      ))}
    </Space>
  );
}

/**
 * 事项 search: the catalogue's own search (Chinese, pinyin or initials), debounced; at a township
 * or village point only the items delegated to that level are offered.
 */
export function ItemPicker({
  selected,
  onChange,
  grassroots,
  size = 'large',
}: {
  size?: 'large' | 'middle';
  selected: CatalogSearchHitView | undefined;
  onChange(id: string | undefined, hit: CatalogSearchHitView | undefined): void;
  grassroots?: 'township' | 'village';
}) {
  const { t } = useI18n();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 250);
    return () => clearTimeout(timer);
  }, [typed]);
  const search = useItemSearch(q, grassroots);
  const found = search.data?.items ?? [];
  // The chosen item stays an option (and keeps its label) whatever the next search finds.
  const hits = selected && !found.some((h) => h.id === selected.id) ? [selected, ...found] : found;
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setTyped }}
      allowClear
      value={selected?.id}
      placeholder={t('case.intake.itemSearch')}
      style={{ width: '100%' }}
      size={size}
      loading={search.isFetching}
      data-testid="item-picker"
      notFoundContent={search.isFetching ? '…' : undefined}
      onChange={(id?: string) =>
        onChange(
          id,
          hits.find((h) => h.id === id),
        )
      }
      optionLabelProp="title"
      options={hits.map((h) => ({
        value: h.id,
        title: h.name,
        label: (
          <div className="ow-item-option">
            <span>{h.name}</span>
            <span className="ow-muted">
              {h.departmentName} <WhereTags hit={h} />
            </span>
          </div>
        ),
      }))}
    />
  );
}
