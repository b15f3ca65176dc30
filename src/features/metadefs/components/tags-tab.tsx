import { useQuery } from '@tanstack/react-query';
import { ErrorPanel, Spinner } from '@/components/ui/states';
import { metadefQueries } from '@/features/metadefs/api/metadef-queries';
import type { NamespaceTabProps } from '@/features/metadefs/components/namespace-tab-props';

/** The namespace's tags. */
export function TagsTab({ namespace }: NamespaceTabProps) {
  const tags = useQuery(metadefQueries.tags(namespace.namespace));
  if (tags.isPending) return <Spinner label="Loading tags" />;
  if (tags.isError) return <ErrorPanel error={tags.error} context="Loading tags" onRetry={() => void tags.refetch()} />;
  if (tags.data.length === 0) return <p className="text-sm text-slate-500 dark:text-slate-400">No tags.</p>;
  return (
    <ul aria-label="Tags" className="flex flex-wrap gap-1.5">
      {[...tags.data]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((tag) => (
          <li key={tag.name} className="rounded bg-slate-100 px-2 py-0.5 text-xs dark:bg-slate-800">
            {tag.name}
          </li>
        ))}
    </ul>
  );
}
