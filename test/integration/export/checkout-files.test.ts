import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { replaceFiles, replaceFolder } from '../../../src/export/checkout-files';
import { tempDir } from '../../support/temp-dir';

const FOLDER = 'threat-models/tm-1-refunds-api';
const FILES = [
  { path: 'README.md', content: '# TM-1\n' },
  { path: 'images/dfd.svg', content: '<svg/>' },
];
const refuse = (at: string, holds: string) => new Error(`refused ${at} (${holds})`);

/**
 * The on-disk half of the export's path checks (git's objects are checked first): whatever a
 * checkout holds, links made by hand here, nothing is removed or written through one.
 */
describe("replacing the model's folder in a checkout", () => {
  let checkout: ReturnType<typeof tempDir>;
  let outside: ReturnType<typeof tempDir>;
  beforeEach(() => {
    checkout = tempDir();
    outside = tempDir({ 'canary.txt': 'canary\n', 'tm-1-refunds-api/keep.txt': 'keep\n' });
  });
  afterEach(() => {
    checkout.cleanup();
    outside.cleanup();
  });
  const at = (relative: string) => path.join(checkout.dir, ...relative.split('/'));
  const folder = (relative: string) => mkdirSync(at(relative), { recursive: true });

  it('writes exactly the files, the old ones gone', async () => {
    folder(FOLDER);
    writeFileSync(at(`${FOLDER}/old.json`), '{}\n');
    await replaceFolder(checkout.dir, FOLDER, FILES, refuse);
    expect(readFileSync(at(`${FOLDER}/images/dfd.svg`), 'utf8')).toBe('<svg/>');
    expect(existsSync(at(`${FOLDER}/old.json`))).toBe(false);
  });

  it.each([
    ['the export folder', 'threat-models', () => outside.dir],
    ['the model folder', FOLDER, () => path.join(outside.dir, 'tm-1-refunds-api')],
    ['a file it writes', `${FOLDER}/README.md`, () => path.join(outside.dir, 'canary.txt')],
    ['a folder inside the model folder', `${FOLDER}/images`, () => outside.dir],
  ])('refuses %s as a link, before removing or writing anything', async (_what, link, target) => {
    folder(path.posix.dirname(link));
    if (link.startsWith(`${FOLDER}/`)) writeFileSync(at(`${FOLDER}/old.json`), '{}\n');
    symlinkSync(target(), at(link));
    await expect(replaceFolder(checkout.dir, FOLDER, FILES, refuse)).rejects.toThrow(`refused ${link} (symbolic link)`);
    expect(readFileSync(path.join(outside.dir, 'canary.txt'), 'utf8')).toBe('canary\n');
    expect(readFileSync(path.join(outside.dir, 'tm-1-refunds-api', 'keep.txt'), 'utf8')).toBe('keep\n');
    expect(existsSync(path.join(outside.dir, 'README.md'))).toBe(false);
    expect(existsSync(path.join(outside.dir, 'tm-1-refunds-api', 'README.md'))).toBe(false);
    if (link.startsWith(`${FOLDER}/`)) expect(existsSync(at(`${FOLDER}/old.json`))).toBe(true);
  });

  it('refuses a file where a folder belongs', async () => {
    writeFileSync(at('threat-models'), 'a file\n');
    await expect(replaceFolder(checkout.dir, FOLDER, FILES, refuse)).rejects.toThrow('refused threat-models (file)');
    expect(readFileSync(at('threat-models'), 'utf8')).toBe('a file\n');
  });
});

/** A catalog folder holds other entries: a proposal writes its one file and keeps the rest. */
describe('replacing only some files of a folder in a checkout', () => {
  const CATALOG = 'threat-models/catalog/proposed';
  const ENTRY = [{ path: 'thr-tm1-t1.yaml', content: 'threats: []\n' }];
  let checkout: ReturnType<typeof tempDir>;
  let outside: ReturnType<typeof tempDir>;
  beforeEach(() => {
    checkout = tempDir({ [`${CATALOG}/ctl-tm2-m1.yaml`]: 'controls: []\n', [`${CATALOG}/thr-tm1-t1.yaml`]: 'old\n' });
    outside = tempDir({ 'canary.yaml': 'canary\n' });
  });
  afterEach(() => {
    checkout.cleanup();
    outside.cleanup();
  });
  const at = (relative: string) => path.join(checkout.dir, ...relative.split('/'));

  it('replaces the file and keeps the folder’s other files', async () => {
    await replaceFiles(checkout.dir, CATALOG, ENTRY, refuse);
    expect(readFileSync(at(`${CATALOG}/thr-tm1-t1.yaml`), 'utf8')).toBe('threats: []\n');
    expect(readFileSync(at(`${CATALOG}/ctl-tm2-m1.yaml`), 'utf8')).toBe('controls: []\n');
  });

  it.each([
    ['the file itself', `${CATALOG}/thr-tm1-t1.yaml`, () => path.join(outside.dir, 'canary.yaml')],
    ['the catalog folder', 'threat-models/catalog', () => outside.dir],
  ])('refuses %s as a link, before removing or writing anything', async (_what, link, target) => {
    rmSync(at(link), { recursive: true, force: true });
    symlinkSync(target(), at(link));
    await expect(replaceFiles(checkout.dir, CATALOG, ENTRY, refuse)).rejects.toThrow(`refused ${link} (symbolic link)`);
    expect(readFileSync(path.join(outside.dir, 'canary.yaml'), 'utf8')).toBe('canary\n');
    expect(existsSync(path.join(outside.dir, 'proposed'))).toBe(false);
  });
});
