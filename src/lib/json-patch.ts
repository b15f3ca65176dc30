// JSON-Patch as Glance accepts it: add/replace/remove only, depth-one paths, computed from
// the difference between what was loaded and what was edited. Untouched fields send nothing.
export const IMAGE_PATCH_MEDIA_TYPE = 'application/openstack-images-v2.1-json-patch';

export type PatchOp =
  | { op: 'add'; path: string; value: unknown }
  | { op: 'replace'; path: string; value: unknown }
  | { op: 'remove'; path: string };

/** RFC 6901 escaping of one path segment: "~" → "~0", "/" → "~1". */
export function pointer(key: string): string {
  return `/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

export function unpointer(path: string): string {
  return path.slice(1).replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The editable view of an image: typed base attributes, string extra properties, tags. */
export interface EditableImage {
  base: Record<string, string | number | boolean | null>;
  extras: Record<string, string>;
  tags: string[];
}

function sameTags(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((tag) => right.has(tag));
}

/**
 * The ops that turn `from` into `to`. Base attributes always exist on an image, so they are
 * replaced; extra properties are added, replaced or removed; tags go as one whole-array
 * replace when the set changed (Glance keeps tags as a set, so order is not a change).
 */
export function buildImagePatch(from: EditableImage, to: EditableImage): PatchOp[] {
  const ops: PatchOp[] = [];
  for (const [key, value] of Object.entries(to.base)) {
    if (from.base[key] !== value) ops.push({ op: 'replace', path: pointer(key), value });
  }
  for (const [key, value] of Object.entries(to.extras)) {
    if (!(key in from.extras)) ops.push({ op: 'add', path: pointer(key), value });
    else if (from.extras[key] !== value) ops.push({ op: 'replace', path: pointer(key), value });
  }
  for (const key of Object.keys(from.extras)) {
    if (!(key in to.extras)) ops.push({ op: 'remove', path: pointer(key) });
  }
  if (!sameTags(from.tags, to.tags)) ops.push({ op: 'replace', path: '/tags', value: [...new Set(to.tags)].sort() });
  return ops;
}

/**
 * Replays the user's ops (made against what they loaded) onto a newer server version:
 * a remove of a property the server already removed is dropped, and a replace of a property
 * the server removed becomes an add, so Glance does not answer 409. Given what the user loaded,
 * a tag change is replayed as additions and removals on the server's tags.
 */
export function rebasePatch(ops: readonly PatchOp[], server: EditableImage, loaded?: EditableImage): PatchOp[] {
  const result: PatchOp[] = [];
  for (const op of ops) {
    const key = unpointer(op.path);
    const isExtra = !(key in server.base) && key !== 'tags';
    if (key === 'tags' && op.op === 'replace' && loaded) {
      // Tags are a set: replay the user's additions and removals onto the server's set, so a
      // tag someone else added meanwhile survives the merge.
      const mine = new Set(op.value as string[]);
      const before = new Set(loaded.tags);
      const merged = new Set(server.tags.filter((tag) => !before.has(tag) || mine.has(tag)));
      for (const tag of mine) merged.add(tag);
      if (!sameTags([...merged], server.tags)) result.push({ op: 'replace', path: op.path, value: [...merged].sort() });
      continue;
    }
    if (op.op === 'remove' && isExtra && !(key in server.extras)) continue;
    if (op.op === 'replace' && isExtra && !(key in server.extras)) result.push({ op: 'add', path: op.path, value: op.value });
    else result.push(op);
  }
  return result;
}

/** POSIX shell quoting: safe to paste whatever the value holds. */
export function shellQuote(value: string): string {
  return /^[A-Za-z0-9_./:=@%+-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

const SET_FLAGS: Record<string, (value: unknown) => string[]> = {
  name: (value) => ['--name', shellQuote(String(value ?? ''))],
  min_disk: (value) => ['--min-disk', String(value)],
  min_ram: (value) => ['--min-ram', String(value)],
  disk_format: (value) => ['--disk-format', shellQuote(String(value))],
  container_format: (value) => ['--container-format', shellQuote(String(value))],
  protected: (value) => [value ? '--protected' : '--unprotected'],
  visibility: (value) => [`--${String(value)}`],
  os_hidden: (value) => [value ? '--hidden' : '--unhidden'],
};

/** The equivalent `openstack image set` / `unset` command lines for a patch. */
export function cliCommands(imageId: string, ops: readonly PatchOp[], previousTags: readonly string[] = []): string[] {
  const set: string[] = [];
  const unset: string[] = [];
  for (const op of ops) {
    const key = unpointer(op.path);
    if (key === 'tags' && op.op !== 'remove') {
      const next = (op.value as string[]) ?? [];
      for (const tag of next.filter((tag) => !previousTags.includes(tag))) set.push('--tag', shellQuote(tag));
      for (const tag of previousTags.filter((tag) => !next.includes(tag))) unset.push('--tag', shellQuote(tag));
    } else if (op.op === 'remove') {
      unset.push('--property', shellQuote(key));
    } else if (SET_FLAGS[key]) {
      set.push(...(SET_FLAGS[key]?.(op.value) ?? []));
    } else {
      set.push('--property', shellQuote(`${key}=${String(op.value)}`));
    }
  }
  const lines: string[] = [];
  if (set.length) lines.push(['openstack image set', ...set, imageId].join(' '));
  if (unset.length) lines.push(['openstack image unset', ...unset, imageId].join(' '));
  return lines;
}
