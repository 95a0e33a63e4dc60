import { EyeOutlined } from '@ant-design/icons';
import { Button, Space, Tooltip } from 'antd';
import { useState } from 'react';
import { useReportError } from '../../../ui/form-errors.ts';
import { useI18n } from '../../../ui/i18n/index.tsx';
import { fetchStaffPhone, type StaffView } from '../../api/org.ts';

/** The masked phone, and a 查看 button (audited on the server) where the row allows it. */
export function PhoneCell({ staff }: { staff: StaffView }) {
  const { t } = useI18n();
  const report = useReportError();
  const [full, setFull] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  if (!staff.phoneMasked) return <span>—</span>;
  const show = async () => {
    setLoading(true);
    try {
      setFull((await fetchStaffPhone(staff.id)).phone ?? '—');
    } catch (err) {
      report(err);
    } finally {
      setLoading(false);
    }
  };
  return (
    <Space size={4} style={{ whiteSpace: 'nowrap' }}>
      <span className="ow-mono" data-testid="staff-phone">
        {full ?? staff.phoneMasked}
      </span>
      {!full && staff.allowedActions.includes('readPhone') ? (
        <Tooltip title={t('staff.phoneAudited')}>
          <Button size="small" type="link" icon={<EyeOutlined />} loading={loading} onClick={show}>
            {t('staff.viewPhone')}
          </Button>
        </Tooltip>
      ) : null}
    </Space>
  );
}
