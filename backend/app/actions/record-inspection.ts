import { TEXT_LIMITS } from '../../../common/limits';
import { z } from 'zod';
import type { Inspection } from '../../../types/domain';
import { checkInspection } from '../../domain/inspections';
import { defineAction } from '../action';
import { fail, ok } from '../answers';
import { authorizedScope } from '../scopes';
import { dateString, personText, recordId } from '../schemas';

export const inspectionChain = (id: string) => `inspection:${id}`;

export const recordInspection = defineAction({
  name: 'inspection.record',
  summary:
    "A check of 三(二) with its findings (R-INS-1): a street's `self_check` of its street (May and November), the district's `census` of the district (November), the city's `sampling` of any unit.",
  schema: z.object({
    scopeId: z.string().min(1).max(64).describe('the inspected unit: a street (self_check), a district (census), any unit (sampling)'),
    kind: z.enum(['self_check', 'census', 'sampling']),
    heldOn: dateString,
    findings: z
      .array(z.object({ proposalId: recordId.optional(), text: personText(TEXT_LIMITS.reason), fixBy: dateString.optional() }))
      .max(100),
  }),
  access: { signIn: true, permission: 'inspection.record' },
  audit: ['inspection'],
  next: ['inspection.resolve', 'inspection.list'],
  async run(input, context) {
    const { store } = context.services;
    const found = await authorizedScope(context, input.scopeId, { inspectionKind: input.kind });
    if (!found.ok) return found;
    const { scope } = found;
    const findings = input.findings.map((finding) => ({ ...finding }));
    const bad = checkInspection({ kind: input.kind, heldOn: input.heldOn, findings }, scope.kind, context.today);
    if (bad) return { ok: false, error: bad };
    for (const [index, finding] of findings.entries()) {
      if (finding.proposalId === undefined) continue;
      const project = await store.findProposal(finding.proposalId);
      const inside = project && Object.entries(scope.target).every(([key, id]) => project.record[key as keyof typeof scope.target] === id);
      if (!inside) return fail('not_found', '检查范围内没有这个项目', `findings.${index}.proposalId`);
    }
    const inspection: Inspection = {
      id: context.services.newId('ins'),
      scopeId: input.scopeId,
      kind: input.kind,
      heldOn: input.heldOn,
      findings,
      recordedBy: context.caller.openid!,
      recordedAt: context.at,
      version: 1,
    };
    const { streetId, districtId } = scope.target;
    const saved = await store.saveInspection({
      inspection,
      place: { ...(streetId ? { streetId } : {}), ...(districtId ? { districtId } : {}) },
      audit: context.auditEntry({ chainId: inspectionChain(inspection.id), detail: { event: 'InspectionRecorded', kind: input.kind, scopeId: input.scopeId, findings: findings.length } }),
    });
    return ok(saved);
  },
});
