import { describe, expect, it } from 'vitest';
import { taskListParams, toTaskQuery, toggleTaskSort } from '@/features/tasks/api/task-list-params';
import { nextPage } from '@/lib/marker-paging';

const DEFAULT_TASK_LIST = taskListParams.defaults;
const decode = (search: string) => taskListParams.decode(new URLSearchParams(search));
const encodeTaskList = taskListParams.encode;

describe('task list URL', () => {
  it('keeps defaults out of the URL', () => {
    expect(decode('')).toEqual(DEFAULT_TASK_LIST);
    expect(encodeTaskList(DEFAULT_TASK_LIST).toString()).toBe('');
  });

  it('round-trips every field', () => {
    const search = 'status=failure&type=import&sort_key=updated_at&sort_dir=asc&limit=100&marker=t2&trail=&trail=t1';
    const state = decode(search);
    expect(state).toEqual({ status: 'failure', type: 'import', sortKey: 'updated_at', sortDir: 'asc', limit: 100, marker: 't2', trail: ['', 't1'] });
    expect(encodeTaskList(state).toString()).toBe(search);
  });

  it('ignores values Glance would refuse', () => {
    expect(decode('status=done&type=api_image_import&sort_key=name&sort_dir=up&limit=3000')).toEqual(DEFAULT_TASK_LIST);
  });
});

describe('task list changes', () => {
  it('starts at the first page when filters or sort change', () => {
    const paged = nextPage(DEFAULT_TASK_LIST, 't1');
    expect(taskListParams.change(paged, { status: 'success' })).toMatchObject({ status: 'success', marker: '', trail: [] });
    expect(toggleTaskSort(paged, 'created_at')).toMatchObject({ sortKey: 'created_at', sortDir: 'asc', marker: '' });
  });

  it('flips the direction of the current key and starts a new key descending', () => {
    const asc = toggleTaskSort(DEFAULT_TASK_LIST, 'created_at');
    expect(asc.sortDir).toBe('asc');
    expect(toggleTaskSort(asc, 'created_at').sortDir).toBe('desc');
    expect(toggleTaskSort(asc, 'status')).toMatchObject({ sortKey: 'status', sortDir: 'desc' });
  });

  it('knows when filters are on', () => {
    expect(taskListParams.hasFilters(DEFAULT_TASK_LIST)).toBe(false);
    expect(taskListParams.hasFilters({ ...DEFAULT_TASK_LIST, sortKey: 'status' })).toBe(false);
    expect(taskListParams.hasFilters({ ...DEFAULT_TASK_LIST, type: 'import' })).toBe(true);
  });
});

describe('toTaskQuery', () => {
  it('always sends the sort, and filters only when set', () => {
    expect(toTaskQuery(DEFAULT_TASK_LIST)).toEqual({ limit: 25, status: undefined, type: undefined, sort_key: 'created_at', sort_dir: 'desc', marker: undefined });
    expect(toTaskQuery({ ...DEFAULT_TASK_LIST, status: 'pending', type: 'import', marker: 'x' })).toMatchObject({ status: 'pending', type: 'import', marker: 'x' });
  });
});
