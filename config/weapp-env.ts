/**
 * The build-time settings of the weapp (`TARO_APP_*`, replaced in the code by Taro), always
 * defined, empty when unset. A subscribe template's build setting is the server's
 * `WX_TEMPLATE_<KIND>` with `TARO_APP_TEMPLATE_<KIND>`: the same id on both sides
 * (docs/deploy-cloudbase.md, checked by test/weapp/weapp-only.test.ts).
 */
export const SUBSCRIBE_TEMPLATE_SETTINGS = [
  // Residents: their proposal's progress, the answer to their comment.
  'TARO_APP_TEMPLATE_PROPOSAL_STATE_CHANGED',
  'TARO_APP_TEMPLATE_COMMENT_ANSWERED',
  // Staff, asked on the workbench: a new proposal, a deadline within 3 working days, a change request.
  'TARO_APP_TEMPLATE_PROPOSAL_SUBMITTED',
  'TARO_APP_TEMPLATE_DEADLINE_NEAR',
  'TARO_APP_TEMPLATE_CHANGE_REQUESTED',
] as const;

export const WEAPP_BUILD_SETTINGS = ['TARO_APP_CLOUD_ENV', ...SUBSCRIBE_TEMPLATE_SETTINGS] as const;
