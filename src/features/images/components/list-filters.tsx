import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState, type ReactNode } from 'react';
import { cn } from '@/components/ui/cn';
import { Field, inputClass } from '@/components/ui/field';
import { SelectField } from '@/components/ui/select-field';
import {
  IMAGE_STATUSES,
  MEMBER_STATUSES,
  type FieldErrors,
  type ListState,
} from '@/features/images/api/image-list-params';
import { projectNamesQuery } from '@/features/auth';
import { imageQueries, selectFormats } from '@/features/images/api/image-queries';
import { usePermissions, useSession } from '@/lib/session';

type ArrayField = 'names' | 'ids' | 'tags' | 'props';
type ScalarField = 'owner' | 'sizeMin' | 'sizeMax' | 'created' | 'updated' | 'changedSince' | 'instance' | 'minDisk' | 'minRam';

interface FiltersProps {
  state: ListState;
  errors: FieldErrors;
  onChange: (changes: Partial<ListState>) => void;
}

/** A text input that commits after typing pauses (or on Enter), so each keystroke is not a request. */
function DebouncedInput({ value, onCommit, ...rest }: { value: string; onCommit: (value: string) => void } & Omit<React.InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'>) {
  const [draft, setDraft] = useState(value);
  const [lastValue, setLastValue] = useState(value);
  if (value !== lastValue) {
    // The URL changed under us (Back, reset, chip removed): show what it says.
    setLastValue(value);
    setDraft(value);
  }
  useEffect(() => {
    if (draft === value) return;
    const timer = setTimeout(() => onCommit(draft.trim()), 400);
    return () => clearTimeout(timer);
  }, [draft, value, onCommit]);
  return (
    <input
      {...rest}
      className={inputClass}
      value={draft}
      onChange={(event) => setDraft(event.target.value)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') onCommit(draft.trim());
      }}
    />
  );
}

/** Adds values to a list filter on Enter (names, tags, ids, properties). */
function AddValue({ label, hint, error, placeholder, onAdd }: { label: string; hint?: ReactNode; error?: string | undefined; placeholder?: string; onAdd: (value: string) => void }) {
  const [draft, setDraft] = useState('');
  return (
    <Field label={label} hint={hint} error={error}>
      <input
        className={inputClass}
        value={draft}
        placeholder={placeholder}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && draft.trim()) {
            event.preventDefault();
            onAdd(draft.trim());
            setDraft('');
          }
        }}
      />
    </Field>
  );
}

