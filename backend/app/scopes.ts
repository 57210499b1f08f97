import type { Target } from '../domain/permissions';
import type { Failure } from '../domain/result';
import { CITY_SCOPE_ID, type ScopeTarget } from '../domain/scope';
import type { UseCaseContext } from './action';
import { fail } from './answers';
import type { ScopeFilter, Store } from './ports/store.port';

export interface ResolvedScope {
  kind: 'community' | 'street' | 'district' | 'city';
  filter: ScopeFilter;
  /** The place for permission checks: as much of it as the scope has. */
  target: ScopeTarget;
}

/** A community, street or district id, or `city`, as a list filter and a permission target. */
export async function resolveScope(store: Store, scopeId: string): Promise<ResolvedScope | null> {
  if (scopeId === CITY_SCOPE_ID) return { kind: 'city', filter: { kind: 'all' }, target: {} };
  const place = await store.findScope(scopeId);
  if (!place) return null;
  const { kind, ...target } = place;
  return { kind, filter: { kind, id: scopeId }, target };
}

/**
 * The scope an action's `scopeId` names, once the caller holds the declared permission there:
 * not_found on `scopeId` for no such place, else the permission's refusal. `weighs` adds what the
 * permission weighs besides the place (the role to grant, the kind of check).
 */
export async function authorizedScope(
  context: UseCaseContext,
  scopeId: string,
  weighs: Omit<Target, keyof ScopeTarget> = {},
): Promise<{ ok: true; scope: ResolvedScope } | Failure> {
  const scope = await resolveScope(context.services.store, scopeId);
  if (!scope) return fail('not_found', '没有这个范围', 'scopeId');
  return context.authorize({ ...scope.target, ...weighs }) ?? { ok: true, scope };
}
