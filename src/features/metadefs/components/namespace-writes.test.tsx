import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import type { MetadefSchemas } from '@/features/metadefs/api/namespace-import';
import { NamespaceDelete } from '@/features/metadefs/components/namespace-delete';
import { NamespaceImport } from '@/features/metadefs/components/namespace-import';
import { ApiError } from '@/lib/api-error';
import { capturedMetadefSchemas } from '@/test/glance-metadef-schemas';
import { renderWithProviders } from '@/test/render';

// A fake Glance for namespace writes: "taken" already exists; "locked" is protected.
const requests: { method: string; path: string; json?: unknown }[] = [];
let lockedIsProtected = true;

vi.mock('@/lib/glance', () => ({
  glance: () => ({
    json: async (path: string, schema: z.ZodType, options: { method?: string; json?: Record<string, unknown> } = {}) => {
      const method = options.method ?? 'GET';
      requests.push({ method, path, json: options.json });
      if (method === 'POST' && options.json?.namespace === 'taken') throw new ApiError({ status: 409, service: 'glance', message: 'The metadata definition namespace=taken already exists.' });
      if (method === 'PUT' && path.endsWith('/locked')) lockedIsProtected = options.json?.protected === true;
      return schema.parse({ ...options.json, owner: 'p1', created_at: '2026-01-01T00:00:00Z' });
    },
    send: async (path: string, options: { method?: string } = {}) => {
      requests.push({ method: options.method ?? 'GET', path });
      if (path.endsWith('/locked') && lockedIsProtected) throw new ApiError({ status: 403, service: 'glance', message: 'Metadata definition namespace locked is protected and cannot be deleted.' });
      return new Response(null, { status: 204 });
    },
  }),
}));

const schemas: MetadefSchemas = capturedMetadefSchemas;

function renderAt(element: ReactElement) {
  return renderWithProviders(
    [
      { path: '/here', element },
      { path: '/metadefs', element: <p>the list</p> },
      { path: '/metadefs/:namespace', element: <p>opened</p> },
    ],
    { url: '/here' },
  );
}

afterEach(cleanup);
beforeEach(() => {
  requests.length = 0;
  lockedIsProtected = true;
});

describe('NamespaceImport', () => {
  const paste = (text: string) => fireEvent.change(screen.getByLabelText('Namespace JSON'), { target: { value: text } });

  it('lists what Glance would refuse, by JSON path, and sends nothing', () => {
    renderAt(<NamespaceImport schemas={schemas} />);
    paste(JSON.stringify({ namespace: 'n', objects: [{ name: 'o', colour: 'red' }] }));
    const problems = within(screen.getByRole('list', { name: 'Problems in the document' })).getAllByRole('listitem');
    expect(problems.map((item) => item.textContent)).toEqual([
      'objects[0].colour: is not a field Glance accepts here (allowed: name, description, required, properties, schema, self, created_at, updated_at)',
    ]);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Import namespace' }).disabled).toBe(true);
    expect(requests).toEqual([]);
  });

  it('imports under the new name without the fields Glance sets, then opens the namespace', async () => {
    const { router } = renderAt(<NamespaceImport schemas={schemas} />);
    paste(JSON.stringify({ namespace: 'OS::Original', created_at: 'x', properties: { p: { title: 'P', type: 'string' } } }));
    fireEvent.change(screen.getByLabelText('Import under the name'), { target: { value: 'copy' } });
    expect(screen.getByRole('status').textContent).toBe('Ready to import copy: 1 property, 0 objects, 0 tags, 0 resource type associations.');
    fireEvent.click(screen.getByRole('button', { name: 'Import namespace' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/metadefs/copy'));
    expect(requests).toEqual([{ method: 'POST', path: 'v2/metadefs/namespaces', json: { namespace: 'copy', properties: { p: { title: 'P', type: 'string' } } } }]);
  });

  it("puts Glance's 409 on the name field", async () => {
    renderAt(<NamespaceImport schemas={schemas} />);
    paste(JSON.stringify({ namespace: 'taken' }));
    fireEvent.click(screen.getByRole('button', { name: 'Import namespace' }));
    const name = screen.getByLabelText('Import under the name');
    await waitFor(() => expect(name.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('A namespace named "taken" already exists (it may be private to another project). Choose another name.')).toBeTruthy();
  });
});

describe('NamespaceDelete', () => {
  it('a protected namespace: the rule is explained, and accepting unprotects (keeping the other fields) then deletes', async () => {
    const { router } = renderAt(<NamespaceDelete namespace={{ namespace: 'locked', display_name: 'Locked', visibility: 'public', protected: true, owner: 'p1' }} />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete namespace' }));
    const dialog = await screen.findByRole('dialog', { name: 'locked is protected' });
    expect(dialog.textContent).toContain('Glance does not delete a protected namespace: protection has to be turned off first.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Unprotect and delete' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/metadefs'));
    expect(requests).toEqual([
      { method: 'PUT', path: 'v2/metadefs/namespaces/locked', json: { namespace: 'locked', display_name: 'Locked', visibility: 'public', protected: false, owner: 'p1' } },
      { method: 'DELETE', path: 'v2/metadefs/namespaces/locked' },
    ]);
  });

  it('protected meanwhile: Glance\'s 403 turns the dialog into the offer', async () => {
    renderAt(<NamespaceDelete namespace={{ namespace: 'locked', visibility: 'private', protected: false }} />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete namespace' }));
    fireEvent.click(within(await screen.findByRole('dialog', { name: 'Delete locked?' })).getByRole('button', { name: 'Delete' }));
    const offer = await screen.findByRole('dialog', { name: 'locked is protected' });
    expect(within(offer).queryByRole('alert')).toBeNull();
    expect(within(offer).getByRole<HTMLButtonElement>('button', { name: 'Unprotect and delete' }).disabled).toBe(false);
  });
});
