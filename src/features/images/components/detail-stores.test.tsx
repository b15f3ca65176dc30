import { useQuery } from '@tanstack/react-query';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import { imageQueries } from '@/features/images/api/image-queries';
import { DetailStores } from '@/features/images/components/detail-stores';
import { ApiError } from '@/lib/api-error';
import { discoveryKeys } from '@/lib/glance-discovery';
import type { RequestOptions } from '@/lib/http';
import { apiImage } from '@/test/fixtures';
import { renderWithProviders } from '@/test/render';

// A fake multi-store Glance behind glance(): stores fast (default) and slow, one image, its
// tasks. Writes are recorded; `onCopy` / `onDelete` decide what Glance does with them.
let stores: unknown[] | null;
let image: Record<string, unknown>;
let tasks: Record<string, unknown>[];
let writes: { method: string | undefined; path: string; json: unknown }[];
let onCopy: () => void;
let onDelete: (store: string) => void;

const notFound = () => new ApiError({ status: 404, service: 'glance', message: 'Multi backend is not supported at this site.' });

vi.mock('@/lib/glance', () => ({
  glance: () => ({
    json: (path: string, schema: z.ZodType) => {
      if (path === 'v2/info/stores') return stores ? Promise.resolve(schema.parse({ stores })) : Promise.reject(notFound());
      if (path === 'v2/images/img-1/tasks') return Promise.resolve(schema.parse({ tasks: structuredClone(tasks) }));
      if (path === 'v2/images/img-1') return Promise.resolve(schema.parse(structuredClone(image)));
      return Promise.reject(new Error(`unexpected GET ${path}`));
    },
    send: (path: string, options: RequestOptions = {}) => {
      writes.push({ method: options.method, path, json: options.json });
      try {
        if (path === 'v2/images/img-1/import') onCopy();
        else if (path.startsWith('v2/stores/')) onDelete(decodeURIComponent(path.split('/')[2] ?? ''));
        else throw new Error(`unexpected ${options.method} ${path}`);
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
      return Promise.resolve(new Response(null, { status: 202, headers: { 'x-openstack-request-id': 'req-copy-1' } }));
    },
  }),
}));

function Harness({ isAdmin }: { isAdmin: boolean }) {
  const detail = useQuery(imageQueries.detail('img-1'));
  return detail.data ? <DetailStores image={detail.data} isAdmin={isAdmin} /> : <p>loading</p>;
}

const renderStores = (isAdmin = true) => renderWithProviders(<Harness isAdmin={isAdmin} />);
const storesRegion = () => screen.findByRole('region', { name: /^Stores/ });
const row = (store: string) => screen.getByRole('rowheader', { name: new RegExp(`^${store}`) }).closest('tr') as HTMLElement;

beforeEach(() => {
  stores = [
    { id: 'fast', description: 'Fast file store', default: 'true' },
    { id: 'slow', description: 'Slow file store' },
  ];
  image = apiImage({ stores: 'fast', os_glance_importing_to_stores: '', os_glance_failed_import: '' });
  tasks = [];
  writes = [];
  onCopy = () => {};
  onDelete = () => {};
});

describe('DetailStores', () => {
  it('shows nothing on a single-store cloud (GET /v2/info/stores answers 404)', async () => {
    stores = null;
    const { client } = renderStores();
    // Once discovery has answered (null: one store), nothing about stores is on the page.
    await waitFor(() => expect(client.getQueryState(discoveryKeys.stores())?.data).toBeNull());
    expect(screen.queryByText('loading')).toBeNull();
    expect(screen.queryByRole('region', { name: /Stores/ })).toBeNull();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('lists each store with whether it holds the image, read-only for a non-admin', async () => {
    renderStores(false);
    const region = await storesRegion();
    expect(within(region).getByText('fast', { selector: 'strong' })).toBeTruthy();
    expect(within(row('fast')).getByText('has the data')).toBeTruthy();
    expect(within(row('fast')).getByText('default')).toBeTruthy();
    expect(within(row('slow')).getByText('no data')).toBeTruthy();
    expect(within(region).getByText(/are for administrators/)).toBeTruthy();
    expect(within(region).queryByRole('button')).toBeNull();
    expect(within(region).queryByRole('checkbox')).toBeNull();
  });

  /** What Glance shows once the copy's task ends: the image's new fields and the task's last words. */
  const copyEnds = (fields: Partial<typeof image>, status: string, message: string) => () => {
    image = { ...image, ...fields };
    tasks = [{ id: 't1', type: 'api_image_import', status, created_at: '2026-01-01T00:00:00', message, request_id: 'req-copy-1' }];
  };

  it('says why a copy needs a store, then copies, follows the task and shows the result', async () => {
    onCopy = copyEnds({ stores: 'fast,slow' }, 'success', 'Copied 1 MiB');
    renderStores();
    await storesRegion();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Copy' })));
    expect(await screen.findByText('Choose at least one store to copy the image to.')).toBeTruthy();
    expect(writes).toEqual([]);
    fireEvent.click(screen.getByRole('checkbox', { name: /slow/ }));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Copy' })));
    expect(writes).toEqual([
      { method: 'POST', path: 'v2/images/img-1/import', json: { method: { name: 'copy-image' }, stores: ['slow'], all_stores_must_succeed: true } },
    ]);
    expect(await screen.findByText('Copied to slow.')).toBeTruthy();
    expect(within(row('slow')).getByText('has the data')).toBeTruthy();
    // Both stores hold it now: nothing left to copy to, and each copy can be deleted.
    expect(screen.getByText('The image is in every store it can be copied to.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Delete data from fast' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Delete data from slow' })).toBeTruthy();
  });

  it('shows Glance’s reason when the copy task fails', async () => {
    onCopy = copyEnds({ os_glance_failed_import: 'slow' }, 'failure', 'No space left on device');
    renderStores();
    await storesRegion();
    fireEvent.click(screen.getByRole('checkbox', { name: /slow/ }));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Copy' })));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('The copy to slow failed. Glance said: “No space left on device” Try again, or choose another store.');
    expect(within(row('slow')).getByText('copy failed')).toBeTruthy();
    // A failed store can be tried again.
    expect(screen.getByRole('checkbox', { name: /slow/ })).toBeTruthy();
  });

  it('explains a refused copy in words', async () => {
    onCopy = () => {
      throw new ApiError({ status: 409, service: 'glance', message: 'Image img-1 could not be imported: prior operation is still in progress' });
    };
    renderStores();
    await storesRegion();
    fireEvent.click(screen.getByRole('checkbox', { name: /slow/ }));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Copy' })));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Another import or copy of this image is still running\. Wait until it finishes/);
  });

  it('keeps the only copy: no delete, and says why', async () => {
    renderStores();
    await storesRegion();
    expect(screen.queryByRole('button', { name: /Delete data/ })).toBeNull();
    expect(within(row('fast')).getByText('only copy')).toBeTruthy();
    expect(screen.getByText(/Glance keeps an image's last copy/)).toBeTruthy();
  });

  it('deletes one store’s data after confirmation, and explains a refusal in the dialog', async () => {
    image = { ...image, stores: 'fast,slow' };
    let refuse = true;
    onDelete = (store) => {
      if (refuse) throw new ApiError({ status: 409, service: 'glance', message: `The selected store ${store} is not available on this node.` });
      image = { ...image, stores: 'fast' };
    };
    renderStores();
    await storesRegion();
    fireEvent.click(screen.getByRole('button', { name: 'Delete data from slow' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete the data of cirros from slow?' });
    expect(dialog.textContent).toContain('The image stays, with its data in fast.');
    expect(writes).toEqual([]);
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Delete from slow' })));
    expect(within(dialog).getByRole('alert').textContent).toMatch(/^Store slow is not available on this Glance/);
    refuse = false;
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Delete from slow' })));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(writes.map((write) => `${write.method} ${write.path}`)).toEqual(['DELETE v2/stores/slow/img-1', 'DELETE v2/stores/slow/img-1']);
    await waitFor(() => expect(within(row('slow')).getByText('no data')).toBeTruthy());
  });

  it('offers no copy or delete while the image is not active', async () => {
    image = { ...image, status: 'deactivated', stores: 'fast,slow' };
    renderStores();
    const region = await storesRegion();
    expect(within(region).getByText(/only while the image is active \(it is deactivated\)/)).toBeTruthy();
    expect(within(region).queryByRole('button')).toBeNull();
  });
});
