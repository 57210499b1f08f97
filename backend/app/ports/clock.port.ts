/**
 * The clock of the background jobs. A request's instant comes with the request (the dispatch's
 * `now`: the function's own clock in WeChat, the dev header locally); the jobs read this port,
 * so that a test or a stand-in sets their day without touching the process.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
