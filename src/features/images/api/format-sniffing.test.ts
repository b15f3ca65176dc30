// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { formatsFromName, HEAD_BYTES, readSignature, sniffContent, suggestFormats, TAIL_BYTES } from '@/features/images/api/format-sniffing';

// The first 128 bytes of images written by `qemu-img create -f <format> x 1M` (QEMU 7.2), and
// the last 512 bytes of a fixed VHD (`-f vpc -o subformat=fixed`): real headers, not hand-made.
const REAL = {
  qcow2: 'UUZJ+wAAAAMAAAAAAAAAAAAAAAAAAAAQAAAAAAAQAAAAAAAAAAAAAQAAAAAAAwAAAAAAAAABAAAAAAABAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAABAAAAHAAAAAAAAAAAGgD+FcAAAGAAABkaXJ0eSA=',
  vhdx: 'dmhkeGZpbGVRAEUATQBVACAAdgA3AC4AMgAuADIAMgAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
  dynamicVhd: 'Y29uZWN0aXgAAAACAAEAAAAAAAAAAAIAMqKVLnFlbXUABQADV2kyawAAAAAAEHgAAAAAAAAQeAAAHwQRAAAAA///7grhG6K5xJxJbJu6qib3ix1oAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
  sparseVmdk: 'S0RNVgEAAAADAAAAAAgAAAAAAACAAAAAAAAAAAEAAAAAAAAAFAAAAAAAAAAAAgAAFQAAAAAAAAAaAAAAAAAAAIAAAAAAAAAAAAogDQoAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
  streamVmdk: 'S0RNVgMAAAADAAMAAAgAAAAAAACAAAAAAAAAAAEAAAAAAAAAFAAAAAAAAAAAAgAAFQAAAAAAAAAaAAAAAAAAAIAAAAAAAAAAAAogDQoBAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
  flatVmdkDescriptor: 'IyBEaXNrIERlc2NyaXB0b3JGaWxlCnZlcnNpb249MQpDSUQ9YjgyMTUxMTcKcGFyZW50Q0lEPWZmZmZmZmZmCmNyZWF0ZVR5cGU9Im1vbm9saXRoaWNGbGF0IgoKIyBFeHRlbnQgZGVzY3JpcHRpb24KUlcgMjA0OCBGTEFUICI=',
  vdi: 'PDw8IFFFTVUgVk0gVmlydHVhbCBEaXNrIEltYWdlID4+PgoAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAH8Q2r4BAAEAgAEAAAEAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
  fixedVhdFooterStart: 'Y29uZWN0aXgAAAACAAEAAP//////////MqKVLnFlbXUABQADV2kyawAAAAAAEHgAAAAAAAAQeAAAHwQRAAAAAv//5d019ruK/EJCj6+LW5Mv9Vqr',
};
const decode = (base64: string) => Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));

/** A buffer of `size` zero bytes with `bytes` written at `offset`. */
function withBytes(size: number, offset: number, bytes: Uint8Array | number[]): Uint8Array {
  const buffer = new Uint8Array(size);
  buffer.set(bytes, offset);
  return buffer;
}

/** The start of an ISO 9660 volume descriptor (ECMA-119 8.1): its type (1 = primary), then "CD001". */
const PRIMARY_VOLUME_DESCRIPTOR = [0x01, ...Array.from('CD001', (c) => c.charCodeAt(0))];
/** A fixed VHD's tail: 512 bytes whose first 78 are the real footer (the rest is reserved zeros). */
const fixedVhdTail = () => withBytes(512, 0, decode(REAL.fixedVhdFooterStart));

describe('sniffContent on real image headers', () => {
  it.each([
    ['qcow2', 'qcow2', REAL.qcow2],
    ['VHDX', 'vhdx', REAL.vhdx],
    ['dynamic VHD (footer copy at the start)', 'vhd', REAL.dynamicVhd],
    ['monolithicSparse VMDK', 'vmdk', REAL.sparseVmdk],
    ['streamOptimized VMDK', 'vmdk', REAL.streamVmdk],
    ['monolithicFlat VMDK descriptor', 'vmdk', REAL.flatVmdkDescriptor],
    ['VDI', 'vdi', REAL.vdi],
  ])('%s → %s', (_, disk, head) => {
    expect(sniffContent(decode(head))?.disk).toBe(disk);
  });

  it('finds a fixed VHD by its footer in the last 512 bytes, and in the last 511 (old Virtual PC)', () => {
    const tail = fixedVhdTail();
    expect(sniffContent(new Uint8Array(HEAD_BYTES), tail)).toEqual({ disk: 'vhd', evidence: 'a VHD footer ("conectix") at the end' });
    expect(sniffContent(new Uint8Array(HEAD_BYTES), tail.slice(0, 511))?.disk).toBe('vhd');
  });

  it.each([0x8000, 0x8800, 0x9000])('finds ISO 9660 with a volume descriptor in sector 16, 17 or 18 (byte %i)', (sector) => {
    const head = withBytes(HEAD_BYTES, sector, PRIMARY_VOLUME_DESCRIPTOR);
    expect(sniffContent(head)).toEqual({ disk: 'iso', evidence: `an ISO 9660 volume descriptor ("CD001" at 0x${(sector + 1).toString(16)})` });
  });

  it('needs the whole signature: a head cut before the ISO descriptor ends is no ISO', () => {
    const head = withBytes(HEAD_BYTES, 0x9000, PRIMARY_VOLUME_DESCRIPTOR).slice(0, 0x9005);
    expect(sniffContent(head)).toBeUndefined();
  });

  it('sees compressed data and tar (OVA) archives as containers', () => {
    expect(sniffContent(Uint8Array.of(0x1f, 0x8b, 0x08, 0x00))).toEqual({ container: 'compressed', evidence: expect.stringContaining('gzip') });
    expect(sniffContent(Uint8Array.of(0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00))?.container).toBe('compressed');
    expect(sniffContent(withBytes(512, 257, Array.from('ustar', (c) => c.charCodeAt(0))))?.container).toBe('ova');
  });

  it('says nothing about raw data, empty files or a magic one byte off', () => {
    expect(sniffContent(new Uint8Array(HEAD_BYTES), new Uint8Array(TAIL_BYTES))).toBeUndefined();
    expect(sniffContent(new Uint8Array())).toBeUndefined();
    expect(sniffContent(withBytes(64, 1, decode(REAL.qcow2).slice(0, 4)))).toBeUndefined();
    expect(sniffContent(Uint8Array.of(0x51, 0x46, 0x49))).toBeUndefined();
  });
});

