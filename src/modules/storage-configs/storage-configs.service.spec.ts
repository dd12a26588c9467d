import type { CreateStorageConfigDto } from './dto/storage-config-input.dto.js';
import { storageConfigsServiceWithFakes, testAuth } from './testing/storage-configs.fakes.js';

const ORG = 'org-1';

const s3 = (name: string, extra: Partial<CreateStorageConfigDto> = {}): CreateStorageConfigDto =>
  ({
    name,
    provider: 'aws_s3',
    bucket: 'offsite-backups',
    region: 'eu-west-1',
    access_key: 'AKIAIOSFODNN7EXAMPLE',
    secret_key: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    ...extra,
  }) as CreateStorageConfigDto;

describe('StorageConfigsService: default selection (in-memory ports)', () => {
  it('the first config of a scope becomes its default; later ones do not unless asked', async () => {
    const { service } = storageConfigsServiceWithFakes();
    const first = await service.create(testAuth, ORG, s3('first'));
    const second = await service.create(testAuth, ORG, s3('second'));
    expect(first.is_default).toBe(true);
    expect(second.is_default).toBe(false);
  });

  it('creating with is_default moves the default: exactly one default per scope', async () => {
    const { service } = storageConfigsServiceWithFakes();
    const first = await service.create(testAuth, ORG, s3('first'));
    const second = await service.create(testAuth, ORG, s3('second', { is_default: true }));
    const list = await service.list(ORG);
    expect(list.filter((c) => c.is_default).map((c) => c.id)).toEqual([second.id]);
    expect(list.find((c) => c.id === first.id)?.is_default).toBe(false);
  });

  it('scopes are independent: another organization and the platform keep their own default', async () => {
    const { service } = storageConfigsServiceWithFakes();
    await service.create(testAuth, ORG, s3('org one'));
    const other = await service.create(testAuth, 'org-2', s3('org two'));
    const platform = await service.create(testAuth, null, s3('platform'));
    expect(other.is_default).toBe(true);
    expect(platform.is_default).toBe(true);
  });

  it('deleting the default promotes the most recently used active config', async () => {
    const { service, repo, audit } = storageConfigsServiceWithFakes();
    const def = await service.create(testAuth, ORG, s3('default'));
    const unused = await service.create(testAuth, ORG, s3('never used'));
    const used = await service.create(testAuth, ORG, s3('used'));
    const inactive = await service.create(testAuth, ORG, s3('inactive, used last', { is_active: false }));
    repo.rows.get(used.id)!.lastUsedAt = new Date('2026-02-01T00:00:00Z');
    repo.rows.get(inactive.id)!.lastUsedAt = new Date('2026-03-01T00:00:00Z');

    await service.remove(testAuth, ORG, def.id);

    const list = await service.list(ORG);
    expect(list.filter((c) => c.is_default).map((c) => c.name)).toEqual(['used']);
    expect(list.find((c) => c.id === unused.id)?.is_default).toBe(false);
    expect(audit.at(-1)).toMatchObject({
      action: 'storage_config.delete',
      targetId: def.id,
      diff: { promoted_default: used.id },
    });
  });

  it('without any use, the newest active config takes over', async () => {
    const { service } = storageConfigsServiceWithFakes();
    const def = await service.create(testAuth, ORG, s3('default'));
    await service.create(testAuth, ORG, s3('older'));
    await service.create(testAuth, ORG, s3('newer'));
    await service.remove(testAuth, ORG, def.id);
    expect((await service.list(ORG)).filter((c) => c.is_default).map((c) => c.name)).toEqual(['newer']);
  });

  it('deleting the default with no active config left leaves the scope without a default', async () => {
    const { service, audit } = storageConfigsServiceWithFakes();
    const def = await service.create(testAuth, ORG, s3('default'));
    await service.create(testAuth, ORG, s3('inactive', { is_active: false }));
    await service.remove(testAuth, ORG, def.id);
    expect((await service.list(ORG)).some((c) => c.is_default)).toBe(false);
    expect(audit.at(-1)?.diff).not.toHaveProperty('promoted_default');
  });

  it('deleting a config that is not the default promotes nothing', async () => {
    const { service } = storageConfigsServiceWithFakes();
    const def = await service.create(testAuth, ORG, s3('default'));
    const other = await service.create(testAuth, ORG, s3('other'));
    await service.remove(testAuth, ORG, other.id);
    expect((await service.list(ORG)).map((c) => [c.id, c.is_default])).toEqual([[def.id, true]]);
  });

  it('a config holding backups is not deleted, and the default stays', async () => {
    const { service, repo } = storageConfigsServiceWithFakes();
    const def = await service.create(testAuth, ORG, s3('default'));
    repo.backupsByConfig.set(def.id, 3);
    await expect(service.remove(testAuth, ORG, def.id)).rejects.toMatchObject({
      code: 'bad_request',
      detail: expect.stringContaining('with 3 backups'),
    });
    expect((await service.get(ORG, def.id)).is_default).toBe(true);
  });

  it('unsetting the default is refused: another config has to be made default instead', async () => {
    const { service } = storageConfigsServiceWithFakes();
    const def = await service.create(testAuth, ORG, s3('default'));
    await expect(service.update(testAuth, ORG, def.id, { is_default: false })).rejects.toMatchObject({
      code: 'conflict',
    });
  });

  it("another organization's config is a 404, like a missing one", async () => {
    const { service } = storageConfigsServiceWithFakes();
    const mine = await service.create(testAuth, ORG, s3('mine'));
    await expect(service.get('org-2', mine.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(service.remove(testAuth, 'org-2', mine.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('secrets are stored encrypted and never come back in a response', async () => {
    const { service, repo } = storageConfigsServiceWithFakes();
    const dto = s3('secret');
    const created = await service.create(testAuth, ORG, dto);
    const row = repo.rows.get(created.id)!;
    expect(row.secretKeyEnc).toBeTruthy();
    expect(row.secretKeyEnc).not.toContain(dto.secret_key);
    const shown = JSON.stringify(await service.get(ORG, created.id));
    expect(shown).not.toContain(dto.secret_key);
    expect(shown).not.toContain(dto.access_key);
    expect(shown).not.toContain(row.secretKeyEnc!);
  });
});
