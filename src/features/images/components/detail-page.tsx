import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { Button } from '@/components/ui/button';
import { NotFoundView } from '@/components/ui/not-found';
import { PageHeader } from '@/components/ui/page';
import { ScrollablePre } from '@/components/ui/scrollable-pre';
import { Section } from '@/components/ui/section';
import { Badge, ErrorPanel, Spinner } from '@/components/ui/states';
import { toast } from '@/components/ui/toast';
import { paths } from '@/config/paths';
import { projectNamesQuery } from '@/features/auth';
import { canDownloadImage } from '@/features/images/api/download-rules';
import { novaProgress } from '@/features/images/api/image-detail-rules';
import { imageQueries, selectEditSchema } from '@/features/images/api/image-queries';
import { extraProperties, imageLabel } from '@/features/images/api/image-schema';
import { imageStatusTone } from '@/features/images/api/image-status';
import { DetailActions } from '@/features/images/components/detail-actions';
import { DetailData } from '@/features/images/components/detail-data';
import { downloadFromClick } from '@/features/images/components/download-action';
import { ImageEditForm } from '@/features/images/components/detail-edit-form';
import { DetailProperties } from '@/features/images/components/detail-properties';
import { DetailStores } from '@/features/images/components/detail-stores';
import { ImageMembersSection } from '@/features/members';
import { metadefQueries } from '@/features/metadefs';
import { taskStatusTone } from '@/features/tasks';
import { isApiError } from '@/lib/api-error';
import { formatAbsolute, formatBytes, formatCount, formatRelative } from '@/lib/format';
import { usePermissions, useSession } from '@/lib/session';

