import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import { TasksPage } from '@/features/tasks/components/tasks-page';
import { ApiError } from '@/lib/api-error';
import type { QueryParams } from '@/lib/http';
import { renderWithProviders } from '@/test/render';

// A fake Glance task API: 30 tasks t-00…t-29, paged by marker; details add input/result/message.
const calls: { path: string; query?: QueryParams | undefined }[] = [];
let tasks: Record<string, unknown>[] = [];
let forbidden = false;

function task(i: number, extra: Record<string, unknown> = {}) {
  return {
    id: `t-${String(i).padStart(2, '0')}`,
    type: 'import',
    status: 'success',
    owner: 'p-admin',
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:05Z',
    expires_at: '2026-01-03T00:00:05Z',
    ...extra,
  };
}

vi.mock('@/lib/glance', () => ({
  glance: () => ({
    json: async (path: string, schema: z.ZodType, options: { query?: QueryParams } = {}) => {
      calls.push({ path, query: options.query });
      if (forbidden) throw new ApiError({ status: 403, service: 'glance', message: 'You are not authorized to complete tasks_api_access action.' });
      if (path === 'v2/tasks') {
        const query = options.query ?? {};
        if (query.marker && !tasks.some((row) => row.id === query.marker)) {
          throw new ApiError({ status: 400, service: 'glance', message: `Task with the given id ${String(query.marker)} was not found` });
        }
        let rows = tasks;
        if (query.status) rows = rows.filter((row) => row.status === query.status);
        const limit = Number(query.limit);
        const start = query.marker ? rows.findIndex((row) => row.id === query.marker) + 1 : 0;
        return schema.parse({ tasks: rows.slice(start, start + limit), ...(start + limit < rows.length ? { next: 'more' } : {}) });
      }
      const id = decodeURIComponent(path.split('/')[2] ?? '');
      const row = tasks.find((candidate) => candidate.id === id);
      if (!row) throw new ApiError({ status: 404, service: 'glance', message: 'gone' });
      return schema.parse({
        ...row,
        input: { import_from: 'http://example.test/<img src=x>', image_properties: { name: 'demo' } },
        result: row.status === 'success' ? { image_id: 'img-1' } : null,
        message: row.status === 'failure' ? 'Image import failed: 404 from the source' : '',
      });
    },
  }),
}));

afterEach(cleanup);
beforeEach(() => {
  calls.length = 0;
  tasks = Array.from({ length: 30 }, (_, i) => task(i));
  forbidden = false;
});

function renderPage(search = '') {
  const { router } = renderWithProviders(<TasksPage />, { path: '/tasks', url: `/tasks${search}` });
  return { url: () => new URLSearchParams(router.state.location.search) };
}

const listQueries = () => calls.filter((call) => call.path === 'v2/tasks').map((call) => call.query);
const detailCalls = () => calls.filter((call) => call.path !== 'v2/tasks').map((call) => call.path);

