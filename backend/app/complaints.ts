import type { ComplaintView } from '../../types/api';
import type { Actor, ComplaintRecord } from '../../types/domain';
import { can } from '../domain/permissions';

/** The complaint chain's id in the audit trail (issue 18). */
export const complaintChain = (id: string) => `complaint:${id}`;

/** A complaint as the API shows it: the author's openid stays in the store. */
export function complaintView(complaint: ComplaintRecord, viewer: Actor): ComplaintView {
  const { authorOpenid, ...shown } = complaint;
  // The answer form is offered only when the viewer may answer and the complaint is still open.
  const allowedActions: ComplaintView['allowedActions'] = complaint.status === 'open' && can(viewer, 'complaint.answer', complaint) ? ['complaint.answer'] : [];
  return { ...shown, mine: viewer.openid !== null && viewer.openid === authorOpenid, allowedActions };
}
