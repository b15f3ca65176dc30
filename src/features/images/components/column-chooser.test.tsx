import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ColumnChooser } from '@/features/images/components/column-chooser';
import type { Column } from '@/features/images/components/list-table';

afterEach(cleanup);

describe('ColumnChooser', () => {
  it('opens a popover of checkboxes that keeps the table’s column order, and Esc closes it', () => {
    const onChange = vi.fn<(columns: Column[]) => void>();
    render(<ColumnChooser columns={['size', 'tags']} onChange={onChange} />);
    const button = screen.getByRole('button', { name: 'Columns' });
    expect(screen.queryByRole('checkbox')).toBeNull();
    fireEvent.click(button);
    expect(screen.getByRole('group', { name: 'Visible columns' })).toBeTruthy();
    expect((screen.getByRole('checkbox', { name: 'Size' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Status' }));
    expect(onChange).toHaveBeenLastCalledWith(['status', 'size', 'tags']);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Size' }));
    expect(onChange).toHaveBeenLastCalledWith(['tags']);
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Escape' });
    expect(screen.queryByRole('group')).toBeNull();
    expect(document.activeElement).toBe(button);
  });
});
