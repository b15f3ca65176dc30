import { describe, expect, it } from 'vitest';
import { writeProblem } from '@/features/metadefs/api/metadef-write-errors';
import { ApiError, cleanServerMessage } from '@/lib/api-error';

// Bodies as Glance sends them to Accept: application/json (checked live against the local stack).
const glanceError = (status: number, message: string) =>
  new ApiError({ status, service: 'glance', message: cleanServerMessage(message), body: { message, code: `${status}`, title: 'Error' } });

describe('writeProblem', () => {
  it('puts a 409 on the name, saying what to do', () => {
    const error = glanceError(409, 'A metadata definition property with name=p1 already exists in namespace=ns.<br /><br />');
    expect(writeProblem(error, 'property', 'p1')).toEqual({
      field: 'name',
      message: 'Another property in this namespace is already named "p1". Choose a different name, or edit that property instead.',
    });
  });

  it('puts a 400 schema failure on the field Glance names', () => {
    const body =
      "Provided object does not match schema 'property': 1.5 is not of type 'integer'\n\nFailed validating 'type' in schema['properties']['maxLength']:\n    {'minimum': 0, 'type': 'integer'}\n\nOn instance['maxLength']:\n    1.5<br /><br />\n\n\n";
    const problem = writeProblem(glanceError(400, body), 'property', 'p');
    expect(problem.field).toBe('maxLength');
    expect(problem.message).toMatch(/^Glance rejected this: Provided object does not match schema 'property': 1.5 is not of type 'integer'/);
    const onEnum = "Failed validating 'type' in schema['properties']['enum']";
    expect(writeProblem(glanceError(400, onEnum), 'property', 'p').field).toBe('enumText');
    expect(writeProblem(glanceError(400, 'Bad'), 'object', 'o').field).toBeUndefined();
  });

  it('explains 404 and 403 on the whole form', () => {
    expect(writeProblem(glanceError(404, 'Could not find property p'), 'property', 'p')).toMatchObject({ field: undefined, message: expect.stringMatching(/no longer exists/) });
    const refused = writeProblem(glanceError(403, 'Metadata definition object o is protected and cannot be deleted.'), 'object', 'o');
    expect(refused).toEqual({ field: undefined, message: 'Glance refused: Metadata definition object o is protected and cannot be deleted..' });
  });
});
