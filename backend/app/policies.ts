import type { UseCaseContext } from './action';

/**
 * The district a policy request is about: the one named; else the caller's own (the first
 * district their grants lie in); else the only district of the directory. Null when none fits
 * or the named one does not exist.
 */
export async function districtOf(context: UseCaseContext, named: string | undefined): Promise<string | null> {
  const { store } = context.services;
  if (named !== undefined) {
    const scope = await store.findScope(named);
    return scope?.kind === 'district' ? named : null;
  }
  for (const grant of context.actor.grants) {
    const scope = await store.findScope(grant.scopeId);
    if (scope) return scope.districtId;
  }
  const { districts } = await store.getDirectory();
  return districts.length === 1 ? districts[0].id : null;
}