describe('TasksPage', () => {
  it('lists tasks newest first with their type, status, owner and times', async () => {
    renderPage();
    const cell = await screen.findByRole('cell', { name: 't-00' });
    const row = cell.closest('tr') as HTMLElement;
    expect(within(row).getByText('import')).toBeTruthy();
    expect(within(row).getByText('success')).toBeTruthy();
    expect(within(row).getByText('p-admin')).toBeTruthy();
    expect(row.querySelectorAll('time')).toHaveLength(3);
    expect(listQueries()[0]).toEqual({ limit: 25, sort_key: 'created_at', sort_dir: 'desc' });
    expect(screen.getByRole('columnheader', { name: /Created/ }).getAttribute('aria-sort')).toBe('descending');
    // Successful rows load nothing more until expanded.
    expect(detailCalls()).toEqual([]);
  });

  it('expands a row to its input and result as text', async () => {
    renderPage();
    await screen.findByRole('cell', { name: 't-03' });
    const toggle = screen.getByRole('button', { name: 'Details of task t-03' });
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const input = await screen.findByLabelText('Input of task t-03');
    expect(input.tagName).toBe('PRE');
    expect(input.textContent).toContain('"import_from": "http://example.test/<img src=x>"');
    expect(input.querySelector('img')).toBeNull();
    expect(screen.getByLabelText('Result of task t-03').textContent).toContain('"image_id": "img-1"');
    expect(screen.getByRole('link', { name: 'img-1' }).getAttribute('href')).toBe('/images/img-1');
    fireEvent.click(toggle);
    expect(screen.queryByLabelText('Input of task t-03')).toBeNull();
  });

  it('shows why a task failed without expanding it', async () => {
    tasks[1] = task(1, { status: 'failure' });
    renderPage();
    const row = (await screen.findByRole('cell', { name: 't-01' })).closest('tr') as HTMLElement;
    expect(await within(row).findByText('Image import failed: 404 from the source')).toBeTruthy();
    expect(detailCalls()).toEqual(['v2/tasks/t-01']);
  });

  it('filters by status and type, and sorts by a clicked column, all in the URL', async () => {
    tasks[2] = task(2, { status: 'failure' });
    const { url } = renderPage('?marker=t-24&trail=');
    await screen.findByRole('cell', { name: 't-25' });
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'failure' } });
    await waitFor(() => expect(url().get('status')).toBe('failure'));
    expect(url().get('marker')).toBeNull();
    expect(await screen.findByRole('cell', { name: 't-02' })).toBeTruthy();
    expect(screen.queryByRole('cell', { name: 't-00' })).toBeNull();
    fireEvent.change(screen.getByLabelText('Type'), { target: { value: 'import' } });
    await waitFor(() => expect(url().get('type')).toBe('import'));
    fireEvent.click(screen.getByRole('button', { name: 'Updated' }));
    await waitFor(() => expect(listQueries().at(-1)).toMatchObject({ status: 'failure', type: 'import', sort_key: 'updated_at', sort_dir: 'desc' }));
    fireEvent.click(screen.getByRole('button', { name: /Updated/ }));
    await waitFor(() => expect(url().get('sort_dir')).toBe('asc'));
  });

  it('pages with next and previous', async () => {
    const { url } = renderPage();
    await screen.findByRole('cell', { name: 't-00' });
    fireEvent.click(screen.getByRole('button', { name: 'Next →' }));
    expect(await screen.findByRole('cell', { name: 't-25' })).toBeTruthy();
    expect(url().get('marker')).toBe('t-24');
    fireEvent.click(screen.getByRole('button', { name: '← Previous' }));
    expect(await screen.findByRole('cell', { name: 't-00' })).toBeTruthy();
  });

  it('returns to the first page when the marker task expired', async () => {
    const { url } = renderPage('?marker=gone&trail=&status=success');
    expect(await screen.findByText(/task that has expired/)).toBeTruthy();
    expect(url().get('marker')).toBeNull();
    expect(url().get('status')).toBe('success');
  });

  it('tells non-admins that tasks are for administrators', async () => {
    forbidden = true;
    renderPage();
    expect((await screen.findByRole('alert')).textContent).toMatch('Only administrators can see tasks');
    expect(screen.queryByLabelText('Status')).toBeNull();
  });

  it('polls while a shown task is running', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      tasks = [task(0, { status: 'processing' })];
      renderPage();
      const row = (await screen.findByRole('cell', { name: 't-00' })).closest('tr') as HTMLElement;
      expect(within(row).getByText('processing')).toBeTruthy();
      tasks = [task(0)];
      await act(async () => vi.advanceTimersByTimeAsync(3500));
      expect(await within(row).findByText('success')).toBeTruthy();
      const settled = listQueries().length;
      await act(async () => vi.advanceTimersByTimeAsync(10_000));
      expect(listQueries().length).toBe(settled);
    } finally {
      vi.useRealTimers();
    }
  });
});
