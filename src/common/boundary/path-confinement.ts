import { mkdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { AppConfig } from '../../config/config.js';

/**
 * Where tenant-named directories may lie on the platform's disk. Roots are platform-declared
 * templates (`/srv/filestores/{organization_slug}`); every organization gets its own subtree, and a
 * path is judged after `..`, symlinks (realpath of the deepest existing ancestor) are resolved, so
 * `root/../..` and a symlink inside the root that points elsewhere are both seen for what they are.
 *
 * Case: paths compare byte for byte. Offsite's supported filesystems (ext4, xfs) are
 * case-sensitive; on a case-insensitive mount realpath returns the stored spelling, which is what
 * the comparison then sees.
 */

/**
 * Offsite's own directories (data dir with its keys and embedded database, working directory,
 * platform local storage): no tenant-named path may contain them or lie inside them, except
 * through a root the platform declared there.
 */
export function offsitePaths(config: Pick<AppConfig, 'dataDir' | 'appDir' | 'storage'>): string[] {
  return [config.dataDir, config.appDir, config.storage.localDir];
}

export const ROOT_PLACEHOLDERS = ['{organization_id}', '{organization_slug}'] as const;

export interface OrgRef {
  id: string;
  slug: string;
}

export class PathViolation extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PathViolation';
  }
}

/** Control characters (NUL, newline, …) never belong in a path a tenant names. */
const CONTROL = /[\u0000-\u001f\u007f]/;

/** A root template with its placeholders filled in for one organization. */
export function expandRoot(template: string, org: OrgRef): string {
  return path.resolve(
    template.replaceAll('{organization_id}', org.id).replaceAll('{organization_slug}', org.slug),
  );
}

/** Problems with a root template (for the settings endpoint); empty when it is usable. */
export function rootTemplateProblems(template: string, protectedPaths: readonly string[]): string[] {
  const problems: string[] = [];
  if (CONTROL.test(template)) return [`"${template}" contains control characters`];
  if (!path.isAbsolute(template)) return [`"${template}" is not an absolute path`];
  const parts = template.split('/').filter(Boolean);
  for (const part of parts) {
    if (part === '..' || part === '.') problems.push(`"${template}" must not contain "." or ".." components`);
    const hasPlaceholder = ROOT_PLACEHOLDERS.some((p) => part.includes(p));
    if (hasPlaceholder && !(ROOT_PLACEHOLDERS as readonly string[]).includes(part))
      problems.push(
        `"${template}": a placeholder must be a whole path component (e.g. /srv/{organization_slug})`,
      );
    if (/[{}]/.test(part) && !hasPlaceholder)
      problems.push(`"${template}": unknown placeholder (use {organization_id} or {organization_slug})`);
  }
  const sample = expandRoot(template, { id: '00000000-0000-0000-0000-000000000000', slug: 'sample' });
  if (sample === '/') problems.push('"/" cannot be a root');
  for (const p of protectedPaths) {
    if (isInsideOrEqual(p, sample))
      problems.push(`"${template}" contains ${p}, which belongs to Offsite itself`);
  }
  return problems;
}

