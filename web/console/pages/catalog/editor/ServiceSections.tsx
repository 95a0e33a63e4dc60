import { Checkbox, Col, Form, Input, Row, Select, Switch } from 'antd';
import { useI18n } from '../../../../ui/i18n/index.tsx';
import { OPTIONS } from '../options.ts';
import { Section } from './Section.tsx';

const half = { xs: 24, md: 12 };
const quarter = { xs: 12, md: 6 };

/** 服务对象 and the national platform's topics (自然人 / 法人). */
export function ObjectsSection() {
  const { t } = useI18n();
  return (
    <Section id="objects">
      <Form.Item name="serviceObjects" label={t('catalog.f.serviceObjects')}>
        <Checkbox.Group options={OPTIONS.objects} />
      </Form.Item>
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item name={['topics', 'person']} label={t('catalog.f.personTopics')}>
            <Select mode="multiple" allowClear options={OPTIONS.personTopics} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name={['topics', 'legal']} label={t('catalog.f.legalTopics')}>
            <Select mode="multiple" allowClear options={OPTIONS.legalTopics} />
          </Form.Item>
        </Col>
      </Row>
    </Section>
  );
}

/** 办理形式, the channel flags, 网办深度 (the set; the summary is derived), visits and 通办. */
export function OnlineSection() {
  const { t } = useI18n();
  return (
    <Section id="online">
      <Form.Item name="handlingForms" label={t('catalog.f.handlingForms')}>
        <Checkbox.Group options={OPTIONS.forms} />
      </Form.Item>
      <Row gutter={16}>
        <Col {...quarter}>
          <Form.Item name={['channels', 'online']} label={t('catalog.f.online')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col {...quarter}>
          <Form.Item
            name={['channels', 'appointment']}
            label={t('catalog.f.appointment')}
            valuePropName="checked"
          >
            <Switch />
          </Form.Item>
        </Col>
        <Col {...quarter}>
          <Form.Item
            name={['channels', 'onlinePayment']}
            label={t('catalog.f.onlinePayment')}
            valuePropName="checked"
          >
            <Switch />
          </Form.Item>
        </Col>
        <Col {...quarter}>
          <Form.Item name={['channels', 'mail']} label={t('catalog.f.mail')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name={['channels', 'onlineUrl']} label={t('catalog.f.onlineUrl')}>
        <Input maxLength={500} placeholder="https://" />
      </Form.Item>
      <Form.Item name="depthFlags" label={t('catalog.f.depthFlags')} extra={t('catalog.f.depthHint')}>
        <Checkbox.Group options={OPTIONS.depth} />
      </Form.Item>
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item name="visits" label={t('catalog.f.visits')}>
            <Select options={OPTIONS.visits} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="tongbanScope" label={t('catalog.f.tongban')}>
            <Select options={OPTIONS.tongban} />
          </Form.Item>
        </Col>
      </Row>
    </Section>
  );
}

/** 办理地点, 办理时间 and the two telephones. */
export function PlaceSection() {
  const { t } = useI18n();
  return (
    <Section id="place">
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item name="place" label={t('catalog.f.place')}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="hours" label={t('catalog.f.hours')}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="consultPhone" label={t('catalog.f.consultPhone')}>
            <Input maxLength={30} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="complaintPhone" label={t('catalog.f.complaintPhone')}>
            <Input maxLength={30} />
          </Form.Item>
        </Col>
      </Row>
    </Section>
  );
}

/** 进驻大厅, 无差别全科受理 and 下沉 (township centres, village stations). */
export function WindowSection() {
  const { t } = useI18n();
  return (
    <Section id="window">
      <Row gutter={16}>
        <Col {...quarter}>
          <Form.Item name={['window', 'inHall']} label={t('catalog.f.inHall')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col {...quarter}>
          <Form.Item
            name={['window', 'comprehensive']}
            label={t('catalog.f.comprehensive')}
            valuePropName="checked"
          >
            <Switch />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name={['window', 'grassroots']} label={t('catalog.f.grassroots')}>
            <Checkbox.Group options={OPTIONS.grassroots} />
          </Form.Item>
        </Col>
      </Row>
    </Section>
  );
}

/** 办理结果 and its sample's file name. */
export function ResultSection() {
  const { t } = useI18n();
  return (
    <Section id="result">
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item name={['result', 'name']} label={t('catalog.f.resultName')}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name={['result', 'sample', 'name']} label={t('catalog.f.resultSample')}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
      </Row>
    </Section>
  );
}
