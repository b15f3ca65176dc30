import { describe, expect, it } from 'vitest';
import { isLive, prettyJson, statusTone, taskImageId } from '@/features/tasks/api/task-rules';

const base = { id: 't', type: 'import', status: 'success', created_at: '2026-01-01T00:00:00Z' };

describe('task rules', () => {
  it('tones statuses', () => {
    expect(statusTone('success')).toBe('good');
    expect(statusTone('failure')).toBe('bad');
    expect(statusTone('processing')).toBe('info');
    expect(statusTone('something-new')).toBe('neutral');
  });

  it('treats pending and processing as live', () => {
    expect(isLive({ status: 'pending' })).toBe(true);
    expect(isLive({ status: 'processing' })).toBe(true);
    expect(isLive({ status: 'failure' })).toBe(false);
  });

  it('finds the image of a task', () => {
    expect(taskImageId({ ...base, result: { image_id: 'made' } })).toBe('made');
    expect(taskImageId({ ...base, type: 'api_image_import', input: { image_id: 'worked-on' }, result: null })).toBe('worked-on');
    expect(taskImageId({ ...base, image_id: 'top' })).toBe('top');
    expect(taskImageId({ ...base, result: 'text' })).toBeUndefined();
  });

  it('prints JSON as text, and says when there is none', () => {
    expect(prettyJson({ a: '<b>' })).toBe('{\n  "a": "<b>"\n}');
    expect(prettyJson(null)).toBe('null');
    expect(prettyJson(undefined)).toBe('(none)');
  });
});
