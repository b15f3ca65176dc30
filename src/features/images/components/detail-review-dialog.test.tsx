import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { reviewChange } from '@/features/images/api/image-edit-form-model';
import { ReviewDialog } from '@/features/images/components/detail-review-dialog';
import type { EditableImage } from '@/lib/json-patch';

const loaded: EditableImage = { base: { name: 'cirros', min_disk: 0 }, extras: { 'x/y': 'slash' }, tags: ['a'] };

afterEach(cleanup);

describe('ReviewDialog', () => {
  it('copies exactly the command lines it shows, and saves the reviewed change', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const review = reviewChange('img-1', loaded, { base: { name: 'cirros 2', min_disk: 3 }, extras: {}, tags: ['a', 'b'] });
    const onSave = vi.fn();
    render(<ReviewDialog review={review} busy={false} onBack={() => undefined} onSave={onSave} />);
    const dialog = screen.getByRole('dialog', { name: 'Review the change' });
    const shown = within(dialog).getByLabelText('Command line').textContent;
    expect(shown).toBe("openstack image set --name 'cirros 2' --min-disk 3 --tag b img-1\nopenstack image unset --property x/y img-1");
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Copy command' })));
    expect(writeText).toHaveBeenCalledWith(shown);
    expect(within(dialog).getByText(/One atomic PATCH \(4 operations\)/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(onSave).toHaveBeenCalledWith(review);
    expect(within(dialog).queryByText(/clears the name/)).toBeNull();
  });

  it('says plainly that an emptied name clears it, and what the client command does instead', () => {
    const review = reviewChange('img-1', loaded, { ...loaded, base: { ...loaded.base, name: null } });
    render(<ReviewDialog review={review} busy={false} onBack={() => undefined} onSave={() => undefined} />);
    const dialog = screen.getByRole('dialog', { name: 'Review the change' });
    expect(within(dialog).getByText('This clears the name: the image will have none, and is shown by its ID.')).toBeTruthy();
    expect(within(dialog).getByLabelText('JSON-Patch').textContent).toContain('"value": null');
    expect(within(dialog).getByLabelText('Command line').textContent).toBe("openstack image set --name '' img-1");
    expect(within(dialog).getByText(/cannot clear a name/)).toBeTruthy();
  });

  it('is closed while there is nothing to review', () => {
    render(<ReviewDialog review={null} busy={false} onBack={() => undefined} onSave={() => undefined} />);
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
