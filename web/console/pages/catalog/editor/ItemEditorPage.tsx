import { ArrowLeftOutlined, SaveOutlined } from '@ant-design/icons';
import { Anchor, App, Button, Col, Form, Row, Space, Spin } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../../../ui/api.ts';
import { LoadError, PageTitle } from '../../../../ui/components.tsx';
import { useReportError } from '../../../../ui/form-errors.ts';
import { useI18n } from '../../../../ui/i18n/index.tsx';
import {
  type CatalogItemDetailView,
  useCatalogItem,
  useCatalogMutations,
  useCatalogVersions,
} from '../../../api/catalog.ts';
import { useOrgUnits } from '../../../api/org.ts';
import { can, useMe } from '../../../session.ts';
import { ItemStatusTag, VersionStatusTag } from '../StatusTags.tsx';
import { WorkflowButtons } from '../WorkflowButtons.tsx';
import {
  BasicSection,
  BasisSection,
  ConditionsSection,
  FeeSection,
  LimitsSection,
} from './BasicSections.tsx';
import { EditorNotices } from './EditorNotices.tsx';
import { FaqEditor, FormFieldsEditor } from './FieldsAndFaq.tsx';
import {
  applyDocumentErrors,
  clearErrors,
  documentOf,
  formOf,
  type ItemForm,
  newItemForm,
} from './form-model.ts';
import { MaterialsEditor } from './MaterialsEditor.tsx';
import { SECTIONS } from './Section.tsx';
import {
  ObjectsSection,
  OnlineSection,
  PlaceSection,
  ResultSection,
  WindowSection,
} from './ServiceSections.tsx';
import { SituationsEditor } from './SituationsEditor.tsx';
import { VersionHistory } from './VersionHistory.tsx';
import '../catalog.css';

const WORKING = ['draft', 'in_review', 'rejected'];

/**
 * An item in the console: /console/catalog/new, or /console/catalog/:id showing the working version
 * (or ?version=). The form is editable only while the shown version is a draft the user may edit;
 * the workflow buttons are the item's allowedActions; server field errors land on the fields.
 */
export function ItemEditorPage() {
  const { id } = useParams();
  const [params, setParams] = useSearchParams();
  const me = useMe().data;
  const versions = useCatalogVersions(id);
  // Staff without read rights on the department get no history (403): they see the published guide.
  const working = versions.data?.find((v) => WORKING.includes(v.status));
  const versionId = params.get('version') ?? working?.id;
  const detail = useCatalogItem(id, versionId, !versions.isPending);
  const units = useOrgUnits();
  const departments = useMemo(() => {
    const list = (units.data ?? [])
      .filter((u) => u.kind === 'department')
      .map((u) => ({ value: u.id, label: u.name }));
    const d = detail.data;
    if (d && !list.some((o) => o.value === d.document.departmentId))
      list.push({ value: d.document.departmentId, label: d.departmentName });
    return list;
  }, [units.data, detail.data]);

  if (id && (versions.isPending || detail.isPending)) {
    return (
      <div className="ow-boot">
        <Spin />
      </div>
    );
  }
  if (id && detail.isError) return <LoadError error={detail.error} onRetry={() => detail.refetch()} />;
  const item = detail.data ?? null;
  const mayCreate = can(me, 'catalog.edit') || can(me, 'catalog.propose');
  const ownDepartment = departments.some((d) => d.value === me?.orgUnitId)
    ? (me?.orgUnitId ?? undefined)
    : undefined;
  return (
    <Editor
      // A new version or a save gives a new key: the form starts again from what the server holds.
      key={item ? `${item.versionId}:${item.revision}` : 'new'}
      item={item}
      initial={item ? formOf(item.document) : newItemForm(ownDepartment)}
      editable={
        item
          ? item.allowedActions.includes('edit') && ['draft', 'rejected'].includes(item.versionStatus)
          : mayCreate
      }
      departments={departments}
      versions={versions.data ?? []}
      versionsRefused={versions.error instanceof ApiError}
      onVersion={(v) => setParams(v ? { version: v } : {}, { replace: true })}
    />
  );
}

