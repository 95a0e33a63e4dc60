import { Alert, Button, Card, DatePicker, Form, InputNumber, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorText } from '../../../ui/form-errors.ts';
import { useI18n } from '../../../ui/i18n/index.tsx';
import { addWorkdays } from '../../api/calendar.ts';

/** "N 个工作日后": the date a deadline of N working days from a start date falls on. */
export function WorkdayCalculator({ today }: { today: string }) {
  const { t } = useI18n();
  const [from, setFrom] = useState<Dayjs>(dayjs(today));
  const [n, setN] = useState<number>(20);
  const [result, setResult] = useState<{ ok: true; text: string } | { ok: false; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const r = await addWorkdays(from.format('YYYY-MM-DD'), n);
      setResult({ ok: true, text: t('calendar.calcResult', { from: r.from, n: r.n, date: r.date }) });
    } catch (err) {
      setResult({ ok: false, text: errorText(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={t('calendar.calculator')} style={{ height: '100%' }}>
      <Form layout="inline" onFinish={run}>
        <Space wrap>
          <Form.Item label={t('calendar.calcFrom')} style={{ marginInlineEnd: 0 }}>
            <DatePicker value={from} onChange={(d) => d && setFrom(d)} allowClear={false} />
          </Form.Item>
          <Form.Item label={t('calendar.calcN')} style={{ marginInlineEnd: 0 }}>
            <InputNumber min={0} max={2000} value={n} onChange={(v) => setN(v ?? 0)} style={{ width: 90 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('calendar.calcButton')}
          </Button>
        </Space>
      </Form>
      {result ? (
        <Alert
          style={{ marginTop: 10 }}
          type={result.ok ? 'success' : 'warning'}
          showIcon
          title={result.text}
          data-testid="calc-result"
        />
      ) : null}
    </Card>
  );
}
