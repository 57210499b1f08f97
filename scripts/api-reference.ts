import { writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { z } from 'zod';
import type { Role } from '../types/api';
import type { Actor, Place } from '../types/domain';
import { CATALOG } from '../backend/app/catalog';
import { HTTP_STATUS } from '../backend/app/answers';
import { can, type Action, type Target } from '../backend/domain/permissions';

// `npm run docs:api`: writes docs/api.md, the API reference, from the action declarations
// (backend/app/catalog.ts) — never by hand. Payload tables come from the zod schemas, the
// answer types from the TypeScript checker (`AnswerOf<…>`), who may call from asking the one
// permissions switch (`can`) about each role in scope. A test fails when the committed file
// differs from what this writes (test/scripts/api-reference.test.ts).

const root = path.resolve(__dirname, '..');
export const API_REFERENCE_FILE = path.join(root, 'docs/api.md');

// ---------------------------------------------------------------------------------------------
// Payloads: zod → rows of a table.

interface FieldRow {
  field: string;
  type: string;
  required: boolean;
  notes: string;
}

const code = (text: string) => `\`${text}\``;

function checksOf(def: { checks?: { kind: string; value?: unknown; regex?: RegExp }[] }): Map<string, unknown> {
  return new Map((def.checks ?? []).map((check) => [check.kind, check.value ?? check.regex ?? true]));
}

function rowsOf(schema: z.ZodTypeAny, field: string, required: boolean, description?: string): FieldRow[] {
  const notes = description ?? schema.description;
  if (schema instanceof z.ZodOptional) return rowsOf(schema.unwrap(), field, false, notes);
  if (schema instanceof z.ZodEffects) return rowsOf(schema.innerType(), field, required, notes);
  if (schema instanceof z.ZodObject) {
    const shape = schema.shape as Record<string, z.ZodTypeAny>;
    const inner = Object.entries(shape).flatMap(([name, child]) => rowsOf(child, field ? `${field}.${name}` : name, true));
    return field ? [{ field, type: 'object', required, notes: notes ?? '' }, ...inner] : inner;
  }
  if (schema instanceof z.ZodArray) {
    const checks = schema._def as { minLength: { value: number } | null; maxLength: { value: number } | null };
    const size = [checks.minLength && `at least ${checks.minLength.value}`, checks.maxLength && `at most ${checks.maxLength.value}`].filter(Boolean).join(', ');
    const element = schema.element as z.ZodTypeAny;
    const elementRows = rowsOf(element, `${field}[]`, true);
    const [first, ...rest] = elementRows;
    const type = element instanceof z.ZodObject ? 'array of objects' : `array of ${first.type}`;
    const own = { field, type, required, notes: [notes, size && `${size} items`, element instanceof z.ZodObject ? '' : first.notes].filter(Boolean).join('; ') };
    return element instanceof z.ZodObject ? [own, ...rest] : [own];
  }
  if (schema instanceof z.ZodString) {
    const checks = checksOf(schema._def);
    const limits = [checks.has('min') && `at least ${checks.get('min')}`, checks.has('max') && `at most ${checks.get('max')}`].filter(Boolean).join(', ');
    return [{ field, type: 'string', required, notes: notes ?? (limits ? `${limits} characters` : '') }];
  }
  if (schema instanceof z.ZodNumber) {
    const checks = checksOf(schema._def);
    const range = [checks.has('min') && `≥ ${checks.get('min')}`, checks.has('max') && `≤ ${checks.get('max')}`].filter(Boolean).join(', ');
    return [{ field, type: checks.has('int') ? 'integer' : 'number', required, notes: notes ?? range }];
  }
  if (schema instanceof z.ZodBoolean) return [{ field, type: 'boolean', required, notes: notes ?? '' }];
  if (schema instanceof z.ZodEnum) return [{ field, type: (schema.options as string[]).map(code).join(' \\| '), required, notes: notes ?? '' }];
  // A single allowed value (me.delete's `confirm: true`).
  if (schema instanceof z.ZodLiteral) return [{ field, type: code(JSON.stringify(schema.value)), required, notes: notes ?? '' }];
  throw new Error(`api-reference: no table row for a ${schema.constructor.name} at "${field}"`);
}

function payloadTable(schema: z.ZodTypeAny): string[] {
  const rows = rowsOf(schema, '', true);
  if (rows.length === 0) return ['Payload: none (`{}`).'];
  return [
    '| field | type | required | notes |',
    '| --- | --- | --- | --- |',
    ...rows.map((row) => `| ${code(row.field)} | ${row.type} | ${row.required ? 'yes' : 'no'} | ${row.notes.replace(/\|/g, '\\|')} |`),
  ];
}

// ---------------------------------------------------------------------------------------------
// Who may call: the switch asked about each role, in scope.

const PLACE: Place = { communityId: 'c-1', streetId: 's-1', districtId: 'd-1' };
const ROLES: Role[] = ['resident', 'community', 'street', 'district', 'city', 'supervisor'];
const SCOPE_OF: Record<Role, string> = { resident: 'c-1', community: 'c-1', street: 's-1', district: 'd-1', city: 'city', supervisor: 'd-1' };

/** The targets an action may be asked about: its place, with each implementing side, and a role to grant. */
const TARGETS: Target[] = [
  PLACE,
  { ...PLACE, side: 'community' },
  { ...PLACE, side: 'street' },
  { ...PLACE, grantRole: 'community' },
  // Issue 18 (inspections): each kind of check names its inspector.
  { ...PLACE, inspectionKind: 'self_check' },
  { ...PLACE, inspectionKind: 'census' },
  { ...PLACE, inspectionKind: 'sampling' },
  // Issue 16 (directory): the kind of unit edited.
  { ...PLACE, unitKind: 'community' },
];

function allows(actor: Actor, permission: Action): boolean {
  return TARGETS.some((target) => can(actor, permission, target));
}

function whoMayCall(permission: Action, signIn: boolean): string {
  if (allows({ openid: null, communityId: null, grants: [] }, permission)) return signIn ? 'anyone signed in' : 'anyone, without signing in';
  if (allows({ openid: 'u-1', communityId: null, grants: [] }, permission)) return 'anyone signed in';
  const roles = ROLES.filter((role) => allows({ openid: 'u-1', communityId: null, grants: [{ role, scopeId: SCOPE_OF[role] }] }, permission));
  return `${roles.join(', ')} — within their scope (\`${permission}\` in backend/domain/permissions.ts)`;
}

// ---------------------------------------------------------------------------------------------
// Answers: the checker's name for `AnswerOf<A>`.

function answerTypes(): Map<string, string> {
  const probe = path.join(root, 'backend/app/__answers__.ts');
  const text = [
    "import type { AnswerOf } from './catalog';",
    ...CATALOG.map((declaration, index) => `export type A${index} = AnswerOf<'${declaration.name}'>;`),
  ].join('\n');
  const options: ts.CompilerOptions = { strict: true, target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, skipLibCheck: true, noEmit: true, resolveJsonModule: true, types: [] };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (file) => (path.resolve(file) === probe ? text : readFile(file));
  host.fileExists = ((exists) => (file: string) => path.resolve(file) === probe || exists(file))(host.fileExists.bind(host));
  host.getSourceFile = (file, language, onError, create) =>
    path.resolve(file) === probe ? ts.createSourceFile(file, text, language) : getSourceFile(file, language, onError, create);
  const program = ts.createProgram([probe], options, host);
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(probe)!;
  const names = new Map<string, string>();
  source.statements.forEach((statement, index) => {
    if (!ts.isTypeAliasDeclaration(statement)) return;
    const type = checker.getTypeAtLocation(statement.name);
    const printed = checker.typeToString(type, undefined, ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope);
    names.set(CATALOG[index - 1].name, printed);
  });
  return names;
}

// ---------------------------------------------------------------------------------------------

const CHAIN_WORDS = {
  proposal: "the proposal's chain",
  ledger: "the ledger's chain (community, year)",
  comments: "the chain of the proposal's comments",
  ratings: "the chain of the proposal's ratings",
  user: "the user's chain",
  policy: "the policy's chain (district, year)",
  complaint: "the complaint's chain",
  library: "the library entry's chain",
  calendar: "the calendar year's chain", // issue 16
  // Issue 18 (inspections, plans)
  inspection: "the inspection's chain",
  plan: "the street plan's chain (street, year)",
  // issue 16
  directory: "the directory's chain",
  invitation: "the invitation's chain",
} as const;

export function apiReference(): string {
  const answers = answerTypes();
  const lines: string[] = [
    '# API reference',
    '',
    '<!-- Written by `npm run docs:api` (scripts/api-reference.ts) from the action declarations; do not edit by hand. -->',
    '',
    'One backend, two doors, the same dispatch: in WeChat the cloud function `api`',
    '(`Taro.cloud.callFunction({ name: \'api\', data: { action, payload } })`, the caller is',
    '`cloud.getWXContext().OPENID`); locally `POST /api` with `{ "action": "…", "payload": { … } }`',
    '(the caller is the `x-dev-openid` header, the clock may be set with `x-dev-now`, both in local mode',
    'only). Every answer is the envelope',
    '`{ ok: true, data } | { ok: false, error: { code, message, field? } }`; money is integer fen, a date',
    '`YYYY-MM-DD` in Asia/Shanghai, an instant ISO 8601. How each action is declared:',
    '[adding-an-action.md](adding-an-action.md); the rules they enforce: [rules.md](rules.md).',
    '',
    '| error code | HTTP status |',
    '| --- | --- |',
    ...Object.entries(HTTP_STATUS).map(([name, status]) => `| ${code(name)} | ${status} |`),
    '',
    '## Actions',
    '',
    ...CATALOG.map((declaration) => `- [${code(declaration.name)}](#${declaration.name.replace(/\./g, '').toLowerCase()})`),
    '',
  ];
  for (const declaration of CATALOG) {
    lines.push(
      `### ${declaration.name}`,
      '',
      declaration.summary,
      '',
      `- **Who may call**: ${whoMayCall(declaration.access.permission, declaration.access.signIn)}`,
      `- **Answer**: ${code(answers.get(declaration.name) ?? '?')}`,
      `- **Audit**: ${declaration.audit.length > 0 ? declaration.audit.map((chain) => `an entry on ${CHAIN_WORDS[chain]}`).join('; ') : 'none (it changes nothing)'}`,
      `- **Next**: ${declaration.next.length > 0 ? declaration.next.map(code).join(', ') : '—'}`,
      '',
      ...payloadTable(declaration.schema),
      '',
    );
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

if (require.main === module) {
  writeFileSync(API_REFERENCE_FILE, apiReference());
  process.stdout.write(`[docs] wrote ${path.relative(root, API_REFERENCE_FILE)} (${CATALOG.length} actions)\n`);
}
