import { ScrollablePre } from '@/components/ui/scrollable-pre';
import type { NamespaceTabProps } from '@/features/metadefs/components/namespace-tab-props';

/** The namespace document as Glance returns it. */
export function NamespaceJsonTab({ namespace }: NamespaceTabProps) {
  return <ScrollablePre label="Namespace JSON">{JSON.stringify(namespace, null, 2)}</ScrollablePre>;
}
