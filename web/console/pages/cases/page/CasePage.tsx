import { ArrowLeftOutlined, FileWordOutlined, PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Divider, Dropdown, Row, Space, Spin } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { LoadError, PageTitle } from '../../../../ui/components.tsx';
import { useI18n } from '../../../../ui/i18n/index.tsx';
import { documentUrl, useCase } from '../../../api/cases.ts';
import { ActionBar } from '../actions/ActionBar.tsx';
import { IntakePlace } from '../CaseTable.tsx';
import { StatusTag, useStepName, WarningTag } from '../labels.tsx';
import { ApplicantCard, ClockCard, FormCard, MaterialsCard, StepsCard } from './CaseSections.tsx';
import { CaseTimeline, OutcomeSections } from './CaseTimeline.tsx';

/**
 * The case page: where it stands (status, warning, clock, steps), what the user may do now (the
 * server's allowedActions, nothing else), the applicant masked, the form and materials, and the
 * full record of every action.
 */
export default function CasePage() {
  const { t } = useI18n();
  const stepName = useStepName();
  const { id } = useParams();
  const navigate = useNavigate();
  const query = useCase(id);
  const c = query.data;
  if (query.isError) return <LoadError error={query.error} onRetry={() => query.refetch()} />;
  if (!c) {
    return (
      <div className="ow-boot">
        <Spin />
      </div>
    );
  }
  const reload = () => {
    query.refetch();
  };
  return (
    <div data-testid="case-page" data-version={c.version}>
      <PageTitle
        title={
          <Space wrap size={8}>
            <Button
              type="text"
              icon={<ArrowLeftOutlined />}
              onClick={() => navigate(-1)}
              aria-label={t('case.page.back')}
            />
            <span className="ow-mono" data-testid="case-title">
              {t('case.page.title', { number: c.number })}
            </span>
            <StatusTag status={c.status} />
            <WarningTag level={c.warningLevel} c={c} />
          </Space>
        }
        extra={[
          <Dropdown
            key="docs"
            menu={{
              items: c.documents.flatMap((kind) => [
                {
                  key: kind,
                  icon: <PrinterOutlined />,
                  label: (
                    <a href={documentUrl(c.id, kind)} target="_blank" rel="noopener">
                      {t(`case.doc.${kind}`)}
                    </a>
                  ),
                },
                {
                  key: `${kind}-docx`,
                  icon: <FileWordOutlined />,
                  label: <a href={documentUrl(c.id, kind, 'docx')}>{t(`case.doc.${kind}`)} (.docx)</a>,
                },
              ]),
            }}
          >
            <Button icon={<PrinterOutlined />}>{t('case.doc.title')}</Button>
          </Dropdown>,
          <Button key="reload" icon={<ReloadOutlined />} onClick={reload} loading={query.isFetching} />,
        ]}
      />
      <Card size="small" className="ow-case-card" data-testid="case-action-card">
        <ActionBar c={c} onChanged={reload} />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card size="small" title={t('case.page.clock')} className="ow-case-card">
            <ClockCard c={c} />
          </Card>
          <Card size="small" title={t('case.page.steps')} className="ow-case-card">
            <StepsCard c={c} />
          </Card>
          <Card size="small" title={t('case.page.item')} className="ow-case-card">
            <Descriptions
              size="small"
              column={{ xs: 1, md: 2 }}
              items={[
                { key: 'item', label: t('case.col.item'), children: c.itemName },
                {
                  key: 'code',
                  label: t('case.page.itemCode'),
                  children: <span className="ow-mono">{c.itemCode}</span>,
                },
                { key: 'dept', label: t('case.col.department'), children: c.departmentName },
                { key: 'intake', label: t('case.col.intake'), children: <IntakePlace c={c} /> },
                {
                  key: 'channel',
                  label: t('case.page.channel'),
                  children: t(`case.page.channel.${c.channel}`),
                },
                {
                  key: 'step',
                  label: t('case.col.step'),
                  children: c.stepName
                    ? `${stepName(c.stepName)}${c.assigneeName ? ` · ${c.assigneeName}` : ''}`
                    : '—',
                },
              ]}
            />
            <Divider titlePlacement="start" plain style={{ margin: '8px 0' }}>
              {t('case.page.form')}
            </Divider>
            <FormCard c={c} />
          </Card>
          <Card size="small" title={t('case.page.materials')} className="ow-case-card">
            <MaterialsCard c={c} />
          </Card>
          <OutcomeSections c={c} />
        </Col>
        <Col xs={24} xl={9}>
          <Card size="small" title={t('case.page.applicant')} className="ow-case-card">
            <ApplicantCard c={c} />
          </Card>
          <Card size="small" title={t('case.page.timeline')} className="ow-case-card">
            <CaseTimeline c={c} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
