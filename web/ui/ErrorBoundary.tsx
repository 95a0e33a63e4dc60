import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useI18n } from './i18n/index.tsx';

/** What a broken page shows instead of a blank screen: what happened, and a reload. */
function PageFailed() {
  const { t } = useI18n();
  return (
    <div className="ow-page-failed" role="alert" data-testid="page-failed">
      <p className="ow-page-failed-title">{t('common.pageFailed')}</p>
      <p>{t('common.pageFailedHint')}</p>
      <button type="button" onClick={() => window.location.reload()}>
        {t('common.reload')}
      </button>
    </div>
  );
}

/**
 * Catches what a page throws while rendering — most often a code chunk that no longer exists
 * because the server was updated while the tab stayed open — and offers a reload instead of
 * leaving a white page. Plain React and CSS: the portal uses it without antd. `resetKey` (the
 * address) clears the error when the user goes elsewhere.
 */
export class ErrorBoundary extends Component<
  { children: ReactNode; resetKey?: string },
  { failed: boolean }
> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidUpdate(previous: { resetKey?: string }): void {
    if (this.state.failed && previous.resetKey !== this.props.resetKey) this.setState({ failed: false });
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.failed ? <PageFailed /> : this.props.children;
  }
}
