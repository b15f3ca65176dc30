import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import { NamespacePage } from '@/features/metadefs/components/namespace-page';
import { NamespacesPage } from '@/features/metadefs/components/namespaces-page';
import { ApiError } from '@/lib/api-error';
import type { QueryParams } from '@/lib/http';
import { renderWithProviders } from '@/test/render';

// A fake Glance metadefs API: namespaces named ns-00…ns-29, sorted by name and paged by marker.
const calls: { path: string; query?: QueryParams | undefined }[] = [];
let namespaces: Record<string, unknown>[] = [];
let failTags = false;

function namespace(i: number) {
  const name = `ns-${String(i).padStart(2, '0')}`;
  return {
    namespace: name,
    display_name: `Namespace ${i}`,
    description: `About ${name}`,
    visibility: i % 2 ? 'private' : 'public',
    protected: i === 0,
    owner: 'admin',
    resource_type_associations: i % 3 === 0 ? [{ name: 'OS::Glance::Image', prefix: 'hw_' }, { name: 'OS::Nova::Flavor', prefix: 'hw:' }] : [{ name: 'OS::Cinder::Volume' }],
  };
}

function listPage(query: QueryParams) {
  let rows = namespaces;
  if (query.resource_types) rows = rows.filter((row) => JSON.stringify(row.resource_type_associations).includes(String(query.resource_types)));
  if (query.visibility) rows = rows.filter((row) => row.visibility === query.visibility);
  const limit = Number(query.limit);
  const start = query.marker ? rows.findIndex((row) => row.namespace === query.marker) + 1 : 0;
  const page = rows.slice(start, start + limit);
  return { namespaces: page, ...(start + limit < rows.length ? { next: 'more' } : {}) };
}

vi.mock('@/lib/glance', () => ({
  glance: () => ({
    json: async (path: string, schema: z.ZodType, options: { query?: QueryParams } = {}) => {
      calls.push({ path, query: options.query });
      const notFound = (what: string) => new ApiError({ status: 404, service: 'glance', message: `Metadata definition namespace=${what} was not found.` });
      if (path === 'v2/metadefs/namespaces') {
        const query = options.query ?? {};
        if (query.marker && !namespaces.some((row) => row.namespace === query.marker)) throw notFound(String(query.marker));
        return schema.parse(listPage(query));
      }
      if (path === 'v2/metadefs/resource_types') return schema.parse({ resource_types: [{ name: 'OS::Nova::Flavor' }, { name: 'OS::Glance::Image' }, { name: 'OS::Cinder::Volume' }] });
      const match = /^v2\/metadefs\/namespaces\/([^/]+)(?:\/(\w+))?$/.exec(path);
      const name = decodeURIComponent(match?.[1] ?? '');
      const row = namespaces.find((candidate) => candidate.namespace === name);
      if (!row) throw notFound(name);
      switch (match?.[2]) {
        case undefined:
          return schema.parse(row);
        case 'properties':
          return schema.parse({
            properties: {
              boot_menu: { title: 'Boot Menu', type: 'string', description: 'Enables the BIOS boot menu.', enum: ['true', 'false'] },
              serial_port_count: { title: 'Serial Port Count', type: 'integer', minimum: 0 },
            },
          });
        case 'objects':
          return schema.parse({
            objects: [{ name: 'CPU Limits', description: 'CPU quotas.', required: ['quota:cpu_period'], properties: { 'quota:cpu_period': { title: 'Period', type: 'integer', minimum: 1000, maximum: 1000000 } } }],
          });
        case 'tags':
          if (failTags) throw new ApiError({ status: 500, service: 'glance', message: 'boom' });
          return schema.parse({ tags: [{ name: 'zeta' }, { name: 'alpha' }] });
      }
      throw notFound(name);
    },
  }),
}));

