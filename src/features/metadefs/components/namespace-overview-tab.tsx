import { Badge } from '@/components/ui/states';
import type { NamespaceTabProps } from '@/features/metadefs/components/namespace-tab-props';
import { formatAbsolute } from '@/lib/format';

/** What the namespace is: visibility, protection, owner, dates and description. */
export function NamespaceOverviewTab({ namespace: ns }: NamespaceTabProps) {
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2 text-xs">
        {ns.visibility && <Badge tone={ns.visibility === 'public' ? 'info' : 'neutral'}>{ns.visibility}</Badge>}
        {ns.protected && <Badge tone="warn">protected</Badge>}
        {ns.owner && <span className="text-slate-500 dark:text-slate-400">owner {ns.owner}</span>}
        {ns.created_at && <span className="text-slate-500 dark:text-slate-400">created {formatAbsolute(ns.created_at)}</span>}
        {ns.updated_at && <span className="text-slate-500 dark:text-slate-400">updated {formatAbsolute(ns.updated_at)}</span>}
      </div>
      {ns.description ? <p className="max-w-3xl text-sm whitespace-pre-line">{ns.description}</p> : <p className="text-sm text-slate-500">No description.</p>}
    </div>
  );
}
