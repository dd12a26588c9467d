import { Injectable } from '@nestjs/common';

/** Returns the organization owning the resource, or null when it does not exist. */
export type OrgResolver = (resourceId: string) => Promise<string | null>;

/**
 * Path parameters that address a tenant resource by id (e.g. `config_id`, `backup_id`) and how to
 * find its organization. AccessGuard uses them so the organization of a resource addressed by id
 * always comes from the database, never from the client. Modules register in onModuleInit:
 *   this.resolvers.register('config_id', (id) => this.repo.findOrganizationId(id));
 */
@Injectable()
export class ResourceOrgResolvers {
  private readonly resolvers = new Map<string, OrgResolver>();

  register(pathParam: string, resolver: OrgResolver): void {
    if (pathParam === 'org_id') throw new Error('org_id is resolved by AccessGuard itself');
    if (this.resolvers.has(pathParam))
      throw new Error(`An org resolver for ${pathParam} is already registered`);
    this.resolvers.set(pathParam, resolver);
  }

  get(pathParam: string): OrgResolver | undefined {
    return this.resolvers.get(pathParam);
  }

  params(): string[] {
    return [...this.resolvers.keys()].sort();
  }
}
