import { FileWordOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Result, Space, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { IntakeDecision } from '../../../../../contracts/cases.ts';
import { useI18n } from '../../../../ui/i18n/index.tsx';
import { type CaseDetailView, documentUrl } from '../../../api/cases.ts';
import { StatusTag } from '../labels.tsx';

/** Every notice of a case: the printable page (HTML with the QR code) and the .docx. */
export function NoticeLinks({ c }: { c: Pick<CaseDetailView, 'id' | 'documents'> }) {
  const { t } = useI18n();
  return (
    <Space orientation="vertical" size={6} data-testid="notice-links">
      {c.documents.map((kind) => (
        <Space key={kind} size={4} wrap>
          <span style={{ display: 'inline-block', minWidth: 140 }}>{t(`case.doc.${kind}`)}</span>
          <Button
            size="small"
            type="primary"
            ghost
            icon={<PrinterOutlined />}
            href={documentUrl(c.id, kind)}
            target="_blank"
            rel="noopener"
            data-testid={`doc-${kind}`}
          >
            {t('case.doc.print')}
          </Button>
          <Button size="small" icon={<FileWordOutlined />} href={documentUrl(c.id, kind, 'docx')}>
            {t('case.doc.docx')}
          </Button>
        </Space>
      ))}
    </Space>
  );
}

/** After the decision: the case number, the status, the notices to print, and the way on. */
export function IntakeResult({
  c,
  decision,
  onNext,
}: {
  c: CaseDetailView;
  decision: IntakeDecision;
  onNext(): void;
}) {
  const { t } = useI18n();
  const status = decision === 'accept' ? 'success' : decision === 'refuse' ? 'warning' : 'info';
  return (
    <Card data-testid="intake-result">
      <Result
        status={status}
        title={t(`case.intake.done.${decision}`)}
        subTitle={
          <Space orientation="vertical" size={4}>
            <Typography.Text strong style={{ fontSize: 20 }} className="ow-mono" data-testid="case-number">
              {t('case.intake.doneNumber', { number: c.number })}
            </Typography.Text>
            <span>
              {c.itemName} · {c.applicantName} <StatusTag status={c.status} />
            </span>
            {c.promisedDue ? <span>{t('case.intake.doneDue', { date: c.promisedDue })}</span> : null}
          </Space>
        }
        extra={[
          <Link key="open" to={`/console/cases/${c.id}`}>
            <Button>{t('case.intake.openCase')}</Button>
          </Link>,
          <Button key="next" type="primary" onClick={onNext} data-testid="intake-next">
            {t('case.intake.next')}
          </Button>,
        ]}
      >
        <div style={{ maxWidth: 520, margin: '0 auto' }}>
          <Typography.Paragraph strong>{t('case.intake.notices')}</Typography.Paragraph>
          <NoticeLinks c={c} />
        </div>
      </Result>
    </Card>
  );
}
