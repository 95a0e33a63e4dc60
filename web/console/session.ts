import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { type Action, ROLE_ACTIONS } from '../../contracts/access.ts';
import type { Me } from '../../contracts/auth.ts';
import { ApiError, http, setCsrfToken } from '../ui/api.ts';

export type { Me } from '../../contracts/auth.ts';

const ME_KEY = ['me'] as const;

/** Who is logged in (null when nobody is); keeps the session's CSRF token for later changes. */
export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async (): Promise<Me | null> => {
      try {
        const me = await http.get<Me>('/api/auth/me');
        setCsrfToken(me.csrfToken);
        return me;
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) {
          setCsrfToken(null);
          return null;
        }
        throw err;
      }
    },
    staleTime: 60_000,
  });
}

/** Logs in; the answer is the same Me as /api/auth/me. */
export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) => http.post<Me>('/api/auth/login', body),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      // Another person may have been logged in in this tab: forget everything cached for them.
      qc.clear();
      qc.setQueryData(ME_KEY, me);
    },
  });
}

/** Logs out and forgets every cached answer. */
export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => http.post<{ ok: true }>('/api/auth/logout'),
    onSettled: () => {
      setCsrfToken(null);
      qc.clear();
      qc.setQueryData(ME_KEY, null);
    },
  });
}

/** Changes the user's own password, then reloads who they are (mustChangePassword turns false). */
export function useChangePassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      http.post<{ ok: true }>('/api/auth/password', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ME_KEY }),
  });
}

/** True when the user may do an action (or any of several) somewhere (menus and page-level buttons). */
export function can(me: Me | null | undefined, action: Action | readonly Action[]): boolean {
  const wanted: readonly Action[] = typeof action === 'string' ? [action] : action;
  return !!me && wanted.some((a) => (me.permissions as readonly string[]).includes(a));
}

/**
 * Whether the user may do an action county-wide: the outbox, the job queue, the audit log and the
 * calendar's editing are county resources that only a grant at the root of the org tree reaches
 * (a 梨树镇 administrator holds the same actions for the town only, and the server refuses them).
 */
export function useCountyWide(): (action: Action | readonly Action[]) => boolean {
  const me = useMe().data;
  return useCallback(
    (action) => {
      const wanted: readonly Action[] = typeof action === 'string' ? [action] : action;
      const allows = (role: keyof typeof ROLE_ACTIONS) =>
        wanted.some((a) => (ROLE_ACTIONS[role] as readonly Action[]).includes(a));
      return !!me?.grants.some((g) => g.countyWide && allows(g.role));
    },
    [me],
  );
}
