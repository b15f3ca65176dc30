import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ListView } from '@/components/list/list-view';
import { useListController } from '@/components/list/use-list-controller';
import { Button } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page';
import { TabNav } from '@/components/ui/tab-nav';
import { projectNamesQuery } from '@/features/auth';
import type { BulkOutcome } from '@/features/images/api/bulk-rules';
import { canDownloadImage } from '@/features/images/api/download-rules';
import { imageListParams, resolveOwner, toGlanceQuery, validateListState, VIEWS, type ListState, type View } from '@/features/images/api/image-list-params';
import { imageQueries } from '@/features/images/api/image-queries';
import type { Image, ImageList } from '@/features/images/api/image-schema';
import { ColumnChooser } from '@/features/images/components/column-chooser';
import { CREATE_SHORTCUT, DropOverlay, useCreateShortcut, useFileDrop } from '@/features/images/components/create-drop-zone';
import { CreateImageForm, type DroppedFiles } from '@/features/images/components/create-image-form';
import { BulkBar, BulkResults } from '@/features/images/components/list-actions';
import { FilterChips, ListFilters } from '@/features/images/components/list-filters';
import { COLUMNS, DEFAULT_COLUMNS, ListTable, type Column } from '@/features/images/components/list-table';
import { isApiError } from '@/lib/api-error';
import { formatCount } from '@/lib/format';
import { readPref, writePref } from '@/lib/prefs';
import { usePermissions, useSession } from '@/lib/session';

const VIEW_LABELS: Record<View, string> = {
  visible: 'Visible to me',
  mine: 'My project',
  shared: 'Shared with me',
  public: 'Public',
  community: 'Community',
  all: 'Everything',
};

const COLUMNS_PREF = 'image-columns';
const readColumns = () =>
  readPref<Column[]>(COLUMNS_PREF, (raw) => (Array.isArray(raw) ? COLUMNS.filter((column) => raw.includes(column)) : undefined)) ?? DEFAULT_COLUMNS;

