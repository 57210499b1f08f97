/**
 * The longest texts the forms accept, shown as counters. They must not be stricter than the
 * server's schemas; the server stays the judge and answers `invalid_input` with the field.
 */
export const LIMITS = {
  name: 20,
  title: 40,
  location: 100,
  description: 1000,
  comment: 500,
  ratingText: 200,
  photos: 6,
} as const;
