// Some clouds take image data only through interoperable import: their policy refuses a
// direct PUT /file (Glance's upload_image rule) with 403 while glance-direct staging works.
// Nothing announces that in advance, so the first refused direct upload falls back to
// staging, and once staging worked the session remembers it: later uploads (and the create
// form's default) go through glance-direct from the start.
import { isApiError } from '@/lib/api-error';
import { fetchImportMethods } from '@/lib/glance-discovery';
import { sessionStore } from '@/lib/session';

let directRefused = false;
sessionStore.onClear(() => {
  directRefused = false;
});

/** The upload method to use first: staging once this session saw a direct upload refused and staging accepted. */
export function preferredUploadMethod(): 'direct' | 'glance-direct' {
  return directRefused ? 'glance-direct' : 'direct';
}

export function rememberDirectUploadRefused(): void {
  directRefused = true;
}

/** A 403 to PUT /file on a cloud that lists glance-direct: worth trying the staging route. */
export async function canFallBackToStaging(error: unknown, signal: AbortSignal): Promise<boolean> {
  if (!isApiError(error) || error.status !== 403) return false;
  try {
    return (await fetchImportMethods(signal)).includes('glance-direct');
  } catch {
    return false;
  }
}
