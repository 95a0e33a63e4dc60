import { useEffect, useState } from 'react';
import { http } from '../../ui/api.ts';

export interface Fetched<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
}

/**
 * GETs a URL whenever it changes (nothing when null). The portal stays without react-query to stay
 * light on phones; an answer that arrives after the URL changed again is dropped.
 */
export function useFetch<T>(url: string | null): Fetched<T> {
  const [state, setState] = useState<Fetched<T>>({ data: undefined, error: undefined, loading: !!url });
  useEffect(() => {
    if (!url) return;
    let live = true;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    http.get<T>(url).then(
      (data) => live && setState({ data, error: undefined, loading: false }),
      (error: unknown) => live && setState({ data: undefined, error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [url]);
  return state;
}
