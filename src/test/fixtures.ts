// Data for unit tests, shaped as Glance sends it.

/** An active private raw image "cirros" (id img-1) of project p1; `fields` override or add. */
export function apiImage(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'img-1',
    name: 'cirros',
    status: 'active',
    visibility: 'private',
    protected: false,
    os_hidden: false,
    owner: 'p1',
    disk_format: 'raw',
    container_format: 'bare',
    min_disk: 0,
    min_ram: 0,
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
    tags: [],
    ...fields,
  };
}