describe('formatsFromName', () => {
  it.each([
    ['cirros-0.6.2-x86_64-disk.img', { disk: 'raw', container: 'bare' }],
    ['Fedora.QCOW2', { disk: 'qcow2', container: 'bare' }],
    ['debian-12.iso', { disk: 'iso', container: 'bare' }],
    ['win.vhdx', { disk: 'vhdx', container: 'bare' }],
    ['appliance.ova', { disk: 'vmdk', container: 'ova' }],
    ['disk.vmdk.gz', { disk: 'vmdk', container: 'compressed' }],
    ['kernel.aki', { disk: 'aki', container: 'aki' }],
    ['notes.txt', {}],
    ['no-extension', {}],
    ['backup.tar.gz', { container: 'compressed' }],
  ])('%s → %o', (name, expected) => {
    expect(formatsFromName(name)).toEqual(expected);
  });
});

describe('suggestFormats', () => {
  const all = { diskFormats: ['ami', 'ari', 'aki', 'vhd', 'vhdx', 'vmdk', 'raw', 'qcow2', 'vdi', 'iso', 'ploop'], containerFormats: ['ami', 'ari', 'aki', 'bare', 'ovf', 'ova', 'docker', 'compressed'] };

  it('prefers the content over the name, and says so', () => {
    const suggestion = suggestFormats('ubuntu-24.04-server-cloudimg-amd64.img', sniffContent(decode(REAL.qcow2)), all);
    expect(suggestion).toMatchObject({ disk_format: 'qcow2', container_format: 'bare' });
    expect(suggestion.reason).toContain('qcow2 header');
    // .img says raw, which is what any unrecognised content looks like: no contradiction to report.
    expect(suggestion.reason).not.toContain('Its name says');
    const renamed = suggestFormats('install.iso', sniffContent(decode(REAL.vhdx)), all);
    expect(renamed.disk_format).toBe('vhdx');
    expect(renamed.reason).toContain('Its name says iso, but its content is vhdx.');
  });

  it('falls back to the name when the content shows no header', () => {
    expect(suggestFormats('disk.raw', undefined, all)).toEqual({ disk_format: 'raw', container_format: 'bare', reason: expect.stringContaining('file name') });
  });

  it('only suggests what the cloud allows, and says what it could not suggest', () => {
    const suggestion = suggestFormats('x.vdi', sniffContent(decode(REAL.vdi)), { diskFormats: ['raw', 'qcow2'], containerFormats: ['bare'] });
    expect(suggestion.disk_format).toBeUndefined();
    expect(suggestion.container_format).toBe('bare');
    expect(suggestion.reason).toContain('does not accept disk format vdi');
  });

  it('suggests nothing for an unknown file, and asks the user to choose', () => {
    const suggestion = suggestFormats('data', undefined, all);
    expect(suggestion.disk_format).toBeUndefined();
    expect(suggestion.container_format).toBeUndefined();
    expect(suggestion.reason).toMatch(/Choose the disk format/);
  });
});

describe('readSignature', () => {
  it('reads only the head and the tail of a file', async () => {
    const body = new Uint8Array(HEAD_BYTES + 4096);
    body.set(decode(REAL.qcow2), 0);
    body.set(fixedVhdTail(), body.length - 512);
    const { head, tail } = await readSignature(new Blob([body]));
    expect(head.length).toBe(HEAD_BYTES);
    expect(tail.length).toBe(TAIL_BYTES);
    expect(sniffContent(head)?.disk).toBe('qcow2');
    expect(sniffContent(new Uint8Array(HEAD_BYTES), tail)?.disk).toBe('vhd');
  });

  it('copes with a file shorter than the tail', async () => {
    const { head, tail } = await readSignature(new Blob([decode(REAL.flatVmdkDescriptor)]));
    expect(head.length).toBe(128);
    expect(tail.length).toBe(128);
    expect(sniffContent(head, tail)?.disk).toBe('vmdk');
  });
});
