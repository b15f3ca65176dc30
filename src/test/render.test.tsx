import { useQuery } from '@tanstack/react-query';
import { act, cleanup, screen } from '@testing-library/react';
import { useLocation, useParams } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { toast } from '@/components/ui/toast';
import { renderWithProviders } from '@/test/render';

afterEach(cleanup);

function Where() {
  const location = useLocation();
  const { id } = useParams();
  return <p>{`${location.pathname}${location.search} id=${id ?? '-'}`}</p>;
}

let attempts = 0;
function Failing() {
  const query = useQuery({
    queryKey: ['failing'],
    queryFn: () => {
      attempts += 1;
      return Promise.reject(new Error('down'));
    },
  });
  return <p>{query.isError ? `failed after ${attempts}` : 'loading'}</p>;
}

describe('renderWithProviders', () => {
  it('mounts the element at its path, started at the url', () => {
    const { router } = renderWithProviders(<Where />, { path: '/images/:id', url: '/images/abc?x=1' });
    expect(screen.getByText('/images/abc?x=1 id=abc')).toBeTruthy();
    expect(router.state.location.search).toBe('?x=1');
  });

  it('defaults the path to the url’s, and the url to /', () => {
    renderWithProviders(<Where />, { url: '/tasks?status=failure' });
    expect(screen.getByText('/tasks?status=failure id=-')).toBeTruthy();
    cleanup();
    renderWithProviders(<Where />);
    expect(screen.getByText('/ id=-')).toBeTruthy();
  });

  it('takes a set of routes', () => {
    renderWithProviders([{ path: '/metadefs/:id', element: <Where /> }], { url: '/metadefs/OS::Compute' });
    expect(screen.getByText('/metadefs/OS::Compute id=OS::Compute')).toBeTruthy();
  });

  it('gives each render a fresh client that does not retry', async () => {
    attempts = 0;
    const first = renderWithProviders(<Failing />);
    expect(await screen.findByText('failed after 1')).toBeTruthy();
    cleanup();
    const second = renderWithProviders(<Failing />);
    expect(await screen.findByText('failed after 2')).toBeTruthy();
    expect(second.client).not.toBe(first.client);
  });

  it('renders the toast outlet only when asked', () => {
    renderWithProviders(<Where />);
    expect(screen.queryByRole('region', { name: 'Notifications' })).toBeNull();
    cleanup();
    renderWithProviders(<Where />, { toaster: true });
    act(() => toast('info', 'Saved'));
    expect(screen.getByRole('region', { name: 'Notifications' }).textContent).toContain('Saved');
  });
});
