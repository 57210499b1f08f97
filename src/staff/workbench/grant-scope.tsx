import { useState } from 'react';
import { ROLE_LABELS } from '../../../common/glossary';
import type { Role, RoleGrant } from '../../../types/api';
import { Chips } from './fields';
import { grantsOf, placeNames, scopesUnder, type PlaceNames, type ScopeOption, type StaffContext } from './scope';

/** 选择身份: for a person who holds more than one grant, the one the page works under. */
export function GrantChips({ grants, names, value, onChange }: { grants: RoleGrant[]; names: PlaceNames; value: number; onChange: (index: number) => void }) {
  if (grants.length <= 1) return null;
  return (
    <Chips
      label='选择身份'
      options={grants.map((option, position) => ({ value: String(position), label: `${ROLE_LABELS[option.role]} · ${names.scope(option.scopeId)}` }))}
      value={String(value)}
      onChange={(picked) => onChange(Number(picked))}
    />
  );
}

export interface GrantScope {
  grant: RoleGrant;
  /** The units at or below the grant's own that the page offers. */
  units: ScopeOption[];
  /** The unit picked, or the grant's own until one is. */
  scopeId: string;
  pick: (scopeId: string) => void;
  names: PlaceNames;
  /** 选择身份, or null for a person with one grant of these roles. */
  grantChips: JSX.Element | null;
}

/**
 * Which of the caller's grants of these roles a page works under, and which unit at or below it
 * (`offered` narrows the units); picking another grant starts again from that grant's own unit.
 * Null for a person who holds none of these roles.
 */
export function useGrantScope(context: StaffContext, roles: readonly Role[], offered: (unit: ScopeOption) => boolean = () => true): GrantScope | null {
  const [grantIndex, setGrantIndex] = useState(0);
  const [picked, setPicked] = useState<string | null>(null);
  const grants = grantsOf(context.me, roles);
  if (grants.length === 0) return null;
  const names = placeNames(context.directory);
  const grant = grants[Math.min(grantIndex, grants.length - 1)];
  const units = scopesUnder(grant, context.directory).filter(offered);
  const scopeId = picked && units.some((unit) => unit.id === picked) ? picked : grant.scopeId;
  const switchGrant = (index: number) => {
    setGrantIndex(index);
    setPicked(null);
  };
  const grantChips = grants.length > 1 ? <GrantChips grants={grants} names={names} value={grantIndex} onChange={switchGrant} /> : null;
  return { grant, units, scopeId, pick: setPicked, names, grantChips };
}

/** 选择社区: for a worker of more than one community, the one the page works for. */
export function CommunityChips({ grants, names, value, onChange }: { grants: RoleGrant[]; names: PlaceNames; value: string; onChange: (communityId: string) => void }) {
  if (grants.length <= 1) return null;
  return <Chips label='选择社区' options={grants.map((grant) => ({ value: grant.scopeId, label: names.community(grant.scopeId) }))} value={value} onChange={onChange} />;
}
