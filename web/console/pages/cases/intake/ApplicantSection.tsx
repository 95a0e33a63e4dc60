import { Checkbox, Col, Form, Input, Radio, Row, type FormRule as Rule, Switch } from 'antd';
import { creditCodeIssue, idNumberIssue, MOBILE_PHONE } from '../../../../../contracts/identifiers.ts';
import type { Problem } from '../../../../../contracts/problem.ts';
import { type MessageKey, useI18n } from '../../../../ui/i18n/index.tsx';

const upper = (v: unknown) => (typeof v === 'string' ? v.toUpperCase().replace(/\s/g, '') : v);

/** Rules of the applicant's fields: required, and check digits checked before the server sees them. */
function useRules() {
  const { t, lang } = useI18n();
  const required = (key: MessageKey): Rule => ({
    required: true,
    whitespace: true,
    message: t('common.required', { field: t(key) }),
  });
  const checked =
    (problemOf: (v: string) => Problem | null, key: MessageKey): Rule =>
    () => ({
      validator: (_: unknown, v: unknown) => {
        if (typeof v !== 'string' || v === '') return Promise.resolve();
        const problem = problemOf(v);
        if (!problem) return Promise.resolve();
        return Promise.reject(new Error(t(key, { problem: lang === 'en-US' ? problem.en : problem.zh })));
      },
    });
  const phone: Rule = { pattern: MOBILE_PHONE, message: t('case.intake.phoneInvalid') };
  return {
    required,
    idNumber: checked(idNumberIssue, 'case.intake.idInvalid'),
    creditCode: checked(creditCodeIssue, 'case.intake.creditInvalid'),
    phone,
  };
}

/** 申请人: a person (name, ID number, phone) or an enterprise (name, credit code, legal rep, phone), and an optional agent. */
export function ApplicantSection() {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  const kind = Form.useWatch(['applicant', 'kind'], form);
  const hasAgent = Form.useWatch('hasAgent', form);
  const r = useRules();
  return (
    <div data-testid="applicant-section">
      <Form.Item name={['applicant', 'kind']}>
        <Radio.Group
          optionType="button"
          options={[
            { value: 'person', label: t('case.intake.person') },
            { value: 'enterprise', label: t('case.intake.enterprise') },
          ]}
        />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name={['applicant', 'name']}
            label={kind === 'enterprise' ? t('case.intake.orgName') : t('case.intake.name')}
            rules={[r.required(kind === 'enterprise' ? 'case.intake.orgName' : 'case.intake.name')]}
          >
            <Input maxLength={kind === 'enterprise' ? 100 : 50} />
          </Form.Item>
        </Col>
        {kind === 'enterprise' ? (
          <Col xs={24} md={12}>
            <Form.Item
              name={['applicant', 'creditCode']}
              label={t('case.intake.creditCode')}
              normalize={upper}
              rules={[r.required('case.intake.creditCode'), r.creditCode]}
            >
              <Input maxLength={18} className="ow-mono" />
            </Form.Item>
          </Col>
        ) : (
          <Col xs={24} md={12}>
            <Form.Item
              name={['applicant', 'idNumber']}
              label={t('case.intake.idNumber')}
              normalize={upper}
              rules={[r.required('case.intake.idNumber'), r.idNumber]}
            >
              <Input maxLength={18} className="ow-mono" />
            </Form.Item>
          </Col>
        )}
        {kind === 'enterprise' ? (
          <Col xs={24} md={12}>
            <Form.Item
              name={['applicant', 'legalRepresentative']}
              label={t('case.intake.legalRep')}
              rules={[r.required('case.intake.legalRep')]}
            >
              <Input maxLength={50} />
            </Form.Item>
          </Col>
        ) : null}
        <Col xs={24} md={12}>
          <Form.Item
            name={['applicant', 'phone']}
            label={t('case.intake.phone')}
            rules={[r.required('case.intake.phone'), r.phone]}
          >
            <Input maxLength={11} className="ow-mono" />
          </Form.Item>
        </Col>
        <Col xs={24} md={kind === 'enterprise' ? 24 : 12}>
          <Form.Item name={['applicant', 'address']} label={t('case.intake.address')}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="hasAgent" valuePropName="checked" label={t('case.intake.agent')}>
        <Switch data-testid="agent-switch" />
      </Form.Item>
      {hasAgent ? (
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              name={['agent', 'name']}
              label={t('case.intake.agentName')}
              rules={[r.required('case.intake.agentName')]}
            >
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name={['agent', 'idNumber']}
              label={t('case.intake.agentId')}
              normalize={upper}
              rules={[r.required('case.intake.agentId'), r.idNumber]}
            >
              <Input maxLength={18} className="ow-mono" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name={['agent', 'phone']}
              label={t('case.intake.agentPhone')}
              rules={[r.required('case.intake.agentPhone'), r.phone]}
            >
              <Input maxLength={11} className="ow-mono" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name={['agent', 'powerOfAttorney']}
              valuePropName="checked"
              rules={[
                {
                  validator: (_, v) =>
                    v ? Promise.resolve() : Promise.reject(new Error(t('case.intake.poaRequired'))),
                },
              ]}
            >
              <Checkbox>{t('case.intake.poa')}</Checkbox>
            </Form.Item>
          </Col>
        </Row>
      ) : null}
    </div>
  );
}
