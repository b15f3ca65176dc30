// Where the app is mounted, chosen at deploy time: index.html carries `<base href="/">`, and a
// deployment under a sub-path edits it (or has its server rewrite it) to `<base href="/loupe/">`.
// The bundle's own URLs are relative, so the same build works at any path.

/** The app's path prefix without its trailing slash: '' at the root, '/loupe' under /loupe/. */
export function basePathOf(baseUri: string): string {
  return new URL(baseUri).pathname.replace(/\/+$/, '');
}

/** A URL from config.json resolved the way the browser will: relative ones against the app's base. */
export function resolveAgainstBase(url: string, baseUri: string): string {
  if (/^https?:\/\//i.test(url)) return url.replace(/\/+$/, '');
  const resolved = new URL(url, baseUri);
  return resolved.pathname.replace(/\/+$/, '');
}
