import { useMemo } from 'react';
import { Link } from 'react-router';
import { Button } from '@/components/ui/button';
import { ScrollablePre } from '@/components/ui/scrollable-pre';
import { toast } from '@/components/ui/toast';
import { paths } from '@/config/paths';
import { exportFileName, exportText } from '@/features/metadefs/api/namespace-export';
import type { NamespaceTabProps } from '@/features/metadefs/components/namespace-tab-props';

function download(text: string, fileName: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The click has started the download; the URL is not needed after this task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** The namespace as a document that re-imports to the same content: shown, downloaded or copied. */
export function NamespaceJsonTab({ namespace, access }: NamespaceTabProps) {
  const text = useMemo(() => exportText(namespace), [namespace]);
  return (
    <div className="space-y-2">
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Properties, objects, tags and resource type associations included; what Glance sets itself (dates, owner, links) left out.
        {access.canEdit && (
          <>
            {' '}
            To copy it under another name,{' '}
            <Link to={`${paths.metadefCreate}?mode=import`} className="text-sky-800 underline dark:text-sky-300">
              import it
            </Link>
            .
          </>
        )}
      </p>
      <div className="flex gap-2">
        <Button size="sm" onClick={() => download(text, exportFileName(namespace.namespace))}>
          Download JSON
        </Button>
        <Button
          size="sm"
          onClick={() =>
            void navigator.clipboard.writeText(text).then(
              () => toast('success', 'JSON copied'),
              () => toast('error', 'Copy failed', 'The browser did not allow the clipboard.'),
            )
          }
        >
          Copy JSON
        </Button>
      </div>
      <ScrollablePre label="Namespace JSON">{text}</ScrollablePre>
    </div>
  );
}
