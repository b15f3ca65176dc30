import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_STATE, validateListState } from '@/features/images/api/image-list-params';
import { FilterChips } from '@/features/images/components/list-filters';

afterEach(cleanup);

describe('FilterChips', () => {
  it('marks a value Glance never gets as not applied, with the reason, and keeps applied ones plain', () => {
    const state = { ...DEFAULT_STATE, sizeMin: '12 XB', created: 'yesterday', tags: ['gold'] };
    render(<FilterChips state={state} errors={validateListState(state)} onChange={vi.fn()} />);
    const chips = within(screen.getByRole('list', { name: 'Active filters' })).getAllByRole('listitem');
    const byText = (text: string) => chips.find((chip) => chip.textContent?.includes(text));
    expect(byText('Size at least: 12 XB')?.textContent).toContain('(not applied)');
    expect(byText('Size at least: 12 XB')?.getAttribute('title')).toMatch(/is not a size/);
    expect(byText('Created: yesterday')?.textContent).toContain('(not applied)');
    expect(byText('tag: gold')?.textContent).not.toContain('(not applied)');
  });

  it('shows an owner resolved from a name with its ID, and removes a chip', () => {
    const onChange = vi.fn();
    const state = { ...DEFAULT_STATE, owner: 'alpha' };
    render(<FilterChips state={state} errors={{}} ownerLabel="alpha (p-123)" onChange={onChange} />);
    fireEvent.click(screen.getByRole('button', { name: 'Remove filter Owner: alpha (p-123)' }));
    expect(onChange).toHaveBeenCalledWith({ owner: '' });
  });
});
