import { z } from 'zod';
import type { MetadefObject, Property } from '@/features/metadefs/api/metadef-schema';
import { formToProperty, nameProblem, type NameRules, type PropertyFormValues } from '@/features/metadefs/api/property-form-model';

// The object editor's model. An object's properties live inside the object document: every
// change to them is a PUT of the whole object (name, description, required, properties).

export interface ObjectFormValues {
  name: string;
  description: string;
  /** Names of the object's properties that a resource must set. */
  required: string[];
}

export function objectToForm(object: MetadefObject | undefined): ObjectFormValues {
  return { name: object?.name ?? '', description: object?.description ?? '', required: [...(object?.required ?? [])] };
}

/**
 * The object as Glance takes it on POST or PUT: only the fields of its schema (Glance adds
 * created_at, self… itself), `required` limited to the properties it has, in their order.
 */
export function objectBody(values: ObjectFormValues, properties: Readonly<Record<string, Property>>): Record<string, unknown> {
  const names = Object.keys(properties);
  const body: Record<string, unknown> = {
    name: values.name.trim(),
    required: names.filter((name) => values.required.includes(name)),
    properties: { ...properties },
  };
  if (values.description.trim()) body.description = values.description.trim();
  return body;
}

/** A property as it sits inside an object: the property JSON without its name (the key is the name). */
function propertyInObject(values: PropertyFormValues, original: Property | undefined): Property {
  const body = formToProperty(values, original);
  delete body.name;
  return body as Property;
}

/**
 * The object's properties with one added, edited or renamed (the key changes in place, so the
 * order stays), and `required` following a rename.
 */
export function withProperty(object: MetadefObject, values: PropertyFormValues, originalName: string | undefined) {
  const properties = object.properties ?? {};
  const newName = values.name.trim();
  const next: Record<string, Property> = {};
  for (const [name, property] of Object.entries(properties)) {
    if (name === originalName) next[newName] = propertyInObject(values, property);
    else next[name] = property;
  }
  if (originalName === undefined || !(originalName in properties)) next[newName] = propertyInObject(values, undefined);
  const required = (object.required ?? []).map((name) => (name === originalName ? newName : name));
  return objectBody({ ...objectToForm(object), required }, next);
}

/** The object without one property (and without it in `required`). */
export function withoutProperty(object: MetadefObject, propertyName: string) {
  const properties = Object.fromEntries(Object.entries(object.properties ?? {}).filter(([name]) => name !== propertyName));
  return objectBody(objectToForm(object), properties);
}

/** Where an object write goes: POST for a new one, PUT at the old name for an edit or a rename. */
export function objectWrite(body: Record<string, unknown>, originalName: string | undefined) {
  return originalName === undefined ? ({ method: 'POST', name: undefined, body } as const) : ({ method: 'PUT', name: originalName, body } as const);
}

export function objectFormSchema(rules: NameRules = {}) {
  return z
    .object({ name: z.string(), description: z.string(), required: z.array(z.string()) })
    .superRefine((values, context) => {
      const problem = nameProblem(values.name, rules);
      if (problem) context.addIssue({ code: 'custom', path: ['name'], message: problem });
    });
}