function MultiSelect({ label, options, values, onChange }: { label: string; options: readonly string[]; values: string[]; onChange: (values: string[]) => void }) {
  const id = useId();
  return (
    <fieldset className="min-w-0">
      <legend className="mb-1 text-xs font-medium text-slate-700 dark:text-slate-300">{label}</legend>
      <div className="flex flex-wrap gap-x-2 gap-y-0.5">
        {options.map((option) => (
          <label key={option} htmlFor={`${id}-${option}`} className="inline-flex items-center gap-1 text-xs">
            <input
              id={`${id}-${option}`}
              type="checkbox"
              checked={values.includes(option)}
              onChange={(event) => onChange(event.target.checked ? [...values, option] : values.filter((value) => value !== option))}
            />
            {option}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

const SCALAR_LABELS: Record<ScalarField, string> = {
  owner: 'Owner',
  sizeMin: 'Size at least',
  sizeMax: 'Size at most',
  created: 'Created',
  updated: 'Updated',
  changedSince: 'Changed since',
  instance: 'Server (instance UUID)',
  minDisk: 'Minimum disk (GiB)',
  minRam: 'Minimum RAM (MiB)',
};

interface Chip {
  label: string;
  remove: Partial<ListState>;
  /** Why the value is not applied (it is never sent to Glance). */
  error?: string | undefined;
}

/** Every active filter as a removable chip; a value Glance would not get is marked "not applied". */
export function FilterChips({ state, errors, ownerLabel, onChange }: FiltersProps & { ownerLabel?: string | undefined }) {
  const chips: Chip[] = [];
  const arrays: [ArrayField | 'statuses' | 'diskFormats' | 'containerFormats', string][] = [
    ['names', 'name'],
    ['ids', 'id'],
    ['statuses', 'status'],
    ['tags', 'tag'],
    ['diskFormats', 'disk format'],
    ['containerFormats', 'container format'],
    ['props', 'property'],
  ];
  for (const [field, label] of arrays) {
    for (const value of state[field]) chips.push({ label: `${label}: ${value}`, remove: { [field]: state[field].filter((v) => v !== value) }, error: errors[field] });
  }
  for (const field of Object.keys(SCALAR_LABELS) as ScalarField[]) {
    const shown = field === 'owner' && ownerLabel ? ownerLabel : state[field];
    if (state[field]) chips.push({ label: `${SCALAR_LABELS[field]}: ${shown}`, remove: { [field]: '' }, error: errors[field] });
  }
  if (state.memberStatus) chips.push({ label: `member status: ${state.memberStatus}`, remove: { memberStatus: '' } });
  if (state.protected) chips.push({ label: state.protected === 'true' ? 'protected' : 'not protected', remove: { protected: '' } });
  if (state.imageType) chips.push({ label: `type: ${state.imageType}`, remove: { imageType: '' } });
  if (chips.length === 0) return null;
  return (
    <ul aria-label="Active filters" className="flex flex-wrap gap-1.5">
      {chips.map((chip) => (
        <li
          key={chip.label}
          title={chip.error}
          className={cn(
            'inline-flex max-w-full min-w-0 items-center gap-1 rounded-full py-0.5 pr-1 pl-2 text-xs',
            chip.error
              ? 'border border-dashed border-red-400 bg-red-50 text-red-900 line-through decoration-red-400 dark:border-red-700 dark:bg-red-950/40 dark:text-red-200'
              : 'bg-sky-100 text-sky-900 dark:bg-sky-900/50 dark:text-sky-100',
          )}
        >
          <span className="min-w-0 truncate">{chip.label}</span>
          {chip.error && <span className="shrink-0 no-underline">(not applied)</span>}
          <button type="button" aria-label={`Remove filter ${chip.label}`} className="shrink-0 rounded-full px-1 hover:bg-sky-200 dark:hover:bg-sky-800" onClick={() => onChange(chip.remove)}>
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}

export function ListFilters({ state, errors, onChange }: FiltersProps) {
  const formats = useQuery({ ...imageQueries.schema(), select: selectFormats });
  // Project names (loaded only once the filters are open) let the owner field suggest IDs by name.
  const { isAdmin } = usePermissions();
  const projects = useQuery(projectNamesQuery(useSession().user.id, isAdmin));
  const ownersId = useId();
  const scalar = (field: ScalarField, hint?: ReactNode, placeholder?: string, list?: string) => (
    <Field label={SCALAR_LABELS[field]} hint={hint} error={errors[field]}>
      <DebouncedInput value={state[field]} placeholder={placeholder} list={list} onCommit={(value) => onChange({ [field]: value })} />
    </Field>
  );
  const add = (field: ArrayField) => (value: string) => {
    if (!state[field].includes(value)) onChange({ [field]: [...state[field], value] });
  };
  return (
    <div className="grid grid-cols-[repeat(auto-fill,minmax(12rem,1fr))] gap-3">
      <AddValue label="Name" hint="Exact name; Enter adds another (any of them)." error={errors.names} onAdd={add('names')} />
      <AddValue label="Tag" hint="Images must have every tag." onAdd={add('tags')} />
      <AddValue label="Property" hint="key=value, e.g. os_distro=ubuntu" placeholder="os_distro=ubuntu" error={errors.props} onAdd={add('props')} />
      <AddValue label="Image ID" hint="Enter adds another." onAdd={add('ids')} />
      {scalar('owner', 'A project name or ID.', undefined, ownersId)}
      <datalist id={ownersId}>
        {[...(projects.data ?? new Map<string, string>())].map(([id, name]) => (
          <option key={id} value={name} label={id} />
        ))}
      </datalist>
      {scalar('sizeMin', 'e.g. 500 MiB, 2 GiB', '0')}
      {scalar('sizeMax', undefined, '10 GiB')}
      {scalar('created', 'A date alone means on or after it; or op:date with op gt, gte, lt, lte, eq or neq. Glance applies one condition per date.', '2026-01-01')}
      {scalar('updated', 'Like Created: a date alone means on or after it.', 'lt:2026-06-30T12:00:00Z')}
      {scalar('changedSince', 'Updated at or after (Nova’s changes-since).', '2026-01-01')}
      {scalar('instance', 'Snapshots of this server.')}
      {scalar('minDisk')}
      {scalar('minRam')}
      <SelectField
        label="Protected"
        value={state.protected}
        options={[
          { value: 'true', label: 'Protected' },
          { value: 'false', label: 'Not protected' },
        ]}
        anyLabel="Either"
        onChange={(value) => onChange({ protected: value })}
      />
      <SelectField
        label="Image type"
        hint="Nova’s snapshot/backup marker (image_type)."
        value={state.imageType === 'snapshot' || state.imageType === 'backup' ? state.imageType : ''}
        options={[
          { value: 'snapshot', label: 'Snapshot' },
          { value: 'backup', label: 'Backup' },
        ]}
        anyLabel="Any"
        onChange={(imageType) => onChange({ imageType })}
      />
      <SelectField
        label="Member status"
        hint={isAdmin ? 'Shared images with a member in this status, in any project.' : 'Of images shared with your project.'}
        value={state.memberStatus}
        options={MEMBER_STATUSES}
        anyLabel={isAdmin ? 'Any (not filtered)' : 'Default (accepted)'}
        onChange={(memberStatus) => onChange({ memberStatus })}
      />
      <MultiSelect label="Status" options={IMAGE_STATUSES} values={state.statuses} onChange={(statuses) => onChange({ statuses })} />
      <MultiSelect label="Disk format" options={formats.data?.diskFormats ?? []} values={state.diskFormats} onChange={(diskFormats) => onChange({ diskFormats })} />
      <MultiSelect
        label="Container format"
        options={formats.data?.containerFormats ?? []}
        values={state.containerFormats}
        onChange={(containerFormats) => onChange({ containerFormats })}
      />
    </div>
  );
}
