import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { ListView } from '@/components/list/list-view';
import { useListController } from '@/components/list/use-list-controller';
import { Button } from '@/components/ui/button';
import { DataTable, primaryColumn, type DataColumn } from '@/components/ui/data-table';
import { Field, inputClass } from '@/components/ui/field';
import { SelectField } from '@/components/ui/select-field';
import { toast } from '@/components/ui/toast';
import { Truncated } from '@/components/ui/truncated';
import { tagQueries, useAddTags, type TagPage } from '@/features/metadefs/api/tag-api';
import { TAG_SORTS, tagListParams, type TagListState, type TagSort } from '@/features/metadefs/api/tag-list-params';
import { parseTagList, unaddressableTag } from '@/features/metadefs/api/tag-rules';
import type { NamespaceTabProps } from '@/features/metadefs/components/namespace-tab-props';
import { DeleteAllTagsDialog, DeleteTagDialog, RenameTagDialog } from '@/features/metadefs/components/tag-dialogs';
import { describeError } from '@/lib/api-error';

const addSchema = z.object({
  tags: z.string().superRefine((text, context) => {
    const { names, problems } = parseTagList(text);
    if (problems.length > 0) context.addIssue({ code: 'custom', message: problems.map(({ name, problem }) => `${name.slice(0, 40)}: ${problem}`).join(' ') });
    else if (names.length === 0) context.addIssue({ code: 'custom', message: 'Enter at least one tag.' });
  }),
});

/** One tag, or many pasted at once; the ones the namespace already has are skipped and named. */
function AddTagsForm({ namespace }: { namespace: string }) {
  const add = useAddTags(namespace);
  const form = useForm({ resolver: zodResolver(addSchema), defaultValues: { tags: '' } });
  const onSubmit = form.handleSubmit(async ({ tags }) => {
    const { names } = parseTagList(tags);
    try {
      const { added, existing } = await add.mutateAsync(names);
      const skipped = existing.length > 0 ? `Already there, so skipped: ${existing.join(', ')}.` : undefined;
      toast(added.length > 0 ? 'success' : 'info', added.length > 0 ? `Added ${added.length === 1 ? `tag ${added[0] ?? ''}` : `${added.length} tags`}` : 'No tag added', skipped);
      form.reset({ tags: '' });
    } catch (error) {
      // The typed list stays in the box, ready to send again.
      const { title, detail } = describeError(error);
      form.setError('tags', { message: `${title}. ${detail}` });
    }
  });
  return (
    <form aria-label="Add tags" className="flex max-w-2xl items-end gap-2" onSubmit={(event) => void onSubmit(event)} noValidate>
      <Field label="New tags" hint="One tag, or many: one per line or separated by commas. Existing tags stay." error={form.formState.errors.tags?.message} className="flex-1">
        <textarea className={inputClass} rows={2} spellCheck={false} {...form.register('tags')} />
      </Field>
      <Button type="submit" variant="primary" busy={form.formState.isSubmitting} className="mb-5">
        Add
      </Button>
    </form>
  );
}

const SORT_OPTIONS = (Object.keys(TAG_SORTS) as TagSort[]).map((value) => ({ value, label: TAG_SORTS[value] }));

/** The namespace's tags: sorted and paged by Glance, the state in the URL; admins add, rename and delete. */
export function TagsTab({ namespace, access }: NamespaceTabProps) {
  const name = namespace.namespace;
  const [renaming, setRenaming] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [deletingAll, setDeletingAll] = useState(false);
  const listOptions = useMemo(
    () => ({
      params: tagListParams,
      query: (state: TagListState) => tagQueries.page(name, state),
      rows: (page: TagPage) => page.tags,
      markerOf: (page: TagPage) => page.tags.at(-1)?.name,
      hasNext: (page: TagPage) => page.hasMore,
      // Glance answers 404 for a marker naming a tag that is gone.
      markerLostStatus: 404,
    }),
    [name],
  );
  const controller = useListController(listOptions);
  const { protectedReason } = access;

  const columns = useMemo(() => {
    const base: DataColumn<{ name: string }>[] = [primaryColumn('name', 'Tag', (tag) => <Truncated text={tag.name || '(empty name)'} />)];
    if (!access.canEdit) return base;
    const actions: DataColumn<{ name: string }> = {
      id: 'actions',
      header: 'Actions',
      headerHidden: true,
      width: 150,
      priority: 0,
      cell: (tag) => {
        const unaddressable = unaddressableTag(tag.name);
        return (
          <span className="flex gap-1">
            <Button size="sm" variant="ghost" aria-label={`Rename tag ${tag.name}`} disabled={Boolean(unaddressable)} title={unaddressable} onClick={() => setRenaming(tag.name)}>
              Rename
            </Button>
            <Button
              size="sm"
              variant="ghost"
              aria-label={`Delete tag ${tag.name}`}
              disabled={Boolean(unaddressable ?? protectedReason)}
              title={unaddressable ?? protectedReason}
              onClick={() => setDeleting(tag.name)}
            >
              Delete
            </Button>
          </span>
        );
      },
    };
    return [...base, actions];
  }, [access.canEdit, protectedReason]);

  return (
    <div className="space-y-3">
      {access.canEdit && <AddTagsForm namespace={name} />}
      <div className="flex flex-wrap items-end gap-3">
        <SelectField label="Sort tags" className="w-44" value={controller.state.sort} options={SORT_OPTIONS} onChange={(sort) => controller.change({ sort: sort || 'name-asc' })} />
        {access.canEdit && (
          <div className="ml-auto flex items-center gap-2">
            {protectedReason && <p className="max-w-sm text-xs text-slate-600 dark:text-slate-400">{protectedReason}</p>}
            <Button size="sm" variant="danger" disabled={Boolean(protectedReason) || controller.rows.length === 0} onClick={() => setDeletingAll(true)}>
              Delete all tags
            </Button>
          </div>
        )}
      </div>
      <ListView controller={controller} noun={{ plural: 'tags', one: 'a tag' }} empty={() => ({ title: 'No tags', detail: access.canEdit ? 'Add tags above.' : 'This namespace has no tags.' })}>
        {(rows) => <DataTable caption="Tags" rows={rows} rowKey={(tag) => tag.name} columns={columns} />}
      </ListView>
      <RenameTagDialog namespace={name} tag={renaming} onClose={() => setRenaming(null)} />
      <DeleteTagDialog namespace={name} tag={deleting} onClose={() => setDeleting(null)} />
      <DeleteAllTagsDialog namespace={name} open={deletingAll} onClose={() => setDeletingAll(false)} />
    </div>
  );
}
