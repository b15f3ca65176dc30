import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '@/components/ui/page';
import { Section } from '@/components/ui/section';
import { ErrorPanel, Spinner } from '@/components/ui/states';
import { paths } from '@/config/paths';
import { metadefSchemaQueries } from '@/features/metadefs/api/metadef-schema-queries';
import { NamespaceCreateForm } from '@/features/metadefs/components/namespace-create-form';
import { NamespaceImport } from '@/features/metadefs/components/namespace-import';
import { useMetadefAccess } from '@/features/metadefs/components/use-metadef-access';

const MODES = [
  { id: 'form', label: 'Fill in a form' },
  { id: 'import', label: 'Import a JSON document' },
] as const;

/** Creating a namespace: from a form, or by importing a document (`?mode=import`). */
export function NamespaceCreatePage() {
  const access = useMetadefAccess(undefined);
  const [search, setSearch] = useSearchParams();
  const mode = search.get('mode') === 'import' ? 'import' : 'form';
  // Glance's schemas: the import is checked against them, the form takes its limits from them.
  const schemas = useQuery(metadefSchemaQueries.all());

  const header = (
    <PageHeader title="New namespace">
      <Link to={paths.metadefs} className="text-sky-800 hover:underline dark:text-sky-300">
        ← Metadata definitions
      </Link>
    </PageHeader>
  );
  if (!access.canEdit) {
    return (
      <>
        {header}
        <p className="text-sm">{access.readOnlyReason}</p>
      </>
    );
  }

  return (
    <>
      {header}
      <fieldset className="mb-3 flex flex-wrap gap-4 text-sm">
        <legend className="sr-only">How to create the namespace</legend>
        {MODES.map((option) => (
          <label key={option.id} className="flex items-center gap-1.5">
            <input type="radio" name="create-mode" checked={mode === option.id} onChange={() => setSearch(option.id === 'form' ? {} : { mode: option.id }, { replace: true })} />
            {option.label}
          </label>
        ))}
      </fieldset>
      <Section title={mode === 'form' ? 'Namespace' : 'Import'}>
        {mode === 'form' ? (
          <NamespaceCreateForm schema={schemas.data?.namespace} />
        ) : schemas.isPending ? (
          <Spinner label="Loading Glance's metadefs schemas" />
        ) : schemas.isError ? (
          <ErrorPanel error={schemas.error} context="Glance's metadefs schemas (needed to check the document)" onRetry={() => void schemas.refetch()} />
        ) : (
          <NamespaceImport schemas={schemas.data} />
        )}
      </Section>
    </>
  );
}