export function isInsideOrEqual(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

export function isStrictlyInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** realpath of the deepest existing ancestor, with the missing rest appended. */
export async function resolveThroughLinks(p: string): Promise<string> {
  const abs = path.resolve(p);
  const missing: string[] = [];
  let cur = abs;
  for (;;) {
    try {
      const real = await realpath(cur);
      return missing.length ? path.join(real, ...missing.reverse()) : real;
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw err;
      const parent = path.dirname(cur);
      if (parent === cur) return abs;
      missing.push(path.basename(cur));
      cur = parent;
    }
  }
}

export interface ConfinementRules {
  /** Root templates of the platform (may be empty). */
  roots: readonly string[];
  /** Offsite's own directories (data dir, working directory, local storage): never inside, never above. */
  protectedPaths: readonly string[];
  /** The path must lie strictly inside one of the organization's roots (tenant-defined sources). */
  requireRoot: boolean;
  /** Name of the field or setting used in messages. */
  field: string;
  /** Name of the platform setting holding the roots (for messages). */
  setting: string;
}

export interface ConfinedPath {
  /** The path as the caller gave it, normalized. */
  given: string;
  /** After resolving symlinks of the existing part: what the workers must use. */
  resolved: string;
  /** The organization's root it lies in (resolved), when it lies in one. */
  root: string | null;
}

/**
 * Decides whether `p` may be used for `org`; throws PathViolation naming the rule otherwise.
 * `createRoot`: make the organization's roots on demand (so realpath of a fresh root works).
 */
export async function confinePath(
  p: string,
  org: OrgRef,
  rules: ConfinementRules,
  createRoot = true,
): Promise<ConfinedPath> {
  const { field } = rules;
  if (CONTROL.test(p)) throw new PathViolation(`${field} must not contain control characters`);
  if (!path.isAbsolute(p)) throw new PathViolation(`${field} must be an absolute path`);
  const given = path.resolve(p);
  if (given === '/') throw new PathViolation(`${field} must not be the root directory "/"`);

  const ownRoots: string[] = [];
  for (const template of rules.roots) {
    const expanded = expandRoot(template, org);
    if (createRoot) await mkdir(expanded, { recursive: true, mode: 0o750 }).catch(() => undefined);
    ownRoots.push(await resolveThroughLinks(expanded));
  }
  const resolved = await resolveThroughLinks(given);
  if (resolved === '/') throw new PathViolation(`${field} resolves to the root directory "/"`);
  const root = ownRoots.find((r) => isStrictlyInside(resolved, r)) ?? null;

  if (rules.requireRoot) {
    if (!rules.roots.length) {
      throw new PathViolation(
        `${field} cannot be set: this platform declares no directories for organizations (setting ${rules.setting} is empty). Ask a platform administrator.`,
      );
    }
    if (!root) {
      const list = ownRoots.join(', ');
      throw new PathViolation(
        resolved !== given && ownRoots.some((r) => isStrictlyInside(given, r))
          ? `${field} resolves through a symbolic link to ${resolved}, outside the platform's directories for this organization: ${list}`
          : `${field} must be a directory inside one of the platform's directories for this organization: ${list}`,
      );
    }
  }

  for (const template of rules.roots) {
    const other = otherOrganizationsRoot(resolved, template, org);
    if (other) throw new PathViolation(`${field} lies in another organization's directory (${other})`);
  }

  const protectedReal = await Promise.all(rules.protectedPaths.map((x) => resolveThroughLinks(x)));
  for (const prot of protectedReal) {
    if (isInsideOrEqual(prot, resolved))
      throw new PathViolation(`${field} must not contain ${prot}, which belongs to Offsite itself`);
    // Inside Offsite's own directories only through a root the platform declared there.
    if (isInsideOrEqual(resolved, prot) && !root)
      throw new PathViolation(`${field} lies inside ${prot}, which belongs to Offsite itself`);
  }
  return { given, resolved, root };
}

/** When `p` matches the template up to its placeholder with another organization's value there. */
function otherOrganizationsRoot(p: string, template: string, org: OrgRef): string | null {
  const tparts = path.resolve(template).split('/').filter(Boolean);
  const idx = tparts.findIndex((t) => (ROOT_PLACEHOLDERS as readonly string[]).includes(t));
  if (idx < 0) return null;
  const pparts = p.split('/').filter(Boolean);
  if (pparts.length <= idx) return null;
  for (let i = 0; i < idx; i++) if (tparts[i] !== pparts[i]) return null;
  const own = tparts[idx] === '{organization_id}' ? org.id : org.slug;
  if (pparts[idx] === own) return null;
  return '/' + pparts.slice(0, idx + 1).join('/');
}
