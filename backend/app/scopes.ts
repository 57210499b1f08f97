import { CITY_SCOPE_ID, type ScopeTarget } from '../domain/scope';
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
