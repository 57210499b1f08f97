import { z } from 'zod';
import type { Directory, Me, ProposalPage, ProposalView, RatingSummary } from '../../types/api';
import { ACTION_NAMES, CATALOG, declarationOf, type AnswerOf, type RequestOf } from '../../backend/app/catalog';
import { ACTIONS, can } from '../../backend/domain/permissions';
import { buildActor, HOME } from '../domain/factories';

// The catalog is the one list of actions: these checks hold it to the permissions switch and
// to the shape every declaration must have. The compiler checks the rest (catalog.ts).

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
// Answers and payloads derived from the declarations are the contract's types.
const answersAreTheContract: [
  Equals<AnswerOf<'proposal.get'>, ProposalView>,
  Equals<AnswerOf<'proposal.list'>, ProposalPage>,
  Equals<AnswerOf<'me.get'>, Me>,
  Equals<AnswerOf<'directory.get'>, Directory>,
  Equals<AnswerOf<'rating.summary'>, RatingSummary>,
  Equals<RequestOf<'proposal.get'>, { id: string }>,
] = [true, true, true, true, true, true];

describe('the action catalog', () => {
  it('names every action once, as noun.verb', () => {
    expect(new Set(ACTION_NAMES).size).toBe(ACTION_NAMES.length);
    for (const name of ACTION_NAMES) expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
    expect(answersAreTheContract.every(Boolean)).toBe(true);
  });

  it('asks every permission of the one switch, and only those', () => {
    const asked = new Set(CATALOG.map((declaration) => declaration.access.permission));
    expect([...asked].sort()).toEqual([...ACTIONS].sort());
  });

  it('turns an anonymous caller away first exactly where the switch never lets one in', () => {
    const anonymous = buildActor(null);
    for (const declaration of CATALOG) {
      const openToAnonymous = can(anonymous, declaration.access.permission, HOME);
      expect({ action: declaration.name, signIn: declaration.access.signIn }).toEqual({ action: declaration.name, signIn: !openToAnonymous });
    }
  });

  it('declares a payload object, a summary, and next steps that are actions', () => {
    for (const declaration of CATALOG) {
      expect(declaration.schema).toBeInstanceOf(z.ZodObject);
      expect(declaration.summary.length).toBeGreaterThan(20);
      for (const next of declaration.next) expect(ACTION_NAMES).toContain(next);
    }
  });

  it('finds a declaration by name; anything else is no action', () => {
    expect(declarationOf('proposal.get')?.name).toBe('proposal.get');
    for (const name of ['proposal.delete', '__proto__', 'constructor', '', 42, null]) expect(declarationOf(name)).toBeUndefined();
  });
});
