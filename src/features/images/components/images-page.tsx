import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { Button } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page';
import { Badge, EmptyState, ErrorPanel, Spinner } from '@/components/ui/states';
import { paths } from '@/config/paths';
import { imageListQuery } from '@/features/images/api/image-list-basic';
import type { Image } from '@/features/images/api/image-schema';
import { formatAbsolute, formatBytes, formatRelative } from '@/lib/format';

const STATUS_TONES: Record<string, 'good' | 'warn' | 'bad' | 'info' | 'neutral'> = {
  active: 'good',
  queued: 'info',
  saving: 'info',
  uploading: 'info',
  importing: 'info',
  deactivated: 'warn',
  killed: 'bad',
  deleted: 'bad',
  pending_delete: 'bad',
};

export function StatusBadge({ status }: { status: string }) {
  return <Badge tone={STATUS_TONES[status] ?? 'neutral'}>{status}</Badge>;
}

function ImageRow({ image }: { image: Image }) {
  return (
    <tr className="border-t border-slate-100 dark:border-slate-800">
      <td className="px-2 py-1.5">
        <Link to={paths.image(image.id)} className="font-medium text-sky-800 hover:underline dark:text-sky-300">
          {image.name ?? image.id}
        </Link>
        {image.protected && <span className="ml-1.5 text-xs text-slate-500">protected</span>}
      </td>
      <td className="px-2 py-1.5">
        <StatusBadge status={image.status} />
      </td>
      <td className="px-2 py-1.5">{image.visibility}</td>
      <td className="px-2 py-1.5 text-right tabular-nums">{formatBytes(image.size)}</td>
      <td className="px-2 py-1.5">{[image.disk_format, image.container_format].filter(Boolean).join(' / ') || '—'}</td>
      <td className="px-2 py-1.5" title={formatAbsolute(image.updated_at)}>
        {formatRelative(image.updated_at)}
      </td>
    </tr>
  );
}

/** The images visible to the project, newest first, page by page (marker in the URL). */
export function ImagesPage() {
  const [search, setSearch] = useSearchParams();
  const marker = search.get('marker') ?? undefined;
  const list = useQuery(imageListQuery({ limit: 25, marker }));
  const lastId = list.data?.images.at(-1)?.id;
  return (
    <>
      <PageHeader title="Images">Images your project can see.</PageHeader>
      {list.isPending && <Spinner label="Loading images" />}
      {list.isError && <ErrorPanel error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && list.data.images.length === 0 && <EmptyState title="No images here">Your project has no images yet.</EmptyState>}
      {list.data && list.data.images.length > 0 && (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <table className="w-full text-sm">
            <caption className="sr-only">Images</caption>
            <thead className="bg-slate-50 text-left text-xs text-slate-500 dark:bg-slate-800/50 dark:text-slate-400">
              <tr>
                <th scope="col" className="px-2 py-1.5 font-medium">Name</th>
                <th scope="col" className="px-2 py-1.5 font-medium">Status</th>
                <th scope="col" className="px-2 py-1.5 font-medium">Visibility</th>
                <th scope="col" className="px-2 py-1.5 text-right font-medium">Size</th>
                <th scope="col" className="px-2 py-1.5 font-medium">Format</th>
                <th scope="col" className="px-2 py-1.5 font-medium">Updated</th>
              </tr>
            </thead>
            <tbody>
              {list.data.images.map((image) => (
                <ImageRow key={image.id} image={image} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="mt-3 flex gap-2">
        {marker && (
          <Button size="sm" onClick={() => setSearch({})}>
            First page
          </Button>
        )}
        {list.data?.next && lastId && (
          <Button size="sm" onClick={() => setSearch({ marker: lastId })}>
            Next page
          </Button>
        )}
      </div>
    </>
  );
}
