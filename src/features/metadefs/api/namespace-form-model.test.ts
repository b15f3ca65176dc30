import { describe, expect, it } from 'vitest';
import { EMPTY_NAMESPACE_FORM, createBody, namespaceFormSchema, namespaceWriteProblem } from '@/features/metadefs/api/namespace-form-model';
import { ApiError } from '@/lib/api-error';
import { capturedMetadefSchemas } from '@/test/glance-metadef-schemas';

const schema = namespaceFormSchema(capturedMetadefSchemas.namespace);
const messages = (values: object) => {
  const result = schema.safeParse({ ...EMPTY_NAMESPACE_FORM, ...values });
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('namespace form', () => {
  it("takes its limits from Glance's schema", () => {
    expect(messages({ namespace: 'n'.repeat(81) })).toEqual(['namespace: At most 80 characters.']);
    expect(messages({ namespace: 'n', description: 'd'.repeat(501) })).toEqual(['description: At most 500 characters.']);
    expect(messages({ namespace: '  ' })).toEqual(['namespace: Give the namespace a name, e.g. OS::Example or my-company:hardware.']);
    expect(messages({ namespace: 'ok', display_name: 'x'.repeat(80) })).toEqual([]);
  });

  it('builds a POST body without empty texts', () => {
    expect(createBody({ ...EMPTY_NAMESPACE_FORM, namespace: ' n ', protected: true })).toEqual({ namespace: 'n', visibility: 'private', protected: true });
    expect(createBody({ namespace: 'n', display_name: 'N', description: 'D', visibility: 'public', protected: false })).toEqual({ namespace: 'n', display_name: 'N', description: 'D', visibility: 'public', protected: false });
  });

  it("maps Glance's refusals", () => {
    const conflict = new ApiError({ status: 409, service: 'glance', message: 'The metadata definition namespace=x already exists.' });
    expect(namespaceWriteProblem(conflict, 'x')).toEqual({ field: 'namespace', message: 'A namespace named "x" already exists (it may be private to another project). Choose another name.' });
    const bad = new ApiError({ status: 400, service: 'glance', message: "Provided object does not match schema 'namespace': 'nope' is not one of ['public', 'private']" });
    expect(namespaceWriteProblem(bad, 'x').message).toMatch(/^Glance refused the namespace: Provided object/);
    expect(namespaceWriteProblem(bad, 'x').field).toBeUndefined();
  });
});
