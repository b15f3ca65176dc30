// Turning what the owner typed into the projects to add: names the user may look up become
// IDs, IDs pass through. Glance does not check member IDs against Keystone, so a mistyped
// name must not be sent as an ID: only a value that looks like a Keystone ID is.

export type MemberTarget =
  | { input: string; projectId: string; name?: string }
  | { input: string; error: string };

/** Keystone's project IDs: 32 hex digits (uuid4().hex), or a UUID with dashes from other backends. */
const PROJECT_ID = /^(?:[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** Glance's member_id is a string of at most 255 characters. */
export const MAX_MEMBER_ID = 255;

/** Splits the field on commas, spaces and new lines; drops duplicates, keeping the first. */
export function splitTargets(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).filter(Boolean))];
}

/**
 * Resolves each value: an exact project name (then a unique case-insensitive one) becomes
 * its ID; a known ID or an ID-shaped value is used as it is; anything else is an error that
 * says what to type instead. The owner and projects already on the list are reported, not sent.
 */
export function resolveTargets(
  values: readonly string[],
  { projects, members = new Set(), ownerId }: { projects: ReadonlyMap<string, string>; members?: ReadonlySet<string>; ownerId?: string | null },
): MemberTarget[] {
  const byName = new Map<string, string[]>();
  for (const [id, name] of projects) byName.set(name, [...(byName.get(name) ?? []), id]);
  const seen = new Set<string>();
  return values.map((input): MemberTarget => {
    const resolved = resolveOne(input, projects, byName);
    if ('error' in resolved) return resolved;
    const label = resolved.name ?? resolved.projectId;
    if (resolved.projectId === ownerId) return { input, error: `${label} owns this image: it needs no membership.` };
    if (members.has(resolved.projectId)) return { input, error: `${label} is already a member of this image.` };
    if (seen.has(resolved.projectId)) return { input, error: `${label} is listed twice.` };
    seen.add(resolved.projectId);
    return resolved;
  });
}

function resolveOne(input: string, projects: ReadonlyMap<string, string>, byName: ReadonlyMap<string, string[]>): MemberTarget {
  if (projects.has(input)) return { input, projectId: input, name: projects.get(input) };
  const exact = byName.get(input);
  const matches = exact ?? [...byName].filter(([name]) => name.toLowerCase() === input.toLowerCase()).flatMap(([, ids]) => ids);
  if (matches.length === 1) {
    const projectId = matches[0] as string;
    return { input, projectId, name: projects.get(projectId) };
  }
  if (matches.length > 1) return { input, error: `More than one project you can see is called “${input}” (in different domains). Enter the project’s ID instead.` };
  if (input.length > MAX_MEMBER_ID) return { input, error: `A project ID has at most ${MAX_MEMBER_ID} characters.` };
  if (PROJECT_ID.test(input)) return { input, projectId: input };
  return { input, error: `No project you can look up is called “${input}”. Enter the project’s ID instead (ask its members for it).` };
}
