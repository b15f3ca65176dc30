import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import type { Image } from '@/features/images/api/image-schema';
import { ImageEditForm } from '@/features/images/components/detail-edit-form';
import { ApiError } from '@/lib/api-error';
import { apiImage } from '@/test/fixtures';
import { renderWithProviders } from '@/test/render';

// A fake Glance behind glance(): the image, its schema and an empty catalogue.
interface Call {
  path: string;
  method: string;
  json?: unknown;
  contentType?: string;
}
const calls: Call[] = [];
let serverImage: Record<string, unknown>;
let patchFailure: ApiError | undefined;

const SCHEMA = {
  properties: {
    name: { type: ['null', 'string'], maxLength: 255 },
    visibility: { type: 'string', enum: ['community', 'public', 'private', 'shared'] },
    protected: { type: 'boolean' },
    os_hidden: { type: 'boolean' },
    status: { type: 'string', readOnly: true },
    disk_format: { type: ['null', 'string'], enum: [null, 'raw', 'qcow2'] },
    container_format: { type: ['null', 'string'], enum: [null, 'bare'] },
    min_ram: { type: 'integer' },
    min_disk: { type: 'integer' },
    kernel_id: { type: ['null', 'string'], pattern: '^[0-9a-f-]{36}$', is_base: false },
  },
};

vi.mock('@/lib/glance', () => ({
  glance: () => ({
    json: (path: string, schema: z.ZodType, options: { method?: string; json?: unknown; contentType?: string } = {}) => {
      const method = options.method ?? 'GET';
      calls.push({ path, method, json: options.json, contentType: options.contentType });
      if (path === 'v2/schemas/image') return Promise.resolve(schema.parse(SCHEMA));
      if (path === 'v2/metadefs/namespaces') return Promise.resolve(schema.parse({ namespaces: [] }));
      if (method === 'PATCH') {
        if (patchFailure) return Promise.reject(patchFailure);
        for (const op of options.json as { op: string; path: string; value?: unknown }[]) {
          const key = op.path.slice(1).replace(/~1/g, '/').replace(/~0/g, '~');
          if (op.op === 'remove') serverImage = Object.fromEntries(Object.entries(serverImage).filter(([name]) => name !== key));
          else serverImage[key] = op.value;
        }
      }
      return Promise.resolve(schema.parse(structuredClone(serverImage)));
    },
  }),
}));
vi.mock('@/lib/session', () => ({
  usePermissions: () => ({ isAdmin: false, canWrite: true, readOnly: false }),
}));

const IMAGE = apiImage({ tags: ['a'], os_distro: 'cirros', 'x/y': 'slash' });

afterEach(cleanup);

beforeEach(() => {
  calls.length = 0;
  serverImage = structuredClone(IMAGE);
  patchFailure = undefined;
});

function renderForm() {
  const onDone = vi.fn();
  renderWithProviders(<ImageEditForm image={IMAGE as unknown as Image} onDone={onDone} />);
  return { onDone };
}

async function reviewAndSave() {
  fireEvent.click(screen.getByRole('button', { name: 'Review and save' }));
  const review = await screen.findByRole('dialog', { name: 'Review the change' });
  return review;
}

describe('ImageEditForm', () => {
  it('sends only what changed, after re-reading the image, as one JSON-Patch', async () => {
    const { onDone } = renderForm();
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'cirros-2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Remove property x/y' }));
    const review = await reviewAndSave();
    expect(within(review).getByLabelText('JSON-Patch').textContent).toContain('"/x~1y"');
    expect(within(review).getByLabelText('Command line').textContent).toBe('openstack image set --name cirros-2 img-1\nopenstack image unset --property x/y img-1');
    calls.length = 0;
    await act(async () => fireEvent.click(within(review).getByRole('button', { name: 'Save' })));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(calls.map((call) => call.method)).toEqual(['GET', 'PATCH']);
    expect(calls[1]?.contentType).toBe('application/openstack-images-v2.1-json-patch');
    expect(calls[1]?.json).toEqual([
      { op: 'replace', path: '/name', value: 'cirros-2' },
      { op: 'remove', path: '/x~1y' },
    ]);
  });

  it('shows a server change instead of overwriting it', async () => {
    renderForm();
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'mine' } });
    const review = await reviewAndSave();
    // Same second, different value: updated_at alone would not tell.
    serverImage.os_distro = 'debian';
    await act(async () => fireEvent.click(within(review).getByRole('button', { name: 'Save' })));
    const conflict = await screen.findByRole('dialog', { name: 'This image changed while you were editing' });
    expect(within(conflict).getByRole('row', { name: /os_distro/ }).textContent).toContain('debian');
    expect(calls.some((call) => call.method === 'PATCH')).toBe(false);
    await act(async () => fireEvent.click(within(conflict).getByRole('button', { name: 'Merge: my changes on top' })));
    await waitFor(() => expect(serverImage.name).toBe('mine'));
    expect(serverImage.os_distro).toBe('debian');
  });

  it('checks schema rules before sending and keeps the input', async () => {
    renderForm();
    fireEvent.click(screen.getByRole('button', { name: 'Add property' }));
    const keys = screen.getAllByLabelText(/Property \d+ key/);
    fireEvent.change(keys[keys.length - 1] as HTMLElement, { target: { value: 'kernel_id' } });
    fireEvent.change(await screen.findByLabelText('Value of kernel_id'), { target: { value: 'nope' } });
    // The rule comes with the image schema: wait until the form has it (the picker lists the schema's keys).
    await screen.findByRole('option', { name: 'kernel_id' });
    fireEvent.click(screen.getByRole('button', { name: 'Review and save' }));
    expect(await screen.findByText(/Does not match the required pattern/)).toBeTruthy();
    expect(screen.queryByRole('dialog', { name: 'Review the change' })).toBeNull();
    expect((screen.getByLabelText('Value of kernel_id') as HTMLInputElement).value).toBe('nope');
  });

  it('puts a Glance 4xx on the field it names, and keeps every edit', async () => {
    patchFailure = new ApiError({ status: 409, service: 'glance', message: 'Property os_distro does not exist.' });
    renderForm();
    fireEvent.change(screen.getByLabelText('Value of os_distro'), { target: { value: 'fedora' } });
    const review = await reviewAndSave();
    await act(async () => fireEvent.click(within(review).getByRole('button', { name: 'Save' })));
    await waitFor(() => expect(screen.getByLabelText('Value of os_distro').getAttribute('aria-invalid')).toBe('true'));
    // Once in the banner above the form, once under the field.
    expect(screen.getAllByText('Property os_distro does not exist.')).toHaveLength(2);
    expect((screen.getByLabelText('Value of os_distro') as HTMLInputElement).value).toBe('fedora');
    expect(screen.getByLabelText('Name')).toBeTruthy();
  });

  it('does not offer formats of an image that has data, nor public to a member', async () => {
    renderForm();
    expect((screen.getByLabelText('Disk format') as HTMLSelectElement).disabled).toBe(true);
    await waitFor(() => expect(screen.getAllByRole('option', { name: 'community' }).length).toBeGreaterThan(0));
    expect(within(screen.getByLabelText('Visibility')).queryByRole('option', { name: 'public' })).toBeNull();
  });
});
