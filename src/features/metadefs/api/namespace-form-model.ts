import { z } from 'zod';
import { NAMESPACE_VISIBILITIES, type NamespaceFields } from '@/features/metadefs/api/namespace-update';
import type { SchemaNode } from '@/features/metadefs/api/metadef-json-schema';
import { describeError, isApiError } from '@/lib/api-error';

// The namespace form (create and overview edit): its zod schema, with the limits taken from
// Glance's live namespace schema, and Glance's refusals turned into what to do next.

export type NamespaceFormValues = NamespaceFields;

/** The maxLength of one of the namespace schema's fields, or Glance's value when the schema is not loaded. */
export function maxLengthOf(schema: SchemaNode | undefined, field: string, fallback: number): number {
  const properties = schema?.properties;
  const node = typeof properties === 'object' && properties !== null ? (properties as Record<string, unknown>)[field] : undefined;
  const max = typeof node === 'object' && node !== null ? (node as Record<string, unknown>).maxLength : undefined;
  return typeof max === 'number' ? max : fallback;
}

const atMost = (max: number) => `At most ${max} characters.`;

export function namespaceFormSchema(schema: SchemaNode | undefined) {
  const nameMax = maxLengthOf(schema, 'namespace', 80);
  const displayMax = maxLengthOf(schema, 'display_name', 80);
  const descriptionMax = maxLengthOf(schema, 'description', 500);
  return z.object({
    namespace: z.string().trim().min(1, 'Give the namespace a name, e.g. OS::Example or my-company:hardware.').max(nameMax, atMost(nameMax)),
    display_name: z.string().max(displayMax, atMost(displayMax)),
    description: z.string().max(descriptionMax, atMost(descriptionMax)),
    visibility: z.enum(NAMESPACE_VISIBILITIES),
    protected: z.boolean(),
  });
}

export const EMPTY_NAMESPACE_FORM: NamespaceFormValues = { namespace: '', display_name: '', description: '', visibility: 'private', protected: false };

/** The POST body of the form: empty texts left out. */
export function createBody(values: NamespaceFormValues): Record<string, unknown> {
  const body: Record<string, unknown> = { namespace: values.namespace.trim(), visibility: values.visibility, protected: values.protected };
  if (values.display_name) body.display_name = values.display_name;
  if (values.description) body.description = values.description;
  return body;
}

export interface WriteProblem {
  /** The field the problem is about, when there is one. */
  field?: 'namespace';
  message: string;
}

/** Glance's answer to a create or an update, as a sentence saying what to do. */
export function namespaceWriteProblem(error: unknown, name: string): WriteProblem {
  if (isApiError(error) && error.status === 409) {
    return { field: 'namespace', message: `A namespace named "${name}" already exists (it may be private to another project). Choose another name.` };
  }
  if (isApiError(error) && error.status === 400) {
    return { message: `Glance refused the namespace: ${error.message || 'some value is not valid'}. Correct it and try again.` };
  }
  if (isApiError(error) && error.status === 403 && /read-only/i.test(error.message)) {
    return { message: `${error.message} Leave that field out: Glance sets it itself.` };
  }
  const described = describeError(error);
  return { message: `${described.title}: ${described.detail}` };
}
