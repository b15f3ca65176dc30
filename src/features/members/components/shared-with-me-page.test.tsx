import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import { SharedWithMePage } from '@/features/members/components/shared-with-me-page';
import { ApiError } from '@/lib/api-error';
import type { QueryParams } from '@/lib/http';
import { renderWithProviders } from '@/test/render';

// A fake Glance: images with a member status for project "me", plus one of "me"'s own.
interface Row {
  id: string;
  name: string;
  owner: string;
  /** This project's membership; null: shared, but not with this project (only an admin's list shows it). */
  member: 'pending' | 'accepted' | 'rejected' | null;
}
let rows: Row[] = [];
let role: 'member' | 'reader' | 'admin' = 'member';
const memberGets: string[] = [];
let failPut: ApiError | undefined;
let failList: ApiError | undefined;
let putGate: Promise<void> | undefined;
const puts: { path: string; json: unknown }[] = [];
const lists: QueryParams[] = [];

const asImage = (row: Row) => ({ id: row.id, name: row.name, owner: row.owner, status: 'active', visibility: 'shared', size: 2048, created_at: '2026-01-01T00:00:00Z' });

vi.mock('@/lib/glance', () => ({
  glance: () => ({
    json: async (path: string, schema: z.ZodType, options: { method?: string; query?: QueryParams; json?: unknown } = {}) => {
      if (path === 'v2/images') {
        lists.push(options.query ?? {});
        if (failList) throw failList;
        const status = options.query?.member_status;
        // As Glance does: an admin's list is every shared image in the cloud, whatever member_status says.
        const visible = role === 'admin' ? rows : rows.filter((row) => row.owner === 'me' || row.member === status);
        return schema.parse({ images: visible.map(asImage) });
      }
      const membership = /^v2\/images\/([^/]+)\/members\/me$/.exec(path);
      if (membership && !options.method) {
        memberGets.push(path);
        const row = rows.find((candidate) => candidate.id === membership[1]);
        if (!row?.member) throw new ApiError({ status: 404, service: 'glance', message: 'me not found in the member list of the image' });
        return schema.parse({ image_id: row.id, member_id: 'me', status: row.member });
      }
      if (options.method === 'PUT') {
        puts.push({ path, json: options.json });
        if (putGate) await putGate;
        if (failPut) throw failPut;
        const [, , id] = path.split('/');
        const row = rows.find((candidate) => candidate.id === id);
        const { status } = options.json as { status: Row['member'] };
        if (row) row.member = status;
        return schema.parse({ image_id: id, member_id: 'me', status });
      }
      throw new ApiError({ status: 404, service: 'glance', message: 'not faked' });
    },
  }),
  // Keystone resolves the projects this user may look up: p-alpha's name, not p-gamma's.
  keystoneWithSession: () => ({
    json: async (_path: string, schema: z.ZodType) => schema.parse({ projects: [{ id: 'p-alpha', name: 'alpha' }] }),
  }),
}));
vi.mock('@/lib/session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/session')>()),
  useSession: () => ({ user: { id: 'u1', name: 'bob' }, project: { id: 'me', name: 'beta' }, roles: [role] }),
  usePermissions: () => ({ isAdmin: role === 'admin', canWrite: role !== 'reader', readOnly: role === 'reader' }),
}));

afterEach(() => {
  // Error toasts stay until dismissed; the toast store outlives a render.
  for (const button of screen.queryAllByRole('button', { name: /^Dismiss/ })) fireEvent.click(button);
  cleanup();
});
beforeEach(() => {
  rows = [
    { id: 'i1', name: 'cirros-demo', owner: 'p-alpha', member: 'pending' },
    { id: 'i2', name: 'ubuntu', owner: 'p-gamma', member: 'accepted' },
    { id: 'i3', name: 'mine-shared', owner: 'me', member: 'pending' },
    { id: 'i4', name: 'not-for-us', owner: 'p-alpha', member: null },
  ];
  role = 'member';
  failPut = undefined;
  failList = undefined;
  putGate = undefined;
  puts.length = 0;
  lists.length = 0;
  memberGets.length = 0;
});

function renderPage(search = '') {
  const { router, client } = renderWithProviders(<SharedWithMePage />, { path: '/shared', url: `/shared${search}`, toaster: true });
  return { router, client };
}

const table = () => screen.getByRole('table');

