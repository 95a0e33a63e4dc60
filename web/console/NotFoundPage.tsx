import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../ui/i18n/index.tsx';

/** An unknown console address. */
export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('common.notFound')}
      extra={
        <Link to="/console/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}
