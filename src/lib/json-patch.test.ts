import { describe, expect, it } from 'vitest';
import { buildImagePatch, cliCommands, pointer, rebasePatch, shellQuote, unpointer, type EditableImage, type PatchOp } from '@/lib/json-patch';

const image = (over: Partial<EditableImage> = {}): EditableImage => ({
  base: { name: 'cirros', min_disk: 0, min_ram: 0, protected: false, visibility: 'private' },
  extras: { os_distro: 'cirros', 'a/b': '1', 'c~d': '2' },
  tags: ['x', 'y'],
  ...over,
});

describe('pointer', () => {
  it.each([
    ['name', '/name'],
    ['a/b', '/a~1b'],
    ['c~d', '/c~0d'],
    ['~/', '/~0~1'],
    ['~1', '/~01'],
  ])('%s → %s and back', (key, path) => {
    expect(pointer(key)).toBe(path);
    expect(unpointer(path)).toBe(key);
  });
});

describe('buildImagePatch', () => {
  const cases: [string, EditableImage, unknown[]][] = [
    ['untouched fields emit nothing', image(), []],
    ['a renamed image replaces /name', image({ base: { ...image().base, name: 'cirros-2' } }), [{ op: 'replace', path: '/name', value: 'cirros-2' }]],
    ['numbers stay numbers', image({ base: { ...image().base, min_ram: 512 } }), [{ op: 'replace', path: '/min_ram', value: 512 }]],
    ['booleans stay booleans', image({ base: { ...image().base, protected: true } }), [{ op: 'replace', path: '/protected', value: true }]],
    ['a new property is added', image({ extras: { ...image().extras, hw_disk_bus: 'virtio' } }), [{ op: 'add', path: '/hw_disk_bus', value: 'virtio' }]],
    ['a changed property is replaced', image({ extras: { ...image().extras, os_distro: 'ubuntu' } }), [{ op: 'replace', path: '/os_distro', value: 'ubuntu' }]],
    ['a dropped property is removed', image({ extras: { 'a/b': '1', 'c~d': '2' } }), [{ op: 'remove', path: '/os_distro' }]],
    ['keys with / and ~ are escaped', image({ extras: { os_distro: 'cirros', 'a/b': '9', 'c~d': '2', 'e/~f': 'new' } }), [
      { op: 'replace', path: '/a~1b', value: '9' },
      { op: 'add', path: '/e~1~0f', value: 'new' },
    ]],
    ['removing keys with / and ~', image({ extras: { os_distro: 'cirros' } }), [
      { op: 'remove', path: '/a~1b' },
      { op: 'remove', path: '/c~0d' },
    ]],
    ['reordered tags are not a change', image({ tags: ['y', 'x'] }), []],
    ['added and removed tags replace the whole array', image({ tags: ['y', 'z/1'] }), [{ op: 'replace', path: '/tags', value: ['y', 'z/1'] }]],
    ['an empty string is a value, not a removal', image({ extras: { ...image().extras, os_distro: '' } }), [{ op: 'replace', path: '/os_distro', value: '' }]],
    ['duplicate tags count once', image({ tags: ['x', 'y', 'x'] }), []],
    ['a tag set that changed is deduplicated and sorted', image({ tags: ['z', 'x', 'z'] }), [{ op: 'replace', path: '/tags', value: ['x', 'z'] }]],
    ['removing every tag sends an empty array', image({ tags: [] }), [{ op: 'replace', path: '/tags', value: [] }]],
    ['hidden and visibility keep their types', image({ base: { ...image().base, visibility: 'shared', os_hidden: true } }), [
      { op: 'replace', path: '/visibility', value: 'shared' },
      { op: 'replace', path: '/os_hidden', value: true },
    ]],
    ['zero is a number, not an unset', image({ base: { ...image().base, min_disk: 20 } }), [{ op: 'replace', path: '/min_disk', value: 20 }]],
    ['a key of only ~ and / is escaped in order', image({ extras: { ...image().extras, '~/~': 'v' } }), [{ op: 'add', path: '/~0~1~0', value: 'v' }]],
    ['a key that looks escaped is escaped again', image({ extras: { ...image().extras, 'a~1b': 'v' } }), [{ op: 'add', path: '/a~01b', value: 'v' }]],
  ];
  it.each(cases)('%s', (_, edited, expected) => {
    expect(buildImagePatch(image(), edited)).toEqual(expected);
  });
  it('puts base attributes first, then properties, then tags', () => {
    const ops = buildImagePatch(image(), image({ base: { ...image().base, name: 'n' }, extras: { os_distro: 'x', 'a/b': '1', 'c~d': '2' }, tags: [] }));
    expect(ops.map((op) => op.path)).toEqual(['/name', '/os_distro', '/tags']);
  });
});