/** The image catalogue: every Glance filter, server-side sort and marker paging, all in the URL. */
export function ImagesPage() {
  const session = useSession();
  const projectId = session.project.id;
  const { isAdmin, canWrite } = usePermissions();
  const [columns, setColumns] = useState<Column[]>(readColumns);
  const [search] = useSearchParams();
  // The filter panel starts open when the URL arrives with filters on.
  const [showFilters, setShowFilters] = useState(() => imageListParams.hasFilters(imageListParams.decode(search)));
  // Project names: the owner column, and the owner filter typed as a name.
  const [needNames, setNeedNames] = useState(false);
  const owners = useQuery({ ...projectNamesQuery(session.user.id, isAdmin), enabled: needNames });

  // The query for a state: only valid filters are sent, and an owner typed as a name goes as its ID.
  const checked = useCallback(
    (state: ListState) => {
      const owner = resolveOwner(state.owner, owners.data, isAdmin);
      const errors = validateListState(state);
      if ('error' in owner) errors.owner = owner.error;
      return { errors, owner, query: toGlanceQuery({ ...state, owner: 'id' in owner ? owner.id : '' }, projectId, errors) };
    },
    [owners.data, isAdmin, projectId],
  );
  // Glance ignores member_status for admins: their filtered pages are read image by image.
  const memberStatusScanned = useCallback((state: ListState) => (isAdmin && state.memberStatus !== '' ? state.memberStatus : undefined), [isAdmin]);
  const memberScan = memberStatusScanned(imageListParams.decode(search)) !== undefined;
  const controller = useListController({
    params: imageListParams,
    query: useCallback(
      (state: ListState) => {
        const { query } = checked(state);
        const scanned = memberStatusScanned(state);
        return scanned ? imageQueries.byMemberStatus(query, scanned) : imageQueries.list(query);
      },
      [checked, memberStatusScanned],
    ),
    // Glance's visibility=shared includes the project's own shared images; this view is about others'.
    rows: useCallback((page: ImageList, state: ListState) => (state.view === 'shared' ? page.images.filter((image) => image.owner !== projectId) : page.images), [projectId]),
    // The marker is the page's last image as Glance sent it, even when the view dropped it
    // (a member-status scan names the last image it read).
    markerOf: (page: ImageList) => (typeof page.resumeAfter === 'string' ? page.resumeAfter : page.images.at(-1)?.id),
    hasNext: (page: ImageList) => Boolean(page.next),
    // A scanned page costs a members read per image: it is read when asked for, not ahead.
    prefetchNext: !memberScan,
  });
  const { state, change, list } = controller;
  const { errors, owner } = useMemo(() => checked(state), [checked, state]);
  const showOwner = columns.includes('owner') || (isAdmin && state.view === 'all');
  if (!needNames && (showOwner || showFilters || state.owner !== '')) setNeedNames(true);

  // A selection belongs to one page of one query: it is empty again when the URL changes.
  const [selection, setSelection] = useState<{ key: string; ids: Set<string> }>({ key: '', ids: new Set() });
  const selected = useMemo(() => (selection.key === controller.viewKey ? selection.ids : new Set<string>()), [selection, controller.viewKey]);
  const setSelected = useCallback((ids: Set<string>) => setSelection({ key: controller.viewKey, ids }), [controller.viewKey]);
  const [bulkResults, setBulkResults] = useState<BulkOutcome[] | null>(null);

  const canManage = useCallback((image: Image) => canWrite && (isAdmin || image.owner === projectId), [canWrite, isAdmin, projectId]);
  const canDownload = useCallback((image: Image) => canDownloadImage(image, { canWrite, isAdmin }), [canWrite, isAdmin]);
  const ownerName = useCallback((id: string | null) => (id ? (owners.data?.get(id) ?? id) : '—'), [owners.data]);
  const onSort = useCallback((sort: ListState['sort']) => change({ sort }), [change]);

  const queryRejected = isApiError(list.error) && list.error.status === 400 && !state.marker;
  const views = VIEWS.map((view) => ({ id: view, label: view === 'all' && isAdmin ? 'All projects' : VIEW_LABELS[view] }));
  const tableColumns = useMemo(() => (showOwner && !columns.includes('owner') ? [...columns, 'owner' as const] : columns), [showOwner, columns]);
  const selectedImages = controller.rows.filter((image) => selected.has(image.id));

  // The create form: the button, the shortcut, or files dropped on the page open it.
  const [creating, setCreating] = useState(false);
  const [dropped, setDropped] = useState<DroppedFiles | null>(null);
  const openCreate = useCallback(() => setCreating(true), []);
  const onDrop = useCallback((files: File[]) => {
    setDropped((previous) => ({ files, seq: (previous?.seq ?? 0) + 1 }));
    setCreating(true);
  }, []);
  useCreateShortcut(openCreate, canWrite && !creating);
  const dragging = useFileDrop(onDrop, canWrite);

  return (
    <>
      <PageHeader
        title="Images"
        actions={
          <>
            {canWrite && (
              <Button variant="primary" aria-keyshortcuts={CREATE_SHORTCUT} title={`Create image (${CREATE_SHORTCUT})`} disabled={creating} onClick={openCreate}>
                Create image
              </Button>
            )}
            <label className="inline-flex items-center gap-1.5 text-xs">
              <input type="checkbox" checked={state.hidden} onChange={(event) => change({ hidden: event.target.checked })} />
              Only hidden images
            </label>
            <ColumnChooser
              columns={columns}
              onChange={(next) => {
                setColumns(next);
                writePref(COLUMNS_PREF, next);
              }}
            />
          </>
        }
      >
        {state.hidden ? 'Hidden images only (Glance lists hidden or visible ones, never both).' : 'Hidden images are left out.'}
      </PageHeader>

      {dragging && <DropOverlay />}
      {creating && (
        <CreateImageForm
          dropped={dropped}
          onClose={() => {
            setCreating(false);
            setDropped(null);
          }}
        />
      )}

      <TabNav label="Image views" items={views} current={state.view} onSelect={(view) => change({ view: VIEWS.find((known) => known === view) ?? 'visible' })} />

      <section aria-label="Filters" className="mb-3 space-y-2">
        <div className="flex flex-wrap items-center gap-2">
          <Button size="sm" aria-expanded={showFilters} onClick={() => setShowFilters(!showFilters)}>
            Filters
          </Button>
          <FilterChips state={state} errors={errors} ownerLabel={'name' in owner && owner.name ? `${owner.name} (${owner.id})` : undefined} onChange={change} />
          {controller.hasFilters && (
            <Button size="sm" variant="ghost" onClick={controller.clearFilters}>
              Reset filters
            </Button>
          )}
        </div>
        {showFilters && (
          <div className="rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900">
            <ListFilters state={state} errors={errors} onChange={change} />
          </div>
        )}
        {memberScan && typeof list.data?.scanned === 'number' && (
          <p role="status" className="text-xs text-slate-500 dark:text-slate-400">
            Glance does not filter member status for administrators, so Loupe read the members of {formatCount(list.data.scanned)} shared
            {list.data.scanned === 1 ? ' image' : ' images'} for this page.
          </p>
        )}
        {queryRejected && (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            Glance rejected these filters: {list.error?.message}
          </p>
        )}
      </section>

      <BulkResults results={bulkResults} onClose={() => setBulkResults(null)} />
      <ListView
        controller={controller}
        noun={{ plural: 'images', one: 'an image' }}
        ownsError={queryRejected}
        empty={(filtered) => ({ title: 'No images match', detail: filtered ? 'Remove a filter or reset them.' : 'Nothing in this view yet.' })}
      >
        {(rows) => (
          <ListTable
            images={rows}
            columns={tableColumns}
            sort={state.sort}
            onSort={onSort}
            selected={selected}
            onSelect={setSelected}
            ownerName={ownerName}
            canManage={canManage}
            canDownload={canDownload}
          />
        )}
      </ListView>
      {canWrite && selectedImages.length > 0 && (
        <BulkBar
          images={selectedImages}
          onFinished={(results) => {
            setSelected(new Set());
            setBulkResults(results);
          }}
        />
      )}
    </>
  );
}
