import { describe, expect, it, vi } from 'vitest';
import { createImages, type CreateDeps } from '@/features/images/api/image-create-flow';
import { defaultCreateValues, itemForFile } from '@/features/images/api/image-create-form-model';
import { imageSchema } from '@/features/images/api/image-schema';
import { ApiError } from '@/lib/api-error';
import { apiImage } from '@/test/fixtures';

const suggestion = { disk_format: 'raw', container_format: 'bare', reason: '' };

function fakeDeps(refuseCall?: number): CreateDeps & { bodies: Record<string, unknown>[] } {
  const bodies: Record<string, unknown>[] = [];
  return {
    bodies,
    create: vi.fn(async (body: Record<string, unknown>) => {
      bodies.push(body);
      if (bodies.length === refuseCall) throw new ApiError({ status: 413, service: 'glance', message: 'quota' });
      return imageSchema.parse(apiImage({ id: `img-${bodies.length}`, name: body.name ?? null, status: 'queued' }));
    }),
    startUpload: vi.fn((request) => `upload-${request.imageId}`),
    startImport: vi.fn((request) => `import-${request.imageId}`),
  };
}

describe('createImages', () => {
  const files = [new File(['a'], 'a.raw'), new File(['bb'], 'b.raw')];
  const values = { ...defaultCreateValues(files.map((file) => itemForFile(file, suggestion))), store: 'fast', method: 'glance-direct' as const };

  it('creates one record per file and starts its upload with the file, the method and the store', async () => {
    const deps = fakeDeps();
    const run = await createImages(values, files, deps);
    expect(deps.bodies.map((body) => body.name)).toEqual(['a', 'b']);
    expect(deps.startUpload).toHaveBeenNthCalledWith(1, { imageId: 'img-1', imageName: 'a', file: files[0], method: 'glance-direct', stores: ['fast'] });
    expect(deps.startUpload).toHaveBeenNthCalledWith(2, { imageId: 'img-2', imageName: 'b', file: files[1], method: 'glance-direct', stores: ['fast'] });
    expect(run).toEqual({ created: [expect.objectContaining({ index: 0, transferId: 'upload-img-1' }), expect.objectContaining({ index: 1, transferId: 'upload-img-2' })] });
  });

  it('stops at the first refused record: earlier ones keep their transfers, later ones are not created', async () => {
    const deps = fakeDeps(2);
    const run = await createImages({ ...values, items: [...values.items, ...values.items] }, [...files, ...files], deps);
    expect(deps.create).toHaveBeenCalledTimes(2);
    expect(deps.startUpload).toHaveBeenCalledTimes(1);
    expect(run.created.map((entry) => entry.index)).toEqual([0]);
    expect(run.failed).toEqual({ index: 1, error: expect.any(ApiError) });
  });

  it('imports a URL with web-download, and starts nothing for an image without data', async () => {
    const deps = fakeDeps();
    const one = defaultCreateValues();
    await createImages({ ...one, source: 'url', url: ' https://mirror.example/x.raw ' }, [], deps);
    expect(deps.startImport).toHaveBeenCalledWith({ imageId: 'img-1', imageName: 'img-1', method: 'web-download', uri: 'https://mirror.example/x.raw', stores: undefined });
    const none = await createImages(one, [], deps);
    expect(none.created).toEqual([{ index: 0, image: expect.objectContaining({ id: 'img-2' }) }]);
    expect(deps.startUpload).not.toHaveBeenCalled();
  });
});
