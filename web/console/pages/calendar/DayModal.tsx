import { App, Form, Input, Modal, Select } from 'antd';
import { useReportError } from '../../../ui/form-errors.ts';
import { useI18n } from '../../../ui/i18n/index.tsx';
import { type CalendarDayKind, type CalendarDayView, useCalendarMutations } from '../../api/calendar.ts';

const KINDS: CalendarDayKind[] = ['workday', 'weekend', 'holiday', 'makeup'];

/** An administrator corrects one day (e.g. a late change to the State Council's schedule). */
export function DayModal({ day, onClose }: { day: CalendarDayView; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ kind: CalendarDayKind; name?: string }>();
  const { updateDay } = useCalendarMutations();
  const report = useReportError();
  const onFinish = async (v: { kind: CalendarDayKind; name?: string }) => {
    try {
      await updateDay.mutateAsync({ date: day.date, body: { kind: v.kind, name: v.name?.trim() || null } });
      message.success(t('common.saved'));
      onClose();
    } catch (err) {
      report(err, form);
    }
  };
  return (
    <Modal
      open
      title={`${t('calendar.editDay')} · ${day.date}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={updateDay.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ kind: day.kind, name: day.name ?? undefined }}
      >
        <Form.Item name="kind" label={t('common.status')}>
          <Select options={KINDS.map((k) => ({ value: k, label: t(`calendar.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="name" label={t('calendar.dayName')}>
          <Input maxLength={20} placeholder="国庆节" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
