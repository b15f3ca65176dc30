import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import { ImageDetailPage } from '@/features/images/components/detail-page';
import { ApiError } from '@/lib/api-error';
import { apiImage } from '@/test/fixtures';
import { renderWithProviders } from '@/test/render';

// A fake Glance behind glance(): one image (or a failure), its schema, no catalogue, no tasks.
let image: Record<string, unknown>;
let detailFailure: ApiError | undefined;
let role: 'member' | 'reader';

const SCHEMA = { properties: { name: { type: ['null', 'string'], maxLength: 255 }, visibility: { type: 'string', enum: ['private', 'shared'] } } };

vi.mock('@/lib/glance', () => ({
  glance: () => ({
    json: (path: string, schema: z.ZodType) => {
      if (path === 'v2/schemas/image') return Promise.resolve(schema.parse(SCHEMA));
      if (path === 'v2/metadefs/namespaces') return Promise.resolve(schema.parse({ namespaces: [] }));
      if (path === 'v2/info/stores') return Promise.reject(new ApiError({ status: 404, service: 'glance', message: 'Multi backend is not supported at this site.' }));
      if (path.endsWith('/tasks')) return Promise.resolve(schema.parse({ tasks: [] }));
      if (path.startsWith('v2/images/')) return detailFailure ? Promise.reject(detailFailure) : Promise.resolve(schema.parse(structuredClone(image)));
      return Promise.reject(new Error(`unexpected ${path}`));
    },
  }),
  keystoneWithSession: () => ({ json: (_path: string, schema: z.ZodType) => Promise.resolve(schema.parse({ projects: [{ id: 'p1', name: 'alpha' }] })) }),
}));
vi.mock('@/lib/session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/session')>()),
  useSession: () => ({ user: { id: 'u1', name: 'alice' }, project: { id: 'p1', name: 'alpha' }, roles: [role] }),
  usePermissions: () => ({ isAdmin: false, canWrite: role === 'member', readOnly: role === 'reader' }),
}));

afterEach(cleanup);
beforeEach(() => {
  role = 'member';
  detailFailure = undefined;
  image = apiImage();
});

const renderPage = (url: string) => renderWithProviders(<ImageDetailPage />, { url, path: '/images/:imageId' });
const search = (router: ReturnType<typeof renderPage>['router']) => router.state.location.search;

describe('ImageDetailPage', () => {
  it('opens the edit form from ?edit=1 with focus in its first field; closing drops the param and returns focus to Edit', async () => {
    const { router } = renderPage('/images/img-1?edit=1');
    const form = await screen.findByRole('form', { name: 'Edit image' });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Name')));
    expect(form.contains(document.activeElement)).toBe(true);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Cancel' })));
    expect(screen.queryByRole('form', { name: 'Edit image' })).toBeNull();
    expect(search(router)).toBe('');
    // Replaced, not pushed: Back does not reopen the form.
    expect(router.state.historyAction).toBe('REPLACE');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Edit' })));
  });

  it('opens the form from the Edit button with focus in it, and keeps the state in the URL', async () => {
    const { router } = renderPage('/images/img-1');
    await act(async () => fireEvent.click(await screen.findByRole('button', { name: 'Edit' })));
    expect(screen.getByRole('form', { name: 'Edit image' })).toBeTruthy();
    expect(search(router)).toBe('?edit=1');
    expect(document.activeElement).toBe(screen.getByLabelText('Name'));
  });

  it('shows the page as it is, and drops ?edit=1, for a user who may not edit', async () => {
    role = 'reader';
    const { router } = renderPage('/images/img-1?edit=1');
    expect(await screen.findByRole('heading', { level: 1, name: 'cirros' })).toBeTruthy();
    await waitFor(() => expect(search(router)).toBe(''));
    expect(screen.queryByRole('form', { name: 'Edit image' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Edit' })).toBeNull();
  });

  it('shows an unknown image as not found: the id, why, a way back, the title, and no retry', async () => {
    detailFailure = new ApiError({ status: 404, service: 'glance', message: 'No image found with ID nope' });
    renderPage('/images/nope');
    expect(await screen.findByRole('heading', { level: 1, name: 'Image not found' })).toBeTruthy();
    expect(screen.getByText('nope', { selector: 'code' })).toBeTruthy();
    expect(screen.getByText(/deleted, or it belongs to another project/)).toBeTruthy();
    expect(screen.getByRole('link', { name: '← Images' }).getAttribute('href')).toBe('/images');
    expect(document.title).toBe('Image not found · Loupe');
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('keeps "Try again" for other failures', async () => {
    detailFailure = new ApiError({ status: 503, service: 'glance', message: 'Service unavailable' });
    renderPage('/images/img-1');
    expect((await screen.findByRole('alert')).textContent).toContain('Loading the image');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('shows a nameless image by its ID, and says it has no name', async () => {
    image.name = '';
    renderPage('/images/img-1');
    expect(await screen.findByRole('heading', { level: 1, name: 'img-1' })).toBeTruthy();
    expect(screen.getByText('No name (shown by its ID)')).toBeTruthy();
  });
});
