import * as calendar from '../../backend/domain/calendar';
import * as checklist from '../../backend/domain/checklist';
import * as deadlines from '../../backend/domain/deadlines';
import * as domain from '../../backend/domain';
import * as labels from '../../backend/domain/labels';
import * as lifecycle from '../../backend/domain/lifecycle';
import * as money from '../../backend/domain/money';
import * as permissions from '../../backend/domain/permissions';
import * as policy from '../../backend/domain/policy';
import * as privacy from '../../backend/domain/privacy';
import * as result from '../../backend/domain/result';
import * as scope from '../../backend/domain/scope';

const MODULES = { calendar, checklist, deadlines, labels, lifecycle, money, permissions, policy, privacy, result, scope };

describe('the public API of the domain re-exports every value of every module', () => {
  const cells = Object.entries(MODULES).flatMap(([module, exports]) =>
    Object.keys(exports).map((name) => [name, module] as const),
  );

  test.each(cells)('%s of %s is the same value through the index', (name, module) => {
    const original = (MODULES as Record<string, Record<string, unknown>>)[module][name];
    expect((domain as Record<string, unknown>)[name]).toBe(original);
  });

  it('the index exports nothing else', () => {
    expect(Object.keys(domain).sort()).toEqual(cells.map(([name]) => name).sort());
  });
});
