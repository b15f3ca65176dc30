// Metadef tag names as Glance takes them, pure. Glance's tag schema allows up to 80 characters
// and compares names without case. It also accepts names Loupe refuses on purpose: an empty
// name, and a name with "/", which no URL can address afterwards (rename and delete answer 404).

export const TAG_NAME_MAX = 80;

/** Why a tag name cannot be added, or undefined when it can. */
export function tagNameProblem(name: string): string | undefined {
  if (name === '') return 'Enter a tag name.';
  if (name.length > TAG_NAME_MAX) return `Tag names are at most ${TAG_NAME_MAX} characters.`;
  if (name.includes('/')) return 'Tag names cannot contain "/": Glance could not rename or delete such a tag afterwards.';
  return undefined;
}

/** Why an existing tag cannot be renamed or deleted one by one (its name cannot go in a URL). */
export function unaddressableTag(name: string): string | undefined {
  if (name === '') return 'This tag has an empty name, which Glance cannot address: only "Delete all tags" removes it.';
  if (name.includes('/')) return 'This tag’s name contains "/", which Glance cannot address: only "Delete all tags" removes it.';
  return undefined;
}

export interface PastedTags {
  /** Names to add, trimmed, first spelling kept when one repeats in another case. */
  names: string[];
  /** Lines that cannot be tags, each with the reason. */
  problems: { name: string; problem: string }[];
}

/** A pasted list of tags: one per line or separated by commas; blanks and repeats dropped. */
export function parseTagList(text: string): PastedTags {
  const seen = new Set<string>();
  const names: string[] = [];
  const problems: PastedTags['problems'] = [];
  for (const raw of text.split(/[\n,]/)) {
    const name = raw.trim();
    if (name === '' || seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    const problem = tagNameProblem(name);
    if (problem) problems.push({ name, problem });
    else names.push(name);
  }
  return { names, problems };
}

/** The names not already in the namespace (Glance refuses the whole batch if one exists, in any case). */
export function splitNewTags(names: readonly string[], existing: readonly string[]): { added: string[]; existing: string[] } {
  const have = new Set(existing.map((name) => name.toLowerCase()));
  return { added: names.filter((name) => !have.has(name.toLowerCase())), existing: names.filter((name) => have.has(name.toLowerCase())) };
}
