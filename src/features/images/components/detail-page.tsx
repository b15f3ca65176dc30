import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { PageHeader } from '@/components/ui/page';
import { ErrorPanel, Spinner } from '@/components/ui/states';
import { imageQueries } from '@/features/images/api/image-queries';
import { extraProperties, type Image } from '@/features/images/api/image-schema';
import { formatAbsolute, formatBytes } from '@/lib/format';

function bytes(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${formatBytes(value)} (${value.toLocaleString()} bytes)`;
}

function attributes(image: Image): [string, string][] {
  return [
    ['ID', image.id],
    ['Status', image.status],
    ['Visibility', image.visibility],
    ['Protected', image.protected ? 'yes' : 'no'],
    ['Hidden', image.os_hidden ? 'yes' : 'no'],
    ['Owner', image.owner ?? '—'],
    ['Size', bytes(image.size)],
    ['Virtual size', bytes(image.virtual_size)],
    ['Disk format', image.disk_format ?? '—'],
    ['Container format', image.container_format ?? '—'],
    ['Minimum disk', `${image.min_disk ?? 0} GiB`],
    ['Minimum RAM', `${image.min_ram ?? 0} MiB`],
    ['Checksum (MD5)', image.checksum ?? '—'],
    ['Hash', image.os_hash_value ? `${image.os_hash_algo ?? ''} ${image.os_hash_value}` : '—'],
    ['Created', formatAbsolute(image.created_at)],
    ['Updated', formatAbsolute(image.updated_at)],
  ];
}

export function ImageDetailPage() {
  const { imageId = '' } = useParams();
  const detail = useQuery(imageQueries.detail(imageId));
  if (detail.isPending) return <Spinner label="Loading image" />;
  if (detail.isError) return <ErrorPanel error={detail.error} context="Loading the image" onRetry={() => void detail.refetch()} />;
  const image = detail.data;
  const extras = Object.entries(extraProperties(image)).sort(([a], [b]) => a.localeCompare(b));
  return (
    <>
      <PageHeader title={image.name ?? image.id}>{image.id}</PageHeader>
      <div className="grid gap-4 lg:grid-cols-2">
        <section aria-labelledby="attributes" className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
          <h2 id="attributes" className="mb-2 text-sm font-semibold">Attributes</h2>
          <dl className="grid grid-cols-[10rem_1fr] gap-x-3 gap-y-1 text-sm">
            {attributes(image).map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="text-slate-500 dark:text-slate-400">{label}</dt>
                <dd className="break-all">{value}</dd>
              </div>
            ))}
          </dl>
        </section>
        <section aria-labelledby="properties" className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
          <h2 id="properties" className="mb-2 text-sm font-semibold">Properties and tags</h2>
          <p className="mb-2 text-sm">Tags: {image.tags.length ? image.tags.join(', ') : 'none'}</p>
          {extras.length === 0 ? (
            <p className="text-sm text-slate-500">No custom properties.</p>
          ) : (
            <dl className="grid grid-cols-[12rem_1fr] gap-x-3 gap-y-1 text-sm">
              {extras.map(([key, value]) => (
                <div key={key} className="contents">
                  <dt className="font-mono text-xs text-slate-500 dark:text-slate-400">{key}</dt>
                  <dd className="break-all">{value}</dd>
                </div>
              ))}
            </dl>
          )}
        </section>
      </div>
    </>
  );
}
