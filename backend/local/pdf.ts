/**
 * Papers for the archive (issue 18) may be PDFs. Like an image, an upload is judged by its
 * content, never by its name or declared type: the PDF header at the start, a cross-reference
 * (`startxref` and `%%EOF`) near the end, at least one object, and no active content (scripts,
 * launch actions, embedded files) that a reader might run. A PDF is stored as sent: there is no
 * re-encoding as for images, which is why anything active is refused outright.
 */

export type CheckedPdf = { ok: true } | { ok: false; message: string };

const NOT_PDF = { ok: false, message: '只能上传 PDF 文件或 JPEG、PNG、WebP 图片' } as const;
const BROKEN = { ok: false, message: 'PDF 文件已损坏，无法读取' } as const;
const ACTIVE = { ok: false, message: 'PDF 文件含有脚本或附件，不能上传' } as const;

/** Names of PDF features that run or carry something: refused. */
const ACTIVE_NAMES = /\/(JavaScript|JS|Launch|EmbeddedFile|RichMedia|OpenAction|AA|XFA|SubmitForm)\b/;

/** True when the bytes start as a PDF does (`%PDF-1.x` or `%PDF-2.x`). */
export function looksLikePdf(bytes: Buffer): boolean {
  return /^%PDF-[12]\.\d/.test(bytes.toString('latin1', 0, 8));
}

/** A sane parse of the PDF's frame: header, at least one object, cross-reference and end marker; nothing active. */
export function checkPdf(bytes: Buffer): CheckedPdf {
  if (!looksLikePdf(bytes)) return NOT_PDF;
  const text = bytes.toString('latin1');
  const tail = text.slice(-1024);
  if (!/%%EOF\s*$/.test(tail) || !/startxref\s+\d+\s+%%EOF/.test(tail)) return BROKEN;
  if (!/\d+\s+\d+\s+obj\b/.test(text)) return BROKEN;
  if (ACTIVE_NAMES.test(text)) return ACTIVE;
  return { ok: true };
}
