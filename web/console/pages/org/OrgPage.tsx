import { DeleteOutlined, EditOutlined, PlusOutlined, ShopOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Descriptions, Empty, Input, Popconfirm, Row, Spin, Tag, Tree } from 'antd';
import { type ReactNode, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { LoadError, PageTitle } from '../../../ui/components.tsx';
import { useReportError } from '../../../ui/form-errors.ts';
import { type MessageKey, useI18n } from '../../../ui/i18n/index.tsx';
import { type OrgUnitView, useOrgUnitMutations, useOrgUnits } from '../../api/org.ts';
import { type DrawerMode, OrgUnitDrawer } from './OrgUnitDrawer.tsx';
import { branchIds, buildTree, filterTree, KIND_COLORS, type UnitNode } from './tree.ts';

/** 机构管理: the county's org tree with kind tags; create, edit and delete where allowed. */
export default function OrgPage() {
  const { t } = useI18n();
  const units = useOrgUnits();
  const { remove } = useOrgUnitMutations();
  const { message } = App.useApp();
  const report = useReportError();
  const [filter, setFilter] = useState('');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<string[] | null>(null);
  const [drawer, setDrawer] = useState<DrawerMode | null>(null);

  const forest = useMemo(() => buildTree(units.data ?? []), [units.data]);
  const shown = useMemo(() => filterTree(forest, filter), [forest, filter]);
  const kindLabel = (kind: string) => t(`org.kind.${kind}` as MessageKey);
  type TreeItem = { key: string; title: ReactNode; children: TreeItem[] };
  const toTreeData = (nodes: UnitNode[]): TreeItem[] =>
    nodes.map((n) => ({
      key: n.unit.id,
      title: (
        <span className="ow-unit-title">
          <span>{n.unit.name}</span>
          <Tag color={KIND_COLORS[n.unit.kind]} bordered={false}>
            {kindLabel(n.unit.kind)}
          </Tag>
        </span>
      ),
      children: toTreeData(n.children),
    }));

  if (units.isPending) return <Spin />;
  if (units.isError) return <LoadError error={units.error} onRetry={() => units.refetch()} />;

  // First two levels open by default; a filter opens everything it matched.
  const defaultExpanded = forest.flatMap((r) => [r.unit.id]);
  const expandedKeys = filter ? branchIds(shown) : (expanded ?? defaultExpanded);
  const selected = units.data.find((u) => u.id === selectedId) ?? null;
  const allowed = (u: OrgUnitView, a: OrgUnitView['allowedActions'][number]) => u.allowedActions.includes(a);
  // New units go under the selected one when the user may add there, else under the first they may
  // (a town's administrator adds inside the town, not under the county the tree starts with).
  const firstParent = units.data.find((u) => allowed(u, 'createChild'));

  return (
    <div>
      <PageTitle
        title={t('menu.org')}
        extra={
          firstParent ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() =>
                setDrawer({
                  kind: 'create',
                  parentId: selected && allowed(selected, 'createChild') ? selected.id : firstParent.id,
                })
              }
            >
              {t('org.create')}
            </Button>
          ) : null
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={11}>
          <Card
            size="small"
            title={t('org.count', { n: units.data.length })}
            extra={
              <Input.Search
                allowClear
                placeholder={t('org.filter')}
                onChange={(e) => setFilter(e.target.value)}
                style={{ width: 180 }}
              />
            }
          >
            <Tree
              blockNode
              treeData={toTreeData(shown)}
              expandedKeys={expandedKeys}
              onExpand={(keys) => setExpanded(keys.map(String))}
              selectedKeys={selectedId ? [selectedId] : []}
              onSelect={(keys) => setSelectedId(keys[0] ? String(keys[0]) : null)}
              height={620}
              data-testid="org-tree"
            />
          </Card>
        </Col>
        <Col xs={24} lg={13}>
          <Card size="small" title={selected?.name ?? ' '}>
            {!selected ? (
              <Empty description={t('org.selectHint')} />
            ) : (
              <>
                <Descriptions
                  column={1}
                  size="small"
                  bordered
                  items={[
                    { key: 'code', label: t('org.code'), children: selected.code },
                    { key: 'kind', label: t('org.kind'), children: kindLabel(selected.kind) },
                    {
                      key: 'parent',
                      label: t('org.parent'),
                      children: units.data.find((u) => u.id === selected.parentId)?.name ?? '—',
                    },
                    { key: 'credit', label: t('org.creditCode'), children: selected.creditCode ?? '—' },
                    { key: 'division', label: t('org.divisionCode'), children: selected.divisionCode ?? '—' },
                    { key: 'address', label: t('org.address'), children: selected.address ?? '—' },
                    { key: 'phone', label: t('org.phone'), children: selected.phone ?? '—' },
                  ]}
                />
                <div className="ow-actions">
                  {allowed(selected, 'update') ? (
                    <Button
                      icon={<EditOutlined />}
                      onClick={() => setDrawer({ kind: 'edit', unit: selected })}
                    >
                      {t('common.edit')}
                    </Button>
                  ) : null}
                  {allowed(selected, 'createChild') ? (
                    <Button
                      icon={<PlusOutlined />}
                      onClick={() => setDrawer({ kind: 'create', parentId: selected.id })}
                    >
                      {t('org.addChild')}
                    </Button>
                  ) : null}
                  {allowed(selected, 'manageWindows') ? (
                    <Link to={`/console/windows?centre=${encodeURIComponent(selected.id)}`}>
                      <Button icon={<ShopOutlined />}>{t('menu.windows')}</Button>
                    </Link>
                  ) : null}
                  {allowed(selected, 'delete') ? (
                    <Popconfirm
                      title={t('org.deleteConfirm', { name: selected.name })}
                      okButtonProps={{ danger: true }}
                      onConfirm={() =>
                        remove.mutateAsync(selected.id).then(
                          () => {
                            message.success(t('common.deleted'));
                            setSelectedId(selected.parentId);
                          },
                          (err) => report(err),
                        )
                      }
                    >
                      <Button danger icon={<DeleteOutlined />}>
                        {t('common.delete')}
                      </Button>
                    </Popconfirm>
                  ) : null}
                </div>
              </>
            )}
          </Card>
        </Col>
      </Row>
      {drawer ? (
        <OrgUnitDrawer
          mode={drawer}
          units={units.data}
          onClose={() => setDrawer(null)}
          onSaved={(u) => setSelectedId(u.id)}
        />
      ) : null}
    </div>
  );
}
