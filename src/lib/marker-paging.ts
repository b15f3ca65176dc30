// Glance pages its lists with a marker (the last item of the previous page). A list keeps
// the marker of the page shown and the trail of the markers before it, so "Previous" and
// the browser's Back work without asking Glance for anything but the page itself.

export interface MarkerPosition {
  /** The page starts after this item; '' is the first page. */
  marker: string;
  /** Markers of the pages before this one, oldest first ('' is the first page). */
  trail: string[];
}

export function nextPage<S extends MarkerPosition>(state: S, last: string): S {
  return { ...state, marker: last, trail: [...state.trail, state.marker] };
}

export function previousPage<S extends MarkerPosition>(state: S): S {
  return { ...state, marker: state.trail.at(-1) ?? '', trail: state.trail.slice(0, -1) };
}

/** 1-based; marker paging knows where it is, never how many pages there are. */
export function pageNumber(position: MarkerPosition): number {
  return position.marker ? position.trail.length + 1 : 1;
}

/** Writes the position to a URL; a trail only travels with a marker. */
export function writeMarkerPosition(search: URLSearchParams, position: MarkerPosition): void {
  if (!position.marker) return;
  search.set('marker', position.marker);
  for (const marker of position.trail) search.append('trail', marker);
}
