import { Button } from '@/components/ui/button';
import { DataTable, type DataColumn } from '@/components/ui/data-table';
import { Dialog } from '@/components/ui/dialog';
import { toEditable } from '@/features/images/api/image-save';
import type { Image } from '@/features/images/api/image-schema';
import { buildImagePatch, unpointer, type EditableImage } from '@/lib/json-patch';

/** The server's newer version and the user's edits, when saving found the image changed. */
export interface Conflict {
  server: Image;
  edited: EditableImage;
}

function describeValue(value: unknown): string {
  if (value === undefined) return '(not set)';
  if (Array.isArray(value)) return value.join(', ') || '(none)';
  return value === null ? '—' : String(value);
}

const valueIn = (image: EditableImage, key: string) => (key === 'tags' ? [...image.tags].sort() : key in image.base ? image.base[key] : image.extras[key]);

interface ConflictRow {
  key: string;
  opened: string;
  server: string;
  mine: string;
  /** Changed on the server and in the form. */
  both: boolean;
}

// Values can be long and unbroken: cells wrap anywhere rather than cut, so all of each shows.
const columns: DataColumn<ConflictRow>[] = [
  {
    id: 'field',
    header: 'Field',
    rowHeader: true,
    wrap: true,
    minWidth: 90,
    priority: 0,
    className: 'break-all',
    cell: (row) => (
      <>
        <span className="font-mono">{row.key}</span>
        {row.both && <span className="block text-amber-800 dark:text-amber-300">changed on both sides</span>}
      </>
    ),
  },
  { id: 'opened', header: 'When you opened it', wrap: true, minWidth: 90, priority: 0, className: 'break-all', cell: (row) => row.opened },
  { id: 'server', header: 'On the server now', wrap: true, minWidth: 90, priority: 0, className: 'break-all', cell: (row) => row.server },
  { id: 'mine', header: 'Yours', wrap: true, minWidth: 90, priority: 0, className: 'break-all', cell: (row) => row.mine },
];

interface ConflictDialogProps {
  conflict: Conflict | null;
  /** The image as the form loaded it. */
  loaded: EditableImage;
  busy: boolean;
  onCancel: () => void;
  onResolve: (mode: 'merge' | 'overwrite') => void;
}

/** What the server changed since loading, beside the user's own edits. */
export function ConflictDialog({ conflict, loaded, busy, onCancel, onResolve }: ConflictDialogProps) {
  if (!conflict) return null;
  const server = toEditable(conflict.server);
  const serverKeys = buildImagePatch(loaded, server).map((op) => unpointer(op.path));
  const mineKeys = buildImagePatch(loaded, conflict.edited).map((op) => unpointer(op.path));
  const rows: ConflictRow[] = [...new Set([...serverKeys, ...mineKeys])].map((key) => ({
    key,
    opened: describeValue(valueIn(loaded, key)),
    server: describeValue(valueIn(server, key)),
    mine: describeValue(valueIn(conflict.edited, key)),
    both: serverKeys.includes(key) && mineKeys.includes(key),
  }));
  const both = new Set(rows.filter((row) => row.both).map((row) => row.key));
  return (
    <Dialog
      open
      title="This image changed while you were editing"
      onClose={onCancel}
      footer={
        <>
          <Button onClick={onCancel}>Keep editing</Button>
          <Button busy={busy} onClick={() => onResolve('overwrite')}>
            Overwrite with mine
          </Button>
          <Button variant="primary" busy={busy} onClick={() => onResolve('merge')}>
            Merge: my changes on top
          </Button>
        </>
      }
    >
      <p>
        Someone saved this image after you opened it. <strong>Merge</strong> applies only the fields you changed and keeps the server’s other
        changes. <strong>Overwrite</strong> makes the image exactly what your form shows.
      </p>
      <DataTable caption="Changes" rows={rows} rowKey={(row) => row.key} columns={columns} alignTop />
      {both.size > 0 && (
        <p className="text-xs">
          For a field changed on both sides, merging keeps yours{both.has('tags') ? ', except tags, where both sides’ additions and removals are kept' : ''}.
        </p>
      )}
    </Dialog>
  );
}
