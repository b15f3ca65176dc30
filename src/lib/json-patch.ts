// JSON-Patch as Glance accepts it: add/replace/remove only, depth-one paths.
export const IMAGE_PATCH_MEDIA_TYPE = 'application/openstack-images-v2.1-json-patch';

export type PatchOp =
  | { op: 'add'; path: string; value: unknown }
  | { op: 'replace'; path: string; value: unknown }
  | { op: 'remove'; path: string };

/** RFC 6901 escaping of one path segment: "~" → "~0", "/" → "~1". */
export function pointer(key: string): string {
  return `/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}
