// What format a file is in, from its first and last bytes and its name, so the create form can
// suggest disk_format and container_format. Pure: the caller reads the bytes (readSignature).
// Content wins over the extension: a cloud image called foo.img is usually qcow2.

/** Disk formats recognisable from content. */
export type SniffedDisk = 'qcow2' | 'iso' | 'vhd' | 'vhdx' | 'vmdk' | 'vdi';
/** Container formats recognisable from content. */
export type SniffedContainer = 'ova' | 'compressed';

export interface Sniffed {
  disk?: SniffedDisk;
  container?: SniffedContainer;
  /** What in the bytes said so, for the hint under the fields. */
  evidence: string;
}

/** How much of the start of a file sniffing needs: ISO 9660's last descriptor signature ends at 0x9006. */
export const HEAD_BYTES = 0x9006;
/** A VHD footer is the last 512 bytes (511 in images from old Virtual PC versions). */
export const TAIL_BYTES = 512;

const ascii = (text: string) => Array.from(text, (char) => char.charCodeAt(0));

function bytesAt(data: Uint8Array, offset: number, expected: readonly number[]): boolean {
  if (offset < 0 || offset + expected.length > data.length) return false;
  return expected.every((byte, index) => data[offset + index] === byte);
}

const QCOW = [0x51, 0x46, 0x49, 0xfb]; // "QFI\xfb"
const CD001 = ascii('CD001');
const ISO_OFFSETS = [0x8001, 0x8801, 0x9001];
const CONECTIX = ascii('conectix');
const VHDX = ascii('vhdxfile');
const KDMV = ascii('KDMV'); // VMware sparse extent (monolithicSparse, streamOptimized)
const COWD = ascii('COWD'); // VMware ESX sparse extent
const VMDK_DESCRIPTOR = ascii('# Disk DescriptorFile');
const VDI_SIGNATURE = [0x7f, 0x10, 0xda, 0xbe]; // 0xbeda107f, little-endian, at 0x40
const GZIP = [0x1f, 0x8b];
const XZ = [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00];
const ZSTD = [0x28, 0xb5, 0x2f, 0xfd];
const BZIP2 = ascii('BZh');
const USTAR = ascii('ustar'); // tar header magic at 257 (an OVA is a tar)

/** The format the bytes show, or undefined when they show none of those Loupe knows (raw data looks like anything). */
export function sniffContent(head: Uint8Array, tail: Uint8Array = new Uint8Array()): Sniffed | undefined {
  if (bytesAt(head, 0, QCOW)) return { disk: 'qcow2', evidence: 'a qcow2 header ("QFI\\xfb") at the start' };
  if (bytesAt(head, 0, VHDX)) return { disk: 'vhdx', evidence: 'a VHDX signature ("vhdxfile") at the start' };
  if (bytesAt(head, 0, KDMV) || bytesAt(head, 0, COWD)) return { disk: 'vmdk', evidence: 'a VMDK sparse extent header at the start' };
  if (bytesAt(head, 0, VMDK_DESCRIPTOR)) return { disk: 'vmdk', evidence: 'a VMDK descriptor ("# Disk DescriptorFile")' };
  if (bytesAt(head, 0x40, VDI_SIGNATURE)) return { disk: 'vdi', evidence: 'a VirtualBox VDI signature' };
  // Dynamic and differencing VHDs copy the footer to the start; fixed ones have it only at the end.
  if (bytesAt(head, 0, CONECTIX)) return { disk: 'vhd', evidence: 'a VHD header ("conectix") at the start' };
  if (bytesAt(tail, tail.length - 512, CONECTIX) || bytesAt(tail, tail.length - 511, CONECTIX)) {
    return { disk: 'vhd', evidence: 'a VHD footer ("conectix") at the end' };
  }
  const isoAt = ISO_OFFSETS.find((offset) => bytesAt(head, offset, CD001));
  if (isoAt !== undefined) return { disk: 'iso', evidence: `an ISO 9660 volume descriptor ("CD001" at 0x${isoAt.toString(16)})` };
  if (bytesAt(head, 257, USTAR)) return { container: 'ova', evidence: 'a tar archive (an OVA is one)' };
  if ([GZIP, XZ, ZSTD, BZIP2].some((magic) => bytesAt(head, 0, magic))) return { container: 'compressed', evidence: 'compressed data (gzip, xz, zstd or bzip2)' };
  return undefined;
}

