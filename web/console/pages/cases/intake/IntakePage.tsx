import { App, Button, Card, Form, Select, Space, Spin, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { applicantFormValues } from '../../../../../contracts/applicant-form.ts';
import type { IntakeDecision } from '../../../../../contracts/cases.ts';
import { applicableFor, type CatalogItemDocument } from '../../../../../contracts/catalog.ts';
import { LoadError, PageTitle } from '../../../../ui/components.tsx';
import { useReportError } from '../../../../ui/form-errors.ts';
import { useI18n } from '../../../../ui/i18n/index.tsx';
import {
  type CaseDetailView,
  type CatalogSearchHitView,
  useCatalogItem,
  useMyStaffRecord,
  useReceiveCase,
} from '../../../api/cases.ts';
import { useWindows } from '../../../api/org.ts';
import { can, useMe } from '../../../session.ts';
import { ApplicantSection } from './ApplicantSection.tsx';
import { DecisionModal } from './DecisionModal.tsx';
import { FormFieldsSection } from './FormFieldsSection.tsx';
import { IntakeResult } from './IntakeResult.tsx';
import { ItemPicker } from './ItemPicker.tsx';
import { defaultSituations, ItemSummary, SituationsSection } from './ItemSummary.tsx';
import {
  chosenAnswers,
  type DecisionExtra,
  type IntakeValues,
  intakeBody,
  newIntakeKey,
  remapIntakeError,
} from './intake-body.ts';
import { MaterialsSection } from './MaterialsSection.tsx';

/** The level of a clerk's intake point, from their grants: township and village points take delegated items only. */
function grassrootsLevel(roles: readonly string[]): 'township' | 'village' | undefined {
  if (roles.includes('village_agent')) return 'village';
  if (roles.includes('township_clerk')) return 'township';
  return undefined;
}

/**
 * 综合窗口受理: pick the item, answer its situations, take the applicant, fill its form, tick the
 * material checklist, then decide — accept, one-time correction notice, refusal or receipt only —
 * and hand over the case number and the printed notices.
 */
export default function IntakePage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const me = useMe().data;
  // Village agents may not read staff records (their intake point is their own unit): no 403 to ask.
  const myStaff = useMyStaffRecord(can(me, 'staff.read') ? me?.username : undefined);
  const windows = useWindows(undefined);
  const [hit, setHit] = useState<CatalogSearchHitView>();
  const item = useCatalogItem(hit?.id);
  const [form] = Form.useForm<IntakeValues>();
  const [asking, setAsking] = useState<'correct' | 'refuse' | null>(null);
  const [done, setDone] = useState<{ c: CaseDetailView; decision: IntakeDecision } | null>(null);
  const receive = useReceiveCase();
  // One Idempotency-Key per application form, sent with each submit of it: a double click or a
  // retry after a lost answer gets the case already received, not a second one.
  const [intakeKey, setIntakeKey] = useState(newIntakeKey);
  const inFlight = useRef(false);
  const level = grassrootsLevel((me?.grants ?? []).map((g) => g.role));
  const doc = item.data?.document;

  // The windows of the clerk's own centre, their own preselected.
  const myWindow = windows.data?.find((w) => w.id === myStaff.data?.windowId);
  const centreId = myWindow?.serviceCentreId ?? me?.orgUnitId;
  const windowOptions = (windows.data ?? []).filter(
    (w) => w.active && w.serviceCentreId === centreId && w.kind !== 'delivery',
  );
  const chosenWindowId = Form.useWatch('windowId', form);
  const chosenWindow = windowOptions.find((w) => w.id === chosenWindowId);
  const notHere =
    !!doc &&
    (level
      ? !doc.window.grassroots.includes(level)
      : chosenWindow?.kind === 'specialist'
        ? chosenWindow.departmentId !== doc.departmentId
        : !!chosenWindow && !doc.window.comprehensive);

  const situations = Form.useWatch('situations', form);
  const materials = useMemo(() => {
    if (!doc) return [];
    const ids = new Set(applicableFor(doc, chosenAnswers(situations)).materialIds);
    return doc.materials.filter((m) => ids.has(m.id));
  }, [doc, situations]);
  const materialIds = materials.map((m) => m.id);

  const pickItem = (id: string | undefined, picked: CatalogSearchHitView | undefined) => {
    setHit(id ? picked : undefined);
    edited.current.clear();
    // A new item: its own situations, form and checklist; the applicant stays.
    form.setFieldsValue({ situations: undefined, form: undefined, checklist: undefined });
  };
  /** Copies the applicant's data into the item's form fields that ask for it, unless the clerk edited them. */
  const edited = useRef(new Set<string>());
  const fillApplicantFields = useCallback(
    (fields: CatalogItemDocument['formFields']) => {
      const values = applicantFormValues(fields, form.getFieldValue('applicant') ?? { kind: 'person' });
      for (const [key, value] of Object.entries(values)) {
        if (!edited.current.has(key)) form.setFieldValue(['form', key], value);
      }
    },
    [form],
  );
  // Once the item's document arrives: preset the common situation answers and the applicant kind,
  // and fill its applicant fields from an applicant already taken (the applicant stays across items).
  const versionId = item.data?.versionId;
  useEffect(() => {
    if (!doc || !versionId) return;
    const personAllowed = doc.serviceObjects.includes('1');
    form.setFieldsValue({
      situations: defaultSituations(doc),
      applicant: { ...form.getFieldValue('applicant'), kind: personAllowed ? 'person' : 'enterprise' },
    });
    fillApplicantFields(doc.formFields);
  }, [doc, versionId, form, fillApplicantFields]);
  // The clerk's own window, once known, unless they already chose one.
  const ownWindowId = windowOptions.some((w) => w.id === myWindow?.id) ? myWindow?.id : undefined;
  useEffect(() => {
    if (ownWindowId && !form.getFieldValue('windowId')) form.setFieldValue('windowId', ownWindowId);
  }, [ownWindowId, form]);

  const onValuesChange = (changed: Partial<IntakeValues>) => {
    for (const key of Object.keys(changed.form ?? {})) edited.current.add(key);
    if (changed.applicant && doc) fillApplicantFields(doc.formFields);
  };

  const submit = async (decision: IntakeDecision, extra: DecisionExtra = {}) => {
    if (!hit || !doc || inFlight.current) return;
    inFlight.current = true;
    const body = intakeBody({
      itemId: hit.id,
      doc,
      materialIds,
      values: form.getFieldsValue(true),
      decision,
      extra,
    });
    try {
      const c = await receive.mutateAsync({ body, intakeKey });
      setAsking(null);
      setDone({ c, decision });
    } catch (err) {
      setAsking(null);
      report(remapIntakeError(err, materialIds), form);
    } finally {
      inFlight.current = false;
    }
  };
  const decide = async (decision: IntakeDecision) => {
    try {
      await form.validateFields();
    } catch {
      message.error(t('case.intake.fixErrors'));
      return;
    }
    if (decision === 'correct' || decision === 'refuse') setAsking(decision);
    else await submit(decision);
  };
  const next = () => {
    setDone(null);
    setHit(undefined);
    setIntakeKey(newIntakeKey());
    edited.current.clear();
    form.resetFields();
    if (ownWindowId) form.setFieldValue('windowId', ownWindowId);
  };

  if (done) {
    return (
      <div>
        <PageTitle title={t('case.menu.intake')} />
        <IntakeResult c={done.c} decision={done.decision} onNext={next} />
      </div>
    );
  }
  const missing = materials
    .filter((m) => m.required && (form.getFieldValue(['checklist', m.id, 'form']) ?? 'missing') === 'missing')
    .map((m) => ({ materialId: m.id, name: m.name }));

  return (
    <div className="ow-intake">
      <PageTitle title={t('case.menu.intake')} />
      <Form<IntakeValues>
        form={form}
        layout="vertical"
        onValuesChange={onValuesChange}
        initialValues={{ applicant: { kind: 'person' }, hasAgent: false }}
        scrollToFirstError
      >
        <Card size="small" className="ow-intake-card">
          <Space wrap align="start" style={{ width: '100%' }} className="ow-intake-top">
            {windowOptions.length > 0 ? (
              <Form.Item
                name="windowId"
                label={t('case.intake.window')}
                style={{ minWidth: 220, marginBottom: 0 }}
                rules={[
                  { required: true, message: t('common.required', { field: t('case.intake.window') }) },
                ]}
              >
                <Select
                  data-testid="window-select"
                  options={windowOptions.map((w) => ({ value: w.id, label: `${w.number} ${w.name}` }))}
                />
              </Form.Item>
            ) : (
              <Form.Item label={t('case.intake.point')} style={{ marginBottom: 0 }}>
                <Typography.Text>
                  {t('case.intake.pointOwn', { name: me?.grants[0]?.scopeName ?? '' })}
                </Typography.Text>
              </Form.Item>
            )}
            <Form.Item
              label={t('case.intake.item')}
              style={{ flex: 1, minWidth: 320, marginBottom: 0 }}
              required
            >
              <ItemPicker selected={hit} onChange={pickItem} grassroots={level} />
            </Form.Item>
          </Space>
        </Card>
        {!hit ? (
          <Card size="small" className="ow-intake-card">
            <Typography.Text type="secondary">{t('case.intake.itemHint')}</Typography.Text>
          </Card>
        ) : item.isError ? (
          <LoadError error={item.error} onRetry={() => item.refetch()} />
        ) : !item.data || !doc ? (
          <div className="ow-boot">
            <Spin />
          </div>
        ) : (
          <>
            <Card size="small" className="ow-intake-card" title={doc.name}>
              <ItemSummary item={item.data} notHere={notHere} />
              <SituationsSection doc={doc} />
            </Card>
            <Card size="small" className="ow-intake-card" title={t('case.intake.applicant')}>
              <ApplicantSection />
            </Card>
            <Card size="small" className="ow-intake-card" title={t('case.intake.form')}>
              <FormFieldsSection doc={doc} />
            </Card>
            <Card size="small" className="ow-intake-card" title={t('case.intake.materials')}>
              <MaterialsSection materials={materials} />
            </Card>
            <div className="ow-decision-bar" data-testid="decision-bar">
              <Typography.Text strong>{t('case.intake.decision')}</Typography.Text>
              <Space wrap>
                <Button
                  type="primary"
                  onClick={() => decide('accept')}
                  loading={receive.isPending && !asking}
                  disabled={receive.isPending}
                >
                  {t('case.intake.accept')}
                </Button>
                <Button onClick={() => decide('correct')} disabled={receive.isPending}>
                  {t('case.intake.correct')}
                </Button>
                <Button danger onClick={() => decide('refuse')} disabled={receive.isPending}>
                  {t('case.intake.refuse')}
                </Button>
                <Button type="text" onClick={() => decide('receive')} disabled={receive.isPending}>
                  {t('case.intake.receiveOnly')}
                </Button>
              </Space>
            </div>
          </>
        )}
      </Form>
      {asking ? (
        <DecisionModal
          kind={asking}
          missing={missing}
          loading={receive.isPending}
          onSubmit={(extra) => submit(asking, extra)}
          onCancel={() => setAsking(null)}
        />
      ) : null}
    </div>
  );
}
