import { describe, expect, it } from 'vitest';
import { nextPage, pageNumber, previousPage, writeMarkerPosition } from '@/lib/marker-paging';
// Every Glance list pages the same way (images by id, namespaces by name, tasks by id), and
// a list's other state rides along untouched.
const firstPages = [
  ['images', { view: 'mine', tags: ['a'], limit: 25, marker: '', trail: [] }, ['id-a', 'id-b']],
  ['namespaces', { resourceType: 'OS::Glance::Image', limit: 50, marker: '', trail: [] }, ['OS::A', 'OS::B']],
  ['tasks', { status: 'failure', sortKey: 'status', limit: 10, marker: '', trail: [] }, ['t1', 't2']],
] as const;

describe('marker paging', () => {
  it.each(firstPages)('walks forward and back through a trail of markers (%s)', (_, firstPage, [a, b]) => {
    const first = { ...firstPage, trail: [...firstPage.trail] };
    const second = nextPage(first, a);
    const third = nextPage(second, b);
    expect(third).toEqual({ ...first, marker: b, trail: ['', a] });
    expect(pageNumber(third)).toBe(3);
    expect(previousPage(third)).toEqual(second);
    expect(previousPage(second)).toEqual(first);
    expect(pageNumber(first)).toBe(1);
  });

  it('writes a trail only with a marker', () => {
    const search = new URLSearchParams();
    writeMarkerPosition(search, { marker: '', trail: ['x'] });
    expect(search.toString()).toBe('');
    writeMarkerPosition(search, { marker: 'm', trail: ['', 'l'] });
    expect(search.toString()).toBe('marker=m&trail=&trail=l');
  });
});
