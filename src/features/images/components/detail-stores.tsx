import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { DataTable, primaryColumn, type DataColumn } from '@/components/ui/data-table';
import { Dialog } from '@/components/ui/dialog';
import { Section } from '@/components/ui/section';
import { Badge, ErrorPanel, type BadgeTone } from '@/components/ui/states';
import { toast } from '@/components/ui/toast';
import { imageLabel, type Image } from '@/features/images/api/image-schema';
import {
  canDeleteFrom,
  copyTargets,
  explainDeleteError,
  imageStoreRows,
  useDeleteImageFromStore,
  type CloudStore,
  type ImageStoreRow,
  type StoreState,
} from '@/features/images/api/image-stores';
import { CopyStatus, CopyToStoresForm, useCopyProgress, type CopyRequest } from '@/features/images/components/detail-stores-copy';
import { discoveryQueries } from '@/lib/glance-discovery';

const STATE_LABELS: Record<StoreState, [string, BadgeTone]> = {
  'has-data': ['has the data', 'good'],
  copying: ['copying…', 'info'],
  failed: ['copy failed', 'bad'],
  none: ['no data', 'neutral'],
};

/**
 * The image's stores on a multi-store cloud: where its data is, copy it to more stores
 * (admin), delete it from one (admin). Nothing at all on a single-store cloud
 * (GET /v2/info/stores answers 404).
 */
export function DetailStores({ image, isAdmin }: { image: Image; isAdmin: boolean }) {
  const stores = useQuery(discoveryQueries.stores());
  if (stores.isPending || stores.data === null) return null;
  if (stores.isError) {
    return (
      <Section title="Stores">
        <ErrorPanel error={stores.error} context="Loading the cloud's stores" onRetry={() => void stores.refetch()} />
      </Section>
    );
  }
  return <StoresSection image={image} cloudStores={stores.data} isAdmin={isAdmin} />;
}

function StoresSection({ image, cloudStores, isAdmin }: { image: Image; cloudStores: readonly CloudStore[]; isAdmin: boolean }) {
  const [copy, setCopy] = useState<CopyRequest | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [copyFailure, setCopyFailure] = useState<string | null>(null);
  const progress = useCopyProgress(image, copy);
  const rows = imageStoreRows(image, cloudStores, progress && !progress.settled ? progress.outcome.pending : []);
  const holding = rows.filter((row) => row.state === 'has-data').map((row) => row.id);
  const manage = isAdmin && image.status === 'active';
  const targets = copyTargets(rows);
  const columns: DataColumn<ImageStoreRow>[] = [
    {
      ...primaryColumn('store', 'Store', (row) => (
        <span className="flex flex-wrap items-center gap-1.5">
          <span className="font-mono break-all">{row.id}</span>
          {row.isDefault && <Badge tone="info">default</Badge>}
          {row.readOnly && <Badge>read-only</Badge>}
          {!row.configured && <span className="text-xs text-amber-800 dark:text-amber-300">not listed by this Glance</span>}
        </span>
      )),
      rowHeader: true,
      wrap: true,
    },
    { id: 'description', header: 'Description', minWidth: 140, priority: 2, wrap: true, cell: (row) => row.description ?? '—' },
    {
      id: 'state',
      header: 'This image',
      width: 130,
      cell: (row) => {
        const [label, tone] = STATE_LABELS[row.state];
        return <Badge tone={tone}>{label}</Badge>;
      },
    },
    ...(manage
      ? [
          {
            id: 'actions',
            header: 'Actions',
            headerHidden: true,
            width: 150,
            cell: (row: ImageStoreRow) =>
              row.state !== 'has-data' ? null : canDeleteFrom(rows, row.id) ? (
                <Button size="sm" variant="danger" aria-label={`Delete data from ${row.id}`} onClick={() => setDeleting(row.id)}>
                  Delete data…
                </Button>
              ) : (
                <span className="text-xs text-slate-500 dark:text-slate-400">only copy</span>
              ),
          } satisfies DataColumn<ImageStoreRow>,
        ]
      : []),
  ];
  return (
    <Section title="Stores" count={holding.length}>
      <div className="space-y-3">
        <p className="text-sm">
          {holding.length > 0 ? (
            <>
              Its data is in <strong className="break-all">{holding.join(', ')}</strong>.
            </>
          ) : (
            'It has no data in any store yet.'
          )}
        </p>
        <DataTable caption={`Stores of ${imageLabel(image)}`} rows={rows} rowKey={(row) => row.id} columns={columns} />
        {progress && <CopyStatus progress={progress} />}
        {copyFailure && (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {copyFailure}
          </p>
        )}
        {!isAdmin ? (
          <p className="text-xs text-slate-500 dark:text-slate-400">Copying an image to other stores and deleting its data from one are for administrators.</p>
        ) : image.status !== 'active' ? (
          <p className="text-xs text-slate-500 dark:text-slate-400">Glance copies and deletes a store's data only while the image is active (it is {image.status}).</p>
        ) : targets.length > 0 ? (
          <CopyToStoresForm image={image} targets={targets} onStarted={setCopy} onFailure={setCopyFailure} />
        ) : (
          !(progress && !progress.settled) && <p className="text-xs text-slate-500 dark:text-slate-400">The image is in every store it can be copied to.</p>
        )}
        {manage && holding.length === 1 && (
          <p className="text-xs text-slate-500 dark:text-slate-400">
            Glance keeps an image's last copy: to remove the data from {holding[0]}, copy it elsewhere first, or delete the image.
          </p>
        )}
      </div>
      {deleting && <DeleteFromStoreDialog image={image} store={deleting} others={holding.filter((store) => store !== deleting)} onClose={() => setDeleting(null)} />}
    </Section>
  );
}

function DeleteFromStoreDialog({ image, store, others, onClose }: { image: Image; store: string; others: readonly string[]; onClose: () => void }) {
  const remove = useDeleteImageFromStore();
  const [failure, setFailure] = useState<string | null>(null);
  const name = imageLabel(image);
  const run = async () => {
    setFailure(null);
    try {
      await remove.mutateAsync({ id: image.id, store });
      toast('success', `Deleted the data of ${name} from ${store}`);
      onClose();
    } catch (error) {
      setFailure(explainDeleteError(error, store));
    }
  };
  return (
    <Dialog
      open
      title={`Delete the data of ${name} from ${store}?`}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="danger" busy={remove.isPending} onClick={() => void run()}>
            Delete from {store}
          </Button>
        </>
      }
    >
      <p>
        The copy in <strong className="break-all">{store}</strong> is deleted for good. The image stays, with its data in{' '}
        <strong className="break-all">{others.join(', ')}</strong>.
      </p>
      {failure && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {failure}
        </p>
      )}
    </Dialog>
  );
}
