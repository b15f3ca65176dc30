import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { UnsavedChangesDialog } from '@/components/ui/unsaved-changes-dialog';
import { useUnsavedChangesGuard } from '@/components/ui/use-unsaved-changes-guard';
import { renderWithProviders } from '@/test/render';

function Editor() {
  const [dirty, setDirty] = useState(false);
  const guard = useUnsavedChangesGuard(dirty);
  const location = useLocation();
  return (
    <>
      <p>at {location.pathname + location.search}</p>
      <button type="button" onClick={() => setDirty(true)}>Edit</button>
      <button type="button" onClick={() => setDirty(false)}>Save</button>
      <Link to="/elsewhere">Elsewhere</Link>
      <Link to="/page?tab=2">Same page</Link>
      <UnsavedChangesDialog guard={guard}>Your changes are not saved.</UnsavedChangesDialog>
    </>
  );
}

function renderEditor() {
  return renderWithProviders([
    { path: '/page', element: <Editor /> },
    { path: '/elsewhere', element: <p>elsewhere</p> },
  ], { url: '/page' });
}

const prompt = () => screen.queryByRole('dialog', { name: 'Leave without saving?' });

afterEach(cleanup);

describe('useUnsavedChangesGuard', () => {
  it('lets a clean page go without asking', async () => {
    renderEditor();
    await act(async () => fireEvent.click(screen.getByRole('link', { name: 'Elsewhere' })));
    expect(screen.getByText('elsewhere')).toBeTruthy();
    expect(prompt()).toBeNull();
  });

  it('holds a navigation away from unsaved changes: Stay keeps the page, Leave goes', async () => {
    renderEditor();
    fireEvent.click(screen.getByRole('button', { name: 'Edit' }));
    await act(async () => fireEvent.click(screen.getByRole('link', { name: 'Elsewhere' })));
    expect(prompt()?.textContent).toContain('Your changes are not saved.');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Stay' })));
    expect(screen.getByText('at /page')).toBeTruthy();
    expect(prompt()).toBeNull();
    await act(async () => fireEvent.click(screen.getByRole('link', { name: 'Elsewhere' })));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Leave and discard' })));
    expect(screen.getByText('elsewhere')).toBeTruthy();
  });

  it('does not hold a change of search on the same page', async () => {
    renderEditor();
    fireEvent.click(screen.getByRole('button', { name: 'Edit' }));
    await act(async () => fireEvent.click(screen.getByRole('link', { name: 'Same page' })));
    expect(screen.getByText('at /page?tab=2')).toBeTruthy();
    expect(prompt()).toBeNull();
  });

  it('asks the browser to confirm closing the tab only while there are unsaved changes', () => {
    renderEditor();
    const unload = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(unload()).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Edit' }));
    expect(unload()).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(unload()).toBe(false);
  });
});
