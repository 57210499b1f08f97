/**
 * Whose a photo is: a proposal may only show photos its proposer uploaded. Locally an upload is
 * a file row of the store with its owner; in WeChat a file id of cloud storage under the
 * caller's own folder.
 */
export interface PhotoOwnership {
  owns(openid: string, fileId: string): Promise<boolean>;
}
