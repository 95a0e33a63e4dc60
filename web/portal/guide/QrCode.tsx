import { useEffect, useState } from 'react';
import { useI18n } from '../../ui/i18n/index.tsx';

/**
 * A QR code of the guide's own address, drawn in the browser (the `qrcode` package, loaded only by
 * the guide page), so a printed guide on the hall's wall opens on a phone.
 */
export function QrCode({ url }: { url: string }) {
  const { t } = useI18n();
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    import('qrcode')
      .then((qr) => qr.toDataURL(url, { margin: 1, width: 240, errorCorrectionLevel: 'M' }))
      .then((data) => live && setSrc(data))
      .catch(() => live && setSrc(null));
    return () => {
      live = false;
    };
  }, [url]);
  return (
    <figure className="g-qr" data-testid="guide-qr">
      {src ? (
        <img src={src} alt={t('catalog.guide.qrAlt')} width={120} height={120} />
      ) : (
        <span className="g-qr-blank" />
      )}
      <figcaption>{t('catalog.guide.qr')}</figcaption>
    </figure>
  );
}