describe('rebasePatch', () => {
  it('adapts the user’s ops to a server that changed meanwhile', () => {
    const ops = buildImagePatch(image(), image({ extras: { os_distro: 'ubuntu', 'c~d': '2' } }));
    const server = image({ extras: { 'c~d': '2', 'a/b': '1', added_by_server: 'x' } });
    expect(rebasePatch(ops, server)).toEqual([{ op: 'add', path: '/os_distro', value: 'ubuntu' }, { op: 'remove', path: '/a~1b' }]);
    const gone = image({ extras: { os_distro: 'cirros' } });
    expect(rebasePatch(ops, gone)).toEqual([{ op: 'replace', path: '/os_distro', value: 'ubuntu' }]);
  });
  it('replays tag additions and removals onto the server’s tags', () => {
    const loaded = image({ tags: ['x', 'y'] });
    const ops = buildImagePatch(loaded, image({ tags: ['x', 'mine'] }));
    const server = image({ tags: ['x', 'y', 'theirs'] });
    expect(rebasePatch(ops, server, loaded)).toEqual([{ op: 'replace', path: '/tags', value: ['mine', 'theirs', 'x'] }]);
    // Without what was loaded, the user's whole array wins.
    expect(rebasePatch(ops, server)).toEqual([{ op: 'replace', path: '/tags', value: ['mine', 'x'] }]);
  });
  it('drops a tag change the server already made', () => {
    const loaded = image({ tags: ['x'] });
    const ops = buildImagePatch(loaded, image({ tags: ['x', 'y'] }));
    expect(rebasePatch(ops, image({ tags: ['y', 'x'] }), loaded)).toEqual([]);
  });
  it('keeps base attribute ops as they are', () => {
    const ops = buildImagePatch(image(), image({ base: { ...image().base, min_ram: 1024 } }));
    expect(rebasePatch(ops, image({ base: { ...image().base, min_ram: 2048 } }), image())).toEqual([{ op: 'replace', path: '/min_ram', value: 1024 }]);
  });
});

describe('cliCommands', () => {
  it('renders set and unset lines, quoted for the shell', () => {
    const ops = buildImagePatch(image(), image({ base: { ...image().base, name: "bob's image", protected: true }, extras: { os_distro: 'ubuntu' }, tags: ['x', 'new tag'] }));
    expect(cliCommands('ID', ops, ['x', 'y'])).toEqual([
      "openstack image set --name 'bob'\\''s image' --protected --property os_distro=ubuntu --tag 'new tag' ID",
      "openstack image unset --property a/b --property 'c~d' --tag y ID",
    ]);
  });
  it('maps visibility and hidden flags', () => {
    expect(cliCommands('ID', [{ op: 'replace', path: '/visibility', value: 'community' }, { op: 'replace', path: '/os_hidden', value: true }])).toEqual([
      'openstack image set --community --hidden ID',
    ]);
  });
  it.each<[string, PatchOp[], string[]]>([
    ['nothing to do', [], []],
    ['numbers', [{ op: 'replace', path: '/min_disk', value: 10 }, { op: 'replace', path: '/min_ram', value: 512 }], ['openstack image set --min-disk 10 --min-ram 512 ID']],
    ['formats', [{ op: 'replace', path: '/disk_format', value: 'qcow2' }, { op: 'replace', path: '/container_format', value: 'bare' }], [
      'openstack image set --disk-format qcow2 --container-format bare ID',
    ]],
    ['unprotect and unhide', [{ op: 'replace', path: '/protected', value: false }, { op: 'replace', path: '/os_hidden', value: false }], [
      'openstack image set --unprotected --unhidden ID',
    ]],
    ['removals only', [{ op: 'remove', path: '/a~1b' }, { op: 'remove', path: '/x' }], ['openstack image unset --property a/b --property x ID']],
    ['a value with quotes and spaces', [{ op: 'add', path: '/note', value: "it's \"odd\"" }], [`openstack image set --property 'note=it'\\''s "odd"' ID`]],
  ])('%s', (_, ops, lines) => {
    expect(cliCommands('ID', ops)).toEqual(lines);
  });
  it('quotes only what needs it', () => {
    expect(shellQuote('virtio')).toBe('virtio');
    expect(shellQuote('a b')).toBe("'a b'");
    expect(shellQuote('$(x)')).toBe("'$(x)'");
  });
});
