import { describeError, isApiError } from '@/lib/api-error';

// Glance's answers to a property or object write, as a message on the form's field.

export interface WriteProblem {
  /** The form field the problem is about (a key of the form's values), or undefined for the whole form. */
  field: string | undefined;
  message: string;
}

/** The field a schema failure names: "…in schema['properties']['minLength']…" → minLength. */
function schemaField(error: unknown): string | undefined {
  const raw = isApiError(error) ? `${typeof error.body === 'string' ? error.body : JSON.stringify(error.body ?? '')} ${error.message}` : '';
  const decoded = raw.replace(/&#x27;|&#39;/g, "'");
  return /schema\['properties'\]\['([^']+)'\]/.exec(decoded)?.[1];
}

// Glance's JSON keys → the editor's fields where they differ.
const FIELD_OF_KEY: Record<string, string> = { enum: 'enumText', default: 'defaultValue', items: 'itemsEnumText' };

/**
 * 409 is a name taken by another property or object; 400 a schema failure (on its field when
 * Glance names it); 403 a refusal (protected, or not an administrator); 404 something gone.
 */
export function writeProblem(error: unknown, kind: 'property' | 'object', name: string): WriteProblem {
  if (!isApiError(error)) return { field: undefined, message: describeError(error).detail };
  if (error.status === 409) {
    return { field: 'name', message: `Another ${kind} in this namespace is already named "${name}". Choose a different name, or edit that ${kind} instead.` };
  }
  if (error.status === 400) {
    const key = schemaField(error);
    const message = `Glance rejected this: ${error.message || 'a value is not valid'}. Correct it and save again.`;
    return { field: key ? (FIELD_OF_KEY[key] ?? key) : undefined, message };
  }
  if (error.status === 404) {
    return { field: undefined, message: `This ${kind} or its namespace no longer exists (someone may have renamed or deleted it). Close the editor and reload the page.` };
  }
  if (error.status === 403) return { field: undefined, message: `Glance refused: ${error.message || 'your role does not allow this'}.` };
  const described = describeError(error);
  return { field: undefined, message: `${described.title}: ${described.detail}` };
}
