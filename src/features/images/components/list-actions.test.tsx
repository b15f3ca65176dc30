import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BulkOutcome } from '@/features/images/api/bulk-rules';
import type { Image } from '@/features/images/api/image-schema';
import { BulkBar, BulkResults } from '@/features/images/components/list-actions';
import { RowActions } from '@/features/images/components/row-actions';
import { ApiError } from '@/lib/api-error';

// A fake Glance that records each call and accepts every write.
const sent: string[] = [];
vi.mock('@/lib/glance', () => ({
  glance: () => ({
    send: (path: string, options: { method?: string } = {}) => {
      sent.push(`${options.method ?? 'GET'} ${path}`);
      return Promise.resolve(new Response(null, { status: 204 }));
    },
    json: (path: string, _schema: unknown, options: { method?: string } = {}) => {
      sent.push(`${options.method ?? 'GET'} ${path}`);
      return Promise.reject(new ApiError({ status: 404, service: 'glance', message: 'not faked' }));
    },
  }),
}));

beforeEach(() => {
  sent.length = 0;
});
afterEach(cleanup);

function image(name: string, extra: Partial<Image> = {}): Image {
  return {
    id: `id-${name}`,
    name,
    status: 'active',
    visibility: 'private',
    protected: false,
    os_hidden: false,
    owner: 'p1',
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
    tags: [],
    ...extra,
  };
}

function wrap(children: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter>{children}</MemoryRouter>
    </QueryClientProvider>,
  );
}

const bar = () => screen.getByRole('region', { name: 'Selected images' });
const barButtons = () => within(bar()).getAllByRole('button').map((button) => button.textContent);

