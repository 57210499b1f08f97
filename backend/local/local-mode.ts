// LOCAL_MODE, the one setting that decides whether the dev identity headers (x-dev-openid,
// x-dev-now) are honoured. Read strictly: a typo such as `OFF`, `false` or `0` must not leave a
// server that anyone can drive as any user while its operator believes it closed.

export const LOCAL_MODE_VALUES = ['on', 'off'] as const;

export type LocalModeSetting = { ok: true; localMode: boolean } | { ok: false; message: string };

/** Unset (or empty) is `on`, the documented default of `npm start`; `on` and `off` as written; anything else is refused. */
export function parseLocalMode(value: string | undefined): LocalModeSetting {
  if (value === undefined || value === '' || value === 'on') return { ok: true, localMode: true };
  if (value === 'off') return { ok: true, localMode: false };
  return {
    ok: false,
    message: `LOCAL_MODE must be "on" or "off" (or unset, which is "on"); got ${JSON.stringify(value.slice(0, 40))}. Refusing to start.`,
  };
}
