// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { createHashSession } from '@/features/transfers/api/hash-algorithms';
import { HASH_ALGORITHMS, toHashAlgorithm, type HashAlgorithm } from '@/features/transfers/api/hash-names';
import type { HashPort, HashRequest, HashResponse } from '@/features/transfers/api/hash-protocol';
import { createHashWorkerCore } from '@/features/transfers/api/hash-worker-core';
import { createHasher, hashBlob } from '@/features/transfers/api/hasher';

// The worker's own code, run in-process behind the same port a Worker offers (messages are
// delivered asynchronously, as from a real worker).
function inProcessPort(): HashPort & { terminated: boolean; sent: HashRequest[] } {
  const port: HashPort & { terminated: boolean; sent: HashRequest[] } = {
    onmessage: null,
    onerror: null,
    terminated: false,
    sent: [],
    postMessage(message) {
      port.sent.push(message);
      handle(message);
    },
    terminate() {
      port.terminated = true;
    },
  };
  const handle = createHashWorkerCore((response: HashResponse) => {
    queueMicrotask(() => {
      if (!port.terminated) port.onmessage?.({ data: response } as MessageEvent<HashResponse>);
    });
  });
  return port;
}

const bytes = (length: number) => Uint8Array.from({ length }, (_, i) => (i * 31 + 7) & 255);
const DATA = bytes(100_003);
// hashlib.new(name, DATA).hexdigest() from Debian's Python, which Glance uses.
const HASHLIB: Record<HashAlgorithm, string> = {
  md5: '93439fea539e4ab04241007ef85abb39',
  sha1: '0ca09192aeda656efc642731b881625ca5d98968',
  sha224: '20c0303c0ca7a60563e9b4e57c9b471962338184119e86bec70af2bc',
  sha256: '2a1683cff214df29e77df156a515258190a1bc11526d41cd2b34e72a23b6b7d6',
  sha384: 'af109dc06da8b332472bf4537b2e14d1992a4b8effe946e27e7581cbddaa6a0864ad8535ae319442e2a1e1f3d73e8194',
  sha512: '97a50adfcb669f98034808f5d250b32ee5b1f5e404dee860ea58b1008a80e99751a20db0d981b5601f1117051757ceb9e91231083d2c7f19eafa62c4f3dfbf55',
  sha3_224: '75f71da951f5524d0436e9a77c43ecd09aad14ac0765c682b41a2862',
  sha3_256: '8ebda2e58bb1caa92384ba9a98b69fcad06c2d6dea2a1282b4d434e35dbdab22',
  sha3_384: '126bbf2e47a99ae00c123144d7cf49db6badc0273a3c8d52f47a41e62dc15dc792178b2430b1786cadcbcf6eae394a7a',
  sha3_512: 'af8511d2584724edada40c27a40109b2bc244dcd4071e4ec3c7859f06a28e061871ecd2d9e19395ca1de03380787bffc422e5ded4c34b84b311d26200c759e3d',
  blake2b: '33d424837eaa29ff8100ff7f4c9377374185c7ce35b2e0d0de6fdc8066c5a76c759266294ec0c22bc4582ccc86e46755fd2ebbe60540760b9441cc093f57ea19',
  blake2s: '730ae0f12797644c5593e5f976925f5f9ac7d21874e3ae15b13a4de3b65a723e',
};

describe('hash algorithms', () => {
  it.each(HASH_ALGORITHMS)('%s matches what Python hashlib (Glance) computes', async (algorithm) => {
    const session = await createHashSession([algorithm]);
    session.update(DATA.subarray(0, 4096));
    session.update(DATA.subarray(4096));
    expect(session.digest()[algorithm]).toBe(HASHLIB[algorithm]);
  });

  it.each([
    ['sha512', 'sha512'],
    ['SHA256', 'sha256'],
    ['sha3-512', 'sha3_512'],
    [' blake2b ', 'blake2b'],
    ['whirlpool', undefined],
    ['', undefined],
    [null, undefined],
  ])('toHashAlgorithm(%j) is %j', (name, expected) => {
    expect(toHashAlgorithm(name)).toBe(expected);
  });
});

describe('createHasher', () => {
  it('hashes a stream fed in chunks (md5 and sha512 at once) and answers each update once hashed', async () => {
    const port = inProcessPort();
    const hasher = createHasher(['md5', 'sha512'], () => port);
    for (let offset = 0; offset < DATA.length; offset += 16_384) await hasher.update(DATA.slice(offset, offset + 16_384));
    const values = await hasher.digest();
    expect(values).toEqual({ md5: HASHLIB.md5, sha512: HASHLIB.sha512 });
    expect(port.terminated).toBe(true);
  });

  it('copies the caller\'s chunk unless asked to transfer it', async () => {
    const port = inProcessPort();
    const hasher = createHasher(['md5'], () => port);
    const head = DATA.slice(0, 50_000);
    const tail = DATA.slice(50_000);
    await hasher.update(head);
    const sent = port.sent.find((message) => message.type === 'chunk');
    expect(sent?.type === 'chunk' && sent.data).not.toBe(head.buffer);
    await hasher.update(tail, { transfer: true });
    const transferred = port.sent.filter((message) => message.type === 'chunk')[1];
    expect(transferred?.type === 'chunk' && transferred.data).toBe(tail.buffer);
    expect((await hasher.digest()).md5).toBe(HASHLIB.md5);
  });

  it('rejects pending and later calls when the worker cannot load', async () => {
    const port = inProcessPort();
    const hasher = createHasher(['md5'], () => port);
    port.onerror?.({ message: '', preventDefault: vi.fn() } as unknown as ErrorEvent);
    await expect(hasher.update(bytes(10))).rejects.toThrow(/hash worker stopped: it could not load/);
    await expect(hasher.digest()).rejects.toThrow(/could not load/);
    expect(port.terminated).toBe(true);
  });

  it('rejects with the worker\'s message when hashing fails', async () => {
    const port = inProcessPort();
    const hasher = createHasher(['md5'], () => port);
    const digest = hasher.digest();
    port.onmessage?.({ data: { type: 'error', message: 'out of memory' } } as MessageEvent<HashResponse>);
    await expect(digest).rejects.toThrow('Hashing failed: out of memory');
  });
});

describe('hashBlob', () => {
  it('lets the worker read the blob in chunks, reporting progress, and returns every hash', async () => {
    const progress: number[] = [];
    const values = await hashBlob(new Blob([DATA]), ['md5', 'sha256'], { spawn: inProcessPort, chunkSize: 30_000, onProgress: (n) => progress.push(n) });
    expect(values).toEqual({ md5: HASHLIB.md5, sha256: HASHLIB.sha256 });
    expect(progress).toEqual([30_000, 60_000, 90_000, 100_003]);
  });

  it('hashes an empty file', async () => {
    const values = await hashBlob(new Blob([]), ['md5'], { spawn: inProcessPort });
    expect(values.md5).toBe('d41d8cd98f00b204e9800998ecf8427e');
  });

  it('stops the worker and rejects with the abort reason when aborted', async () => {
    const controller = new AbortController();
    const port = inProcessPort();
    const hashing = hashBlob(new Blob([bytes(5_000_000)]), ['sha512'], { spawn: () => port, signal: controller.signal, chunkSize: 1000 });
    controller.abort(new Error('cancelled'));
    await expect(hashing).rejects.toThrow('cancelled');
    expect(port.terminated).toBe(true);
  });
});
