import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import { CreateImageForm } from '@/features/images/components/create-image-form';
import { apiImage } from '@/test/fixtures';
import { renderWithProviders } from '@/test/render';

// A fake Glance behind glance() (schema, import methods, no stores, no quota), and the
// transfers feature's start functions recorded instead of moving bytes.
const posted: Record<string, unknown>[] = [];
const SCHEMA = {
  properties: {
    name: { type: ['null', 'string'], maxLength: 255 },
    visibility: { type: 'string', enum: ['community', 'public', 'private', 'shared'] },
    disk_format: { type: ['null', 'string'], enum: [null, 'raw', 'qcow2', 'iso'] },
    container_format: { type: ['null', 'string'], enum: [null, 'bare', 'ova'] },
  },
};
const ANSWERS: Record<string, unknown> = {
  'v2/schemas/image': SCHEMA,
  'v2/metadefs/namespaces': { namespaces: [] },
  'v2/info/import': { 'import-methods': { value: ['glance-direct', 'web-download'] } },
  'v2/info/usage': { usage: {} },
};

vi.mock('@/lib/glance', async () => {
  const { ApiError } = await import('@/lib/api-error');
  return {
    glance: () => ({
      json: (path: string, schema: z.ZodType, options: { method?: string; json?: Record<string, unknown> } = {}) => {
        if (path === 'v2/images' && options.method === 'POST' && options.json) {
          posted.push(options.json);
          return Promise.resolve(schema.parse(apiImage({ id: `img-${posted.length}`, status: 'queued', ...options.json })));
        }
        if (path === 'v2/info/stores') return Promise.reject(new ApiError({ status: 404, service: 'glance', message: 'Multi backend is not supported' }));
        const answer = ANSWERS[path.split('?')[0] ?? ''];
        return answer === undefined ? Promise.reject(new Error(`unexpected ${path}`)) : Promise.resolve(schema.parse(answer));
      },
    }),
  };
});
vi.mock('@/lib/session', () => ({ usePermissions: () => ({ isAdmin: false, canWrite: true, readOnly: false }) }));
const started: unknown[] = [];
vi.mock('@/features/transfers', () => ({
  transfers: {
    startUpload: (request: unknown) => started.push(request) && 'upload-1',
    startImport: (request: unknown) => started.push(request) && 'import-1',
  },
  preferredUploadMethod: () => 'direct',
}));

afterEach(() => {
  posted.length = 0;
  started.length = 0;
});

const valueOf = (element: HTMLElement) => (element as HTMLInputElement | HTMLSelectElement).value;
const file = (name: string, size = 10) => new File([new Uint8Array(size)], name);

describe('CreateImageForm', () => {
  it('makes one image per dropped file, with names and formats from the files, and starts each upload', async () => {
    const onClose = vi.fn();
    const files = [file('a.qcow2'), file('b.iso')];
    renderWithProviders(<CreateImageForm dropped={{ files, seq: 1 }} onClose={onClose} />);
    const form = screen.getByRole('form', { name: 'Create image' });
    await waitFor(() => expect(valueOf(within(form).getByLabelText('Name of image 2'))).toBe('b'));
    expect(valueOf(within(form).getByLabelText('Name of image 1'))).toBe('a');
    expect(valueOf(within(form).getByLabelText('Disk format of image 1'))).toBe('qcow2');
    expect(valueOf(within(form).getByLabelText('Disk format of image 2'))).toBe('iso');
    expect(valueOf(within(form).getByLabelText('Container format of image 2'))).toBe('bare');
    fireEvent.click(within(form).getByRole('button', { name: 'Create 2 images' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(posted.map((body) => [body.name, body.disk_format])).toEqual([
      ['a', 'qcow2'],
      ['b', 'iso'],
    ]);
    expect(started).toEqual([
      expect.objectContaining({ imageId: 'img-1', file: files[0], method: 'direct' }),
      expect.objectContaining({ imageId: 'img-2', file: files[1], method: 'direct' }),
    ]);
  });

  it('sends nothing while a format is missing or the URL is not http(s)', async () => {
    renderWithProviders(<CreateImageForm dropped={null} onClose={vi.fn()} />);
    const form = screen.getByRole('form', { name: 'Create image' });
    fireEvent.click(await within(form).findByLabelText(/Import from a URL/));
    fireEvent.change(within(form).getByLabelText('URL'), { target: { value: 'file:///etc/passwd' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Create image' }));
    expect(await within(form).findByText(/Glance downloads only http/)).toBeTruthy();
    expect(within(form).getByText(/Choose a disk format/)).toBeTruthy();
    expect(posted).toEqual([]);
  });
});
