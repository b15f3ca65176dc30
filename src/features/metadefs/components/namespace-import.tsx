import { useEffect, useMemo, useState, type ChangeEvent } from 'react';
import { useNavigate } from 'react-router';
import { Button } from '@/components/ui/button';
import { Field, inputClass } from '@/components/ui/field';
import { toast } from '@/components/ui/toast';
import { UnsavedChangesDialog } from '@/components/ui/unsaved-changes-dialog';
import { useUnsavedChangesGuard } from '@/components/ui/use-unsaved-changes-guard';
import { paths } from '@/config/paths';
import { formatIssue } from '@/features/metadefs/api/metadef-json-schema';
import { namespaceWriteProblem } from '@/features/metadefs/api/namespace-form-model';
import { parseJsonText, prepareImport, type MetadefSchemas } from '@/features/metadefs/api/namespace-import';
import { useCreateNamespace } from '@/features/metadefs/api/namespace-mutations';

/** Problems listed at once; the rest are counted. */
const SHOWN_ISSUES = 30;
const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** A namespace from a JSON document (a file or a paste), checked against Glance's schemas before it is sent. */
export function NamespaceImport({ schemas }: { schemas: MetadefSchemas }) {
  const [text, setText] = useState('');
  const [name, setName] = useState('');
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [serverProblem, setServerProblem] = useState<{ onName: boolean; message: string } | null>(null);
  const create = useCreateNamespace();
  const navigate = useNavigate();
  const guard = useUnsavedChangesGuard(text.trim() !== '' && !create.isPending && !create.data);

  const parsed = useMemo(() => (text.trim() ? parseJsonText(text) : undefined), [text]);
  const prepared = useMemo(() => (parsed && 'value' in parsed ? prepareImport(parsed.value, schemas, name) : undefined), [parsed, schemas, name]);
  const ready = prepared !== undefined && prepared.issues.length === 0;
  const targetName = typeof prepared?.document.namespace === 'string' ? prepared.document.namespace : '';

  const created = create.data?.namespace;
  useEffect(() => {
    if (created) void navigate(paths.metadefNamespace(created));
  }, [created, navigate]);

  const readFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    setFileProblem(null);
    if (!file) return;
    file.text().then(setText, () => setFileProblem(`${file.name} could not be read.`));
  };

  const send = () => {
    if (!prepared || !ready) return;
    setServerProblem(null);
    create.mutate(prepared.document, {
      onSuccess: (namespace) => toast('success', 'Namespace imported', namespace.namespace),
      onError: (error) => {
        const problem = namespaceWriteProblem(error, targetName);
        setServerProblem({ onName: problem.field === 'namespace', message: problem.message });
      },
    });
  };

  return (
    <form
      className="max-w-4xl space-y-3"
      aria-label="Import a namespace"
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="JSON file" hint="One namespace document, e.g. one of Glance's own files (glance-common's metadefs folder) or a Loupe export." error={fileProblem ?? undefined}>
          <input type="file" accept="application/json,.json" className="text-sm" onChange={readFile} />
        </Field>
        <Field
          label="Import under the name"
          hint="Leave empty to keep the document's own namespace name; fill in to import a copy under a new name."
          error={serverProblem?.onName ? serverProblem.message : undefined}
        >
          <input className={`${inputClass} font-mono`} autoComplete="off" spellCheck={false} value={name} onChange={(event) => setName(event.target.value)} />
        </Field>
      </div>
      <Field label="Namespace JSON" hint="Or paste the document here; choosing a file fills this in.">
        <textarea rows={14} spellCheck={false} className={`${inputClass} font-mono text-xs`} value={text} onChange={(event) => setText(event.target.value)} />
      </Field>

      <div aria-live="polite" className="space-y-2 text-sm">
        {parsed && 'error' in parsed && <p className="text-red-700 dark:text-red-400">{parsed.error}</p>}
        {prepared && prepared.issues.length > 0 && (
          <div className="rounded-md border border-red-300 bg-red-50 p-3 dark:border-red-800 dark:bg-red-950/40">
            <p className="font-medium">Glance would refuse this document: {plural(prepared.issues.length, 'problem')}. Fix them here or in the file.</p>
            <ul aria-label="Problems in the document" className="mt-1 list-disc space-y-0.5 pl-5 font-mono text-xs break-all">
              {prepared.issues.slice(0, SHOWN_ISSUES).map((issue) => (
                <li key={`${issue.path}:${issue.message}`}>{formatIssue(issue)}</li>
              ))}
            </ul>
            {prepared.issues.length > SHOWN_ISSUES && <p className="mt-1 text-xs">…and {prepared.issues.length - SHOWN_ISSUES} more.</p>}
          </div>
        )}
        {ready && (
          <p role="status" className="text-emerald-800 dark:text-emerald-300">
            Ready to import <span className="font-mono break-all">{targetName}</span>: {plural(prepared.counts.properties, 'property', 'properties')},{' '}
            {plural(prepared.counts.objects, 'object')}, {plural(prepared.counts.tags, 'tag')}, {plural(prepared.counts.resourceTypes, 'resource type association')}.
          </p>
        )}
        {prepared && prepared.removed.length > 0 && (
          <p className="text-xs text-slate-600 dark:text-slate-400">Left out, because Glance sets them itself: {prepared.removed.join(', ')}.</p>
        )}
        {serverProblem && !serverProblem.onName && (
          <p role="alert" className="text-red-700 dark:text-red-400">
            {serverProblem.message}
          </p>
        )}
      </div>

      <div className="flex gap-2">
        <Button type="submit" variant="primary" disabled={!ready} busy={create.isPending}>
          Import namespace
        </Button>
        <Button onClick={() => void navigate(paths.metadefs)}>Cancel</Button>
      </div>
      <UnsavedChangesDialog guard={guard}>The document has not been imported yet.</UnsavedChangesDialog>
    </form>
  );
}
