import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import { ImagesPage } from '@/features/images/components/images-page';
import { ApiError } from '@/lib/api-error';
import type { QueryParams } from '@/lib/http';
import { renderWithProviders } from '@/test/render';

// A fake Glance and Keystone behind glance() / keystoneWithSession(): a catalogue of 60
// images served a page at a time by marker, like the real list call.
interface Call {
  path: string;
  method: string;
  query?: QueryParams | undefined;
}
const calls: Call[] = [];
let catalogue: Record<string, unknown>[] = [];
let listFailure: ((query: QueryParams) => ApiError | undefined) | undefined;
let keystoneAllowed = true;
let role: 'admin' | 'member' | 'reader' = 'member';
const deleted = new Set<string>();

function image(i: number, extra: Record<string, unknown> = {}) {
  return {
    id: `id-${String(i).padStart(3, '0')}`,
    name: `img-${String(i).padStart(3, '0')}`,
    status: 'active',
    visibility: 'private',
    protected: false,
    os_hidden: false,
    owner: i % 2 ? 'p1' : 'p2',
    size: 1024 * i,
    disk_format: 'raw',
    container_format: 'bare',
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-02T00:00:00Z',
    tags: [],
    ...extra,
  };
}

function listPage(query: QueryParams) {
  const limit = Number(query.limit ?? 25);
  const start = query.marker ? catalogue.findIndex((entry) => entry.id === query.marker) + 1 : 0;
  const images = catalogue.slice(start, start + limit);
  return { images, ...(start + limit < catalogue.length ? { next: `/v2/images?marker=${String(images.at(-1)?.id)}` } : {}) };
}

vi.mock('@/lib/glance', () => ({
  glance: () => ({
    json: (path: string, schema: z.ZodType, options: { method?: string; query?: QueryParams } = {}) => {
      calls.push({ path, method: options.method ?? 'GET', query: options.query });
      if (path === 'v2/images') {
        const query = options.query ?? {};
        const failure = listFailure?.(query);
        if (failure) return Promise.reject(failure);
        if (query.marker && !catalogue.some((entry) => entry.id === query.marker)) {
          return Promise.reject(new ApiError({ status: 400, service: 'glance', message: `Invalid marker. Image ${String(query.marker)} could not be found.` }));
        }
        return Promise.resolve(schema.parse(listPage(query)));
      }
      if (path === 'v2/schemas/image') {
        return Promise.resolve(schema.parse({ properties: { disk_format: { enum: [null, 'raw', 'qcow2'] }, container_format: { enum: [null, 'bare'] } } }));
      }
      return Promise.reject(new ApiError({ status: 404, service: 'glance', message: 'not faked' }));
    },
    send: (path: string, options: { method?: string } = {}) => {
      const method = options.method ?? 'GET';
      calls.push({ path, method });
      const id = decodeURIComponent(path.split('/')[2] ?? '');
      const target = catalogue.find((entry) => entry.id === id);
      if (method === 'DELETE' && target?.protected) {
        return Promise.reject(new ApiError({ status: 403, service: 'glance', message: `Image ${id} is protected and cannot be deleted.` }));
      }
      if (method === 'DELETE') deleted.add(id);
      return Promise.resolve(new Response(null, { status: 204 }));
    },
  }),
  keystoneWithSession: () => ({
    json: (path: string, schema: z.ZodType) => {
      calls.push({ path: `keystone:${path}`, method: 'GET' });
      if (path === 'projects' && !keystoneAllowed) return Promise.reject(new ApiError({ status: 403, service: 'keystone', message: 'forbidden' }));
      return Promise.resolve(schema.parse({ projects: path === 'projects' ? [{ id: 'p1', name: 'alpha' }, { id: 'p2', name: 'beta' }] : [{ id: 'p1', name: 'alpha' }] }));
    },
  }),
}));
// Partial: the auth feature's index (project names) loads modules that use the real session schemas.
vi.mock('@/lib/session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/session')>()),
  useSession: () => ({ user: { id: 'u1', name: 'alice' }, project: { id: 'p1', name: 'alpha' }, roles: [role] }),
  usePermissions: () => ({ isAdmin: role === 'admin', canWrite: role !== 'reader', readOnly: role === 'reader' }),
}));

afterEach(cleanup);

beforeEach(() => {
  calls.length = 0;
  catalogue = Array.from({ length: 60 }, (_, i) => image(i));
  listFailure = undefined;
  keystoneAllowed = true;
  role = 'member';
  deleted.clear();
  localStorage.clear();
});

function renderPage(search = '') {
  const { router } = renderWithProviders(<ImagesPage />, { path: '/images', url: `/images${search}` });
  return { router, url: () => new URLSearchParams(router.state.location.search) };
}

