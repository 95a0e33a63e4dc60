import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Drawer, Form, Input, InputNumber, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useReportError } from '../../../ui/form-errors.ts';
import { type MessageKey, useI18n } from '../../../ui/i18n/index.tsx';
import { useCalendarMutations } from '../../api/calendar.ts';

interface PublishForm {
  year: number;
  holidays: { name: string; from: Dayjs; to: Dayjs }[];
  makeupDays: { date: Dayjs; name: string }[];
}

const iso = (d: Dayjs) => d.format('YYYY-MM-DD');

/** An administrator enters a new year as the State Council's notice states it: 放假 ranges and 调休 days. */
export function PublishYearDrawer({
  defaultYear,
  onClose,
  onPublished,
}: {
  defaultYear: number;
  onClose(): void;
  onPublished(year: number): void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<PublishForm>();
  const { publish } = useCalendarMutations();
  const report = useReportError();

  const onFinish = async (v: PublishForm) => {
    try {
      await publish.mutateAsync({
        year: v.year,
        holidays: (v.holidays ?? []).map((h) => ({ name: h.name, from: iso(h.from), to: iso(h.to) })),
        makeupDays: (v.makeupDays ?? []).map((m) => ({ date: iso(m.date), name: m.name })),
      });
      message.success(t('common.saved'));
      onPublished(v.year);
      onClose();
    } catch (err) {
      report(err, form);
    }
  };
  const required = (key: MessageKey) => [
    { required: true, message: t('common.required', { field: t(key) }) },
  ];

  return (
    <Drawer
      open
      size={640}
      title={t('calendar.publish')}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={publish.isPending} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Alert type="info" showIcon title={t('calendar.publishHint')} style={{ marginBottom: 16 }} />
      <Form<PublishForm>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ year: defaultYear, holidays: [{}], makeupDays: [] }}
      >
        <Form.Item name="year" label={t('calendar.year')} rules={required('calendar.year')}>
          <InputNumber min={2000} max={2100} style={{ width: 140 }} />
        </Form.Item>
        <Typography.Title level={5}>{t('calendar.holidays')}</Typography.Title>
        <Form.List name="holidays">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="start" wrap>
                  <Form.Item name={[f.name, 'name']} rules={required('calendar.holidayName')}>
                    <Input placeholder={t('calendar.holidayName')} maxLength={20} style={{ width: 130 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'from']} rules={required('calendar.from')}>
                    <DatePicker placeholder={t('calendar.from')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'to']} rules={required('calendar.to')}>
                    <DatePicker placeholder={t('calendar.to')} />
                  </Form.Item>
                  <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add()}>
                {t('calendar.addHoliday')}
              </Button>
            </>
          )}
        </Form.List>
        <Typography.Title level={5} style={{ marginTop: 20 }}>
          {t('calendar.makeup')}
        </Typography.Title>
        <Form.List name="makeupDays">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="start" wrap>
                  <Form.Item name={[f.name, 'date']} rules={required('calendar.makeup')}>
                    <DatePicker placeholder={t('calendar.makeup')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'name']} rules={required('calendar.makeupName')}>
                    <Input placeholder={t('calendar.holidayName')} maxLength={20} style={{ width: 130 }} />
                  </Form.Item>
                  <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add()}>
                {t('calendar.addMakeup')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
