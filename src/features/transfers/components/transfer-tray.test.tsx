import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/api-error';
import { transferStore } from '@/features/transfers/api/transfer-store';
import type { TransferContext, UploadRequest } from '@/features/transfers/api/transfer-types';
import { TransferTray } from '@/features/transfers/components/transfer-tray';
// Loaded up front, so the tray's lazy panel resolves at once (a cold transform on a busy machine can take seconds).
import '@/features/transfers/components/transfer-tray-panel';
import { renderWithProviders } from '@/test/render';

// DELETE /v2/images/{id} against a fake Glance.
const send = vi.fn<(path: string, options: { method?: string }) => Promise<Response>>();
vi.mock('@/lib/glance', () => ({ glance: () => ({ send: (path: string, options: { method?: string }) => send(path, options) }) }));

interface Run {
  context: TransferContext;
  resolve: () => void;
  reject: (error: unknown) => void;
}
let runs: Run[];

const upload = (name: string, size: number): UploadRequest => ({
  imageId: `img-${name}`,
  imageName: name,
  file: new File([new Uint8Array(size)], `${name}.raw`),
  method: 'direct',
});

beforeEach(() => {
  transferStore.resetForTests();
  runs = [];
  send.mockReset();
  transferStore.registerRunner('upload', (_request, context) => new Promise<void>((resolve, reject) => {
    runs.push({ context, resolve, reject });
    context.signal.addEventListener('abort', () => reject(context.signal.reason));
  }));
});
afterEach(() => transferStore.resetForTests());

const tray = () => screen.getByRole('region', { name: /Transfers/ });

describe('TransferTray', () => {
  it('is absent without transfers, and a landmark with a heading once one starts', async () => {
    renderWithProviders(<TransferTray />);
    expect(screen.queryByRole('region', { name: /Transfers/ })).toBeNull();
    act(() => void transferStore.start('upload', upload('cirros', 2048), 'direct', undefined));
    const region = await screen.findByRole('region', { name: /Transfers/ });
    expect(within(region).getByRole('heading', { name: 'Transfers (1 active)' })).toBeTruthy();
  });

  it('shows bytes, percentage, speed and time left on a progressbar', async () => {
    renderWithProviders(<TransferTray />);
    act(() => void transferStore.start('upload', upload('cirros', 4 * 1024 * 1024), 'direct', undefined));
    await screen.findByRole('region', { name: /Transfers/ });
    vi.useFakeTimers({ now: 0 });
    act(() => {
      runs[0]?.context.progress(0);
      vi.advanceTimersByTime(1000);
      runs[0]?.context.progress(1024 * 1024);
      vi.advanceTimersByTime(250);
    });
    vi.useRealTimers();
    const bar = screen.getByRole('progressbar', { name: 'Upload of cirros' });
    expect(bar.getAttribute('aria-valuenow')).toBe('25');
    expect(bar.getAttribute('aria-valuetext')).toBe('Uploading: 1 MiB of 4 MiB · 25% · 1 MiB/s · 3 s left');
    expect(within(tray()).getByText('1 MiB of 4 MiB · 25% · 1 MiB/s · 3 s left')).toBeTruthy();
  });

  it('cancel, then retry or delete the image (after confirming); delete failures say why', async () => {
    renderWithProviders(<TransferTray />);
    act(() => void transferStore.start('upload', upload('cirros', 10), 'direct', undefined));
    await screen.findByRole('region', { name: /Transfers/ });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Cancel Upload of cirros' })));
    expect(within(tray()).getByText(/Cancelled/)).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Transfers (all finished)' })).toBeTruthy();

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Retry Upload of cirros' })));
    expect(runs).toHaveLength(2);
    await act(async () => runs[1]?.reject(new ApiError({ status: 503, service: 'glance', message: 'store down' })));
    expect(within(tray()).getByText(/Glance \(images\) is unavailable/)).toBeTruthy();

    send.mockRejectedValueOnce(new ApiError({ status: 403, service: 'glance', message: 'Image cirros is protected and cannot be deleted.' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete image cirros' }));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Delete image' })));
    await waitFor(() => expect(within(tray()).getByText(/This image is protected/)).toBeTruthy());

    send.mockResolvedValueOnce(new Response(null, { status: 204 }));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Delete image' })));
    await waitFor(() => expect(screen.queryByRole('region', { name: /Transfers/ })).toBeNull());
    expect(send).toHaveBeenLastCalledWith('v2/images/img-cirros', { method: 'DELETE' });
  });

  it('shows a checksum mismatch loudly with both values, and dismisses a finished transfer', async () => {
    renderWithProviders(<TransferTray />);
    act(() => void transferStore.start('upload', upload('cirros', 10), 'direct', undefined));
    await screen.findByRole('region', { name: /Transfers/ });
    await act(async () => {
      runs[0]?.context.verification({ state: 'mismatch', expected: { md5: 'aaa', algo: 'sha512', value: 'bbb' }, actual: { md5: 'ccc', algo: 'sha512', value: 'bbb' } });
      runs[0]?.reject(new Error('mismatch'));
    });
    const alert = within(tray()).getByRole('alert');
    expect(alert.textContent).toContain('Checksum mismatch');
    expect(alert.textContent).toContain('md5 — differs');
    expect(alert.textContent).toContain('Glance: aaa');
    expect(alert.textContent).toContain('This file: ccc');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Dismiss Upload of cirros' })));
    expect(screen.queryByRole('region', { name: /Transfers/ })).toBeNull();
  });

  it('announces a settle for screen readers and collapses with its toggle', async () => {
    renderWithProviders(<TransferTray />);
    act(() => void transferStore.start('upload', upload('cirros', 10), 'direct', undefined));
    await screen.findByRole('region', { name: /Transfers/ });
    await act(async () => {
      runs[0]?.context.verification({ state: 'verified', expected: { md5: 'a' }, actual: { md5: 'a' } });
      runs[0]?.resolve();
    });
    expect(screen.getByRole('status').textContent).toBe('Upload of cirros: Done');
    expect(within(tray()).getByText('Verified (md5)')).toBeTruthy();
    const toggle = screen.getByRole('button', { name: 'Collapse transfers' });
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('progressbar')).toBeNull();
  });
});
