import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyPropertyValues, type PropertyFormValues } from '@/features/metadefs/api/property-form-model';
import { PropertyPreview } from '@/features/metadefs/components/property-preview';

afterEach(cleanup);

const preview = (patch: Partial<PropertyFormValues>) => render(<PropertyPreview values={{ ...emptyPropertyValues, name: 'p', title: 'Thing', ...patch }} />);
const status = () => screen.getByRole('status');

describe('PropertyPreview (the image editor’s input for the property being edited)', () => {
  it('an enum is a select with its values, and an outside value cannot be picked', () => {
    preview({ enumText: 'virtio\nscsi' });
    const select = screen.getByRole('combobox', { name: 'Preview: Thing' });
    expect(within(select).getAllByRole('option').map((option) => option.textContent)).toEqual(['—', 'virtio', 'scsi']);
    fireEvent.change(select, { target: { value: 'scsi' } });
    expect(status().textContent).toBe('The image editor accepts this value.');
  });

  it('a boolean is a true/false select', () => {
    preview({ type: 'boolean' });
    expect(within(screen.getByRole('combobox', { name: 'Preview: Thing' })).getAllByRole('option').map((option) => option.textContent)).toEqual(['—', 'true', 'false']);
  });

  it('an integer is a number input with its range, and says what is wrong with a value', () => {
    preview({ type: 'integer', minimum: '1', maximum: '8' });
    const input = screen.getByRole('spinbutton', { name: 'Preview: Thing' });
    expect(input.getAttribute('min')).toBe('1');
    expect(input.getAttribute('max')).toBe('8');
    fireEvent.change(input, { target: { value: '9' } });
    expect(status().textContent).toBe('The image editor would say: At most 8.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
  });

  it('a string is a text input with its length and pattern', () => {
    preview({ maxLength: '5', pattern: '^[a-z]+$' });
    const input = screen.getByRole('textbox', { name: 'Preview: Thing' });
    expect(input.getAttribute('maxlength')).toBe('5');
    fireEvent.change(input, { target: { value: 'AB' } });
    expect(status().textContent).toBe('The image editor would say: Does not match the required pattern ^[a-z]+$.');
  });

  it('an array with allowed items is checkboxes, stored with the first operator', () => {
    preview({ type: 'array', itemsEnumText: 'aes\navx', operators: '<all-in>' });
    const group = screen.getByRole('group', { name: 'Preview: Thing' });
    fireEvent.click(within(group).getByRole('checkbox', { name: 'aes' }));
    fireEvent.click(within(group).getByRole('checkbox', { name: 'avx' }));
    expect(screen.getByText('Stored on the image as').textContent).toBe('Stored on the image as <all-in> aes avx');
  });
});
