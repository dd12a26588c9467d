import { RequestMethod, type INestApplication } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, VERSION_METADATA } from '@nestjs/common/constants.js';
import { ModulesContainer } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { ACCESS_KEY, type AccessDeclaration } from './access-declaration.js';
import { IS_PUBLIC } from './public.decorator.js';

export const GLOBAL_PREFIX = 'api';
export const DEFAULT_VERSION = '1';

export interface RouteEntry {
  method: string;
  /** Fastify syntax, e.g. /api/v1/organizations/:org_id */
  path: string;
  /** 'public', 'authenticated', 'platform_admin', a permission, or 'UNDECLARED'. */
  access: string;
}

function join(...parts: string[]): string {
  const path = parts
    .flatMap((p) => p.split('/'))
    .filter(Boolean)
    .join('/');
  return `/${path}`;
}

function accessOf(handler: object, controller: object): string {
  const read = <T>(key: string) =>
    (Reflect.getMetadata(key, handler) as T | undefined) ??
    (Reflect.getMetadata(key, controller) as T | undefined);
  if (read<boolean>(IS_PUBLIC)) return 'public';
  const declaration = read<AccessDeclaration>(ACCESS_KEY);
  if (!declaration) return 'UNDECLARED';
  return declaration.kind === 'permission' ? declaration.permission : declaration.kind;
}

/** Every route of every controller in the app with its access declaration, sorted by path then method. */
export function listRoutes(app: INestApplication): RouteEntry[] {
  const routes: RouteEntry[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller) continue;
      const controllerPaths = [Reflect.getMetadata(PATH_METADATA, controller) ?? '/'].flat() as string[];
      const controllerVersion = Reflect.getMetadata(VERSION_METADATA, controller) as string | undefined;
      const proto = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const handler = proto[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const methodPaths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        if (methodPaths === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        const version =
          (Reflect.getMetadata(VERSION_METADATA, handler) as string | undefined) ??
          controllerVersion ??
          DEFAULT_VERSION;
        for (const cp of controllerPaths) {
          for (const mp of [methodPaths].flat()) {
            routes.push({
              method,
              path: join(GLOBAL_PREFIX, `v${version}`, cp, mp),
              access: accessOf(handler, controller),
            });
          }
        }
      }
    }
  }
  return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

const registered = new WeakMap<FastifyInstance, { method: string; path: string }[]>();

/** Records every route Fastify registers (call before the app initialises), for the inventory test. */
export function recordFastifyRoutes(fastify: FastifyInstance): void {
  const list: { method: string; path: string }[] = [];
  registered.set(fastify, list);
  fastify.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) list.push({ method: String(method), path: route.url });
  });
}

export function fastifyRoutes(fastify: FastifyInstance): { method: string; path: string }[] {
  return [...(registered.get(fastify) ?? [])];
}
