import { SearchOutlined } from '@ant-design/icons';
import { type FormEvent, useEffect, useState } from 'react';
import type { CatalogStatsView } from '../../../contracts/catalog-api.ts';
import {
  ALL_TOPICS,
  DEPTH_SUMMARY_CODES,
  LEGAL_TOPICS,
  PERSON_TOPICS,
} from '../../../contracts/catalog-codes.ts';
import { depthText } from '../../ui/catalog-format.ts';
import { useI18n } from '../../ui/i18n/index.tsx';
import { useFetch } from './use-fetch.ts';
import type { SearchFilters as Filters } from './use-search.ts';

const AUDIENCES = [
  ['', 'catalog.audience.all'],
  ['person', 'catalog.audience.person'],
  ['legal', 'catalog.audience.legal'],
] as const;

/** The search box, the 个人 / 法人 switch and the department, topic and online-depth selects. */
export function SearchFilters({
  filters,
  onChange,
}: {
  filters: Filters;
  onChange(patch: Partial<Filters>): void;
}) {
  const { t } = useI18n();
  const [q, setQ] = useState(filters.q);
  // Back / forward changes the address: the box follows it.
  useEffect(() => setQ(filters.q), [filters.q]);
  // The departments that publish items, from the public indicators (most items first).
  const stats = useFetch<CatalogStatsView>('/api/catalog/stats');
  const departments = stats.data?.byDepartment ?? [];
  const topics =
    filters.object === 'person' ? PERSON_TOPICS : filters.object === 'legal' ? LEGAL_TOPICS : ALL_TOPICS;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onChange({ q: q.trim() });
  };
  const active = filters.department || filters.topic || filters.depth;

  return (
    <div className="sr-filters">
      <form className="pt-search sr-search" onSubmit={submit}>
        <input
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder={t('catalog.search.placeholder')}
          aria-label={t('common.search')}
          enterKeyHint="search"
          maxLength={50}
        />
        <button type="submit" aria-label={t('common.search')}>
          <SearchOutlined />
          <span className="pt-search-label">{t('common.search')}</span>
        </button>
      </form>
      <div className="sr-audience" role="tablist" data-testid="audience">
        {AUDIENCES.map(([value, label]) => (
          <button
            key={value}
            type="button"
            role="tab"
            aria-selected={filters.object === value}
            className={filters.object === value ? 'sr-chip sr-chip-on' : 'sr-chip'}
            // A topic of the other audience would match nothing: it goes with the switch.
            onClick={() => onChange({ object: value, topic: '' })}
          >
            {t(label)}
          </button>
        ))}
      </div>
      <div className="sr-selects">
        <select
          aria-label={t('catalog.filter.department')}
          value={filters.department}
          onChange={(e) => onChange({ department: e.target.value })}
          data-testid="filter-department"
        >
          <option value="">{t('catalog.filter.allDepartments')}</option>
          {departments.map((d) => (
            <option key={d.departmentId} value={d.departmentId}>
              {d.departmentName}
            </option>
          ))}
        </select>
        <select
          aria-label={t('catalog.filter.topic')}
          value={filters.topic}
          onChange={(e) => onChange({ topic: e.target.value })}
          data-testid="filter-topic"
        >
          <option value="">{t('catalog.filter.allTopics')}</option>
          {topics.map((topic) => (
            <option key={topic} value={topic}>
              {topic}
            </option>
          ))}
        </select>
        <select
          aria-label={t('catalog.filter.depth')}
          value={filters.depth}
          onChange={(e) => onChange({ depth: e.target.value })}
          data-testid="filter-depth"
        >
          <option value="">{t('catalog.filter.allDepths')}</option>
          {DEPTH_SUMMARY_CODES.map((d) => (
            <option key={d} value={d}>
              {depthText(t, d)}
            </option>
          ))}
        </select>
        {active ? (
          <button
            type="button"
            className="sr-clear"
            onClick={() => onChange({ department: '', topic: '', depth: '' })}
          >
            {t('catalog.filter.clear')}
          </button>
        ) : null}
      </div>
    </div>
  );
}
