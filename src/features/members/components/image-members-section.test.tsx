import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import { ImageMembersSection } from '@/features/members/components/image-members-section';
import type { MemberImage } from '@/features/members/api/member-schema';
import { ApiError } from '@/lib/api-error';
import { renderWithProviders } from '@/test/render';

// A fake Glance holding one image's members, and a Keystone that resolves "beta" only.
const BETA = '884c765f48854dce8b0bad4bfd8a7067';
const GAMMA = '11111111222233334444555555555555';
let members: { member_id: string; status: 'pending' | 'accepted' | 'rejected' }[] = [];
let session = { project: 'alpha', roles: ['member'] };
const calls: string[] = [];

vi.mock('@/lib/glance', () => ({
  glance: () => ({
    json: async (path: string, schema: z.ZodType, options: { method?: string; json?: { member?: string; status?: string } } = {}) => {
      calls.push(`${options.method ?? 'GET'} ${path}`);
      const own = /members\/([^/]+)$/.exec(path)?.[1];
      if (options.method === 'POST') {
        const id = options.json?.member ?? '';
        if (members.some((member) => member.member_id === id)) throw new ApiError({ status: 409, service: 'glance', message: `Member ${id} is duplicated for image i1` });
        members.push({ member_id: id, status: 'pending' });
        return schema.parse({ image_id: 'i1', member_id: id, status: 'pending' });
      }
      if (options.method === 'PUT') {
        const member = members.find((candidate) => candidate.member_id === own);
        if (member) member.status = options.json?.status as 'accepted';
        return schema.parse({ image_id: 'i1', ...member });
      }
      if (own) {
        const member = members.find((candidate) => candidate.member_id === own);
        if (!member) throw new ApiError({ status: 404, service: 'glance', message: `${own} not found in the member list of the image i1.` });
        return schema.parse({ image_id: 'i1', ...member, created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-02T00:00:00Z' });
      }
      return schema.parse({ members: members.map((member) => ({ image_id: 'i1', ...member, created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-02T00:00:00Z' })) });
    },
    send: async (path: string, options: { method?: string } = {}) => {
      calls.push(`${options.method ?? 'GET'} ${path}`);
      members = members.filter((member) => !path.endsWith(`/members/${member.member_id}`));
      return new Response(null, { status: 204 });
    },
  }),
  keystoneWithSession: () => ({
    json: async (_path: string, schema: z.ZodType) => schema.parse({ projects: [{ id: BETA, name: 'beta' }, { id: 'alpha', name: 'alpha' }] }),
  }),
}));
vi.mock('@/lib/session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/session')>()),
  useSession: () => ({ user: { id: 'u1', name: 'someone' }, project: { id: session.project, name: session.project }, roles: session.roles }),
  usePermissions: () => ({ isAdmin: session.roles.includes('admin'), canWrite: !session.roles.includes('reader'), readOnly: session.roles.includes('reader') }),
}));

const image = (visibility = 'shared'): MemberImage => ({ id: 'i1', name: 'cirros', owner: 'alpha', visibility, status: 'active', created_at: '2026-01-01T00:00:00Z' });

beforeEach(() => {
  members = [
    { member_id: BETA, status: 'accepted' },
    { member_id: GAMMA, status: 'pending' },
  ];
  session = { project: 'alpha', roles: ['member'] };
  calls.length = 0;
});
afterEach(() => {
  for (const button of screen.queryAllByRole('button', { name: /^Dismiss/ })) fireEvent.click(button);
});

const render = (visibility?: string) => renderWithProviders(<ImageMembersSection image={image(visibility)} />, { toaster: true });

describe('ImageMembersSection, the owner’s side', () => {
  it('lists members by name where Keystone resolves them, with status and dates', async () => {
    render();
    const table = await screen.findByRole('table', { name: 'Members of cirros' });
    const beta = within(table).getByText('beta').closest('tr') as HTMLElement;
    expect(within(beta).getByText(BETA)).toBeTruthy();
    expect(within(beta).getByText('accepted')).toBeTruthy();
    expect(beta.querySelectorAll('time')).toHaveLength(2);
    const gamma = within(table).getByText(GAMMA).closest('tr') as HTMLElement;
    expect(within(gamma).getByText('waiting for an answer')).toBeTruthy();
  });

  it('adds several projects with a result for each, and explains the 409', async () => {
    members = [{ member_id: BETA, status: 'pending' }];
    render();
    await screen.findByRole('table', { name: 'Members of cirros' });
    // Someone else adds GAMMA meanwhile: the page does not know, Glance answers 409.
    members.push({ member_id: GAMMA, status: 'pending' });
    fireEvent.click(screen.getByRole('button', { name: 'Add members…' }));
    const dialog = screen.getByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('Projects'), { target: { value: `${GAMMA}, aaaaaaaabbbbccccddddeeeeeeeeeeee` } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add' }));
    const results = await within(dialog).findByRole('list', { name: 'Results per project' });
    expect(results.textContent).toContain(`${GAMMA}: ${GAMMA} is already a member of this image.`);
    expect(results.textContent).toContain('aaaaaaaabbbbccccddddeeeeeeeeeeee: added');
    expect((within(dialog).getByLabelText('Projects') as HTMLTextAreaElement).value).toBe(GAMMA);
  });

  it('refuses a name it cannot resolve before sending anything', async () => {
    render();
    await screen.findByRole('table', { name: 'Members of cirros' });
    fireEvent.click(screen.getByRole('button', { name: 'Add members…' }));
    const dialog = screen.getByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('Projects'), { target: { value: 'gamma' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add' }));
    expect(await within(dialog).findByText(/No project you can look up is called “gamma”/)).toBeTruthy();
    expect(calls.filter((call) => call.startsWith('POST'))).toEqual([]);
  });

  it('removes the selected projects after a confirmation that names them', async () => {
    render();
    const table = await screen.findByRole('table', { name: 'Members of cirros' });
    fireEvent.click(within(table).getByRole('checkbox', { name: 'Select beta' }));
    fireEvent.click(within(table).getByRole('checkbox', { name: `Select ${GAMMA}` }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove 2 selected…' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove 2 projects from cirros?' });
    expect(within(dialog).getByRole('list', { name: 'Projects to remove' }).textContent).toBe(`beta${GAMMA}`);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove' }));
    expect(await screen.findByText('Not shared with any project yet. Add one with “Add members…”.')).toBeTruthy();
    expect(calls.filter((call) => call.startsWith('DELETE')).sort()).toEqual([`DELETE v2/images/i1/members/${BETA}`, `DELETE v2/images/i1/members/${GAMMA}`].sort());
  });

  it('explains why a private image has no members, without asking Glance for them', async () => {
    render('private');
    expect(await screen.findByText(/Only an image with visibility/)).toBeTruthy();
    expect(screen.getByText(/It is private/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Share with projects…' }));
    expect(within(screen.getByRole('dialog')).getByRole('note').textContent).toMatch(/cirros is private.*Adding members switches its visibility to shared first/);
    expect(within(screen.getByRole('dialog')).getByRole('button', { name: 'Make shared and add' })).toBeTruthy();
    expect(calls.filter((call) => call.includes('/members'))).toEqual([]);
  });

  it('shows a reader of the owner project the members without controls', async () => {
    session = { project: 'alpha', roles: ['reader'] };
    render();
    await screen.findByRole('table', { name: 'Members of cirros' });
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.queryByRole('checkbox')).toBeNull();
  });
});

describe('ImageMembersSection, the member’s side', () => {
  it('says who shared it and offers the opposite answer, never the owner’s controls', async () => {
    session = { project: BETA, roles: ['member'] };
    render();
    const panel = await screen.findByRole('region', { name: 'Shared with you' });
    expect(panel.textContent).toMatch(/Shared with you by alpha\..*accepted/);
    expect(screen.queryByRole('region', { name: 'Members' })).toBeNull();
    expect(within(panel).queryByRole('button', { name: 'Accept' })).toBeNull();
    fireEvent.click(within(panel).getByRole('button', { name: 'Reject' }));
    await waitFor(() => expect(panel.textContent).toMatch(/rejected/));
    expect(calls).toContain(`PUT v2/images/i1/members/${BETA}`);
    expect(await within(panel).findByRole('button', { name: 'Accept' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Add members|Remove|Share with/ })).toBeNull();
  });

  it('shows nothing to a project that is not a member', async () => {
    session = { project: 'delta', roles: ['member'] };
    const { container } = render();
    await waitFor(() => expect(calls).toContain('GET v2/images/i1/members/delta'));
    expect(container.textContent).toBe('');
  });
});
