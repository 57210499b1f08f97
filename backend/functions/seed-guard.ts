/**
 * Issue 13: the `cron` function's console task "seed-demo" writes demo users and proposals. It
 * must never do so by accident in production: it runs only where the function's variable
 * `DEPLOY_STAGE` says `demo` or `test`; anywhere else — `production`, or the variable not set —
 * only when the event names this very environment (`{ task: "seed-demo", production: "<env id>" }`),
 * so that an event copied from another environment does nothing.
 */

export const DEMO_STAGES = new Set(['demo', 'test']);

export type SeedPermission = { ok: true } | { ok: false; message: string };

export function seedDemoAllowed(input: { stage: string | undefined; envId: string | undefined; event: Record<string, unknown> }): SeedPermission {
  if (input.stage !== undefined && DEMO_STAGES.has(input.stage)) return { ok: true };
  const named = input.event.production;
  if (typeof named === 'string' && named !== '' && named === input.envId) return { ok: true };
  return {
    ok: false,
    message:
      '该环境未标记为演示或测试环境（DEPLOY_STAGE=demo 或 test），不写入演示数据；确需写入生产环境，请在事件中写明本环境 ID：{ "task": "seed-demo", "production": "<环境 ID>" }',
  };
}