const isDisabled = (element: HTMLElement) => (element as HTMLButtonElement | HTMLInputElement).disabled;
const listCalls = () => calls.filter((call) => call.path === 'v2/images').map((call) => call.query ?? {});
const rowNames = () =>
  within(screen.getByRole('table', { name: 'Images' }))
    .getAllByRole('link')
    .map((link) => link.textContent);

describe('ImagesPage', () => {
  it('shows the first page from the list call alone, and prefetches the next page', async () => {
    renderPage();
    expect(await screen.findByRole('link', { name: 'img-000' })).toBeTruthy();
    expect(rowNames()).toHaveLength(25);
    await waitFor(() => expect(listCalls()).toContainEqual({ limit: 25, marker: 'id-024' }));
    // Nothing else stood in front of the list: no schema, no Keystone call (owner column is off).
    expect(calls.filter((call) => call.path !== 'v2/images')).toEqual([]);
  });

  it('walks next and previous with a trail of markers in the URL', async () => {
    const { url } = renderPage();
    await screen.findByRole('link', { name: 'img-000' });
    const next = screen.getByRole('button', { name: 'Next →' });
    await waitFor(() => expect(isDisabled(next)).toBe(false));
    fireEvent.click(next);
    expect(await screen.findByRole('link', { name: 'img-025' })).toBeTruthy();
    expect(url().get('marker')).toBe('id-024');
    await waitFor(() => expect(isDisabled(screen.getByRole('button', { name: 'Next →' }))).toBe(false));
    fireEvent.click(screen.getByRole('button', { name: 'Next →' }));
    expect(await screen.findByRole('link', { name: 'img-050' })).toBeTruthy();
    expect(rowNames()).toHaveLength(10);
    expect(url().getAll('trail')).toEqual(['', 'id-024']);
    expect(isDisabled(screen.getByRole('button', { name: 'Next →' }))).toBe(true);
    expect(screen.getByText('Page 3')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '← Previous' }));
    expect(await screen.findByRole('link', { name: 'img-025' })).toBeTruthy();
    expect(url().get('marker')).toBe('id-024');
  });

  it('recovers from an unknown marker to the first page with a note', async () => {
    const { url } = renderPage('?marker=gone&trail=&tag=x');
    expect(await screen.findByText(/no longer exists/)).toBeTruthy();
    expect(url().get('marker')).toBeNull();
    expect(url().get('tag')).toBe('x');
    expect(await screen.findByRole('link', { name: 'img-000' })).toBeTruthy();
  });

  it('shows Glance’s 400 next to the filters', async () => {
    listFailure = (query) => (query.os_distro ? new ApiError({ status: 400, service: 'glance', message: 'Invalid filter value' }) : undefined);
    renderPage('?prop=os_distro%3Dx');
    const section = screen.getByRole('region', { name: 'Filters' });
    expect((await within(section).findByRole('alert')).textContent).toMatch('Glance rejected these filters: Invalid filter value');
  });

  it('explains invalid input at the field and leaves it out of the query', async () => {
    renderPage('?size_min=12%20XB&min_disk=2');
    expect(await screen.findByText(/"12 XB" is not a size/)).toBeTruthy();
    expect(screen.getByLabelText('Size at least').getAttribute('aria-invalid')).toBe('true');
    await waitFor(() => expect(listCalls()[0]).toEqual({ limit: 25, min_disk: '2' }));
  });

  it('debounces typing into the URL and clears the marker', async () => {
    const { url } = renderPage('?marker=id-024&trail=');
    await screen.findByRole('link', { name: 'img-025' });
    fireEvent.click(screen.getByRole('button', { name: 'Filters' }));
    fireEvent.change(screen.getByLabelText('Minimum RAM (MiB)'), { target: { value: '5' } });
    fireEvent.change(screen.getByLabelText('Minimum RAM (MiB)'), { target: { value: '512' } });
    expect(url().get('min_ram')).toBeNull();
    await waitFor(() => expect(url().get('min_ram')).toBe('512'));
    expect(url().get('marker')).toBeNull();
    expect(listCalls().some((query) => query.min_ram === '5')).toBe(false);
  });

  it('removes a filter with its chip', async () => {
    const { url } = renderPage('?tag=a&tag=b&status=active');
    await screen.findByRole('link', { name: 'img-000' });
    fireEvent.click(screen.getByRole('button', { name: 'Remove filter tag: a' }));
    await waitFor(() => expect(url().getAll('tag')).toEqual(['b']));
    expect(url().get('status')).toBe('active');
  });

  it('sorts on click and adds a secondary key on shift-click', async () => {
    const { url } = renderPage();
    await screen.findByRole('link', { name: 'img-000' });
    fireEvent.click(screen.getByRole('button', { name: 'Name' }));
    await waitFor(() => expect(url().get('sort')).toBe('name:asc'));
    fireEvent.click(screen.getByRole('button', { name: /^Size/ }), { shiftKey: true });
    await waitFor(() => expect(url().get('sort')).toBe('name:asc,size:desc'));
    await waitFor(() => expect(listCalls().at(-1)).toMatchObject({ sort: 'name:asc,size:desc' }));
  });

  it('gives members no admin-only view and no owner column', async () => {
    renderPage();
    await screen.findByRole('link', { name: 'img-000' });
    const views = screen.getByRole('navigation', { name: 'Image views' });
    expect(within(views).queryByRole('button', { name: 'All projects' })).toBeNull();
    expect(screen.queryByRole('columnheader', { name: 'Owner' })).toBeNull();
  });

  it('gives admins an all-projects view with project names in the owner column', async () => {
    role = 'admin';
    renderPage('?view=all');
    await screen.findByRole('link', { name: 'img-000' });
    expect(within(screen.getByRole('navigation', { name: 'Image views' })).getByRole('button', { name: 'All projects' }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('columnheader', { name: 'Owner' })).toBeTruthy();
    expect(await screen.findAllByText('beta')).not.toHaveLength(0);
    expect(listCalls()[0]).toMatchObject({ visibility: 'all' });
  });

  it('falls back to the user’s own projects, then IDs, when Keystone refuses the project list', async () => {
    role = 'admin';
    keystoneAllowed = false;
    renderPage('?view=all');
    await screen.findByRole('link', { name: 'img-000' });
    expect(await screen.findAllByText('alpha')).not.toHaveLength(0);
    expect(screen.getAllByText('p2')).not.toHaveLength(0);
  });

  it('lists each image’s bulk outcome, failures with the reason', async () => {
    catalogue[1] = image(1, { protected: true });
    renderPage();
    await screen.findByRole('link', { name: 'img-001' });
    // Members select only their project's images (p1 owns the odd ones).
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select img-001' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select img-003' }));
    expect(isDisabled(screen.getByRole('checkbox', { name: 'Select img-000' }))).toBe(true);
    const bar = screen.getByRole('region', { name: 'Selected images' });
    expect(bar?.textContent).toMatch('2 selected');
    // The protected image is not sent: it is skipped, with the reason.
    fireEvent.click(within(bar).getByRole('button', { name: 'Delete… (1 of 2)' }));
    await act(async () => fireEvent.click(within(screen.getByRole('dialog', { name: 'Delete 1 image?' })).getByRole('button', { name: 'Delete 1' })));
    const results = await screen.findByRole('dialog', { name: '1 done, 1 skipped' });
    expect(within(results).getByText('img-001').closest('li')?.textContent).toMatch(/protected/);
    expect(within(results).getByText('img-003').closest('li')?.textContent).toMatch('done');
    expect([...deleted]).toEqual(['id-003']);
  });

  it('offers readers no selection and no download', async () => {
    role = 'reader';
    renderPage();
    await screen.findByRole('link', { name: 'img-001' });
    expect(isDisabled(screen.getByRole('checkbox', { name: 'Select img-001' }))).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Actions for img-001' }));
    expect(screen.queryByRole('menuitem', { name: 'Download' })).toBeNull();
    expect(screen.getAllByRole('menuitem', { name: 'View' })).not.toHaveLength(0);
  });

  it('remembers the chosen columns', async () => {
    renderPage();
    await screen.findByRole('link', { name: 'img-000' });
    fireEvent.click(screen.getByRole('button', { name: /Columns/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Created' }));
    expect(screen.getByRole('columnheader', { name: /Created/ })).toBeTruthy();
    cleanup();
    renderPage();
    await screen.findByRole('link', { name: 'img-000' });
    expect(screen.getByRole('columnheader', { name: /Created/ })).toBeTruthy();
  });

  it('polls only while a shown image is on its way somewhere', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      catalogue = [image(1, { status: 'saving' }), image(3)];
      renderPage();
      await screen.findByRole('link', { name: 'img-001' });
      const before = listCalls().length;
      catalogue = [image(1), image(3)];
      await act(async () => vi.advanceTimersByTimeAsync(3500));
      await waitFor(() => expect(listCalls().length).toBeGreaterThan(before));
      const settled = listCalls().length;
      await act(async () => vi.advanceTimersByTimeAsync(10_000));
      expect(listCalls().length).toBe(settled);
    } finally {
      vi.useRealTimers();
    }
  });
});
