import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useForm, useWatch } from 'react-hook-form';
import { afterEach, describe, expect, it } from 'vitest';
import type { EditFormValues } from '@/features/images/api/image-edit-form-model';
import { TagEditor } from '@/features/images/components/detail-tag-editor';

function Host({ tags }: { tags: string[] }) {
  const form = useForm<EditFormValues>({ defaultValues: { tags: tags.map((value) => ({ value })) } });
  const values = useWatch({ control: form.control, name: 'tags' });
  return (
    <>
      <TagEditor control={form.control} />
      {/* What the form holds, to check against what the editor shows. */}
      <output aria-label="Form tags">{values.map((tag) => tag.value).join('|')}</output>
    </>
  );
}

const shown = () => within(screen.getByRole('list', { name: 'Tags' })).queryAllByRole('listitem').map((item) => item.firstChild?.textContent);

afterEach(cleanup);

describe('TagEditor', () => {
  it('adds the trimmed tag with Enter and with the button alike, and empties the field', () => {
    render(<Host tags={['a']} />);
    const input = screen.getByLabelText('New tag');
    fireEvent.change(input, { target: { value: '  team/infra ' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect((input as HTMLInputElement).value).toBe('');
    fireEvent.change(input, { target: { value: ' b ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add tag' }));
    expect(shown()).toEqual(['a', 'team/infra', 'b']);
    expect(screen.getByLabelText('Form tags').textContent).toBe('a|team/infra|b');
  });

  it('refuses a tag over 255 characters, by either path, and says why', () => {
    render(<Host tags={[]} />);
    const input = screen.getByLabelText('New tag');
    fireEvent.change(input, { target: { value: 'x'.repeat(256) } });
    expect(screen.getByText('At most 255 characters.')).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect((screen.getByRole('button', { name: 'Add tag' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(shown()).toEqual([]);
    expect((input as HTMLInputElement).value).toHaveLength(256);
  });

  it('adds nothing for a blank field', () => {
    render(<Host tags={[]} />);
    const input = screen.getByLabelText('New tag');
    fireEvent.change(input, { target: { value: '   ' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect((screen.getByRole('button', { name: 'Add tag' }) as HTMLButtonElement).disabled).toBe(true);
    expect(shown()).toEqual([]);
  });

  it('removes a tag by its button', () => {
    render(<Host tags={['a', 'b']} />);
    fireEvent.click(screen.getByRole('button', { name: 'Remove tag a' }));
    expect(shown()).toEqual(['b']);
  });
});
