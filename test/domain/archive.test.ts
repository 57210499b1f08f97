import { attachDocument, attachedBefore, documentsVisibleTo, hasDocument, MAX_DOCUMENTS, PUBLIC_DOCUMENT_KINDS } from '../../backend/domain/archive';
import type { DocumentKind } from '../../types/domain';
import { buildActor, buildDocument, buildProposal, ELSEWHERE } from './factories';

const AT = '2026-04-01T02:00:00.000Z';
const CONTEXT = { id: 'doc-new', openid: 'u-com-zhongying', requestId: 'r-1', at: AT };

describe('R-SUP-1: papers join the archive at the stage the project has reached', () => {
  it('R-SUP-1: an attached paper records its kind, file, title, stage and who attached it, after the papers already there', () => {
    const record = buildProposal({ state: 'publicity' });
    const result = attachDocument(record, { kind: 'notice_photo', fileId: 'f-9', title: '  现场公示照片 ' }, CONTEXT);
    expect(result).toEqual({
      ok: true,
      value: {
        record: { ...record, documents: [...record.documents!, expect.objectContaining({ id: 'doc-new', kind: 'notice_photo', title: '现场公示照片', stage: 'publicity' })] },
        document: {
          id: 'doc-new',
          proposalId: 'p-1',
          kind: 'notice_photo',
          fileId: 'f-9',
          title: '现场公示照片',
          stage: 'publicity',
          attachedBy: 'u-com-zhongying',
          attachedAt: AT,
          requestKey: 'u-com-zhongying:r-1',
        },
      },
    });
  });

  it('R-SUP-1: a project without papers gets its first one', () => {
    const result = attachDocument(buildProposal({ state: 'submitted' }), { kind: 'other', fileId: 'f-1', title: '居民来信' }, CONTEXT);
    expect(result.ok && result.value.record.documents).toHaveLength(1);
  });

  test.each<[string, { kind: DocumentKind; fileId: string; title: string }, string, string]>([
    ['a blank title', { kind: 'minutes', fileId: 'f-1', title: ' ' }, 'invalid_input', 'title'],
    ['a title over 60 characters', { kind: 'minutes', fileId: 'f-1', title: '长'.repeat(61) }, 'invalid_input', 'title'],
    ['an unknown kind', { kind: 'photo' as DocumentKind, fileId: 'f-1', title: '照片' }, 'invalid_input', 'kind'],
  ])('R-SUP-1: refuses %s', (_what, input, code, field) => {
    expect(attachDocument(buildProposal(), input, CONTEXT)).toEqual({ ok: false, error: expect.objectContaining({ code, field }) });
  });

  it('R-SUP-1: an archive holds at most 60 papers', () => {
    const documents = Array.from({ length: MAX_DOCUMENTS }, (_, index) => buildDocument('invoice', { id: `doc-${index}` }));
    expect(attachDocument(buildProposal({ documents }), { kind: 'invoice', fileId: 'f-1', title: '发票' }, CONTEXT)).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'invalid_state' }),
    });
  });

  it('the same request key finds the paper it made; another key or caller finds none', () => {
    const record = buildProposal({ documents: [buildDocument('minutes', { requestKey: 'u-com-zhongying:r-1' })] });
    expect(attachedBefore(record, 'u-com-zhongying', 'r-1')?.kind).toBe('minutes');
    expect(attachedBefore(record, 'u-com-zhongying', 'r-2')).toBeUndefined();
    expect(attachedBefore(buildProposal({ state: 'submitted' }), 'u-com-zhongying', 'r-1')).toBeUndefined();
  });

  it('knows whether a kind of paper is in the archive', () => {
    expect(hasDocument(buildProposal({ state: 'audited' }), 'audit_report')).toBe(true);
    expect(hasDocument(buildProposal({ state: 'audited' }), 'contract')).toBe(false);
    expect(hasDocument(buildProposal({ state: 'submitted' }), 'minutes')).toBe(false);
  });
});

describe('R-TRN-1: who sees which paper', () => {
  const kinds: DocumentKind[] = ['minutes', 'sign_in', 'contract', 'invoice', 'acceptance_report', 'audit_report', 'notice_photo', 'other'];
  const record = buildProposal({ state: 'audited', documents: kinds.map((kind) => buildDocument(kind)) });

  test.each(['community', 'street', 'district', 'city', 'supervisor'] as const)('R-SUP-1: a %s in scope sees the whole archive', (role) => {
    expect(documentsVisibleTo(record, buildActor(role)).map((document) => document.kind)).toEqual(kinds);
  });

  test.each<[string, ReturnType<typeof buildActor>]>([
    ['an anonymous caller', buildActor(null)],
    ['a resident', buildActor('resident')],
    ['a community worker elsewhere', buildActor('community', ELSEWHERE)],
    ['a supervisor of another district', buildActor('supervisor', ELSEWHERE)],
  ])('R-TRN-1: %s sees only the notice photo and the acceptance and audit reports', (_who, actor) => {
    expect(documentsVisibleTo(record, actor).map((document) => document.kind).sort()).toEqual([...PUBLIC_DOCUMENT_KINDS].sort());
  });

  it('a project without papers shows none', () => {
    expect(documentsVisibleTo(buildProposal({ state: 'submitted' }), buildActor(null))).toEqual([]);
  });
});