let isAdmin = false;
// The list and overview look owners up by project name (the auth feature, which needs the real module's schemas).
vi.mock('@/lib/session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/session')>()),
  usePermissions: () => ({ isAdmin, canWrite: true, readOnly: false }),
  useSession: () => ({ user: { id: 'u1' }, project: { id: 'p1' } }),
}));

afterEach(cleanup);
beforeEach(() => {
  calls.length = 0;
  namespaces = Array.from({ length: 30 }, (_, i) => namespace(i));
  failTags = false;
  isAdmin = false;
});

function renderAt(url: string) {
  const { router } = renderWithProviders(
    [
      { path: '/metadefs', element: <NamespacesPage /> },
      { path: '/metadefs/:namespace/:tab?', element: <NamespacePage /> },
    ],
    { url },
  );
  return { url: () => new URLSearchParams(router.state.location.search), router };
}

const listQueries = () => calls.filter((call) => call.path === 'v2/metadefs/namespaces').map((call) => call.query);

describe('NamespacesPage', () => {
  it('lists namespaces with display name, description, associations and badges', async () => {
    renderAt('/metadefs');
    const link = await screen.findByRole('link', { name: 'Namespace 0' });
    expect(link.getAttribute('href')).toBe('/metadefs/ns-00');
    const row = link.closest('tr') as HTMLElement;
    expect(within(row).getByText('ns-00')).toBeTruthy();
    expect(within(row).getByText('About ns-00')).toBeTruthy();
    expect(within(row).getByText('hw_')).toBeTruthy();
    expect(within(row).getByText('protected')).toBeTruthy();
    expect(within(row).getByText('public')).toBeTruthy();
    expect(listQueries()[0]).toMatchObject({ limit: 25, sort_key: 'namespace', sort_dir: 'asc' });
  });

  it('filters by resource type and visibility through the URL, from the first page', async () => {
    const { url } = renderAt('/metadefs?marker=ns-24&trail=');
    await screen.findByRole('link', { name: 'Namespace 25' });
    const type = await screen.findByRole('option', { name: 'OS::Glance::Image' });
    fireEvent.change(screen.getByLabelText('Resource type'), { target: { value: type.getAttribute('value') } });
    await waitFor(() => expect(url().get('resource_type')).toBe('OS::Glance::Image'));
    expect(url().get('marker')).toBeNull();
    expect(await screen.findByRole('link', { name: 'Namespace 3' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Namespace 1' })).toBeNull();
    fireEvent.change(screen.getByLabelText('Visibility'), { target: { value: 'private' } });
    await waitFor(() => expect(listQueries().at(-1)).toMatchObject({ resource_types: 'OS::Glance::Image', visibility: 'private' }));
    expect(await screen.findByRole('link', { name: 'Namespace 3' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Namespace 6' })).toBeNull();
  });

  it('pages by namespace name, forward and back', async () => {
    const { url } = renderAt('/metadefs');
    await screen.findByRole('link', { name: 'Namespace 0' });
    fireEvent.click(screen.getByRole('button', { name: 'Next →' }));
    expect(await screen.findByRole('link', { name: 'Namespace 25' })).toBeTruthy();
    expect(url().get('marker')).toBe('ns-24');
    expect((screen.getByRole('button', { name: 'Next →' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('Page 2')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '← Previous' }));
    expect(await screen.findByRole('link', { name: 'Namespace 0' })).toBeTruthy();
    expect(url().get('marker')).toBeNull();
  });

  it('goes back to the first page when the marker namespace is gone', async () => {
    const { url } = renderAt('/metadefs?marker=gone&trail=&visibility=public');
    expect(await screen.findByText(/no longer exists/)).toBeTruthy();
    expect(url().get('marker')).toBeNull();
    expect(url().get('visibility')).toBe('public');
    expect(await screen.findByRole('link', { name: 'Namespace 0' })).toBeTruthy();
  });

  it('says so when nothing matches', async () => {
    renderAt('/metadefs?resource_type=OS%3A%3ANova%3A%3AServer');
    expect(await screen.findByText('No namespaces')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(await screen.findByRole('link', { name: 'Namespace 0' })).toBeTruthy();
  });
});

describe('NamespacePage', () => {
  it('shows the overview, then each tab at its own URL: properties with values and limits, objects, tags, associations', async () => {
    const { router } = renderAt('/metadefs/ns-00');
    expect(await screen.findByRole('heading', { level: 1, name: 'Namespace 0' })).toBeTruthy();
    expect(screen.getByText('About ns-00')).toBeTruthy();
    const tabs = screen.getByRole('navigation', { name: 'Namespace sections' });
    expect(within(tabs).getByRole('link', { name: 'Overview' }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByText(/Only cloud administrators can change/)).toBeTruthy();

    fireEvent.click(within(tabs).getByRole('link', { name: 'Resource types' }));
    const associations = await screen.findByRole('table', { name: 'Resource type associations' });
    expect(within(associations).getByRole('cell', { name: 'hw:' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/metadefs/ns-00/resource-types');

    fireEvent.click(within(tabs).getByRole('link', { name: 'Properties' }));
    const properties = await screen.findByRole('table', { name: 'Properties' });
    // Image keys by default: the OS::Glance::Image prefix is applied.
    const boot = within(properties).getByRole('rowheader', { name: /hw_boot_menu/ }).closest('tr') as HTMLElement;
    expect(within(boot).getByText('Boot Menu')).toBeTruthy();
    expect(within(within(boot).getByRole('list', { name: 'Values of hw_boot_menu' })).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['true', 'false']);
    expect(within(properties).getByRole('rowheader', { name: /hw_serial_port_count/ }).closest('tr')?.textContent).toMatch('at least 0');

    fireEvent.change(screen.getByLabelText('Show keys as used on'), { target: { value: 'OS::Nova::Flavor' } });
    expect(within(properties).getByRole('rowheader', { name: /hw:boot_menu/ })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Show keys as used on'), { target: { value: '' } });
    expect(within(properties).getByRole('rowheader', { name: 'boot_menu' })).toBeTruthy();

    fireEvent.click(within(tabs).getByRole('link', { name: 'Objects' }));
    const object = await screen.findByRole('region', { name: 'Object CPU Limits' });
    expect(within(object).getByText('CPU quotas.')).toBeTruthy();
    expect(within(object).getByRole('rowheader', { name: /quota:cpu_period/ }).textContent).toMatch('required');
    expect(within(object).getByText('1000 to 1000000')).toBeTruthy();
  });

  it('goes to the overview for a tab that does not exist', async () => {
    const { router } = renderAt('/metadefs/ns-00/nonsense');
    expect(await screen.findByText('About ns-00')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/metadefs/ns-00');
  });

  it('shows bare names without a picker when no association has a prefix', async () => {
    renderAt('/metadefs/ns-01/properties');
    const properties = await screen.findByRole('table', { name: 'Properties' });
    expect(within(properties).getByRole('rowheader', { name: 'boot_menu' })).toBeTruthy();
    expect(screen.queryByLabelText('Show keys as used on')).toBeNull();
  });

  it('says why a tab failed and keeps the page', async () => {
    failTags = true;
    renderAt('/metadefs/ns-00/tags');
    expect((await screen.findByRole('alert')).textContent).toMatch('Loading tags');
    expect(screen.getByRole('heading', { level: 1, name: 'Namespace 0' })).toBeTruthy();
  });

  it('explains a namespace that does not exist and links back', async () => {
    renderAt('/metadefs/nope');
    expect(await screen.findByRole('heading', { level: 1, name: 'Namespace not found' })).toBeTruthy();
    expect(screen.getByText('nope', { selector: 'code' })).toBeTruthy();
    // A 404 is not worth retrying.
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    expect(screen.getByRole('link', { name: '← Metadata definitions' }).getAttribute('href')).toBe('/metadefs');
  });
});