function Editor({
  item,
  initial,
  editable,
  departments,
  versions,
  versionsRefused,
  onVersion,
}: {
  item: CatalogItemDetailView | null;
  initial: ItemForm;
  editable: boolean;
  departments: { value: string; label: string }[];
  versions: NonNullable<ReturnType<typeof useCatalogVersions>['data']>;
  versionsRefused: boolean;
  onVersion(versionId: string | null): void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const report = useReportError();
  const [form] = Form.useForm<ItemForm>();
  const { create, saveDraft } = useCatalogMutations();
  const [saving, setSaving] = useState(false);

  /** Saves the form; returns the item's new revision, or null when the server refused. */
  const save = async (): Promise<number | null> => {
    clearErrors(form);
    const document = documentOf(form.getFieldsValue(true) as ItemForm);
    setSaving(true);
    try {
      if (!item) {
        const created = await create.mutateAsync(document);
        message.success(t('catalog.created'));
        navigate(`/console/catalog/${created.id}?version=${created.versionId}`, { replace: true });
        return created.revision;
      }
      const saved = await saveDraft.mutateAsync({ id: item.id, document, expectedRevision: item.revision });
      message.success(t('common.saved'));
      return saved.revision;
    } catch (err) {
      const unplaced = applyDocumentErrors(form, err);
      const first = form.getFieldsError().find((f) => f.errors.length);
      if (first) form.scrollToField(first.name, { block: 'center' });
      if (!first || unplaced.length) report(err);
      else message.error(t('catalog.fixFields'));
      return null;
    } finally {
      setSaving(false);
    }
  };

  const title = item ? item.document.name : t('catalog.create');
  return (
    <div className={editable ? 'ow-cat-editor' : 'ow-cat-editor ow-cat-readonly'}>
      <PageTitle
        title={
          <Space wrap size={8}>
            <Link to="/console/catalog" aria-label={t('catalog.backToList')}>
              <ArrowLeftOutlined />
            </Link>
            <span data-testid="editor-title">{title}</span>
            {item ? <ItemStatusTag status={item.status} /> : null}
            {item ? (
              <VersionStatusTag
                status={item.versionStatus}
                number={item.versionNumber}
                // "已发布 v1 已发布" says it twice: the number is enough then.
                bare={item.versionStatus === item.status}
              />
            ) : null}
          </Space>
        }
        extra={
          <>
            {editable ? (
              <Button icon={<SaveOutlined />} onClick={save} loading={saving} data-testid="save-draft">
                {t('catalog.saveDraft')}
              </Button>
            ) : null}
            {item ? (
              <WorkflowButtons
                item={item}
                beforeSubmit={async () => (editable && form.isFieldsTouched() ? save() : item.revision)}
                onDone={(d) => onVersion(d.versionId)}
              />
            ) : null}
          </>
        }
      />
      <EditorNotices item={item} editable={editable} versions={versions} versionsRefused={versionsRefused} />
      <Row gutter={16} wrap={false}>
        <Col flex="auto" style={{ minWidth: 0 }}>
          <Form
            form={form}
            layout="vertical"
            initialValues={initial}
            disabled={!editable}
            data-testid="item-form"
          >
            <Space direction="vertical" size={16} style={{ width: '100%' }}>
              <BasicSection departments={departments} />
              <BasisSection />
              <LimitsSection />
              <ConditionsSection />
              <FeeSection />
              <ObjectsSection />
              <OnlineSection />
              <PlaceSection />
              <WindowSection />
              <MaterialsEditor />
              <SituationsEditor />
              <FormFieldsEditor />
              <FaqEditor />
              <ResultSection />
              {item && versions.length ? (
                <VersionHistory itemId={item.id} versions={versions} currentId={item.versionId} />
              ) : null}
            </Space>
          </Form>
        </Col>
        <Col flex="180px" className="ow-cat-anchor">
          <Anchor
            offsetTop={16}
            items={SECTIONS.filter(([id]) => id !== 'versions' || (item && versions.length)).map(
              ([id, label]) => ({
                key: id,
                href: `#sec-${id}`,
                title: t(label),
              }),
            )}
          />
        </Col>
      </Row>
    </div>
  );
}