interface ByName {
  disk?: string;
  container?: string;
}

const DISK_BY_EXTENSION: Record<string, string> = {
  qcow2: 'qcow2',
  qcow: 'qcow2',
  img: 'raw',
  raw: 'raw',
  bin: 'raw',
  iso: 'iso',
  vhd: 'vhd',
  vhdx: 'vhdx',
  vmdk: 'vmdk',
  vdi: 'vdi',
  ploop: 'ploop',
  aki: 'aki',
  ari: 'ari',
  ami: 'ami',
};
const COMPRESSED = new Set(['gz', 'xz', 'zst', 'bz2', 'zip']);

/** What the file name suggests: `cirros.qcow2` → qcow2; `disk.vmdk.gz` → vmdk in a compressed container; `app.ova` → vmdk in an OVA. */
export function formatsFromName(fileName: string): ByName {
  const parts = fileName.toLowerCase().split('.').slice(1);
  let extension = parts.pop();
  const result: ByName = {};
  if (extension && COMPRESSED.has(extension)) {
    result.container = 'compressed';
    extension = parts.pop();
  }
  if (!extension) return result;
  if (extension === 'ova') return { disk: 'vmdk', container: result.container ?? 'ova' };
  const disk = DISK_BY_EXTENSION[extension];
  if (disk) {
    result.disk = disk;
    // Amazon kernel/ramdisk/machine images use the same name as container and disk format.
    result.container ??= ['aki', 'ari', 'ami'].includes(disk) ? disk : 'bare';
  }
  return result;
}

export interface FormatSuggestion {
  disk_format?: string;
  container_format?: string;
  /** One sentence for the hint: where the suggestion comes from, and what could not be suggested. */
  reason: string;
}

/**
 * The formats to suggest for a file: content first, then the name, and only values this
 * cloud allows (GET /v2/schemas/image). Anything unknown is left for the user to choose.
 */
export function suggestFormats(
  fileName: string,
  sniffed: Sniffed | undefined,
  allowed: { diskFormats: readonly string[]; containerFormats: readonly string[] },
): FormatSuggestion {
  const byName = formatsFromName(fileName);
  const wantedDisk = sniffed?.disk ?? byName.disk;
  const wantedContainer = sniffed?.container ?? byName.container ?? (wantedDisk ? 'bare' : undefined);
  const suggestion: FormatSuggestion = { reason: '' };
  const notes: string[] = [];
  if (sniffed) notes.push(`The file starts with ${sniffed.evidence}.`);
  else if (byName.disk || byName.container) notes.push('Suggested from the file name (its content shows no known image header).');
  if (sniffed?.disk && byName.disk && byName.disk !== sniffed.disk && byName.disk !== 'raw') {
    notes.push(`Its name says ${byName.disk}, but its content is ${sniffed.disk}.`);
  }
  if (wantedDisk) {
    if (allowed.diskFormats.includes(wantedDisk)) suggestion.disk_format = wantedDisk;
    else notes.push(`This cloud does not accept disk format ${wantedDisk}.`);
  }
  if (wantedContainer) {
    if (allowed.containerFormats.includes(wantedContainer)) suggestion.container_format = wantedContainer;
    else notes.push(`This cloud does not accept container format ${wantedContainer}.`);
  }
  if (!wantedDisk) notes.push('Choose the disk format: nothing in the file or its name says which it is.');
  suggestion.reason = notes.join(' ');
  return suggestion;
}

/** Reads the bytes sniffing needs (the start and the end), never the whole file. */
export async function readSignature(file: Blob): Promise<{ head: Uint8Array; tail: Uint8Array }> {
  const read = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());
  const [head, tail] = await Promise.all([read(file.slice(0, HEAD_BYTES)), read(file.slice(Math.max(0, file.size - TAIL_BYTES)))]);
  return { head, tail };
}

/** Reads a file's signature and suggests its formats; a file the browser cannot read gets the name-based suggestion. */
export async function suggestForFile(file: File, allowed: { diskFormats: readonly string[]; containerFormats: readonly string[] }): Promise<FormatSuggestion> {
  let sniffed: Sniffed | undefined;
  try {
    const { head, tail } = await readSignature(file);
    sniffed = sniffContent(head, tail);
  } catch {
    sniffed = undefined;
  }
  return suggestFormats(file.name, sniffed, allowed);
}
