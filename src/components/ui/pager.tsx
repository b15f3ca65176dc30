import { Button } from '@/components/ui/button';
import { Field, inputClass } from '@/components/ui/field';
import { pageNumber, type MarkerPosition } from '@/lib/marker-paging';

/** Where a marker-paged list is and how to move: what the list controller gives the pager. */
export interface PagerState {
  position: MarkerPosition;
  canNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  pageSize: number;
  pageSizes: readonly number[];
  onPageSize: (size: number) => void;
}

/** The footer of a marker-paged list: previous, next, where we are, and the page size. */
export function Pager({ position, canNext, onPrevious, onNext, pageSize, pageSizes, onPageSize }: PagerState) {
  // A size typed into the URL (any 1–1000 Glance accepts) is shown as it is, not silently replaced.
  const sizes = pageSizes.includes(pageSize) ? pageSizes : [...pageSizes, pageSize].sort((a, b) => a - b);
  return (
    <nav aria-label="Pages" className="mt-3 flex flex-wrap items-center gap-2 text-sm">
      <Button size="sm" disabled={!position.marker} onClick={onPrevious}>
        ← Previous
      </Button>
      <Button size="sm" disabled={!canNext} onClick={onNext}>
        Next →
      </Button>
      <span className="text-slate-500 dark:text-slate-400">Page {pageNumber(position)}</span>
      <Field label="Per page" className="ml-auto flex items-center gap-2 space-y-0 whitespace-nowrap">
        <select className={`${inputClass} w-24 py-1`} value={pageSize} onChange={(event) => onPageSize(Number(event.target.value))}>
          {sizes.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
      </Field>
    </nav>
  );
}
