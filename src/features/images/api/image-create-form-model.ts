import { z } from 'zod';
import { checkPropertiesAndTags, propertyRowsSchema, tagRowsSchema, type KnownProperty, type PropertyRows, type TagRows } from '@/features/images/api/image-edit-form-model';
import type { FormatSuggestion } from '@/features/images/api/format-sniffing';
import type { Remaining } from '@/features/images/api/image-usage';
import { formatBytes } from '@/lib/format';

// The create form's model, pure: what the form holds, what is checked before anything is sent
// (what Glance would refuse), and the POST /v2/images body of each image. One form creates one
// image per file (several dropped files: several images sharing the settings), or one image
// whose data comes from a URL (web-download import) or later (no data: it stays queued).

export const DATA_SOURCES = ['file', 'url', 'none'] as const;
export type DataSource = (typeof DATA_SOURCES)[number];
export const UPLOAD_METHODS = ['direct', 'glance-direct'] as const;
export type UploadMethod = (typeof UPLOAD_METHODS)[number];

/** One image to create: the fields that differ per file. */
export interface CreateItem {
  name: string;
  disk_format: string;
  container_format: string;
  /** The file's name and size in bytes when the data is a file (null otherwise). */
  fileName: string | null;
  size: number | null;
  /** Where the suggested formats come from (sniffing), shown under the fields. */
  hint: string;
}

export interface CreateFormValues extends PropertyRows, TagRows {
  items: CreateItem[];
  visibility: string;
  min_disk: number;
  min_ram: number;
  protected: boolean;
  source: DataSource;
  url: string;
  method: UploadMethod;
  /** The target store's id; '' = the cloud's default. */
  store: string;
}

export interface CreateFormContext {
  rules: ReadonlyMap<string, KnownProperty>;
  /** name's maxLength in the live schema (255). */
  nameMax: number;
  /** The project's remaining quotas (GET /v2/info/usage); nulls when not reported. */
  remaining: Remaining;
}

const NO_FORMAT = {
  disk_format: 'Choose a disk format: Glance refuses data for an image without one (409 on import).',
  container_format: 'Choose a container format: Glance refuses data for an image without one (409 on import).',
} as const;

/** Why a URL cannot be given to web-download, or undefined when it can. */
export function urlProblem(raw: string): string | undefined {
  const text = raw.trim();
  if (!text) return 'Enter the URL Glance should download the image from.';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'This is not a URL. Enter a full address, such as https://example.com/disk.qcow2.';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `Glance downloads only http:// and https:// URLs, not ${url.protocol}//.`;
  if (!url.hostname) return 'The URL needs a host name.';
  return undefined;
}

export function createFormSchema({ rules, nameMax, remaining }: CreateFormContext) {
  const item = z.object({
    name: z.string().max(nameMax, `At most ${nameMax} characters (Glance's limit).`),
    disk_format: z.string(),
    container_format: z.string(),
    fileName: z.string().nullable(),
    size: z.number().nullable(),
    hint: z.string(),
  });
  return z
    .object({
      items: z.array(item).min(1, 'Nothing to create.'),
      visibility: z.string(),
      min_disk: z.number({ message: 'A whole number of GiB.' }).int('A whole number of GiB.').min(0, 'Zero or more.'),
      min_ram: z.number({ message: 'A whole number of MiB.' }).int('A whole number of MiB.').min(0, 'Zero or more.'),
      protected: z.boolean(),
      source: z.enum(DATA_SOURCES),
      url: z.string(),
      method: z.enum(UPLOAD_METHODS),
      store: z.string(),
      properties: propertyRowsSchema,
      tags: tagRowsSchema,
    })
    .superRefine((values, context) => {
      const issue = (path: (string | number)[], message: string) => context.addIssue({ code: 'custom', path, message });
      if (values.source !== 'none') {
        values.items.forEach((entry, index) => {
          if (!entry.disk_format) issue(['items', index, 'disk_format'], NO_FORMAT.disk_format);
          if (!entry.container_format) issue(['items', index, 'container_format'], NO_FORMAT.container_format);
        });
      }
      if (values.source === 'url') {
        const problem = urlProblem(values.url);
        if (problem) issue(['url'], problem);
      }
      if (values.source === 'file') {
        if (values.items.some((entry) => entry.size === null)) issue(['source'], 'Choose one or more files, or pick another data source.');
        checkQuota(values.items, remaining.bytes, 'image quota', issue);
        if (values.method === 'glance-direct') checkQuota(values.items, remaining.stagedBytes, 'staging quota', issue);
      }
      if (remaining.images !== null && values.items.length > remaining.images) {
        issue(['items', remaining.images, 'name'], `The project may create ${remaining.images} more image${remaining.images === 1 ? '' : 's'} (quota): this one is over it.`);
      }
      checkPropertiesAndTags(values, context, rules);
    });
}

