import { useCallback, useEffect, useState } from 'react';
import type { PortalSessionView } from '../../../contracts/portal.ts';
import { ApiError, http, setCsrfToken } from '../../ui/api.ts';

/**
 * The citizen logged in to the portal, read from `GET /api/portal/me` (which gives the session's
 * CSRF token back, kept in memory only); `null` when nobody is, `undefined` while loading.
 */
export function usePortalSession() {
  const [me, setMe] = useState<PortalSessionView | null | undefined>(undefined);
  const refresh = useCallback(async () => {
    try {
      const session = await http.get<PortalSessionView>('/api/portal/me');
      setCsrfToken(session.csrfToken);
      setMe(session);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) setMe(null);
      else throw err;
    }
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  return { me, setMe, refresh };
}
