import type { Namespace } from '@/features/metadefs/api/metadef-schema';
import { usePermissions } from '@/lib/session';

export interface MetadefAccess {
  /** Glance lets only admins write metadefs (policy METADEF_ADMIN); everyone else reads. */
  canEdit: boolean;
  /** Why there are no edit controls, for non-admins. */
  readOnlyReason: string | undefined;
  /** Why deletes are off: a protected namespace keeps itself and its contents until unprotected. */
  protectedReason: string | undefined;
}

/** What this user may change in a namespace, with the reasons for what they may not. */
export function useMetadefAccess(namespace: Pick<Namespace, 'protected'> | undefined): MetadefAccess {
  const { isAdmin } = usePermissions();
  return {
    canEdit: isAdmin,
    readOnlyReason: isAdmin ? undefined : 'Only cloud administrators can change metadata definitions; you can read them.',
    protectedReason: namespace?.protected
      ? 'This namespace is protected: nothing in it can be deleted until an administrator turns protection off in the overview.'
      : undefined,
  };
}
