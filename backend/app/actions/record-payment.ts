import { TEXT_LIMITS } from '../../../common/limits';
import { z } from 'zod';
import { recordPayment, repeatedPayment } from '../../domain/payments';
import { defineAction } from '../action';
import { paymentView } from '../payments';
import { runRecordWrite } from '../project-records';
import { dateString, personText, positiveFen, recordId, requestId } from '../schemas';

export const recordPaymentAction = defineAction({
  name: 'payment.record',
  summary:
    'The implementing side records an advance, progress or final payment with its voucher and payee (R-PAY-1), from implementation on; the payments never pass the approved budget and nothing follows the final one (R-PAY-3); the ledger\'s spent follows them until the audit (R-PAY-2). A repeated `requestId` answers the first payment.',
  schema: z.object({
    id: recordId,
    kind: z.enum(['advance', 'progress', 'final']),
    amountFen: positiveFen,
    paidOn: dateString,
    payee: personText(TEXT_LIMITS.shortText),
    voucherRef: personText(TEXT_LIMITS.shortText),
    budgetItem: personText(TEXT_LIMITS.shortText).optional().describe("a budget line's `item` text"),
    requestId,
  }),
  access: { signIn: true, permission: 'payment.record' },
  audit: ['proposal', 'ledger'],
  next: ['implementation.accept', 'implementation.complete'],
  run: (input, context) => {
    const recordedBy = context.caller.openid!;
    const paymentId = context.services.newId('pay');
    return runRecordWrite(context, input.id, {
      repeat: (record) => {
        const first = repeatedPayment(record, recordedBy, input.requestId);
        return first ? paymentView(record.id, first) : null;
      },
      decide: (record) =>
        recordPayment(
          record,
          {
            id: paymentId,
            kind: input.kind,
            amountFen: input.amountFen,
            paidOn: input.paidOn,
            payee: input.payee,
            voucherRef: input.voucherRef,
            ...(input.budgetItem === undefined ? {} : { budgetItem: input.budgetItem }),
            recordedAt: context.at,
            recordedBy,
            requestId: input.requestId,
          },
          context.today,
        ),
      detail: () => ({ event: 'PaymentRecorded', paymentId, kind: input.kind, amountFen: input.amountFen, paidOn: input.paidOn }),
      answer: (stored) => paymentView(stored.record.id, stored.record.payments!.find((payment) => payment.id === paymentId)!),
    });
  },
});