describe('SharedWithMePage', () => {
  it('lists pending shares from other projects, with owner, size and created time', async () => {
    renderPage();
    const link = await screen.findByRole('link', { name: 'cirros-demo' });
    expect(link.getAttribute('href')).toBe('/images/i1');
    expect(screen.queryByRole('link', { name: 'mine-shared' })).toBeNull();
    const row = link.closest('tr') as HTMLElement;
    // The owner by name, since Keystone resolves it for this user.
    expect(await within(row).findByText('alpha')).toBeTruthy();
    expect(within(row).queryByText('p-alpha')).toBeNull();
    expect(within(row).getByText('2 KiB')).toBeTruthy();
    expect(row.querySelector('time')?.getAttribute('title')).toBeTruthy();
    expect(lists[0]).toMatchObject({ visibility: 'shared', member_status: 'pending' });
    expect(within(screen.getByRole('navigation', { name: 'Share status' })).getByRole('link', { name: 'Waiting for an answer' }).getAttribute('aria-current')).toBe('page');
  });

  it('switches status through the URL', async () => {
    const { router } = renderPage();
    await screen.findByRole('link', { name: 'cirros-demo' });
    fireEvent.click(screen.getByRole('link', { name: 'Accepted' }));
    expect(await screen.findByRole('link', { name: 'ubuntu' })).toBeTruthy();
    expect(router.state.location.search).toBe('?status=accepted');
    // An owner Keystone does not resolve for this user stays an ID.
    expect(within(screen.getByRole('link', { name: 'ubuntu' }).closest('tr') as HTMLElement).getByText('p-gamma')).toBeTruthy();
    expect(within(table()).getByRole('button', { name: 'Reject ubuntu' })).toBeTruthy();
    expect(within(table()).queryByRole('button', { name: 'Accept ubuntu' })).toBeNull();
  });

  it('accepts at once, sends the member status, and shows the row under Accepted', async () => {
    let open: () => void = () => undefined;
    putGate = new Promise<void>((resolve) => (open = resolve));
    renderPage();
    await screen.findByRole('link', { name: 'cirros-demo' });
    fireEvent.click(screen.getByRole('button', { name: 'Accept cirros-demo' }));
    // Optimistic: gone from the pending list before Glance answers.
    expect(await screen.findByText('Nothing is waiting for you')).toBeTruthy();
    await waitFor(() => expect(puts).toEqual([{ path: 'v2/images/i1/members/me', json: { status: 'accepted' } }]));
    await act(async () => open());
    expect((await screen.findByText('Accepted cirros-demo')).closest('[role="status"]')?.textContent).toMatch('It now appears in your image list.');
    fireEvent.click(screen.getByRole('link', { name: 'Accepted' }));
    expect(await screen.findByRole('link', { name: 'cirros-demo' })).toBeTruthy();
  });

  it('puts the row back and says why when Glance refuses', async () => {
    failPut = new ApiError({ status: 403, service: 'glance', message: 'You are not authorized to complete modify_member action.' });
    renderPage();
    await screen.findByRole('link', { name: 'cirros-demo' });
    fireEvent.click(screen.getByRole('button', { name: 'Reject cirros-demo' }));
    const toast = await screen.findByRole('alert');
    expect(toast.textContent).toMatch('Could not reject cirros-demo: Not allowed');
    expect(toast.textContent).toMatch('policy "modify_member"');
    expect(await screen.findByRole('link', { name: 'cirros-demo' })).toBeTruthy();
    expect(puts[0]?.json).toEqual({ status: 'rejected' });
  });

  it('lists for an admin only the images its project really is a member of, each under its real status', async () => {
    role = 'admin';
    const { router } = renderPage();
    expect(await screen.findByRole('link', { name: 'cirros-demo' })).toBeTruthy();
    // Glance listed all four; the one without this project as a member, the accepted one and the own one are out.
    expect(screen.queryByRole('link', { name: 'not-for-us' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'ubuntu' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'mine-shared' })).toBeNull();
    expect(memberGets.sort()).toEqual(['v2/images/i1/members/me', 'v2/images/i2/members/me', 'v2/images/i4/members/me']);
    expect(lists[0]).toMatchObject({ visibility: 'shared', member_status: 'all' });
    await act(() => router.navigate('/shared?status=accepted'));
    expect(await screen.findByRole('link', { name: 'ubuntu' })).toBeTruthy();
    // The second tab reuses the checked memberships: no new list, no new checks.
    expect(lists).toHaveLength(1);
    expect(memberGets).toHaveLength(3);
  });

  it('shows readers the list without answer buttons', async () => {
    role = 'reader';
    renderPage();
    await screen.findByRole('link', { name: 'cirros-demo' });
    expect(screen.queryByRole('button', { name: /Accept|Reject/ })).toBeNull();
    expect(screen.getByText(/read-only/)).toBeTruthy();
  });

  it('says when nothing is waiting', async () => {
    rows = rows.filter((row) => row.member !== 'pending' || row.owner === 'me');
    renderPage();
    expect(await screen.findByText('Nothing is waiting for you')).toBeTruthy();
  });

  it('explains a failed load and offers a retry', async () => {
    failList = new ApiError({ status: 503, service: 'glance', message: 'down' });
    renderPage();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/Loading shared images: Glance \(images\) is unavailable/);
    failList = undefined;
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('link', { name: 'cirros-demo' })).toBeTruthy();
  });
});