function bytes(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${formatBytes(value)} (${formatCount(value)} bytes)`;
}

function Pairs({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="grid grid-cols-[11rem_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-500 dark:text-slate-400">{label}</dt>
          <dd className="min-w-0 break-all">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function ImageTasks({ id }: { id: string }) {
  const tasks = useQuery(imageQueries.tasks(id));
  if (tasks.isPending) return <Spinner label="Loading tasks" />;
  if (tasks.isError) return <ErrorPanel error={tasks.error} />;
  if (tasks.data.length === 0) return <p className="text-sm text-slate-500 dark:text-slate-400">No import or copy task has run for this image.</p>;
  return (
    <ul className="space-y-1 text-sm">
      {tasks.data.map((task) => (
        <li key={task.id} className="flex flex-wrap gap-x-3">
          <Badge tone={taskStatusTone(task.status)}>{task.status}</Badge>
          <span>{task.type}</span>
          <span title={formatAbsolute(task.created_at)}>{formatRelative(task.created_at)}</span>
          {task.message && <span className="min-w-0 break-all text-slate-600 dark:text-slate-400">{task.message}</span>}
        </li>
      ))}
    </ul>
  );
}

function ImageNotFound({ id }: { id: string }) {
  return (
    <NotFoundView title="Image not found" backTo={paths.images} backLabel="Images">
      <p>
        No image with ID <code className="font-mono break-all">{id}</code> is visible to this project.
      </p>
      <p className="text-slate-600 dark:text-slate-400">
        It may have been deleted, or it belongs to another project and is not shared with this one. If it is yours in another project, switch
        project at the top of the page.
      </p>
    </NotFoundView>
  );
}

/**
 * The edit form's open state lives in the URL (`?edit=1`, see paths.imageEdit), so the list's
 * "Edit" lands here with the form open. Opening and closing replace the history entry.
 */
function useEditParam() {
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = searchParams.get('edit') === '1';
  const setEditing = useCallback(
    (open: boolean) =>
      setSearchParams(
        (params) => {
          const next = new URLSearchParams(params);
          if (open) next.set('edit', '1');
          else next.delete('edit');
          return next;
        },
        { replace: true },
      ),
    [setSearchParams],
  );
  return [requested, setEditing] as const;
}

export function ImageDetailPage() {
  const { imageId = '' } = useParams();
  const session = useSession();
  const { isAdmin, canWrite } = usePermissions();
  const detail = useQuery(imageQueries.detail(imageId));
  const catalogue = useQuery(metadefQueries.imageCatalogue());
  const imageSchema = useQuery({ ...imageQueries.schema(), select: selectEditSchema });
  const schemaKeys = useMemo(() => new Set(imageSchema.data?.extraRules.keys() ?? []), [imageSchema.data]);
  const owners = useQuery(projectNamesQuery(session.user.id, isAdmin));
  const [editRequested, setEditing] = useEditParam();
  const [showRaw, setShowRaw] = useState(false);
  const image = detail.data;
  const canManage = image !== undefined && canWrite && (isAdmin || image.owner === session.project.id);
  const editing = canManage && editRequested;
  const canDownload = image !== undefined && canDownloadImage(image, { canWrite, isAdmin });

  // Asked to edit an image this user may not change: show the page as it is, without the param.
  useEffect(() => {
    if (image && editRequested && !canManage) setEditing(false);
  }, [image, editRequested, canManage, setEditing]);

  // The form takes focus when it opens; when it closes, focus goes back to the Edit button
  // that reappears (never to the page body).
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(editing);
  useEffect(() => {
    if (wasEditing.current && !editing) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  if (detail.isPending) return <Spinner label="Loading image" />;
  // A failed re-read (an expired token, Glance gone for a moment) keeps what was loaded on
  // screen, and with it any open edit form and what was typed in it.
  if (detail.isError && detail.data === undefined) {
    if (isApiError(detail.error) && detail.error.status === 404) return <ImageNotFound id={imageId} />;
    return <ErrorPanel error={detail.error} context="Loading the image" onRetry={() => void detail.refetch()} />;
  }
  const loaded = detail.data;
  const extras = extraProperties(loaded);
  const importState = Object.entries(extras).filter(([key]) => key.startsWith('os_glance_'));
  const ownerName = loaded.owner ? owners.data?.get(loaded.owner) : undefined;
  const raw = JSON.stringify(loaded, null, 2);
  return (
    <>
      <PageHeader
        // An image without a name (null, or an empty string set elsewhere) goes by its ID.
        title={imageLabel(loaded)}
        actions={
          !editing && (canManage || canDownload) ? (
            <div className="flex gap-2">
              {/* Ranged, resumable and verified, in the transfer tray. */}
              {canDownload && <Button onClick={() => downloadFromClick(loaded)}>Download</Button>}
              {canManage && (
                <Button ref={editButton} variant="primary" onClick={() => setEditing(true)}>
                  Edit
                </Button>
              )}
            </div>
          ) : undefined
        }
      >
        <span className="font-mono text-xs break-all">{loaded.id}</span>
      </PageHeader>
      <div className="space-y-4">
        {canManage && !editing && <DetailActions image={loaded} isAdmin={isAdmin} />}
        {editing && <ImageEditForm image={loaded} onDone={() => setEditing(false)} />}
        <DetailData image={loaded} canManage={canManage} />
        <div className="grid gap-4 xl:grid-cols-2">
          <Section title="Attributes">
            <Pairs
              rows={[
                ['Name', loaded.name || <span className="text-slate-500 dark:text-slate-400">No name (shown by its ID)</span>],
                ['Status', <Badge key="s" tone={imageStatusTone(loaded.status)}>{loaded.status}</Badge>],
                ['Visibility', loaded.visibility],
                ['Protected', loaded.protected ? 'yes' : 'no'],
                ['Hidden', loaded.os_hidden ? 'yes (os_hidden)' : 'no'],
                ['Owner', ownerName ? `${ownerName} (${loaded.owner})` : (loaded.owner ?? '—')],
                ['Size', bytes(loaded.size)],
                ['Virtual size', bytes(loaded.virtual_size)],
                ['Disk format', loaded.disk_format ?? '—'],
                ['Container format', loaded.container_format ?? '—'],
                ['Minimum disk (minDisk)', `${loaded.min_disk ?? 0} GiB`],
                ['Minimum RAM (minRam)', `${loaded.min_ram ?? 0} MiB`],
                ['Checksum (MD5)', loaded.checksum ?? '—'],
                ['Hash', loaded.os_hash_value ? `${loaded.os_hash_algo ?? ''}: ${loaded.os_hash_value}` : '—'],
                ['Created', formatAbsolute(loaded.created_at)],
                ['Updated', formatAbsolute(loaded.updated_at)],
                ...(loaded.direct_url ? [['Direct URL', loaded.direct_url] as [string, string]] : []),
                ...(loaded.locations ? [['Locations', loaded.locations.map((location) => location.url).join('\n') || '—'] as [string, string]] : []),
              ]}
            />
          </Section>
          <div className="min-w-0 space-y-4">
            <Section title="Compute (Nova) view">
              <Pairs
                rows={[
                  ['Image type', extras.image_type ?? 'image'],
                  ['Snapshot of server', extras.instance_uuid ?? '—'],
                  ['Progress (Nova)', `${novaProgress(loaded.status)}%${loaded.status === 'saving' || loaded.status === 'importing' ? ` — ${loaded.status}…` : ''}`],
                  ['Size (Nova)', bytes(loaded.size)],
                  ['minDisk / minRam', `${loaded.min_disk ?? 0} GiB / ${loaded.min_ram ?? 0} MiB`],
                ]}
              />
            </Section>
            <Section title="Tags">
              {loaded.tags.length ? (
                <ul aria-label="Tags" className="flex flex-wrap gap-1.5 text-sm">
                  {[...loaded.tags].sort().map((tag) => (
                    <li key={tag} className="max-w-full rounded bg-slate-100 px-2 py-0.5 break-all dark:bg-slate-800">
                      {tag}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-sm">No tags.</p>
              )}
            </Section>
            {importState.length > 0 && (
              <Section title="Import state">
                <Pairs rows={importState.map(([key, value]) => [key, value || '(empty)'])} />
              </Section>
            )}
          </div>
        </div>
        <DetailStores image={loaded} isAdmin={isAdmin} />
        <ImageMembersSection image={loaded} />
        <Section title="Properties">
          {catalogue.isError && (
            <p className="mb-2 text-xs text-amber-800 dark:text-amber-300">
              The metadata catalogue could not be loaded, so properties are not grouped by namespace. Reload the page to try again.
            </p>
          )}
          <DetailProperties image={loaded} namespaces={catalogue.data ?? []} schemaKeys={schemaKeys} />
        </Section>
        <Section title="Tasks">
          <ImageTasks id={loaded.id} />
        </Section>
        <Section
          title="Raw JSON"
          actions={
            <span className="flex gap-2">
              <Button size="sm" onClick={() => setShowRaw(!showRaw)} aria-expanded={showRaw}>
                {showRaw ? 'Hide' : 'Show'}
              </Button>
              <Button size="sm" onClick={() => void navigator.clipboard.writeText(raw).then(() => toast('success', 'JSON copied'), () => toast('error', 'Copy failed', 'The browser did not allow the clipboard.'))}>
                Copy
              </Button>
            </span>
          }
        >
          {showRaw && <ScrollablePre label="Image as JSON">{raw}</ScrollablePre>}
        </Section>
      </div>
    </>
  );
}
