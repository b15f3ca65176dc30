import { describe, expect, it } from 'vitest';
import { ApiError, cleanServerMessage, describeError, messageFromBody } from '@/lib/api-error';

describe('cleanServerMessage', () => {
  it('drops the generic WebOb prefix and HTML, keeping the meaningful line', () => {
    const raw = 'There was a conflict when trying to complete your request.<br /><br />\nProperty nonexist does not exist.\n\n';
    expect(cleanServerMessage(raw)).toBe('Property nonexist does not exist.');
  });
  it('keeps only the first line of a schema dump', () => {
    const raw = "Provided object does not match schema 'image': 'xyz' is not one of ['raw']\n\nFailed validating 'enum' in schema['properties']";
    expect(cleanServerMessage(raw)).toBe("Provided object does not match schema 'image': 'xyz' is not one of ['raw']");
  });
  it('unescapes entities instead of rendering them', () => {
    expect(cleanServerMessage('Image &lt;b&gt; &amp; &quot;x&quot;')).toBe('Image <b> & "x"');
  });
  it('falls back to the generic line when nothing else is there', () => {
    expect(cleanServerMessage('The resource could not be found.<br /><br />\n\n\n')).toBe('The resource could not be found.');
  });
});

describe('messageFromBody', () => {
  it('reads Glance JSON errors', () => {
    expect(messageFromBody({ message: 'Access was denied to this resource.<br /><br />\nImage 1 is protected and cannot be deleted.', code: '403 Forbidden', title: 'Forbidden' })).toBe(
      'Image 1 is protected and cannot be deleted.',
    );
  });
  it('reads Keystone JSON errors', () => {
    expect(messageFromBody({ error: { code: 401, message: 'The request you have made requires authentication.', title: 'Unauthorized' } })).toBe(
      'The request you have made requires authentication.',
    );
  });
  it('returns undefined for bodies without a message', () => {
    expect(messageFromBody({ nothing: true })).toBeUndefined();
    expect(messageFromBody(undefined)).toBeUndefined();
  });
});

describe('describeError', () => {
  const glanceError = (status: number, message = '') => new ApiError({ status, service: 'glance', message, requestId: 'req-1' });
  it('explains a protected image and what to do', () => {
    expect(describeError(glanceError(403, 'Image abc is protected and cannot be deleted.'))).toEqual({
      title: 'This image is protected',
      detail: 'Unprotect the image first, then delete it.',
    });
  });
  it('explains a protected metadata namespace apart from a protected image', () => {
    for (const message of ['Metadata definition tag h is protected and cannot be deleted.', 'Metadata definition namespace ns is protected and cannot be deleted.']) {
      expect(describeError(glanceError(403, message)).title).toBe('This namespace is protected');
    }
  });
  it('tells a chunk lost to a redeploy (each browser words it its own way) to reload', () => {
    for (const message of [
      'Failed to fetch dynamically imported module: http://x/assets/tasks-page-1.js',
      'error loading dynamically imported module: http://x/assets/a.js',
      'Importing a module script failed.',
    ]) {
      expect(describeError(new TypeError(message)).title).toBe('Loupe has been updated');
    }
    expect(describeError(new TypeError('Failed to fetch')).title).toBe('Something went wrong');
  });
  it('names the policy of a denial', () => {
    expect(describeError(glanceError(403, 'You are not authorized to complete publicize_image action.')).detail).toContain('publicize_image');
  });
  it('tells an expired session to sign in again', () => {
    expect(describeError(glanceError(401)).title).toBe('Your session has expired');
  });
  it('explains quotas on 413', () => {
    expect(describeError(glanceError(413, 'Maximum number of tags exceeded.')).detail).toMatch(/quota/);
  });
  it('keeps the request id for server errors', () => {
    expect(describeError(glanceError(500, 'boom')).detail).toContain('req-1');
  });
  it('says when the network failed', () => {
    const error = new ApiError({ status: 0, service: 'keystone', kind: 'network', message: 'x' });
    expect(describeError(error).title).toBe('Cannot reach Keystone (identity)');
  });
  it('shows a 409 conflict message', () => {
    expect(describeError(glanceError(409, 'Member already exists.'))).toEqual({ title: 'Conflict', detail: 'Member already exists.' });
  });
  it('handles plain errors', () => {
    expect(describeError(new Error('x')).detail).toBe('x');
  });
});
