import type { Namespace } from '@/features/metadefs/api/metadef-schema';

// PUT /v2/metadefs/namespaces/{ns} replaces the namespace's own fields (checked live on Zed):
// display_name and description left out become null, visibility falls back to private and
// protected to false; owner left out is kept. Properties, objects, tags and resource-type
// associations are never touched by the PUT (sent or not). So the body carries every field of
// the namespace, edited or not; `namespace` may differ from the URL's name to rename it.

export const NAMESPACE_VISIBILITIES = ['public', 'private'] as const;
export type NamespaceVisibility = (typeof NAMESPACE_VISIBILITIES)[number];

export interface NamespaceFields {
  namespace: string;
  display_name: string;
  description: string;
  visibility: NamespaceVisibility;
  protected: boolean;
}

/** What the edit form starts from: the namespace as loaded, with Glance's defaults for what is unset. */
export function namespaceFields(ns: Namespace): NamespaceFields {
  return {
    namespace: ns.namespace,
    display_name: ns.display_name ?? '',
    description: ns.description ?? '',
    visibility: ns.visibility === 'public' ? 'public' : 'private',
    protected: ns.protected ?? false,
  };
}

/** The whole PUT body: the loaded namespace with `changes` over it. An empty text is left out (null). */
export function namespacePutBody(ns: Namespace, changes: Partial<NamespaceFields> = {}): Record<string, unknown> {
  const fields = { ...namespaceFields(ns), ...changes };
  const body: Record<string, unknown> = { namespace: fields.namespace };
  if (fields.display_name) body.display_name = fields.display_name;
  if (fields.description) body.description = fields.description;
  body.visibility = fields.visibility;
  body.protected = fields.protected;
  if (ns.owner) body.owner = ns.owner;
  return body;
}