/** Each file, alone and together with the files before it, must fit in what is left. */
function checkQuota(items: readonly CreateItem[], left: number | null, quota: string, issue: (path: (string | number)[], message: string) => void) {
  if (left === null) return;
  let total = 0;
  items.forEach((entry, index) => {
    if (entry.size === null) return;
    total += entry.size;
    if (entry.size > left) issue(['items', index, 'size'], `This file (${formatBytes(entry.size)}) is larger than the project's remaining ${quota} (${formatBytes(left)}).`);
    else if (total > left) issue(['items', index, 'size'], `With the files above it, this goes over the project's remaining ${quota} (${formatBytes(left)}).`);
  });
}

const KNOWN_EXTENSION = /(\.(qcow2?|img|raw|bin|iso|vhdx?|vmdk|vdi|ova|ploop|aki|ari|ami))?(\.(gz|xz|zst|bz2|zip))?$/i;

/** The image to create for a file: named after it (without its image extension), with the suggested formats. */
export function itemForFile(file: { name: string; size: number }, suggestion: FormatSuggestion, nameMax = 255): CreateItem {
  const name = (file.name.replace(KNOWN_EXTENSION, '') || file.name).slice(0, nameMax);
  return {
    name,
    disk_format: suggestion.disk_format ?? '',
    container_format: suggestion.container_format ?? '',
    fileName: file.name,
    size: file.size,
    hint: suggestion.reason,
  };
}

export const EMPTY_ITEM: CreateItem = { name: '', disk_format: '', container_format: '', fileName: null, size: null, hint: '' };

export function defaultCreateValues(items: CreateItem[] = []): CreateFormValues {
  return {
    items: items.length ? items : [EMPTY_ITEM],
    visibility: 'shared',
    min_disk: 0,
    min_ram: 0,
    protected: false,
    source: items.length ? 'file' : 'none',
    url: '',
    method: 'direct',
    store: '',
    properties: [],
    tags: [],
  };
}

/** The POST /v2/images body for one item: unset fields are left out (an empty name: no name, shown by its ID). */
export function createRequestBody(values: CreateFormValues, entry: CreateItem): Record<string, unknown> {
  const body: Record<string, unknown> = {
    visibility: values.visibility,
    min_disk: values.min_disk,
    min_ram: values.min_ram,
    protected: values.protected,
    tags: values.tags.map((tag) => tag.value.trim()),
  };
  if (entry.name) body.name = entry.name;
  if (entry.disk_format) body.disk_format = entry.disk_format;
  if (entry.container_format) body.container_format = entry.container_format;
  for (const { key, value } of values.properties) body[key.trim()] = value;
  return body;
}

// ---------------------------------------------------------------- data for an existing queued image

/** "Upload data" on a queued image's page: the same checks as creating, for one image that exists. */
export interface UploadDataValues {
  source: Exclude<DataSource, 'none'>;
  url: string;
  method: UploadMethod;
  store: string;
  /** The image's formats, or the ones to set first when it has none. */
  disk_format: string;
  container_format: string;
  fileName: string | null;
  size: number | null;
}

export function uploadDataSchema(remaining: Remaining) {
  return z
    .object({
      source: z.enum(['file', 'url']),
      url: z.string(),
      method: z.enum(UPLOAD_METHODS),
      store: z.string(),
      disk_format: z.string(),
      container_format: z.string(),
      fileName: z.string().nullable(),
      size: z.number().nullable(),
    })
    .superRefine((values, context) => {
      const issue = (path: string, message: string) => context.addIssue({ code: 'custom', path: [path], message });
      if (!values.disk_format) issue('disk_format', NO_FORMAT.disk_format);
      if (!values.container_format) issue('container_format', NO_FORMAT.container_format);
      if (values.source === 'url') {
        const problem = urlProblem(values.url);
        if (problem) issue('url', problem);
        return;
      }
      if (values.size === null) return issue('fileName', 'Choose the file to upload.');
      const item = { ...EMPTY_ITEM, size: values.size };
      const toPath = (_: (string | number)[], message: string) => issue('fileName', message);
      checkQuota([item], remaining.bytes, 'image quota', toPath);
      if (values.method === 'glance-direct') checkQuota([item], remaining.stagedBytes, 'staging quota', toPath);
    });
}
