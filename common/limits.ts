/**
 * The longest texts and lists that people may enter, in characters (code points) or items. The
 * server's payload schemas and the pages' forms both read these numbers, so a form never allows
 * what the server refuses, nor refuses what it allows.
 */
export const TEXT_LIMITS = {
  /** A resident's name as they give it when joining a community. */
  name: 20,
  proposalTitle: 50,
  location: 100,
  description: 2000,
  comment: 500,
  reply: 1000,
  ratingText: 300,
  /** Reasons, explanations, report sections, evaluation summaries. */
  reason: 2000,
  explanation: 1000,
  plan: 5000,
  auditReport: 5000,
  /** A budget line's item, an implementer, a department, a maintenance unit, a tender reference. */
  shortText: 100,
  maintenanceFunding: 200,
  libraryTitle: 50,
} as const;

export const LIST_LIMITS = {
  photos: 6,
  budgetLines: 50,
} as const;

// Issue 14 L1: how much one person may upload a day (Asia/Shanghai), photos of proposals included.
export const UPLOAD_LIMITS = {
  perDay: 50,
  /** 100 MB: twenty photos at the largest size the form sends. */
  bytesPerDay: 100 * 1024 * 1024,
  /** An upload that no record shows is removed once it is this old. */
  unreferencedAfterMs: 24 * 60 * 60 * 1000,
} as const;