describe('BulkBar', () => {
  const selection = [
    image('a1'),
    image('q1', { status: 'queued' }),
    image('d1', { status: 'deactivated', os_hidden: true }),
    image('p1', { protected: true }),
    image('a2'),
  ];

  it('offers only what applies, saying how many of the selection it applies to', () => {
    wrap(<BulkBar images={selection} onFinished={vi.fn()} />);
    expect(barButtons()).toEqual([
      'Deactivate… (3 of 5)',
      'Reactivate… (1 of 5)',
      'Hide… (4 of 5)',
      'Unhide… (1 of 5)',
      'Protect… (4 of 5)',
      'Unprotect… (1 of 5)',
      'Delete… (4 of 5)',
      'Add tag',
      'Remove tag',
    ]);
    expect(bar().className).toMatch(/\bsticky\b/);
    expect(bar().className).toMatch(/\bbottom-0\b/);
  });

  it('leaves out an action that applies to none, and shows no count when it applies to all', () => {
    wrap(<BulkBar images={[image('a1'), image('a2')]} onFinished={vi.fn()} />);
    expect(barButtons()).toEqual(['Deactivate…', 'Hide…', 'Protect…', 'Delete…', 'Add tag', 'Remove tag']);
  });

  it('asks first, naming the images it acts on and those it skips, then runs only on the first', async () => {
    const onFinished = vi.fn<(results: BulkOutcome[]) => void>();
    wrap(<BulkBar images={selection} onFinished={onFinished} />);
    fireEvent.click(within(bar()).getByRole('button', { name: 'Deactivate… (3 of 5)' }));
    expect(sent).toEqual([]);
    const dialog = screen.getByRole('dialog', { name: 'Deactivate 3 images?' });
    expect(within(within(dialog).getByRole('list', { name: 'Images to deactivate' })).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['a1', 'p1', 'a2']);
    const skipped = within(within(dialog).getByRole('list', { name: 'Skipped images' })).getAllByRole('listitem').map((item) => item.textContent);
    expect(skipped).toEqual(['q1: it is queued; only an active image can be deactivated', 'd1: it is deactivated; only an active image can be deactivated']);
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Deactivate 3' })));
    expect(sent.sort()).toEqual(['POST v2/images/id-a1/actions/deactivate', 'POST v2/images/id-a2/actions/deactivate', 'POST v2/images/id-p1/actions/deactivate']);
    const outcomes = onFinished.mock.calls[0]?.[0] ?? [];
    expect(outcomes.map((outcome) => [outcome.image.name, outcome.ok, outcome.skipped ?? false])).toEqual([
      ['a1', true, false],
      ['q1', false, true],
      ['d1', false, true],
      ['p1', true, false],
      ['a2', true, false],
    ]);
  });

  it('sends nothing when the confirmation is cancelled', () => {
    wrap(<BulkBar images={selection} onFinished={vi.fn()} />);
    fireEvent.click(within(bar()).getByRole('button', { name: 'Delete… (4 of 5)' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete 4 images?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(sent).toEqual([]);
  });

  it('counts a tag action against the typed tag, and skips images it would not change', async () => {
    const onFinished = vi.fn<(results: BulkOutcome[]) => void>();
    wrap(<BulkBar images={[image('t1', { tags: ['web'] }), image('t2')]} onFinished={onFinished} />);
    fireEvent.change(within(bar()).getByLabelText('Tag'), { target: { value: 'web' } });
    expect(barButtons().slice(-2)).toEqual(['Add tag (1 of 2)', 'Remove tag (1 of 2)']);
    await act(async () => fireEvent.click(within(bar()).getByRole('button', { name: 'Add tag (1 of 2)' })));
    expect(sent).toEqual(['PUT v2/images/id-t2/tags/web']);
    expect(onFinished.mock.calls[0]?.[0].map((outcome) => outcome.message)).toEqual(['skipped: it already has the tag "web"', 'done']);
  });
});

describe('BulkResults', () => {
  it('titles and lists done, failed and skipped images apart', () => {
    const results: BulkOutcome[] = [
      { image: { id: '1', name: 'one' }, ok: true, message: 'done' },
      { image: { id: '2', name: 'two' }, ok: false, message: 'Server error: Glance broke' },
      { image: { id: '3', name: 'three' }, ok: false, skipped: true, message: 'skipped: it is protected; unprotect it first' },
    ];
    wrap(<BulkResults results={results} onClose={vi.fn()} />);
    const dialog = screen.getByRole('dialog', { name: '1 of 3 failed, 1 skipped' });
    expect(within(dialog).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'one: done',
      'two: Server error: Glance broke',
      'three: skipped: it is protected; unprotect it first',
    ]);
  });
});

describe('RowActions', () => {
  const open = (name: string) => fireEvent.click(screen.getByRole('button', { name: `Actions for ${name}` }));
  const items = () => screen.getAllByRole('menuitem').map((item) => item.textContent);

  it('links Edit to the detail page with its form open, and readers to the plain page', () => {
    wrap(
      <>
        <RowActions image={image('mine')} canManage canDownload />
        <RowActions image={image('theirs')} canManage={false} canDownload={false} />
      </>,
    );
    open('mine');
    expect(screen.getByRole('menuitem', { name: 'Edit' }).getAttribute('href')).toBe('/images/id-mine?edit=1');
    expect(items()).toEqual(['Edit', 'Download', 'Deactivate…', 'Hide…', 'Delete…']);
    open('theirs');
    expect(items()).toEqual(['View']);
    expect(screen.getByRole('menuitem', { name: 'View' }).getAttribute('href')).toBe('/images/id-theirs');
  });

  it('offers no (de)activation to a queued image and reactivation to a deactivated one', () => {
    wrap(
      <>
        <RowActions image={image('queued', { status: 'queued' })} canManage canDownload={false} />
        <RowActions image={image('off', { status: 'deactivated', os_hidden: true })} canManage canDownload={false} />
      </>,
    );
    open('queued');
    expect(items()).toEqual(['Edit', 'Hide…', 'Delete…']);
    open('off');
    expect(items()).toEqual(['Edit', 'Reactivate…', 'Unhide…', 'Delete…']);
  });

  it('confirms a deactivation before sending it', async () => {
    wrap(<RowActions image={image('mine')} canManage canDownload />);
    open('mine');
    fireEvent.click(screen.getByRole('menuitem', { name: 'Deactivate…' }));
    expect(sent).toEqual([]);
    const dialog = screen.getByRole('dialog', { name: 'Deactivate mine?' });
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Deactivate' })));
    expect(sent).toEqual(['POST v2/images/id-mine/actions/deactivate']);
  });

  it('confirms hiding before sending it', async () => {
    wrap(<RowActions image={image('mine')} canManage canDownload />);
    open('mine');
    fireEvent.click(screen.getByRole('menuitem', { name: 'Hide…' }));
    expect(sent).toEqual([]);
    const dialog = screen.getByRole('dialog', { name: 'Hide mine?' });
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Hide' })));
    expect(sent).toEqual(['PATCH v2/images/id-mine']);
  });
});
